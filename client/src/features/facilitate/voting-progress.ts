// The facilitator's view of an open vote: dots used per participant, never where they went.
import type { Progress } from '@triage/shared'
import type { RosterGroup } from '../../lib/roster-groups'

export interface VotingProgressLine {
  readonly id: string
  /** "Dana: 3 of 5 dots" */
  readonly label: string
  readonly dots: number
  readonly group: string
  readonly online: boolean
}

/**
 * One line per participant in roster order (by stakeholder group, then name). Dots are the
 * server's count, already clamped to the budget; a participant not counted yet reads 0.
 */
export function votingProgressLines(
  groups: readonly RosterGroup[],
  progress: Readonly<Record<string, Progress>>,
  budget: number,
): VotingProgressLine[] {
  return groups.flatMap((g) =>
    g.members.map((m) => {
      const dots = Math.min(progress[m.id]?.dots ?? 0, budget)
      return {
        id: m.id,
        label: `${m.name}: ${dots} of ${budget} dots`,
        dots,
        group: g.name,
        online: m.online,
      }
    }),
  )
}
