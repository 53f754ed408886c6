// RICE with a clinical-impact multiplier: (Reach × Impact × Confidence × clinical multiplier) /
// Effort, on the usual scales (Impact 3 / 2 / 1 / 0.5 / 0.25, Confidence 100 / 80 / 50 %), and
// the ranking it gives. Values off the scales are not guessed at: the item gets no score.
import { competitionRanks, rankOrder } from '../rank.js'

/** Impact per person reached: massive 3, high 2, medium 1, low 0.5, minimal 0.25. */
export const RICE_IMPACT = [
  { value: 3, label: 'Massive' },
  { value: 2, label: 'High' },
  { value: 1, label: 'Medium' },
  { value: 0.5, label: 'Low' },
  { value: 0.25, label: 'Minimal' },
] as const

/** How sure the estimates are: high 100 %, medium 80 %, low 50 %. */
export const RICE_CONFIDENCE = [
  { value: 1, label: 'High (100 %)' },
  { value: 0.8, label: 'Medium (80 %)' },
  { value: 0.5, label: 'Low (50 %)' },
] as const

/**
 * The clinical-impact multiplier: how much the item changes patient safety or outcome, on top of
 * its reach and impact (none 1, moderate 1.5, major 2, critical 3).
 */
export const RICE_CLINICAL_MULTIPLIER = [
  { value: 1, label: 'None' },
  { value: 1.5, label: 'Moderate' },
  { value: 2, label: 'Major' },
  { value: 3, label: 'Critical' },
] as const

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
