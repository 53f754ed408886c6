// The facilitator's view of an open vote: dots used per participant, never where they went.
import type { Progress } from '@triage/shared'
import type { RosterGroup } from '../../../lib/roster-groups'
import { roundProgressLines, type RoundProgressLine } from '../../../rounds/progress-lines'

/**
 * One line per participant in roster order (by stakeholder group, then name). Dots are the
 * server's count, already clamped to the budget; a participant not counted yet reads 0.
 */
export function votingProgressLines(
  groups: readonly RosterGroup[],
  progress: Readonly<Record<string, Progress>>,
  budget: number,
): RoundProgressLine[] {
  return roundProgressLines(
    groups,
    (id) => Math.min(progress[id]?.dots ?? 0, budget),
    (name, dots) => `${name}: ${dots} of ${budget} dots`,
  )
}
