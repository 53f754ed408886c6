// Counting dot votes: the only place votes are counted. Whatever a private document claims,
// a ballot counts with whole non-negative dots, on items that exist, at most the per-item cap
// and at most the budget in all.
import type { Group } from '../schema/workshop.js'
import type { VotingSettings } from '../schema/voting.js'
import type { VoteItem } from '../schema/items.js'
import type { GroupResult, ItemResult } from '../schema/voting.js'
import { competitionRanks } from './rank.js'

// Ranks moved to rank.ts with the other rank helpers; re-exported where callers found them.
export { competitionRanks }

export interface VoteRules {
  readonly budget: number
  readonly cap: number
  /** Items that exist, in board order: the order in which an over-budget ballot is filled. */
  readonly items: readonly string[]
}

/** One participant's sealed votes, as read from their private document. */
export interface Ballot {
  readonly participantId: string
  readonly group: string
  /** The raw `votes` map: item key → dots, or anything a hostile writer put there. */
  readonly votes: unknown
}

/** Counted dots of one ballot, item key → dots (only items with at least one dot). */
export type Allocation = Record<string, number>

/**
 * What a ballot counts for. Entries that are not whole non-negative numbers, or name an item
 * that does not exist, count nothing; each item is capped; and when the total is over the
 * budget, dots are taken in board order until the budget is used up.
 */
export function countBallot(votes: unknown, rules: VoteRules): Allocation {
  return ballotCounter(rules)(votes)
}

/**
 * `countBallot` for many ballots under the same rules: the items are indexed once, and each
 * ballot costs time in its own entries rather than in the number of items on the board.
 */
export function ballotCounter(rules: VoteRules): (votes: unknown) => Allocation {
  const budget = wholeOrZero(rules.budget)
  const cap = wholeOrZero(rules.cap)
  // Board position of each item. An item listed twice is still one item: it must not spend
  // the budget twice, so only its first place counts.
  const position = new Map<string, number>()
  rules.items.forEach((key, i) => {
    if (!position.has(key)) position.set(key, i)
  })
  return (votes) => {
    if (typeof votes !== 'object' || votes === null || Array.isArray(votes)) return {}
    if (budget === 0) return {}
    const claimed = votes as Record<string, unknown>
    // Own entries only: a `__proto__` written into the document must not lend inherited ones.
    const onBoard: [number, string][] = []
    for (const key of Object.getOwnPropertyNames(claimed)) {
      const at = position.get(key)
      if (at !== undefined) onBoard.push([at, key])
    }
    onBoard.sort((a, b) => a[0] - b[0])
    const counted: [string, number][] = []
    let left = budget
    for (const [, key] of onBoard) {
      if (left === 0) break
      const value = claimed[key]
      // Any whole number above zero is capped, however large (2 ** 53 and beyond included).
      if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) continue
      const dots = Math.min(value, cap, left)
      if (dots <= 0) continue
      counted.push([key, dots])
      left -= dots
    }
    // fromEntries defines own properties, so even an item keyed `__proto__` is kept as data.
    return Object.fromEntries(counted)
  }
}

/** A budget or cap as a whole number of dots; anything not a finite number allows none. */
function wholeOrZero(n: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.floor(n)) : 0
}

/** Dots a ballot counts for in all. */
export function dotsUsed(allocation: Allocation): number {
  let sum = 0
  for (const v of Object.values(allocation)) sum += v
  return sum
}

export interface TallyInput {
  readonly ballots: readonly Ballot[]
  readonly items: readonly VoteItem[]
  readonly settings: VotingSettings
  readonly groups: readonly Group[]
  /** Roster size per group id, for "3 of 4 surgeons voted". */
  readonly members: Readonly<Record<string, number>>
}

export interface Tally {
  readonly items: ItemResult[]
  readonly groups: GroupResult[]
  readonly totalDots: number
  readonly voters: number
  /** Counted allocation per participant id. */
  readonly allocations: Readonly<Record<string, Allocation>>
}

/**
 * Totals per item and per stakeholder group, and the normalised share in which every group
 * that voted weighs the same whatever its size: an item's normalised share is the mean, over
 * those groups, of the share of that group's dots it got.
 */
export function tally(input: TallyInput): Tally {
  const count = ballotCounter({
    budget: input.settings.dotBudget,
    cap: input.settings.maxDotsPerItem,
    items: input.items.map((i) => i.key),
  })
  const groupIds = new Set(input.groups.map((g) => g.id))
  const byItem = new Map<string, Record<string, number>>(input.items.map((i) => [i.key, {}]))
  const groupDots = new Map<string, number>()
  const groupVoters = new Map<string, number>()
  // A Map, not an object: an id such as `constructor` must not look as if it had voted already.
  const allocations = new Map<string, Allocation>()
  let totalDots = 0
  let voters = 0
  for (const ballot of input.ballots) {
    // A ballot from someone in no known group is not counted (the roster decides groups).
    if (!groupIds.has(ballot.group) || allocations.has(ballot.participantId)) continue
    const allocation = count(ballot.votes)
    const used = dotsUsed(allocation)
    allocations.set(ballot.participantId, allocation)
    if (used === 0) continue
    voters++
    totalDots += used
    groupDots.set(ballot.group, (groupDots.get(ballot.group) ?? 0) + used)
    groupVoters.set(ballot.group, (groupVoters.get(ballot.group) ?? 0) + 1)
    for (const [key, dots] of Object.entries(allocation)) {
      const row = byItem.get(key)!
      row[ballot.group] = (row[ballot.group] ?? 0) + dots
    }
  }
  const votingGroups = input.groups.filter((g) => (groupDots.get(g.id) ?? 0) > 0)
  const totals = input.items.map((item) =>
    Object.values(byItem.get(item.key)!).reduce((a, b) => a + b, 0),
  )
  const normalized = input.items.map((item) => {
    if (votingGroups.length === 0) return 0
    const row = byItem.get(item.key)!
    let share = 0
    for (const g of votingGroups) share += (row[g.id] ?? 0) / groupDots.get(g.id)!
    return Math.min(1, share / votingGroups.length)
  })
  const ranks = competitionRanks(totals)
  // Shares computed by division can differ in the last bit for equal fractions; round first.
  const normalizedRanks = competitionRanks(normalized.map((n) => Math.round(n * 1e9)))
  return {
    items: input.items.map((item, i) => ({
      key: item.key,
      kind: item.kind,
      label: item.label,
      total: totals[i]!,
      byGroup: { ...byItem.get(item.key)! },
      normalized: normalized[i]!,
      rank: ranks[i]!,
      normalizedRank: normalizedRanks[i]!,
    })),
    groups: input.groups.map((g) => ({
      id: g.id,
      name: g.name,
      voters: groupVoters.get(g.id) ?? 0,
      members: input.members[g.id] ?? 0,
      dots: groupDots.get(g.id) ?? 0,
    })),
    totalDots,
    voters,
    allocations: Object.fromEntries(allocations),
  }
}

/** Items in result order: by total (or normalised share), ties keeping board order. */
export function rankedItems(
  items: readonly ItemResult[],
  by: 'total' | 'normalized',
): ItemResult[] {
  const rankOf = (i: ItemResult) => (by === 'total' ? i.rank : i.normalizedRank)
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rankOf(a.item) - rankOf(b.item) || a.index - b.index)
    .map(({ item }) => item)
}

/** "1st", "tied 2nd": how a rank reads, saying when it is shared. */
export function rankLabel(rank: number, ranks: readonly number[]): string {
  const tied = ranks.filter((r) => r === rank).length > 1
  const suffix =
    rank % 100 >= 11 && rank % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th')
  return `${tied ? 'tied ' : ''}${rank}${suffix}`
}
