// How each round kind is named in messages and the decision log, on its own: the log's
// sentences (domain/log.ts) are read by every screen that shows the control document, the
// participant's phone among them, and need these words only, not the kinds' rules (clamps,
// aggregates, the 2x2's stability), which stay with the screens and the server that run them.
import type { RoundWords } from './round-kind.js'

export const ROUND_WORDS = {
  voting: {
    name: 'Voting',
    round: 'vote',
    submitted: 'placed dots',
    took: 'voted',
    results: 'Results revealed',
    inputs: 'votes',
  },
  'matrix-ratings': {
    name: '2x2 rating',
    round: 'rating',
    submitted: 'rated',
    took: 'rated',
    results: '2x2 ratings revealed',
    inputs: 'ratings',
  },
  weights: {
    name: 'Weighting',
    round: 'weighting',
    submitted: 'proposed weights',
    took: 'proposed weights',
    results: 'Weight proposals revealed',
    inputs: 'proposals',
  },
  scores: {
    name: 'Scoring',
    round: 'scoring',
    submitted: 'scored',
    took: 'scored',
    results: 'Scores revealed',
    inputs: 'scores',
  },
  consent: {
    name: 'Consent',
    round: 'consent round',
    submitted: 'answered',
    took: 'answered',
    results: 'Consent revealed',
    inputs: 'answers',
  },
} as const satisfies Record<string, RoundWords>

/** The words of the kind with this id, or null for a kind not known here. */
export function roundWordsOf(id: string): RoundWords | null {
  return Object.hasOwn(ROUND_WORDS, id) ? ROUND_WORDS[id as keyof typeof ROUND_WORDS] : null
}
