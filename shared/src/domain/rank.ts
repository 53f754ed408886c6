// Ranks with ties: which place each value takes when the highest (or lowest) comes first, and
// the order of items by a value with ties kept in their given order. Used by the vote tally, the
// matrix and the value-framework ranking.

/** Which end ranks first. */
export type RankDirection = 'desc' | 'asc'

/**
 * Competition ranks ("1224"), highest first unless `asc`: equal values share a rank and the
 * next rank skips as many places as were shared. NaN ranks first, as a value equal to nothing.
 */
export function competitionRanks(
  values: readonly number[],
  direction: RankDirection = 'desc',
): number[] {
  // Rank = 1 + how many values come before: counted by binary search in a sorted copy, so a
  // board of a thousand items is ranked in n log n rather than n².
  const before =
    direction === 'desc' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b
  const sorted = values
    .filter((v) => !Number.isNaN(v))
    .sort((a, b) => (direction === 'desc' ? b - a : a - b))
  return values.map((v) => {
    if (Number.isNaN(v)) return 1
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (before(sorted[mid]!, v)) lo = mid + 1
      else hi = mid
    }
    return lo + 1
  })
}

/** Dense ranks ("1223"): equal values share a rank and the next rank follows on. */
export function denseRanks(values: readonly number[], direction: RankDirection = 'desc'): number[] {
  const distinct = [...new Set(values.filter((v) => !Number.isNaN(v)))].sort((a, b) =>
    direction === 'desc' ? b - a : a - b,
  )
  const rankOf = new Map(distinct.map((v, i) => [v, i + 1]))
  return values.map((v) => rankOf.get(v) ?? 1)
}

/**
 * Fractional ranks ("1 2.5 2.5 4"): tied values share the mean of the places they take, so the
 * ranks always sum to n(n+1)/2 — the ranks rank-correlation statistics expect. NaN values are
 * left out of the ranking and get NaN.
 */
export function fractionalRanks(
  values: readonly number[],
  direction: RankDirection = 'desc',
): number[] {
  const order = values
    .map((v, i) => ({ v, i }))
    .filter(({ v }) => !Number.isNaN(v))
    .sort((a, b) => (direction === 'desc' ? b.v - a.v : a.v - b.v) || a.i - b.i)
  const ranks = values.map(() => NaN)
  for (let start = 0; start < order.length;) {
    let end = start + 1
    while (end < order.length && order[end]!.v === order[start]!.v) end++
    // Places start+1 … end share their mean.
    const shared = (start + 1 + end) / 2
    for (let k = start; k < end; k++) ranks[order[k]!.i] = shared
    start = end
  }
  return ranks
}

/**
 * The indices of `values` in rank order (highest first unless `asc`); equal values keep their
 * given order, so a ranking is stable and reproducible. NaN values come last.
 */
export function rankOrder(values: readonly number[], direction: RankDirection = 'desc'): number[] {
  const key = (v: number) => (Number.isNaN(v) ? Infinity : direction === 'desc' ? -v : v)
  return values
    .map((v, i) => ({ k: key(v), i }))
    .sort((a, b) => (a.k === b.k ? a.i - b.i : a.k < b.k ? -1 : 1))
    .map(({ i }) => i)
}

/** The indices of the first `n` places: every item ranked n or better, so ties at n all count. */
export function topN(
  values: readonly number[],
  n: number,
  direction: RankDirection = 'desc',
): number[] {
  const ranks = competitionRanks(values, direction)
  return rankOrder(values, direction).filter((i) => !Number.isNaN(values[i]!) && ranks[i]! <= n)
}
