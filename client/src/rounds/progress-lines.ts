// A sealed round's progress as the facilitator and the projector see it: how much each
// participant has put in so far ("Dana: 4 of 12 rated", "Dana: 3 of 5 dots") and how many have
// started, from the counts the server keeps. Counts only: never what anyone chose.
import type { RosterEntry } from '@triage/shared'
import type { RosterGroup } from '../lib/roster-groups'
import type { ProgressListLine } from './progress-list'

export interface RoundProgressLine extends ProgressListLine {
  /** The participant's count, as `count` gave it. */
  readonly count: number
}

/**
 * One line per participant in roster order (by stakeholder group, then name), worded by
 * `label`. `count` is the server's count for a participant (0 for one not counted yet); a line
 * at 0 is marked as having nothing yet.
 */
export function roundProgressLines(
  groups: readonly RosterGroup[],
  count: (participantId: string) => number,
  label: (name: string, count: number) => string,
): RoundProgressLine[] {
  return groups.flatMap((g) =>
    g.members.map((m) => {
      const n = count(m.id)
      return {
        id: m.id,
        label: label(m.name, n),
        count: n,
        group: g.name,
        online: m.online,
        none: n === 0,
      }
    }),
  )
}

export interface RoundTurnout {
  /** Participants on the roster with something counted. */
  readonly started: number
  readonly total: number
}

/** How many of the roster's participants have put something in (progress of others ignored). */
export function roundTurnout(
  roster: Readonly<Record<string, RosterEntry>>,
  count: (participantId: string) => number,
): RoundTurnout {
  const ids = Object.keys(roster)
  return { started: ids.filter((id) => count(id) > 0).length, total: ids.length }
}
