// The export request's query string: GET /api/workshops/:id/export?format=md|html|json|csv&tz=…
import { exportFormatSchema } from '../schema/export-format.js'
import { z } from '../schema/zod.js'

export { EXPORT_FORMATS, exportFormatSchema, type ExportFormat } from '../schema/export-format.js'

export const exportQuerySchema = z.object({
  format: exportFormatSchema,
  /** IANA time zone for the dates in the document (the console sends the browser's); UTC if absent. */
  tz: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_+\-/]+$/))),
})
export type ExportQuery = z.infer<typeof exportQuerySchema>
