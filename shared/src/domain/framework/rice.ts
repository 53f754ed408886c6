// RICE with a clinical-impact multiplier: (Reach × Impact × Confidence × clinical multiplier) /
// Effort, on the usual scales (Impact 3 / 2 / 1 / 0.5 / 0.25, Confidence 100 / 80 / 50 %), and
// the ranking it gives. Values off the scales are not guessed at: the item gets no score.
import {
  RICE_CLINICAL_MULTIPLIER,
  RICE_CONFIDENCE,
  RICE_IMPACT,
  type RiceEstimates,
} from '../../schema/rice.js'
import { competitionRanks, rankOrder } from '../rank.js'

/** One item's RICE estimates. */
export interface RiceInput {
  /** People or events reached per period (a count, ≥ 0). */
  readonly reach: number
  /** One of `RICE_IMPACT`'s values. */
  readonly impact: number
  /** One of `RICE_CONFIDENCE`'s values (a share, 0.5–1). */
  readonly confidence: number
  /** One of `RICE_CLINICAL_MULTIPLIER`'s values. */
  readonly clinical: number
  /** Person-months (> 0). */
  readonly effort: number
}

const onScale = (scale: readonly { value: number }[], v: number) => scale.some((s) => s.value === v)

/**
 * The RICE score (Reach × Impact × Confidence × clinical multiplier / Effort), or null when an
 * estimate is missing, off its scale, negative, or the effort is not positive.
 */
export function riceScore(input: RiceInput): number | null {
  const { reach, impact, confidence, clinical, effort } = input
  if (!(Number.isFinite(reach) && reach >= 0)) return null
  if (!(Number.isFinite(effort) && effort > 0)) return null
  if (!onScale(RICE_IMPACT, impact) || !onScale(RICE_CONFIDENCE, confidence)) return null
  if (!onScale(RICE_CLINICAL_MULTIPLIER, clinical)) return null
  return (reach * impact * confidence * clinical) / effort
}

/** One item's place in a RICE ranking. */
export interface RiceRanked {
  readonly key: string
  /** Null when the estimates do not give a score (ranked last). */
  readonly score: number | null
  /** Competition rank (1, 2, 2, 4); items without a score share the last place. */
  readonly rank: number
}

/** Items ranked by RICE score, highest first; equal scores share a rank, in the given order. */
export function riceRanking(
  items: readonly { readonly key: string; readonly estimates: RiceInput }[],
): RiceRanked[] {
  const scores = items.map((i) => riceScore(i.estimates))
  const values = scores.map((s) => (s === null ? -Infinity : s))
  const ranks = competitionRanks(values)
  return rankOrder(values).map((i) => ({ key: items[i]!.key, score: scores[i]!, rank: ranks[i]! }))
}

const NO_ESTIMATES: RiceInput = {
  reach: NaN,
  impact: NaN,
  confidence: NaN,
  clinical: NaN,
  effort: NaN,
}

/**
 * The ranking of the facilitator's RICE estimates: every item listed, in the listed order where
 * scores tie; an item without estimates has no score and shares the last place.
 */
export function riceRankingOf(rice: RiceEstimates): RiceRanked[] {
  return riceRanking(
    rice.items.map((i) => ({
      key: i.key,
      estimates: Object.hasOwn(rice.estimates, i.key) ? rice.estimates[i.key]! : NO_ESTIMATES,
    })),
  )
}

const labelOf = (scale: readonly { value: number; label: string }[], v: number) =>
  scale.find((s) => s.value === v)?.label ?? String(v)

/** The scale values of one item's estimates in words: "High (2)", "Medium (80 %)", "Moderate (× 1.5)". */
export function riceWords(estimate: Pick<RiceInput, 'impact' | 'confidence' | 'clinical'>): {
  impact: string
  confidence: string
  clinical: string
} {
  return {
    impact: `${labelOf(RICE_IMPACT, estimate.impact)} (${estimate.impact})`,
    confidence: labelOf(RICE_CONFIDENCE, estimate.confidence),
    clinical: `${labelOf(RICE_CLINICAL_MULTIPLIER, estimate.clinical)} (× ${estimate.clinical})`,
  }
}

/** The formula in words, for screens and exports. */
export const RICE_FORMULA =
  'Score = Reach × Impact × Confidence × clinical multiplier ÷ Effort (person-months). Impact: massive 3, high 2, medium 1, low 0.5, minimal 0.25; Confidence: high 100 %, medium 80 %, low 50 %; clinical multiplier: none 1, moderate 1.5, major 2, critical 3.'
