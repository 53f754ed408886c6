// The facilitator's view of a silent brainstorm: per participant how many ideas, never what.
import type { Progress } from '@triage/shared'
import type { RosterGroup } from '../../../lib/roster-groups'

/** "1 idea", "0 ideas", "3 ideas". */
export function ideaCount(n: number): string {
  return n === 1 ? '1 idea' : `${n} ideas`
}

export interface ProgressLine {
  readonly id: string
  /** "Dana: 3 ideas" — drafts still private plus ideas already revealed. */
  readonly label: string
  readonly ideas: number
  readonly group: string
  readonly online: boolean
}

/**
 * One line per participant, in roster order (by stakeholder group, then name). Participants
 * the server has not counted yet read "0 ideas".
 */
export function progressLines(
  groups: readonly RosterGroup[],
  progress: Readonly<Record<string, Progress>>,
): ProgressLine[] {
  return groups.flatMap((g) =>
    g.members.map((m) => {
      const p = progress[m.id]
      const ideas = p ? p.drafts + p.revealed : 0
      return {
        id: m.id,
        label: `${m.name}: ${ideaCount(ideas)}`,
        ideas,
        group: g.name,
        online: m.online,
      }
    }),
  )
}

/** Drafts waiting to be revealed and ideas revealed so far, over everyone. */
export function progressTotals(progress: Readonly<Record<string, Progress>>): {
  drafts: number
  revealed: number
} {
  let drafts = 0
  let revealed = 0
  for (const p of Object.values(progress)) {
    drafts += p.drafts
    revealed += p.revealed
  }
  return { drafts, revealed }
}

/** What the facilitator is told after a reveal. */
export function revealResultLine({ revealed, skipped }: { revealed: number; skipped: number }) {
  const line = revealed === 0 ? 'No drafts to reveal' : `Revealed ${ideaCount(revealed)}`
  return skipped > 0 ? `${line} (${skipped} left out: the board is full)` : line
}

/** What the facilitator hears after a reveal (worded apart from the line on screen). */
export function revealNews({ revealed, skipped }: { revealed: number; skipped: number }): string {
  const line =
    revealed === 0
      ? 'There were no drafts to reveal.'
      : `${ideaCount(revealed)} revealed onto the board.`
  return skipped > 0 ? `${line} ${skipped} left out: the board is full.` : line
}
