// One set of routes for every sealed round kind: the facilitator opens (with settings),
// closes, reveals and reopens `/api/workshops/:id/rounds/:kind/…`.
import type { FastifyPluginAsync } from 'fastify'
import { workshopIdSchema } from '@triage/shared'
import { z } from 'zod/mini'
import { parseOr400 } from '../http-error.js'

/** Routes under /api/workshops/:id/rounds/:kind. */
interface RoundRoute {
  Params: { id: string; kind: string }
}

const ACTIONS = ['open', 'close', 'reveal', 'reopen'] as const

const rounds: FastifyPluginAsync = async (app) => {
  for (const action of ACTIONS) {
    app.post<RoundRoute>(`/api/workshops/:id/rounds/:kind/${action}`, async (request, reply) => {
      const id = parseOr400(workshopIdSchema, request.params.id)
      await app.requireFacilitator(request, id)
      const kind = app.rounds.kind(request.params.kind)
      const now = Date.now()
      switch (action) {
        case 'open':
        case 'reopen': {
          // The settings are the kind's own; they are checked before anything changes.
          const body = parseOr400(
            z.object({ settings: z.optional(kind.settingsSchema) }),
            request.body ?? {},
          )
          await app.rounds[action](id, kind.id, now, body.settings)
          break
        }
        case 'close':
        case 'reveal':
          await app.rounds[action](id, kind.id, now)
          break
      }
      await app.progress.flush()
      return reply.code(204).send()
    })
  }
}
export default rounds
