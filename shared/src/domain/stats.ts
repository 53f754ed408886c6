// Descriptive statistics for the aggregates of sealed rounds: mean, median, quantiles and the
// spread of opinion (interquartile range). Values that are not finite numbers are left out
// (a skipped rating is not a zero), and the figure of nothing is null, never NaN, so results
// stay valid JSON.

/** The finite numbers of `values`, in their order. */
export function finite(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v))
}

const ascending = (values: readonly number[]) => finite(values).sort((a, b) => a - b)

/** Arithmetic mean, or null when there is no finite value. */
export function mean(values: readonly number[]): number | null {
  const xs = finite(values)
  if (xs.length === 0) return null
  let sum = 0
  for (const x of xs) sum += x
  return sum / xs.length
}

/**
 * The `p`-quantile (0 ≤ p ≤ 1) by linear interpolation between order statistics: R's type 7,
 * the default of R, NumPy, spreadsheets' QUARTILE.INC and d3-array. The median of an even
 * count is the mean of the middle two. Null when there is no finite value or p is not in 0–1.
 */
export function quantile(values: readonly number[], p: number): number | null {
  return quantileSorted(ascending(values), p)
}

/** `quantile` for values already sorted ascending and finite (no copy, no check of the order). */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0 || !(p >= 0 && p <= 1)) return null
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const below = sorted[lo]!
  if (lo === sorted.length - 1) return below
  const above = sorted[lo + 1]!
  // `below + (above - below) * t` can overshoot `above` in the last bit; clamp to stay within.
  return Math.min(above, below + (above - below) * (h - lo))
}

/** The median (the 0.5-quantile), or null when there is no finite value. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5)
}

/** Interquartile range (third quartile minus first), or null when there is no finite value. */
export function iqr(values: readonly number[]): number | null {
  const sorted = ascending(values)
  const q1 = quantileSorted(sorted, 0.25)
  const q3 = quantileSorted(sorted, 0.75)
  return q1 === null || q3 === null ? null : q3 - q1
}

/**
 * Population standard deviation (dividing by n: the spread of these very ratings, not an
 * estimate for a larger population), or null when there is no finite value.
 */
export function standardDeviation(values: readonly number[]): number | null {
  const xs = finite(values)
  const m = mean(xs)
  if (m === null) return null
  let sum = 0
  for (const x of xs) sum += (x - m) ** 2
  return Math.sqrt(sum / xs.length)
}

/** A five-number summary with the mean and the spread, as results show one set of ratings. */
export interface Summary {
  /** How many finite values were summarised. */
  readonly n: number
  readonly min: number
  readonly q1: number
  readonly median: number
  readonly q3: number
  readonly max: number
  /** `q3 - q1`. */
  readonly iqr: number
  readonly mean: number
}

/** The summary of the finite values, or null when there is none. */
export function summarize(values: readonly number[]): Summary | null {
  const sorted = ascending(values)
  if (sorted.length === 0) return null
  const q1 = quantileSorted(sorted, 0.25)!
  const q3 = quantileSorted(sorted, 0.75)!
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1,
    median: quantileSorted(sorted, 0.5)!,
    q3,
    max: sorted[sorted.length - 1]!,
    iqr: q3 - q1,
    mean: mean(sorted)!,
  }
}

/** The share (0–1) of the finite values that satisfy `test`, or null when there is none. */
export function shareWhere(values: readonly number[], test: (v: number) => boolean): number | null {
  const xs = finite(values)
  if (xs.length === 0) return null
  return xs.filter(test).length / xs.length
}
