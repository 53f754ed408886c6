// The 2x2's requests: the ratings round's steps (the generic sealed-round routes) and the
// adoption of the revealed aggregate. Failures are ApiErrors with the server's own message.
import { matrixRatings, type MatrixRatingSettings, type MatrixWeighting } from '@triage/shared'
import { postAction, roundStep, type RoundStep } from '../../lib/api'

export type { RoundStep }

/** Opens (with settings), closes, reveals or reopens the ratings round. */
export function ratingStep(
  workshopId: string,
  token: string,
  step: RoundStep,
  settings?: MatrixRatingSettings,
): Promise<void> {
  return roundStep(workshopId, token, matrixRatings.id, step, settings ? { settings } : {})
}

/** Adopts the revealed aggregate under `weighting` as the group placement. */
export function adoptAggregate(
  workshopId: string,
  token: string,
  weighting: MatrixWeighting,
): Promise<void> {
  return postAction(`/api/workshops/${workshopId}/matrix/adopt`, token, { weighting })
}
