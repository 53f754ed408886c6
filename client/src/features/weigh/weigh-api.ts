// The weigh phase's requests: the weights round's steps (the generic round routes) and the
// adoption of the weights. Errors come back as the API's own ApiError with the server's words.
import type { AggregationBasis, Weights } from '@triage/shared'
import { postAction, roundStep, type RoundStep } from '../../lib/api'

export type { RoundStep }

export const weighApi = {
  /** A step of a sealed round of `kind` (`weights`, `scores`). */
  roundStep: (workshopId: string, token: string, kind: string, step: RoundStep, body?: unknown) =>
    roundStep(workshopId, token, kind, step, body),
  adopt: (workshopId: string, token: string, weights: Weights, basis: AggregationBasis) =>
    postAction(`/api/workshops/${workshopId}/framework/adopt`, token, { weights, basis }),
}
