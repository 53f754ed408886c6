// Joining a workshop by code: no account, a name and a stakeholder group.
import type { FastifyPluginAsync } from 'fastify'
import {
  addRosterEntry,
  cleanText,
  joinBodySchema,
  joinCodeSchema,
  type JoinInfoResponse,
  type JoinResponse,
} from '@triage/shared'
import { hashToken, newParticipantId, newToken } from '../auth/tokens.js'
import { HttpError, parseOr400 } from '../http-error.js'
import type { WorkshopRecord } from '../store/store.js'

const join: FastifyPluginAsync = async (app) => {
  const rateLimit = { max: app.config.joinPerMinute, timeWindow: '1 minute' }

  async function openWorkshop(code: string): Promise<WorkshopRecord> {
    const workshop = await app.store.getWorkshopByCode(code)
    if (!workshop) throw new HttpError(404, 'not_found', 'No workshop has this code')
    if (workshop.closedAt !== null) {
      throw new HttpError(403, 'closed', 'This workshop is closed to new participants')
    }
    return workshop
  }

  app.get<{ Params: { code: string } }>(
    '/api/join/:code',
    { config: { rateLimit } },
    async (request): Promise<JoinInfoResponse> => {
      const code = parseOr400(joinCodeSchema, request.params.code)
      const workshop = await openWorkshop(code)
      // Cleaned on the way out as well: a workshop stored before text was cleaned may hold anything.
      return {
        title: cleanText(workshop.title),
        groups: workshop.groups.map((g) => ({ ...g, name: cleanText(g.name) })),
      }
    },
  )

  app.post('/api/join', { config: { rateLimit } }, async (request): Promise<JoinResponse> => {
    const body = parseOr400(joinBodySchema, request.body)
    const workshop = await openWorkshop(body.code)
    const wanted = body.group.toLowerCase()
    const group =
      workshop.groups.find((g) => g.id === body.group) ??
      workshop.groups.find((g) => g.name.toLowerCase() === wanted)
    if (!group) {
      const names = workshop.groups.map((g) => g.name).join(', ')
      throw new HttpError(400, 'bad_request', `group: choose one of ${names}`)
    }
    const participantId = newParticipantId()
    const token = newToken()
    const joinedAt = Date.now()
    await app.store.addParticipant({
      id: participantId,
      workshopId: workshop.id,
      name: body.name,
      groupId: group.id,
      tokenHash: hashToken(token),
      joinedAt,
    })
    await app.rooms.change({ workshopId: workshop.id, kind: 'control' }, (doc) =>
      addRosterEntry(doc, participantId, { name: body.name, group: group.id, joinedAt }),
    )
    return { workshopId: workshop.id, participantId, token }
  })
}
export default join
