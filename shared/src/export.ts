// Entry point `@triage/shared/export`: the workshop record and its renderings. A subpath of its
// own, so that the renderers' libraries (mdast, d3-scale, csv-stringify) never reach a bundle
// that imports only the package's main entry, such as the participant's phone route.
export * from './schema/record.js'
export * from './schema/export-format.js'
export * from './doc/record.js'
export * from './domain/export/build-record.js'
export * from './domain/export/decisions-record.js'
export * from './domain/export/document.js'
export * from './domain/export/figures.js'
export * from './domain/export/format.js'
export * from './domain/export/escape.js'
export * from './domain/export/rationale.js'
export * from './domain/export/markdown.js'
export * from './domain/export/html.js'
export * from './domain/export/csv.js'
export * from './domain/export/json.js'
export * from './domain/export/index.js'
export { SECTIONS, type SectionContext, type SectionSpec } from './domain/export/sections/index.js'
