// The formats a workshop can be exported in (GET /api/workshops/:id/export?format=…).
import { z } from './zod.js'

/** Markdown, printable HTML, the JSON record, the ranked items as CSV. */
export const EXPORT_FORMATS = ['md', 'html', 'json', 'csv'] as const
export const exportFormatSchema = z.enum(EXPORT_FORMATS)
export type ExportFormat = z.infer<typeof exportFormatSchema>
