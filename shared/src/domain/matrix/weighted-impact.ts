// The 2x2's impact axis from the value framework (issue 11, item 6): when weights are adopted
// and items scored, an item's weighted benefit score (0–100) can stand for its impact, mapped
// linearly onto the 1–9 axis. Items without a score keep their place from the ratings.
import type { ConsensusScores } from '../../schema/consensus-scores.js'
import type { AdoptedWeights, Criterion } from '../../schema/framework.js'
import { RATING_MAX, RATING_MIN, type MatrixPoint } from '../../schema/matrix.js'
import { weightedRanking, type ScoreTable } from '../framework/scores.js'
import type { CriterionScoresResult } from '../rounds/criterion-scores.js'

/** A weighted score (0–100) on the impact axis: 0 → 1, 100 → 9, linear; bounded; null if not a number. */
export function impactFromScore(score: number): number | null {
  if (!Number.isFinite(score)) return null
  const s = Math.min(100, Math.max(0, score))
  return RATING_MIN + ((RATING_MAX - RATING_MIN) * s) / 100
}

/** What the weighted scores are computed from, as the control document holds it. */
export interface WeightedImpactSource {
  readonly criteria: readonly Criterion[] | null
  readonly adopted: AdoptedWeights | null
  /** The facilitator's consensus scores: used when they score any item. */
  readonly consensus: ConsensusScores | null
  /** The revealed scores round: its table by the adopted weights' basis. */
  readonly scores: CriterionScoresResult | null
}

/** Whether a row of the table has a finite score on one of the criteria. */
function scored(table: ScoreTable, key: string, criteria: readonly Criterion[]): boolean {
  const row = Object.hasOwn(table, key) ? table[key] : undefined
  if (!row) return false
  return criteria.some((c) => Object.hasOwn(row, c.id) && Number.isFinite(row[c.id]))
}

/**
 * Each scored item's weighted benefit score (0–100) by item key, or null when there is none to
 * show: no criteria, no adopted weights, or no item scored. The facilitator's consensus scores
 * come first; else the revealed scores round (every group equal or every person equal, as the
 * adopted weights were). Only items with at least one score are in it.
 */
export function weightedBenefitScores(source: WeightedImpactSource): Record<string, number> | null {
  const { criteria, adopted, consensus, scores } = source
  if (!criteria || criteria.length === 0 || !adopted) return null
  const fromConsensus = consensus?.scores ?? {}
  const table: ScoreTable = Object.keys(fromConsensus).some((k) =>
    scored(fromConsensus, k, criteria),
  )
    ? fromConsensus
    : scores
      ? adopted.basis === 'groups'
        ? scores.groupEqual
        : scores.people
      : {}
  const keys = Object.keys(table).filter((k) => scored(table, k, criteria))
  if (keys.length === 0) return null
  const ranking = weightedRanking(keys, criteria, adopted.weights, table)
  return Object.fromEntries(ranking.map((r) => [r.key, r.score]))
}

/**
 * A point with its impact at the item's weighted score when it has one (`fromScore` true),
 * else the point as the ratings placed it (`fromScore` false: the view marks it).
 */
export function weightedImpactPoint(
  point: MatrixPoint,
  score: number | undefined,
): { point: MatrixPoint; fromScore: boolean } {
  const impact = score === undefined ? null : impactFromScore(score)
  return impact === null
    ? { point, fromScore: false }
    : { point: { impact, effort: point.effort }, fromScore: true }
}
