// Ratings on the 1–9 scale as histograms (how many of each value), and the quantiles of a
// histogram: per person (R's type 7, exactly as `stats.quantile` gives them) and with every
// stakeholder group weighing the same. The aggregate and the bootstrap share these, so a
// resample is summarised exactly as the observed ratings are.
import { RATING_MAX, RATING_MIN } from '../../schema/matrix.js'

// Module-local copies: imported bindings cost a getter call each in the hot loops when the
// server runs through a CommonJS transform (tsx).
const MIN = RATING_MIN
const MAX = RATING_MAX

/** Counts (or weights) of each rating, indexed by the rating itself (index 0 unused). */
export type Histogram = Float64Array

/** An empty histogram of the 1–9 scale. */
export function emptyHistogram(): Histogram {
  return new Float64Array(MAX + 1)
}

/** The histogram of whole ratings 1–9; anything else is left out. */
export function histogramOf(values: readonly number[]): Histogram {
  const h = emptyHistogram()
  for (const v of values) if (Number.isInteger(v) && v >= MIN && v <= MAX) h[v]!++
  return h
}

/** The total count (or weight) of a histogram. */
export function histogramTotal(h: Histogram): number {
  let n = 0
  for (let v = MIN; v <= MAX; v++) n += h[v]!
  return n
}

/** The `i`-th smallest rating (0-based) of a histogram of counts. */
function orderStatistic(h: Histogram, i: number): number {
  let seen = 0
  for (let v = MIN; v <= MAX; v++) {
    seen += h[v]!
    if (seen > i) return v
  }
  return MAX
}

/**
 * The `p`-quantile of a histogram of counts by R's type 7 — the very figure `stats.quantile`
 * gives for the ratings listed out — or null for an empty histogram.
 */
export function countQuantile(h: Histogram, p: number): number | null {
  const n = histogramTotal(h)
  if (n === 0) return null
  const x = (n - 1) * p
  const lo = Math.floor(x)
  const below = orderStatistic(h, lo)
  if (lo >= n - 1) return below
  const above = orderStatistic(h, lo + 1)
  return Math.min(above, below + (above - below) * (x - lo))
}

/** How close two weights must be to count as equal (weightedQuantile; the bootstrap's copy). */
export const EPSILON = 1e-9

/**
 * The `p`-quantile of a histogram of weights: the smallest rating at which the cumulative
 * weight reaches p of the total, or halfway to the next rating when it lands on p exactly.
 * For equal weights that is the usual median (the mean of the middle two of an even count);
 * the quartiles can differ from type 7 by up to half a step. Null for an empty histogram.
 */
export function weightedQuantile(h: Histogram, p: number): number | null {
  const total = histogramTotal(h)
  if (total <= EPSILON) return null
  const target = p * total
  let cumulative = 0
  for (let v = MIN; v <= MAX; v++) {
    if (h[v]! <= 0) continue
    cumulative += h[v]!
    if (cumulative >= target - EPSILON * total) {
      if (Math.abs(cumulative - target) > EPSILON * total) return v
      for (let next = v + 1; next <= MAX; next++) if (h[next]! > 0) return (v + next) / 2
      return v
    }
  }
  return MAX
}

/**
 * Every group weighing the same: each group's histogram scaled to a total of 1, added up.
 * Groups without ratings add nothing.
 */
export function groupEqualHistogram(groups: Iterable<Histogram>): Histogram {
  const out = emptyHistogram()
  for (const h of groups) {
    const n = histogramTotal(h)
    if (n === 0) continue
    for (let v = MIN; v <= MAX; v++) out[v]! += h[v]! / n
  }
  return out
}
