// What the results view shows, derived from the revealed results: the group columns, the rows
// in raw ranking order, which items the group-normalised ranking moves, and who voted where.
import { rankedItems, rankLabel, type Group, type VoteResults } from '@triage/shared'
import { dotCount, percent } from './format'

export interface GroupColumn {
  readonly id: string
  readonly name: string
}

/**
 * One column per group counted at reveal, in the workshop's order, named as the workshop names
 * it now (a group renamed after the reveal keeps its column).
 */
export function groupColumns(results: VoteResults, groups: readonly Group[]): GroupColumn[] {
  const names = new Map(groups.map((g) => [g.id, g.name]))
  return results.groups.map((g) => ({ id: g.id, name: names.get(g.id) ?? g.name }))
}

export interface ResultRow {
  readonly key: string
  readonly label: string
  readonly kind: 'cluster' | 'idea'
  readonly total: number
  /** Dots per group column, in column order. */
  readonly byGroup: readonly number[]
  /** "42.9%" */
  readonly normalized: string
  /** "1st", "tied 2nd" */
  readonly rank: string
}

/** The table's rows, in raw ranking order (ties keep board order). */
export function resultRows(results: VoteResults, columns: readonly GroupColumn[]): ResultRow[] {
  const ranks = results.items.map((i) => i.rank)
  return rankedItems(results.items, 'total').map((item) => ({
    key: item.key,
    label: item.label,
    kind: item.kind,
    total: item.total,
    byGroup: columns.map((c) => item.byGroup[c.id] ?? 0),
    normalized: percent(item.normalized),
    rank: rankLabel(item.rank, ranks),
  }))
}

/** True when the results hold both clusters and single ideas, so rows say which is which. */
export function mixedKinds(results: VoteResults): boolean {
  const kinds = new Set(results.items.map((i) => i.kind))
  return kinds.size > 1
}

/**
 * The items whose place differs between the raw and the group-normalised ranking, in raw
 * order: "Bed board: 2nd raw, 1st normalised". A tie that splits (or forms) counts as a
 * difference, since the rank reads differently.
 */
export function rankChanges(results: VoteResults): string[] {
  const raw = results.items.map((i) => i.rank)
  const normalized = results.items.map((i) => i.normalizedRank)
  const lines: string[] = []
  for (const item of rankedItems(results.items, 'total')) {
    const before = rankLabel(item.rank, raw)
    const after = rankLabel(item.normalizedRank, normalized)
    if (before !== after) lines.push(`${item.label}: ${before} raw, ${after} normalised`)
  }
  return lines
}

export interface BallotRow {
  readonly name: string
  readonly group: string
  /** "Bed board: 2 dots", in raw ranking order of the items. */
  readonly dots: readonly string[]
}

/**
 * Open voting: each voter's counted dots, by group (workshop order) then name. Dots on items
 * that are not in the results are left out.
 */
export function ballotRows(results: VoteResults, columns: readonly GroupColumn[]): BallotRow[] {
  if (!results.ballots) return []
  const order = new Map(columns.map((c, i) => [c.id, i]))
  const names = new Map(columns.map((c) => [c.id, c.name]))
  const items = rankedItems(results.items, 'total')
  return [...results.ballots]
    .sort(
      (a, b) =>
        (order.get(a.group) ?? columns.length) - (order.get(b.group) ?? columns.length) ||
        a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }),
    )
    .map((ballot) => ({
      name: ballot.name,
      group: names.get(ballot.group) ?? ballot.group,
      dots: items.flatMap((item) => {
        const n = ballot.dots[item.key]
        return typeof n === 'number' && n > 0 ? [`${item.label}: ${dotCount(n)}`] : []
      }),
    }))
}
