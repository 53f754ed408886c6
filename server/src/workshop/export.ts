// Reads a workshop's record for an export: the control and board documents through the rooms,
// when it was created and closed from the directory, and the sealed votes, consent, 2x2 ratings
// and scores from the sealed store (so that the JSON export recounts the revealed results).
// Reads only; available at any phase.
import {
  consentRound,
  criterionScores,
  dotVoting,
  matrixRatings,
  parseSeal,
  type RoundKind,
  type WorkshopId,
} from '@triage/shared'
import {
  assembleWorkshopRecord,
  type SealedBallot,
  type SealedConsent,
  type SealedRatings,
  type SealedScores,
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
 * Each sealed participant's group and input in the last round of `kind` closed, clamped against
 * the sealed context as the reveal clamps it (no input counts as none). Null when there is no
 * seal or it cannot be read: the record then carries the revealed results without them.
 */
async function sealedInputs<Settings, Context, Input, Result>(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
  kind: RoundKind<Settings, Context, Input, Result>,
  key: string,
): Promise<{ group: string; input: unknown }[] | null> {
  const bytes = await store.getSealed(workshopId, key)
  if (!bytes) return null
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return null
  }
  const seal = parseSeal(kind, json)
  if (!seal) return null
  return seal.participants.map((p) => ({
    group: p.group,
    input: kind.clamp(Object.hasOwn(seal.inputs, p.id) ? seal.inputs[p.id] : null, seal.context, p),
  }))
}

/** The sealed ballots of the last vote closed (see `sealedInputs`). */
async function sealedBallots(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
): Promise<SealedBallot[] | null> {
  const found = await sealedInputs(store, workshopId, dotVoting, VOTING_SEAL_KEY)
  return (
    found?.map(({ group, input }) => ({ group, votes: input as SealedBallot['votes'] })) ?? null
  )
}

/** The sealed consent answers of the last consent round closed (see `sealedInputs`). */
async function sealedConsent(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
): Promise<SealedConsent[] | null> {
  const found = await sealedInputs(store, workshopId, consentRound, sealKey(consentRound.id))
  return (
    found?.map(({ group, input }) => ({ group, answers: input as SealedConsent['answers'] })) ??
    null
  )
}

/** The sealed ratings of the last 2x2 ratings round closed (see `sealedInputs`). */
async function sealedRatings(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
): Promise<SealedRatings[] | null> {
  const found = await sealedInputs(store, workshopId, matrixRatings, sealKey(matrixRatings.id))
  return found?.map(({ group, input }) => ({ group, ratings: input })) ?? null
}

/** The sealed scores of the last scores round closed (see `sealedInputs`). */
async function sealedScores(
  store: ExportDeps['store'],
  workshopId: WorkshopId,
): Promise<SealedScores[] | null> {
  const found = await sealedInputs(store, workshopId, criterionScores, sealKey(criterionScores.id))
  return found?.map(({ group, input }) => ({ group, scores: input })) ?? null
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
  const ratings = await sealedRatings(deps.store, workshopId)
  const scores = await sealedScores(deps.store, workshopId)
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
        sealedRatings: ratings,
        sealedScores: scores,
      })
    } finally {
      board.release()
    }
  } finally {
    control.release()
  }
}
