// Creating, inspecting, closing and deleting workshops.
import type { FastifyPluginAsync } from 'fastify'
import {
  appendLogEvent,
  createWorkshopBodySchema,
  groupsFromNames,
  initControl,
  workshopIdSchema,
  type CreateWorkshopResponse,
  type SessionResponse,
} from '@triage/shared'
import { hashToken, newJoinCode, newToken, newWorkshopId } from '../auth/tokens.js'
import { HttpError, parseOr400 } from '../http-error.js'
import { DuplicateJoinCodeError } from '../store/store.js'

/** Routes under /api/workshops/:id. */
interface WorkshopRoute {
  Params: { id: string }
}

const workshops: FastifyPluginAsync = async (app) => {
  const idParam = (params: WorkshopRoute['Params']) => parseOr400(workshopIdSchema, params.id)

  app.post(
    '/api/workshops',
    { config: { rateLimit: { max: app.config.createPerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const body = parseOr400(createWorkshopBodySchema, request.body)
      const groups = groupsFromNames(body.groups)
      const workshopId = newWorkshopId()
      const facilitatorToken = newToken()
      let joinCode = ''
      for (let attempt = 0; ; attempt++) {
        joinCode = newJoinCode()
        try {
          await app.store.createWorkshop({
            id: workshopId,
            joinCode,
            title: body.title,
            groups,
            facilitatorTokenHash: hashToken(facilitatorToken),
            createdAt: Date.now(),
            closedAt: null,
          })
          break
        } catch (err) {
          if (!(err instanceof DuplicateJoinCodeError) || attempt >= 5) throw err
        }
      }
      await app.rooms.change({ workshopId, kind: 'control' }, (doc) =>
        initControl(doc, {
          title: body.title,
          objective: body.objective,
          groups,
          dotBudget: body.dotBudget,
          maxDotsPerItem: body.maxDotsPerItem,
          anonymous: body.anonymous,
        }),
      )
      const response: CreateWorkshopResponse = { workshopId, joinCode, facilitatorToken }
      return reply.code(201).send(response)
    },
  )

  app.get('/api/session', async (request): Promise<SessionResponse> => {
    const owner = await app.authenticate(request)
    const workshop = await app.store.getWorkshop(owner.workshopId)
    if (!workshop) throw new HttpError(401, 'unauthorized', 'This workshop no longer exists')
    return {
      workshopId: owner.workshopId,
      role: owner.role,
      participantId: owner.role === 'participant' ? owner.participantId : null,
      // The projector shows the code to the room, so its link may know it; the read-only link
      // is for people outside the room, who must not join.
      joinCode:
        owner.role === 'facilitator' || (owner.role === 'viewer' && owner.via === 'projector')
          ? workshop.joinCode
          : null,
    }
  })

  app.post<WorkshopRoute>('/api/workshops/:id/close', async (request, reply) => {
    const id = idParam(request.params)
    await app.requireFacilitator(request, id)
    const now = Date.now()
    const before = await app.store.getWorkshop(id)
    await app.store.closeWorkshop(id, now)
    // Logged once, on the close that took effect (closing again changes nothing).
    if (before && before.closedAt === null) {
      await app.rooms.change({ workshopId: id, kind: 'control' }, (doc) =>
        appendLogEvent(doc, { type: 'workshop-closed', at: now }),
      )
    }
    return reply.code(204).send()
  })

  app.delete<WorkshopRoute>('/api/workshops/:id', async (request, reply) => {
    const id = idParam(request.params)
    await app.requireFacilitator(request, id)
    await app.rooms.deleteWorkshop(id)
    await app.store.deleteWorkshop(id)
    app.log.info({ workshopId: id }, 'workshop deleted')
    return reply.code(204).send()
  })
}
export default workshops
