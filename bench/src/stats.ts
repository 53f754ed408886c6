// Statistics for the load harness: latency samples with nearest-rank percentiles, and the ramp
// verdict (largest client count before a budget is broken). Pure, so it is unit-tested.

export interface Summary {
  readonly count: number
  readonly p50: number
  readonly p95: number
  readonly p99: number
  readonly max: number
  readonly mean: number
}

export const EMPTY_SUMMARY: Summary = {
  count: 0,
  p50: NaN,
  p95: NaN,
  p99: NaN,
  max: NaN,
  mean: NaN,
}

/** Nearest-rank percentile of ascending values: the smallest value with p% of values at or below. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length
  if (n === 0) return NaN
  const rank = Math.ceil((p / 100) * n)
  return sorted[Math.min(n, Math.max(1, rank)) - 1]!
}

/** Many millisecond samples in one growing typed array (millions cost megabytes, not objects). */
export class Samples {
  private data = new Float64Array(1024)
  private length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2)
      bigger.set(this.data)
      this.data = bigger
    }
    this.data[this.length++] = value
  }

  get count(): number {
    return this.length
  }

  summary(): Summary {
    const n = this.length
    if (n === 0) return EMPTY_SUMMARY
    const sorted = this.data.slice(0, n).sort()
    let sum = 0
    for (let i = 0; i < n; i++) sum += sorted[i]!
    return {
      count: n,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[n - 1]!,
      mean: sum / n,
    }
  }
}

export interface RampStep {
  readonly clients: number
  readonly p95: number
  readonly lost: number
}

/**
 * The largest client count of a ramp (steps in ascending order) before the first step whose p95
 * exceeds the limit or that lost updates; null when even the first step fails.
 */
export function largestPassing(steps: readonly RampStep[], p95LimitMs: number): number | null {
  let best: number | null = null
  for (const step of steps) {
    if (!(step.p95 <= p95LimitMs) || step.lost > 0) break
    best = step.clients
  }
  return best
}

/** a / b as "1.23×", or "–" when either side is missing. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–'
  return `${(a / b).toFixed(2)}×`
}

/** A number for a table cell: fixed decimals, thousands kept readable, "–" for NaN. */
export function fmt(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '–'
  return value.toLocaleString('en-GB', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  })
}
