// The decide phase's requests: the consent round's steps (the generic sealed-round routes),
// recording a decision in the log and withdrawing one. Failures are ApiErrors.
import { consentRound } from '@triage/shared'
import { requestAny, roundStep, type RoundStep } from '../../lib/api'

export type ConsentStep = RoundStep

/** Opens, closes, reveals or reopens the consent round. */
export function consentStep(workshopId: string, token: string, step: ConsentStep) {
  return roundStep(workshopId, token, consentRound.id, step)
}

/** Records a decision in the log as it stands: first time, changed, or unchanged. */
export async function recordDecision(
  workshopId: string,
  token: string,
  id: string,
): Promise<'recorded' | 'changed' | 'unchanged'> {
  const body = (await requestAny(
    `/api/workshops/${workshopId}/decisions/${encodeURIComponent(id)}/record`,
    { method: 'POST', body: {}, token },
  )) as { outcome?: unknown } | null
  const outcome = body?.outcome
  return outcome === 'recorded' || outcome === 'changed' ? outcome : 'unchanged'
}

/** Withdraws a decision (logged when it had been recorded). */
export async function withdrawDecision(workshopId: string, token: string, id: string) {
  await requestAny(`/api/workshops/${workshopId}/decisions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    token,
  })
}
