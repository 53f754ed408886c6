// Reads a workshop's record for an export: the control and board documents through the rooms,
// when it was created and closed from the directory, and the sealed votes from the sealed store
// (so that the JSON export recounts the revealed results). Reads only; available at any phase.
import { consentRound, dotVoting, parseSeal, type WorkshopId } from '@triage/shared'
import {
  assembleWorkshopRecord,
  type SealedBallot,
  type SealedConsent,
  type WorkshopRecord,
} from '@triage/shared/export'
import { sealKey } from './round-registry.js'
import { HttpError } from '../http-error.js'
import type { Directory, SealedInputs } from '../store/store.js'
import type { Rooms } from '../sync/rooms.js'

/**
 * Where closing voting stores its seal among the workshop's sealed inputs: the key voting used
 * before rounds were generic, which the rounds service keeps for it.
 */
const VOTING_SEAL_KEY = 'votes'

export interface ExportDeps {
  readonly rooms: Pick<Rooms, 'acquire'>
  readonly store: Pick<Directory, 'getWorkshop'> & Pick<SealedInputs, 'getSealed'>
}

/**
 * The sealed ballots of the last vote closed: every sealed participant's group and input. Null
 * when there is no seal or it cannot be read: the record then carries the results without them.
 */
async function sealedBallots(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
): Promise<SealedBallot[] | null> {
  const bytes = await store.getSealed(workshopId, VOTING_SEAL_KEY)
  if (!bytes) return null
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return null
  }
  const seal = parseSeal(dotVoting, json)
  if (!seal) return null
  return seal.participants.map((p) => ({
    group: p.group,
    votes: Object.hasOwn(seal.inputs, p.id) ? seal.inputs[p.id] : null,
  }))
}

/** The sealed consent answers of the last consent round closed, or null (as for votes). */
async function sealedConsent(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
): Promise<SealedConsent[] | null> {
  const bytes = await store.getSealed(workshopId, sealKey(consentRound.id))
  if (!bytes) return null
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return null
  }
  const seal = parseSeal(consentRound, json)
  if (!seal) return null
  return seal.participants.map((p) => ({
    group: p.group,
    answers: Object.hasOwn(seal.inputs, p.id) ? seal.inputs[p.id] : null,
  }))
}

/** The workshop's record as it stands at `now`; 404 when the workshop does not exist. */
export async function readWorkshopRecord(
  deps: ExportDeps,
  workshopId: WorkshopId,
  now: number,
): Promise<WorkshopRecord> {
  const workshop = await deps.store.getWorkshop(workshopId)
  if (!workshop) throw new HttpError(404, 'not_found', 'There is no such workshop')
  const ballots = await sealedBallots(deps.store, workshopId)
  const consent = await sealedConsent(deps.store, workshopId)
  // Both documents held at once, so the record is read from one moment of each.
  const control = await deps.rooms.acquire({ workshopId, kind: 'control' })
  try {
    const board = await deps.rooms.acquire({ workshopId, kind: 'board' })
    try {
      return assembleWorkshopRecord(control.room.doc, board.room.doc, {
        workshopId,
        exportedAt: now,
        createdAt: workshop.createdAt,
        closedAt: workshop.closedAt,
        sealedBallots: ballots,
        sealedConsent: consent,
      })
    } finally {
      board.release()
    }
  } finally {
    control.release()
  }
}
