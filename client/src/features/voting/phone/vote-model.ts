// The phone's ballot as it will count: each item's own dots read through the shared counting
// function, which buttons may be pressed, and the dots a tap writes.
import {
  countBallot,
  dotsUsed,
  type VoteItem,
  type VoteRules,
  type VotingSettings,
  type VotingStatus,
} from '@triage/shared'

export interface BallotRow {
  readonly item: VoteItem
  /** Dots on this item as they count. */
  readonly dots: number
  readonly canAdd: boolean
  readonly canRemove: boolean
}

export interface BallotView {
  readonly rows: readonly BallotRow[]
  /** Dots placed, as counted. */
  readonly used: number
  /** Dots still to place. */
  readonly left: number
  readonly budget: number
  readonly cap: number
}

/** The counting rules for these items and settings: the same the server counts with. */
export function voteRules(items: readonly VoteItem[], settings: VotingSettings): VoteRules {
  return {
    budget: settings.dotBudget,
    cap: settings.maxDotsPerItem,
    items: items.map((i) => i.key),
  }
}

/**
 * What the phone shows: the private document's votes passed through `countBallot`, so a dot
 * that would not count (over the cap or budget, on an item that is gone) is not shown either.
 * Buttons work only while voting is `open`.
 */
export function ballotView(
  items: readonly VoteItem[],
  raw: unknown,
  settings: VotingSettings,
  open: boolean,
): BallotView {
  const rules = voteRules(items, settings)
  const allocation = countBallot(raw, rules)
  const used = dotsUsed(allocation)
  const left = Math.max(0, settings.dotBudget - used)
  return {
    rows: items.map((item) => {
      const dots = allocation[item.key] ?? 0
      return {
        item,
        dots,
        canAdd: open && left > 0 && dots < settings.maxDotsPerItem,
        canRemove: open && dots > 0,
      }
    }),
    used,
    left,
    budget: settings.dotBudget,
    cap: settings.maxDotsPerItem,
  }
}

/**
 * The dots to write on `key` for one tap (+1 or -1), counted from the document as it is now
 * (not from the last render, so quick double taps stay within the rules); null when the tap
 * is not allowed (cap, budget, nothing to remove, unknown item).
 */
export function dotsAfterTap(
  raw: unknown,
  rules: VoteRules,
  key: string,
  delta: 1 | -1,
): number | null {
  if (!rules.items.includes(key)) return null
  const allocation = countBallot(raw, rules)
  const dots = allocation[key] ?? 0
  if (delta === -1) return dots > 0 ? dots - 1 : null
  const left = Math.max(0, Math.floor(rules.budget)) - dotsUsed(allocation)
  return left > 0 && dots < Math.floor(rules.cap) ? dots + 1 : null
}

/** Clusters and single ideas side by side: each row then says which it is. */
export const mixedKinds = (items: readonly VoteItem[]): boolean =>
  new Set(items.map((i) => i.kind)).size > 1

/** "N of B dots left". */
export const dotsLeftLabel = (left: number, budget: number): string =>
  `${left} of ${budget} dots left`

/** "1 dot", "0 dots", "3 dots". */
export const dotLabel = (n: number): string => (n === 1 ? '1 dot' : `${n} dots`)

/**
 * What a tap is told, worded apart from the budget line on screen: "Dot added to Bed board: 2
 * on it, 3 dots left."
 */
export function tapNews(label: string, delta: 1 | -1, onItem: number, left: number): string {
  const what = delta === 1 ? `Dot added to ${label}` : `Dot taken off ${label}`
  return `${what}: ${onItem} on it, ${left === 1 ? '1 dot' : `${left} dots`} left.`
}

/** Why the buttons are off, or null while voting is open. */
export function votingNotice(status: VotingStatus): string | null {
  switch (status) {
    case 'setup':
      return 'Voting has not opened yet'
    case 'open':
      return null
    case 'closed':
    case 'revealed':
      return 'Voting is closed'
  }
}
