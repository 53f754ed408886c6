// GET /api/workshops/:id/export?format=md|html|json|csv[&tz=Europe/London]: the workshop's
// record for its facilitator, as a file to save, at any phase of the workshop; the rationale
// document (md, html) for the read-only link too.
import type { FastifyPluginAsync } from 'fastify'
import { VIEWER_EXPORT_FORMATS, exportQuerySchema, workshopIdSchema } from '@triage/shared'
import { HTML_EXPORT_CSP, isTimeZone, renderExport } from '@triage/shared/export'
import { HttpError, parseOr400 } from '../http-error.js'
import { RecordCache, readWorkshopRecord } from '../workshop/export.js'

interface ExportRoute {
  Params: { id: string }
  Querystring: Record<string, unknown>
}

const exportRoute: FastifyPluginAsync = async (app) => {
  // md, html, json and csv of an unchanged workshop one after another read its record once.
  const cache = new RecordCache()
  app.get<ExportRoute>('/api/workshops/:id/export', async (request, reply) => {
    const id = parseOr400(workshopIdSchema, request.params.id)
    // Who asks comes first: without the token, not even a bad format is worth an answer.
    const owner = await app.authenticate(request)
    const viewer = owner.role === 'viewer' && owner.workshopId === id
    if (!viewer && (owner.workshopId !== id || owner.role !== 'facilitator')) {
      throw new HttpError(403, 'forbidden', "Only this workshop's facilitator may do that")
    }
    const query = parseOr400(exportQuerySchema, request.query)
    // The read-only link gets the rationale document, never the record with its sealed inputs.
    if (viewer && !(VIEWER_EXPORT_FORMATS as readonly string[]).includes(query.format)) {
      throw new HttpError(403, 'forbidden', 'The read-only link may download md or html only')
    }
    if (query.tz !== undefined && !isTimeZone(query.tz)) {
      throw new HttpError(400, 'bad_request', 'tz: not a time zone this server knows')
    }
    const deps = { rooms: app.rooms, store: app.store, cache }
    const record = await readWorkshopRecord(deps, id, Date.now())
    const file = renderExport(record, query.format, { timeZone: query.tz ?? 'UTC' })
    reply
      .header('content-type', file.contentType)
      // The name is ASCII letters, digits, dashes and a dot (exportFilename): safe unquoted too.
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
    if (query.format === 'html') {
      // Opened straight from the response, the page gets the policy it carries, and no framing.
      reply.header('content-security-policy', `${HTML_EXPORT_CSP}; frame-ancestors 'none'`)
    }
    return reply.send(file.body)
  })
}
export default exportRoute
