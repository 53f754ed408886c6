// "I'm done": a participant says they have finished the current input step (a brainstorm
// round, the phase's open rounds), or takes it back. A participant never writes control, so
// the server writes the mark for them, only for the step that is current when it arrives.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import {
  doneBodySchema,
  readControl,
  readInputStep,
  setDoneMark,
  workshopIdSchema,
  type DoneResponse,
} from '@triage/shared'
import { HttpError, parseOr400 } from '../http-error.js'
import { bearerToken } from '../plugins/auth.js'

interface WorkshopRoute {
  Params: { id: string }
}

const done: FastifyPluginAsync = async (app) => {
  app.post<WorkshopRoute>(
    '/api/workshops/:id/done',
    {
      config: {
        // Per token: a whole ward's phones may share one address.
        rateLimit: {
          max: 60,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => bearerToken(request) ?? request.ip,
        },
      },
    },
    async (request): Promise<DoneResponse> => {
      const workshopId = parseOr400(workshopIdSchema, request.params.id)
      const owner = await app.authenticate(request)
      if (owner.workshopId !== workshopId || owner.role !== 'participant') {
        throw new HttpError(
          403,
          'forbidden',
          'Only participants of this workshop say they are done',
        )
      }
      const participantId = owner.participantId
      const body = parseOr400(doneBodySchema, request.body)
      const now = Date.now()
      // Read and written in one change: the step cannot move between the check and the mark.
      await app.rooms.change({ workshopId, kind: 'control' }, (doc) => {
        if (!(participantId in readControl(doc).roster)) {
          throw new HttpError(403, 'forbidden', 'You are no longer taking part in this workshop')
        }
        const step = readInputStep(doc)
        if (step === null) {
          throw new HttpError(409, 'conflict', 'Nothing is being collected right now')
        }
        if (step !== body.step) {
          throw new HttpError(409, 'conflict', 'That step is over; the workshop has moved on')
        }
        setDoneMark(doc, participantId, body.done ? { step, at: now } : null)
      })
      request.log.info(
        { workshopId, participantId, step: body.step, done: body.done },
        body.done ? 'participant done' : 'participant not done',
      )
      return { step: body.step, done: body.done }
    },
  )
}
export default done
