// The rationale document of a workshop record, as the document model both renderers draw.
import type { WorkshopRecord } from '../../schema/record.js'
import type { ExportDocument } from './document.js'
import { formatDateTime, type RenderOptions } from './format.js'
import { SECTIONS, sectionContext } from './sections/index.js'

/** Builds the rationale document: one entry of `SECTIONS` after another. */
export function rationaleDocument(
  record: WorkshopRecord,
  options: RenderOptions = {},
): ExportDocument {
  const timeZone = options.timeZone ?? 'UTC'
  const ctx = sectionContext(record, timeZone)
  return {
    title: record.workshop.title,
    subtitle: 'Workshop record and rationale',
    sections: SECTIONS.map((s) => ({ id: s.id, title: s.title, blocks: s.build(ctx) })),
    footer: `Exported ${formatDateTime(record.exportedAt, timeZone)} (${timeZone}) from Triage Board. Record format ${record.format}, schema version ${record.schemaVersion}: the JSON export holds every figure’s inputs.`,
  }
}
