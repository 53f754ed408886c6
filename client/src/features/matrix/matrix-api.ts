// The 2x2's requests: the ratings round's steps (the generic sealed-round routes) and the
// adoption of the revealed aggregate. Failures are ApiErrors with the server's own message.
import { matrixRatings, type MatrixRatingSettings, type MatrixWeighting } from '@triage/shared'
import { ApiError, errorMessage } from '../../lib/api'

async function post(path: string, token: string, body: unknown): Promise<void> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
  } catch {
    throw new ApiError(
      'Cannot reach the server. Check your connection and try again.',
      0,
      'network',
    )
  }
  if (!response.ok) {
    const { code, message } = errorMessage(response.status, await response.json().catch(() => null))
    throw new ApiError(message, response.status, code)
  }
}

export type RoundStep = 'open' | 'close' | 'reveal' | 'reopen'

/** Opens (with settings), closes, reveals or reopens the ratings round. */
export function ratingStep(
  workshopId: string,
  token: string,
  step: RoundStep,
  settings?: MatrixRatingSettings,
): Promise<void> {
  return post(
    `/api/workshops/${workshopId}/rounds/${matrixRatings.id}/${step}`,
    token,
    settings ? { settings } : {},
  )
}

/** Adopts the revealed aggregate under `weighting` as the group placement. */
export function adoptAggregate(
  workshopId: string,
  token: string,
  weighting: MatrixWeighting,
): Promise<void> {
  return post(`/api/workshops/${workshopId}/matrix/adopt`, token, { weighting })
}
