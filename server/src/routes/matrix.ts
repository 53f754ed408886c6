// The 2x2's one server action: the facilitator adopts the revealed aggregate as the placement.
import type { FastifyPluginAsync } from 'fastify'
import { workshopIdSchema } from '@triage/shared'
import { z } from 'zod/mini'
import { parseOr400 } from '../http-error.js'

interface MatrixRoute {
  Params: { id: string }
}

const adoptBody = z.object({ weighting: z.enum(['people', 'groups']) })

const matrix: FastifyPluginAsync = async (app) => {
  app.post<MatrixRoute>('/api/workshops/:id/matrix/adopt', async (request) => {
    const id = parseOr400(workshopIdSchema, request.params.id)
    await app.requireFacilitator(request, id)
    const body = parseOr400(adoptBody, request.body ?? {})
    return app.matrix.adopt(id, body.weighting, Date.now())
  })
}
export default matrix
