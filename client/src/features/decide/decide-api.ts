// The decide phase's requests: the consent round's steps (the generic sealed-round routes),
// recording a decision in the log and withdrawing one. Failures are ApiErrors.
import { consentRound } from '@triage/shared'
import { ApiError, errorMessage } from '../../lib/api'

async function send(method: string, path: string, token: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(method === 'POST' ? { body: '{}' } : {}),
    })
  } catch {
    throw new ApiError(
      'Cannot reach the server. Check your connection and try again.',
      0,
      'network',
    )
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const { code, message } = errorMessage(response.status, body)
    throw new ApiError(message, response.status, code)
  }
  return body
}

export type ConsentStep = 'open' | 'close' | 'reveal' | 'reopen'

/** Opens, closes, reveals or reopens the consent round. */
export async function consentStep(workshopId: string, token: string, step: ConsentStep) {
  await send('POST', `/api/workshops/${workshopId}/rounds/${consentRound.id}/${step}`, token)
}

/** Records a decision in the log as it stands: first time, changed, or unchanged. */
export async function recordDecision(
  workshopId: string,
  token: string,
  id: string,
): Promise<'recorded' | 'changed' | 'unchanged'> {
  const body = (await send(
    'POST',
    `/api/workshops/${workshopId}/decisions/${encodeURIComponent(id)}/record`,
    token,
  )) as { outcome?: unknown } | null
  const outcome = body?.outcome
  return outcome === 'recorded' || outcome === 'changed' ? outcome : 'unchanged'
}

/** Withdraws a decision (logged when it had been recorded). */
export async function withdrawDecision(workshopId: string, token: string, id: string) {
  await send('DELETE', `/api/workshops/${workshopId}/decisions/${encodeURIComponent(id)}`, token)
}
