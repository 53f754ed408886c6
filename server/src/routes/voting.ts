// Dot voting's server-side steps: open, close (seal the votes), reveal (count and publish).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { openVotingBodySchema, workshopIdSchema, type WorkshopId } from '@triage/shared'
import { parseOr400 } from '../http-error.js'
import { VotingService } from '../workshop/voting.js'

const voting: FastifyPluginAsync = async (app) => {
  const service = new VotingService(app.rooms, app.store, (err, participantId) =>
    app.log.warn({ err, participantId }, 'private document unreadable at close; skipped'),
  )
  const idParam = (request: FastifyRequest): WorkshopId =>
    parseOr400(workshopIdSchema, (request.params as { id?: unknown }).id)

  for (const action of ['open', 'close', 'reveal'] as const) {
    app.post(`/api/workshops/:id/voting/${action}`, async (request, reply) => {
      const id = idParam(request)
      await app.requireFacilitator(request, id)
      if (action === 'open') {
        const body = parseOr400(openVotingBodySchema, request.body ?? {})
        await service.open(id, Date.now(), body.settings)
      } else {
        await service[action](id, Date.now())
      }
      await app.progress.flush()
      return reply.code(204).send()
    })
  }
}
export default voting
