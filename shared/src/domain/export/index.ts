// Exports of a workshop: the record, its renderings (Markdown, HTML, JSON, CSV) and what a route
// needs to send one (content type, file name).
import type { WorkshopRecord } from '../../schema/record.js'
import type { ExportFormat } from '../../schema/export-format.js'
import { renderCsv } from './csv.js'
import { type RenderOptions } from './format.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'

export interface ExportFile {
  readonly body: string
  readonly contentType: string
  /** ASCII only, safe in a Content-Disposition header and on any file system. */
  readonly filename: string
}

const TYPES: Record<ExportFormat, { contentType: string; extension: string }> = {
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv' },
}

/**
 * A file name from the title and the export date: letters and digits of the title (accents
 * dropped), dashes between words, at most 60 characters; `workshop` when nothing is left.
 */
export function exportFilename(record: WorkshopRecord, format: ExportFormat): string {
  const slug =
    record.workshop.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'workshop'
  const date = new Date(record.exportedAt).toISOString().slice(0, 10)
  return `${slug}-${date}.${TYPES[format].extension}`
}

/** The workshop record rendered in `format`, with its content type and file name. */
export function renderExport(
  record: WorkshopRecord,
  format: ExportFormat,
  options: RenderOptions = {},
): ExportFile {
  const body =
    format === 'md'
      ? renderMarkdown(record, options)
      : format === 'html'
        ? renderHtml(record, options)
        : format === 'json'
          ? renderJson(record)
          : renderCsv(record)
  return { body, contentType: TYPES[format].contentType, filename: exportFilename(record, format) }
}
