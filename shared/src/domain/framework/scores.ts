// Weighted scores of a linear additive value model: each score is mapped onto 0–1 by its
// criterion's scale (a cost criterion reversed, so it counts against), weighted by the weights'
// shares and summed, then shown on 0–100 (0 worst on every criterion, 100 best on every one).
// Ranks follow from the scores; groups get theirs from their own weights (and scores).
import type { Criterion, Weights } from '../../schema/framework.js'
import { competitionRanks, rankOrder } from '../rank.js'

/** Scores by item key, then by criterion id, on each criterion's own scale. */
export type ScoreTable = Readonly<Record<string, Readonly<Record<string, number>>>>

/**
 * The weights' shares, in the criteria's order, summing to 1. Unknown criteria are left out;
 * negative, NaN and infinite weights count as 0; when nothing is left, every criterion counts
 * the same (no weights is not "no criteria").
 */
export function weightShares(
  criteria: readonly Pick<Criterion, 'id'>[],
  weights: Weights,
): number[] {
  const raw = criteria.map((c) => {
    const w = Object.hasOwn(weights, c.id) ? weights[c.id] : undefined
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0
  })
  const sum = raw.reduce((a, b) => a + b, 0)
  if (sum === 0) return criteria.map(() => 1 / criteria.length)
  return raw.map((w) => w / sum)
}

/**
 * A score's value on 0–1: its place on the criterion's scale, reversed for a cost criterion.
 * Scores off the scale are bounded to it; a missing or non-numeric score is null.
 */
export function criterionValue(criterion: Pick<Criterion, 'direction' | 'scale'>, score: unknown) {
  if (typeof score !== 'number' || !Number.isFinite(score)) return null
  const { min, max } = criterion.scale
  const v = Math.min(1, Math.max(0, (score - min) / (max - min)))
  return criterion.direction === 'cost' ? 1 - v : v
}

/**
 * The value matrix, items × criteria, row-major. A missing score gets value 0: an item gets no
 * credit on a criterion nobody scored it on (stated with the ranking), so leaving a score out
 * never lifts an item.
 */
export function valueMatrix(
  itemKeys: readonly string[],
  criteria: readonly Pick<Criterion, 'id' | 'direction' | 'scale'>[],
  scores: ScoreTable,
): Float64Array {
  const m = criteria.length
  const out = new Float64Array(itemKeys.length * m)
  itemKeys.forEach((key, i) => {
    const row = Object.hasOwn(scores, key) ? scores[key] : undefined
    criteria.forEach((c, j) => {
      const s = row && Object.hasOwn(row, c.id) ? row[c.id] : undefined
      out[i * m + j] = criterionValue(c, s) ?? 0
    })
  })
  return out
}

/** Item scores (0–1) for weight shares `w` over a value matrix of `m` columns. */
export function scoresFor(values: Float64Array, m: number, w: readonly number[]): number[] {
  const n = values.length / m
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    let s = 0
    for (let j = 0; j < m; j++) s += w[j]! * values[i * m + j]!
    out[i] = s
  }
  return out
}

/** One item in a weighted ranking. */
export interface RankedItem {
  readonly key: string
  /** Weighted score, 0–100. */
  readonly score: number
  /** Each criterion's part of the score, in the criteria's order (they sum to `score`). */
  readonly contributions: readonly number[]
  /** Competition rank (1, 2, 2, 4). */
  readonly rank: number
}

/** Rounds away the last bits of floating-point noise, so equal sums rank as ties. */
const tidy = (x: number) => Math.round(x * 1e9) / 1e9

/**
 * The weighted ranking: each item's score on 0–100 with each criterion's contribution, highest
 * first, ties sharing a rank in the items' given order. Scaling every weight by one factor
 * changes nothing (only the shares count).
 */
export function weightedRanking(
  itemKeys: readonly string[],
  criteria: readonly Criterion[],
  weights: Weights,
  scores: ScoreTable,
): RankedItem[] {
  const m = criteria.length
  const w = weightShares(criteria, weights)
  const values = valueMatrix(itemKeys, criteria, scores)
  const rows = itemKeys.map((key, i) => {
    const contributions = criteria.map((_, j) => tidy(100 * w[j]! * values[i * m + j]!))
    let sum = 0
    for (let j = 0; j < m; j++) sum += w[j]! * values[i * m + j]!
    return { key, score: tidy(100 * sum), contributions }
  })
  const totals = rows.map((r) => r.score)
  const ranks = competitionRanks(totals)
  return rankOrder(totals).map((i) => ({ ...rows[i]!, rank: ranks[i]! }))
}

/** The ranking each group gets with its own weights, and its own scores when it has them. */
export function groupRankings(
  itemKeys: readonly string[],
  criteria: readonly Criterion[],
  groups: readonly {
    readonly id: string
    readonly weights: Weights
    readonly scores?: ScoreTable
  }[],
  scores: ScoreTable,
): Record<string, RankedItem[]> {
  return Object.fromEntries(
    groups.map((g) => [g.id, weightedRanking(itemKeys, criteria, g.weights, g.scores ?? scores)]),
  )
}
