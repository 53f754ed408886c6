// What a participant should be doing in each phase, in one line.
import type { CollectMode, Phase } from '@triage/shared'

export const PHASE_INSTRUCTIONS: Record<Phase, string> = {
  setup: 'The workshop is about to start. Keep this page open — it follows the facilitator.',
  brainstorm:
    'Write down your ideas privately. Nobody sees them until the facilitator reveals them.',
  cluster: 'Help group similar ideas: move each idea on the board into a cluster.',
  vote: 'Place your dots on the items that matter most to you.',
  matrix: 'Rate each item for its impact and for the effort it takes.',
  weigh: 'Propose how much each criterion should count, then score the items.',
  decide: 'The group is deciding. Follow the board and say if you disagree.',
}

/** Open adding skips the private drafts, so the brainstorm line must not promise privacy. */
export function instructionFor(phase: Phase, collect: CollectMode): string {
  return phase === 'brainstorm' && collect === 'open'
    ? 'Add your ideas straight to the shared board. Everyone sees them at once.'
    : PHASE_INSTRUCTIONS[phase]
}
