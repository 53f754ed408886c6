// What the join page needs from shared, without zod (`@triage/shared/join`): a participant's
// phone shows the join form before it loads any schema. The two answers it reads are checked by
// hand, accepting exactly what their schemas in http.ts accept and returning what they return
// (join.test.ts holds them to it).
import { cleanText } from '../schema/clean-text.js'
import { ID_PATTERN, TOKEN_PATTERN } from '../schema/formats.js'
import { LIMITS } from '../schema/limits.js'
import type { ParticipantId, WorkshopId } from '../schema/ids.js'
import type { JoinInfoResponse, JoinResponse } from './http.js'

export { LIMITS } from '../schema/limits.js'
export { JOIN_CODE_LENGTH, normalizeJoinCode } from '../schema/formats.js'

/** A plain object, as zod's `z.object` takes one. */
function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

const GROUP_ID = /^g[0-9]{1,3}$/

/** `joinInfoResponseSchema.parse`: the title, and the groups with cleaned names; null if not. */
export function parseJoinInfo(value: unknown): JoinInfoResponse | null {
  const body = record(value)
  if (!body || typeof body.title !== 'string' || !Array.isArray(body.groups)) return null
  const groups: JoinInfoResponse['groups'] = []
  for (const item of body.groups as unknown[]) {
    const group = record(item)
    if (!group || typeof group.id !== 'string' || typeof group.name !== 'string') return null
    if (!GROUP_ID.test(group.id)) return null
    const name = cleanText(group.name).trim()
    if (name.length < 1 || name.length > LIMITS.groupName) return null
    groups.push({ id: group.id, name })
  }
  return { title: body.title, groups }
}

/** `joinResponseSchema.parse`: the new participant's ids and token; null if not. */
export function parseJoinResponse(value: unknown): JoinResponse | null {
  const body = record(value)
  if (!body) return null
  const { workshopId, participantId, token } = body
  if (typeof workshopId !== 'string' || !ID_PATTERN.test(workshopId)) return null
  if (typeof participantId !== 'string' || !ID_PATTERN.test(participantId)) return null
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return null
  return {
    workshopId: workshopId as WorkshopId,
    participantId: participantId as ParticipantId,
    token,
  }
}
