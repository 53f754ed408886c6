// Removing a participant (someone who joined by mistake, or is disruptive): the facilitator
// revokes their token, their connections close with a message that says why, and anything
// they send later is refused. What they contributed stays; the removal is logged by group.
import type { FastifyPluginAsync } from 'fastify'
import {
  appendLogEvent,
  CLOSE,
  cleanText,
  markRosterRemoved,
  participantIdSchema,
  workshopIdSchema,
} from '@triage/shared'
import { HttpError, parseOr400 } from '../http-error.js'

interface ParticipantRoute {
  Params: { id: string; participantId: string }
}

const participants: FastifyPluginAsync = async (app) => {
  app.delete<ParticipantRoute>(
    '/api/workshops/:id/participants/:participantId',
    async (request, reply) => {
      const id = parseOr400(workshopIdSchema, request.params.id)
      await app.requireFacilitator(request, id)
      const participantId = parseOr400(participantIdSchema, request.params.participantId)
      const workshop = await app.store.getWorkshop(id)
      if (!workshop) throw new HttpError(404, 'not_found', 'No such workshop')
      // The token first: from here on it opens nothing, so no new connection can slip in
      // between closing the open ones and the roster saying so.
      const revoked = await app.store.revokeParticipant(id, participantId)
      if (!revoked) {
        throw new HttpError(404, 'not_found', 'No such participant, or they were removed already')
      }
      app.connections.close(
        { workshopId: id, role: 'participant', participantId },
        CLOSE.removed,
        'removed by the facilitator',
      )
      const now = Date.now()
      await app.rooms.change({ workshopId: id, kind: 'control' }, (doc) => {
        const entry = markRosterRemoved(doc, participantId, now)
        const group = workshop.groups.find((g) => g.id === entry?.group)
        appendLogEvent(doc, {
          type: 'participant-removed',
          at: now,
          group: cleanText(group?.name ?? 'no group'),
        })
      })
      return reply.code(204).send()
    },
  )
}
export default participants
