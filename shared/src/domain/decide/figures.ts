// The figures that quantify a group's dissent from a decision: where the group put the item
// in the dot vote (its dots and its own rank by them), in the value framework (its rank with
// its own weights) and the weights it proposed. Pure, from what was revealed.
import type { VoteResults } from '../../schema/voting.js'
import { competitionRanks } from '../rank.js'
import type { FrameworkStanding } from './selection.js'

export interface GroupFigures {
  readonly group: string
  /** The group's dots on the item and its rank among the ballot's items by the group's dots. */
  readonly votes: {
    readonly dots: number
    readonly groupDots: number
    readonly rank: number
    readonly of: number
    /** The item's rank by every group's dots together. */
    readonly overallRank: number
  } | null
  /** The item's rank with the group's own weights, and overall with the adopted weights. */
  readonly framework: {
    readonly rank: number
    readonly of: number
    readonly score: number
    readonly overallRank: number | null
  } | null
  /** The group's mean proposed weights, by criterion name in the framework's order. */
  readonly weights: readonly { readonly criterion: string; readonly points: number }[] | null
}

/** What a group's figures are drawn from. */
export interface FigureSources {
  readonly votes: VoteResults | null
  readonly framework: FrameworkStanding | null
}

/** The figures of `group` for the item `itemKey` (each part null where it was not measured). */
export function groupFigures(itemKey: string, group: string, sources: FigureSources): GroupFigures {
  return {
    group,
    votes: voteFigures(itemKey, group, sources.votes),
    framework: frameworkFigures(itemKey, group, sources.framework),
    weights: weightFigures(group, sources.framework),
  }
}

function voteFigures(itemKey: string, group: string, votes: VoteResults | null) {
  if (!votes) return null
  const at = votes.items.findIndex((i) => i.key === itemKey)
  if (at < 0 || !votes.groups.some((g) => g.id === group)) return null
  const dots = votes.items.map((i) => i.byGroup[group] ?? 0)
  return {
    dots: dots[at]!,
    groupDots: dots.reduce((s, d) => s + d, 0),
    rank: competitionRanks(dots)[at]!,
    of: votes.items.length,
    overallRank: votes.items[at]!.rank,
  }
}

function frameworkFigures(itemKey: string, group: string, framework: FrameworkStanding | null) {
  const ranking = framework?.groupRankings[group]
  const mine = ranking?.find((r) => r.key === itemKey)
  if (!framework || !ranking || !mine) return null
  return {
    rank: mine.rank,
    of: ranking.length,
    score: mine.score,
    overallRank: framework.ranking.find((r) => r.key === itemKey)?.rank ?? null,
  }
}

function weightFigures(group: string, framework: FrameworkStanding | null) {
  const w = framework?.groupWeights[group]
  if (!framework || !w) return null
  return framework.criteria.map((c) => ({ criterion: c.name, points: w[c.id] ?? 0 }))
}

const round1 = (x: number) => Math.round(x * 10) / 10

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
function englishOrdinal(n: number): string {
  const tens = n % 100
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as const)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** The figures in one plain sentence ("Gave it 0 of 12 dots (ranked 5th of 6 by them; 1st overall)."). */
export function describeGroupFigures(
  f: GroupFigures,
  ordinal: (n: number) => string = englishOrdinal,
): string {
  const parts: string[] = []
  if (f.votes) {
    parts.push(
      `gave it ${f.votes.dots} of their ${f.votes.groupDots} ${f.votes.groupDots === 1 ? 'dot' : 'dots'} (${ordinal(f.votes.rank)} of ${f.votes.of} by their dots; ${ordinal(f.votes.overallRank)} overall)`,
    )
  }
  if (f.framework) {
    parts.push(
      `ranked it ${ordinal(f.framework.rank)} of ${f.framework.of} with their own weights (score ${round1(f.framework.score)}${f.framework.overallRank === null ? '' : `; ${ordinal(f.framework.overallRank)} with the adopted weights`})`,
    )
  }
  if (f.weights && f.weights.length > 0) {
    parts.push(
      `proposed weights ${f.weights.map((w) => `${w.criterion} ${round1(w.points)}`).join(', ')}`,
    )
  }
  if (parts.length === 0) return 'No figures were measured for this group.'
  const text = parts.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}
