// The round kinds, listed once: the server runs the lifecycle for each, the progress tracker
// counts each, and a new phase that collects hidden input adds one line here.
import type { AnyRoundKind } from './round-kind.js'
import { dotVoting } from './dot-voting.js'
import { matrixRatings } from './matrix-ratings.js'
import { weightProposals } from './weight-proposals.js'
import { criterionScores } from './criterion-scores.js'
import { consentRound } from './consent.js'

/** Every round kind of the workshop method, in the order of the phases. */
export const ROUND_KINDS: readonly AnyRoundKind[] = [
  dotVoting,
  matrixRatings,
  weightProposals,
  criterionScores,
  consentRound,
]

/** The registered kind with this id, or null. */
export function findRoundKind(
  id: string,
  kinds: readonly AnyRoundKind[] = ROUND_KINDS,
): AnyRoundKind | null {
  return kinds.find((k) => k.id === id) ?? null
}
