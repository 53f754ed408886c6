// The decide phase's routes (facilitator's token): record a decision in the log as it stands,
// or withdraw it. Selecting and editing decisions are the facilitators' own control edits.
import type { FastifyPluginAsync } from 'fastify'
import { workshopIdSchema } from '@triage/shared'
import { parseOr400 } from '../http-error.js'

interface DecisionRoute {
  Params: { id: string; decision: string }
}

const decisions: FastifyPluginAsync = async (app) => {
  app.post<DecisionRoute>('/api/workshops/:id/decisions/:decision/record', async (request) => {
    const id = parseOr400(workshopIdSchema, request.params.id)
    await app.requireFacilitator(request, id)
    return { outcome: await app.decisions.record(id, request.params.decision, Date.now()) }
  })

  app.delete<DecisionRoute>('/api/workshops/:id/decisions/:decision', async (request, reply) => {
    const id = parseOr400(workshopIdSchema, request.params.id)
    await app.requireFacilitator(request, id)
    await app.decisions.withdraw(id, request.params.decision, Date.now())
    return reply.code(204).send()
  })
}
export default decisions
