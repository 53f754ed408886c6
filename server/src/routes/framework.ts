// The value framework's one server action: the facilitator adopts the weights
// (`POST /api/workshops/:id/framework/adopt`); proposing and revealing them is the `weights` round.
import type { FastifyPluginAsync } from 'fastify'
import { aggregationBasisSchema, workshopIdSchema } from '@triage/shared'
import { z } from 'zod/mini'
import { parseOr400 } from '../http-error.js'
import { adoptWeights } from '../workshop/framework.js'

interface WorkshopRoute {
  Params: { id: string }
}

const adoptBodySchema = z.object({
  weights: z.record(
    z.string().check(z.maxLength(40)),
    z.number().check(z.gte(0), z.lte(1_000_000)),
  ),
  basis: aggregationBasisSchema,
})

const framework: FastifyPluginAsync = async (app) => {
  app.post<WorkshopRoute>('/api/workshops/:id/framework/adopt', async (request, reply) => {
    const id = parseOr400(workshopIdSchema, request.params.id)
    await app.requireFacilitator(request, id)
    const body = parseOr400(adoptBodySchema, request.body ?? {})
    const adopted = await adoptWeights(app.rooms, id, body, Date.now())
    return reply.code(200).send(adopted)
  })
}
export default framework
