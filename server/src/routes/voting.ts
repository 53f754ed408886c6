// Dot voting's routes as they have always been, over the generic rounds service: open (with
// settings), close (seal the votes), reveal (count and publish).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { dotVoting, openVotingBodySchema, workshopIdSchema, type WorkshopId } from '@triage/shared'
import { parseOr400 } from '../http-error.js'

/** Routes under /api/workshops/:id. */
interface WorkshopRoute {
  Params: { id: string }
}

const voting: FastifyPluginAsync = async (app) => {
  const idParam = (request: FastifyRequest<WorkshopRoute>): WorkshopId =>
    parseOr400(workshopIdSchema, request.params.id)

  for (const action of ['open', 'close', 'reveal'] as const) {
    app.post<WorkshopRoute>(`/api/workshops/:id/voting/${action}`, async (request, reply) => {
      const id = idParam(request)
      await app.requireFacilitator(request, id)
      if (action === 'open') {
        const body = parseOr400(openVotingBodySchema, request.body ?? {})
        await app.rounds.open(id, dotVoting.id, Date.now(), body.settings)
      } else {
        await app.rounds[action](id, dotVoting.id, Date.now())
      }
      await app.progress.flush()
      return reply.code(204).send()
    })
  }
}
export default voting
