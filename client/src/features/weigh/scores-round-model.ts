// The scores round's small rules on screen: a criterion's score stepped on its scale (one-handed
// steppers on the phone), the facilitator's progress words (counts, never values), and how a
// revealed cell reads (mean, how many scored it, the spread).
import type { CriterionScale } from '@triage/shared'

/** The first value a stepper offers on a scale: its middle (rounded down). */
export function scaleMiddle(scale: CriterionScale): number {
  return Math.floor((scale.min + scale.max) / 2)
}

/**
 * The score after a step: an unscored cell starts at the scale's middle whatever the step;
 * otherwise the step is applied and kept on the scale. Whole numbers only.
 */
export function stepScore(value: number | undefined, delta: number, scale: CriterionScale): number {
  if (value === undefined || !Number.isFinite(value)) return scaleMiddle(scale)
  return Math.min(scale.max, Math.max(scale.min, Math.round(value) + Math.trunc(delta)))
}

/** Whether a step from `value` can move (an unscored cell can always start). */
export function canStep(value: number | undefined, delta: number, scale: CriterionScale): boolean {
  if (value === undefined) return true
  return stepScore(value, delta, scale) !== value
}

/** The steps a scale offers: ±1, and ±10 too on a scale wider than 20. */
export function scaleSteps(scale: CriterionScale): readonly number[] {
  return scale.max - scale.min > 20 ? [-10, -1, 1, 10] : [-1, 1]
}

/** "Dana: 7 of 10 scored" (counts only). */
export function scoredLine(name: string, done: number, of: number): string {
  return of === 0 ? `${name}: nothing to score` : `${name}: ${done} of ${of} scored`
}

/** A revealed cell: "3.5 (n 2, IQR 1)", or "none" when nobody scored it. */
export function cellWords(
  mean: number | undefined,
  cell: { readonly n: number; readonly iqr: number | null } | undefined,
): string {
  if (mean === undefined || !cell || cell.n === 0) return 'none'
  const r = (v: number) => String(Math.round(v * 100) / 100)
  return `${r(mean)} (n ${cell.n}${cell.iqr === null ? '' : `, IQR ${r(cell.iqr)}`})`
}
