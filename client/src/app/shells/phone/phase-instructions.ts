// What a participant should be doing in each phase, in one line, as the phase stands now: a
// phase with a sealed round says something else before it opens, while it is open, once it is
// closed and once it is revealed (after the results, nobody is asked to place dots any more).
// The phase's own part says in detail what is sealed; these lines do not repeat its words.
import type { CollectMode, Phase, RoundStatus } from '@triage/shared'

export const PHASE_INSTRUCTIONS: Record<Phase, string> = {
  setup: 'The workshop is about to start. Keep this page open — it follows the facilitator.',
  brainstorm:
    'Write down your ideas privately. Nobody sees them until the facilitator reveals them.',
  cluster: 'Help group similar ideas: move each idea on the board into a cluster.',
  vote: 'Place your dots on the items that matter most to you.',
  matrix: 'Rate each item for its impact and for the effort it takes.',
  weigh: 'Propose how much each criterion should count.',
  decide: 'The group is deciding. Follow the board and say if you disagree.',
}

/** The lines of a phase with a sealed round, by the round's status ('open' is the phase's own). */
const ROUND_LINES: Partial<Record<Phase, Record<Exclude<RoundStatus, 'open'>, string>>> = {
  vote: {
    setup: 'Voting opens soon: the facilitator will tell you when to place your dots.',
    closed: 'The vote has ended: the results come next.',
    revealed: 'The votes are counted: see the results.',
  },
  matrix: {
    setup: 'The group places the items by impact and effort. Follow the board.',
    closed: 'Rating has ended: the matrix comes next.',
    revealed: 'The matrix is revealed: see where the items landed.',
  },
  weigh: {
    setup: 'The facilitator is preparing the criteria to weigh.',
    closed: 'Proposing has ended: the adopted weights come next.',
    revealed: 'The weights are revealed: see the ranking.',
  },
  decide: {
    setup: PHASE_INSTRUCTIONS.decide,
    closed: 'Consent has ended: the counts come next.',
    revealed: 'The answers are counted: see the decisions.',
  },
}

/** The decide phase asks for consent while its round is open. */
const DECIDE_OPEN = 'Say for each decision whether you can live with it.'

/**
 * The line for `phase` now: `round` is the status of the phase's sealed round (null for a phase
 * without one). Open adding skips the private drafts, so the brainstorm line must not promise
 * privacy then.
 */
export function instructionFor(
  phase: Phase,
  collect: CollectMode,
  round: RoundStatus | null = null,
): string {
  if (phase === 'brainstorm' && collect === 'open') {
    return 'Add your ideas straight to the shared board. Everyone sees them at once.'
  }
  const lines = ROUND_LINES[phase]
  if (!lines || round === null) return PHASE_INSTRUCTIONS[phase]
  if (round === 'open') return phase === 'decide' ? DECIDE_OPEN : PHASE_INSTRUCTIONS[phase]
  return lines[round]
}
