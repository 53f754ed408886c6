// How far a vote has got, as counts only (never where dots went): for the console and projector.
import type { Progress, RosterEntry } from '@triage/shared'
import { roundTurnout } from '../../rounds/progress-lines'

export interface VoteTurnout {
  /** Participants on the roster with at least one counted dot. */
  readonly voted: number
  readonly total: number
}

/** Counts the roster's participants who have placed a dot so far. */
export function voteTurnout(
  roster: Readonly<Record<string, RosterEntry>>,
  progress: Readonly<Record<string, Progress>>,
): VoteTurnout {
  const { started, total } = roundTurnout(roster, (id) => progress[id]?.dots ?? 0)
  return { voted: started, total }
}

/**
 * "2 of 5 participants have placed dots": those with any dot, not those finished (who said
 * "I'm done" is counted apart, rounds/done.tsx). The wording the views and tests share.
 */
export function turnoutSummary({ voted, total }: VoteTurnout): string {
  return `${voted} of ${total} participants have placed dots`
}
