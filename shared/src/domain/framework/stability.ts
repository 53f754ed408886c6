// One-way weight stability: move one criterion's weight share t over 0–1, the others rescaled
// in proportion so the shares still sum to 1. Every item's score is then linear in t,
//   S(t) = R + t·(v − R),  R = Σₖ≠ⱼ wₖvₖ / (1 − wⱼ),
// so the top N changes only where two lines cross, and each interval endpoint is an exact
// crossing point, found without search.

/** What happens at one end of a stability interval. */
export interface StabilityChange {
  /** The item (index) that enters the top N just past this end. */
  readonly enters: number
  /** The item (index) that leaves it. */
  readonly leaves: number
}

/** How far one criterion's weight may move without changing the top N. */
export interface StabilityInterval {
  /** The criterion (index). */
  readonly criterion: number
  /** Its adopted share. */
  readonly weight: number
  /** The interval's ends (shares, 0–1), `lo ≤ weight ≤ hi`. */
  readonly lo: number
  readonly hi: number
  /** What changes just below `lo` (null when `lo` is 0: nothing changes down to it). */
  readonly atLo: StabilityChange | null
  /** What changes just above `hi` (null when `hi` is 1). */
  readonly atHi: StabilityChange | null
}

const tidy = (x: number) => Math.round(x * 1e12) / 1e12

/**
 * A crossing point, snapped to an end of the range when it is within rounding of it: a crossing
 * at exactly 0 or 1 is no change the weight can move past.
 */
const snap = (t: number) => (Math.abs(t) < 1e-9 ? 0 : Math.abs(t - 1) < 1e-9 ? 1 : t)

/** Lines S(t) = a + (t − t0)·b for criterion j, from the adopted shares. */
function lines(values: Float64Array, m: number, w: readonly number[], j: number) {
  const n = values.length / m
  const t0 = w[j]!
  const rest = 1 - t0
  const a = new Float64Array(n)
  const b = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    let r = 0
    for (let k = 0; k < m; k++) {
      if (k === j) continue
      // With all the weight on j the others have no proportions to keep: they share equally.
      const share = rest > 0 ? w[k]! / rest : 1 / (m - 1)
      r += share * values[i * m + k]!
    }
    const v = values[i * m + j]!
    // Rounded far below any score's precision, so lines equal in exact arithmetic stay equal
    // (ties are then broken by index, as everywhere) instead of by the last bit.
    a[i] = tidy(r + t0 * (v - r))
    b[i] = tidy(v - r)
  }
  return { t0, a, b, n }
}

/** The scores at share t of criterion j, the others rescaled in proportion (for tests and UI). */
export function scoresAtShare(
  values: Float64Array,
  m: number,
  w: readonly number[],
  j: number,
  t: number,
): number[] {
  const { t0, a, b } = lines(values, m, w, j)
  return Array.from(a, (ai, i) => ai + (t - t0) * b[i]!)
}

/** The weight shares with criterion j at t and the others rescaled in proportion. */
export function sharesWith(w: readonly number[], j: number, t: number): number[] {
  const rest = 1 - w[j]!
  return w.map((wk, k) =>
    k === j ? t : rest > 0 ? (wk / rest) * (1 - t) : (1 - t) / (w.length - 1),
  )
}

/** The first `topN` items of `scores`, highest first, ties in index order (as a set). */
export function topSet(scores: ArrayLike<number>, topN: number): Set<number> {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (x, y) => scores[y]! - scores[x]! || x - y,
  )
  return new Set(order.slice(0, topN))
}

/**
 * For each criterion, the exact interval of its weight share over which the top N (the first N
 * items, ties in index order) stays the same set, with the items entering and leaving just past
 * each end. A single criterion has no weight to move: its interval is its share alone.
 */
export function oneWayStability(
  values: Float64Array,
  m: number,
  w: readonly number[],
  topN: number,
): StabilityInterval[] {
  return w.map((weight, j) => {
    if (m < 2) return { criterion: j, weight, lo: weight, hi: weight, atLo: null, atHi: null }
    const { t0, a, b, n } = lines(values, m, w, j)
    const top = topSet(a, topN)
    // The nearest crossing of an item in the top N with one outside it, on each side.
    let hi = 1
    let lo = 0
    for (const x of top) {
      for (let y = 0; y < n; y++) {
        if (top.has(y)) continue
        // x is ahead of y at t0 (a[x] ≥ a[y]; equal only when x comes first by index).
        const gap = a[x]! - a[y]!
        const closing = b[y]! - b[x]!
        if (closing > 0) hi = Math.min(hi, snap(t0 + gap / closing))
        else if (closing < 0) lo = Math.max(lo, snap(t0 + gap / closing))
      }
    }
    const atHi = hi < 1 ? changePast(a, b, t0, hi, 1, top, topN) : null
    const atLo = lo > 0 ? changePast(a, b, t0, lo, -1, top, topN) : null
    return { criterion: j, weight, lo, hi, atLo, atHi }
  })
}

/**
 * Who enters and who leaves the top N just past the crossing point t (going up when `sign` is 1,
 * down when −1): at t the lines tied there are ordered by where they head next, so when several
 * cross at one point the item that comes out ahead is the one named.
 */
function changePast(
  a: Float64Array,
  b: Float64Array,
  t0: number,
  t: number,
  sign: 1 | -1,
  top: ReadonlySet<number>,
  topN: number,
): StabilityChange | null {
  const at = Array.from(a, (ai, i) => ai + (t - t0) * b[i]!)
  const order = Array.from(a, (_, i) => i).sort((x, y) => {
    const d = at[y]! - at[x]!
    if (Math.abs(d) > 1e-9) return d
    return sign * (b[y]! - b[x]!) || x - y
  })
  const next = order.slice(0, topN)
  const enters = next.find((i) => !top.has(i))
  const leaves = [...top].reverse().find((i) => !next.includes(i))
  return enters === undefined || leaves === undefined ? null : { enters, leaves }
}

/** Where one item leaves (or enters) the top N as one weight moves. */
export interface ItemThreshold {
  readonly criterion: number
  /** `rises`: when the weight goes above `at`; `falls`: below it. */
  readonly direction: 'rises' | 'falls'
  /** The share at which it happens. */
  readonly at: number
}

/**
 * The nearest one-way move of any criterion's weight that takes item x out of the top N (or,
 * when x is not in it, into it): the crossing point closest to the adopted share, or null when
 * no single weight moved over 0–1 does it. "In the top N" is competition rank ≤ N: fewer than N
 * items score strictly above x.
 */
export function nearestThreshold(
  values: Float64Array,
  m: number,
  w: readonly number[],
  topN: number,
  x: number,
): ItemThreshold | null {
  let best: ItemThreshold | null = null
  for (let j = 0; j < m && m >= 2; j++) {
    const { t0, a, b, n } = lines(values, m, w, j)
    let above = 0
    for (let y = 0; y < n; y++) if (a[y]! > a[x]!) above++
    const inTop = above < topN
    for (const direction of ['rises', 'falls'] as const) {
      const sign = direction === 'rises' ? 1 : -1
      // Crossings of x's line with every other line on this side of t0, nearest first; past a
      // crossing, y goes above x (+1) or below it (−1).
      const events: { t: number; delta: number }[] = []
      for (let y = 0; y < n; y++) {
        if (y === x) continue
        const gap = a[x]! - a[y]!
        const closing = (b[y]! - b[x]!) * sign
        if (gap >= 0 && closing > 0) {
          events.push({ t: snap(t0 + (sign * gap) / closing), delta: 1 })
        } else if (gap < 0 && closing < 0) {
          events.push({ t: snap(t0 + (sign * gap) / closing), delta: -1 })
        }
      }
      events.sort((p, q) => sign * (p.t - q.t))
      let count = above
      for (let e = 0; e < events.length; e++) {
        const t = events[e]!.t
        if (t <= 0 || t >= 1) break
        count += events[e]!.delta
        // Apply every crossing at the same point before judging.
        if (e + 1 < events.length && events[e + 1]!.t === t) continue
        if (count < topN !== inTop) {
          if (best === null || Math.abs(t - t0) < Math.abs(best.at - w[best.criterion]!)) {
            best = { criterion: j, direction, at: t }
          }
          break
        }
      }
    }
  }
  return best
}
