// The weigh phase's requests: the weights round's steps (the generic round routes) and the
// adoption of the weights. Errors come back as the API's own ApiError with the server's words.
import type { AggregationBasis, Weights } from '@triage/shared'
import { ApiError, errorMessage } from '../../lib/api'

export type RoundStep = 'open' | 'close' | 'reveal' | 'reopen'

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

export const weighApi = {
  /** A step of a sealed round of `kind` (`weights`, `scores`). */
  roundStep: (workshopId: string, token: string, kind: string, step: RoundStep) =>
    post(`/api/workshops/${workshopId}/rounds/${kind}/${step}`, token, {}),
  adopt: (workshopId: string, token: string, weights: Weights, basis: AggregationBasis) =>
    post(`/api/workshops/${workshopId}/framework/adopt`, token, { weights, basis }),
}
