// Whole points in proportion, in a module of its own: the weights round's clamp needs it on
// every phone, the presets' data does not belong in a phone's first load.

/**
 * Shares `total` whole points in proportion to `parts` by the largest-remainder (Hamilton)
 * method: each part gets the floor of its exact share, and the points left over go to the
 * largest remainders (earlier parts first on a tie). The result always sums to `total` when any
 * part is positive; all zeros otherwise.
 */
export function largestRemainder(parts: readonly number[], total = 100): number[] {
  let clean = parts.map((p) => (Number.isFinite(p) && p > 0 ? p : 0))
  let sum = clean.reduce((a, b) => a + b, 0)
  if (!Number.isFinite(sum * total)) {
    // Parts near the largest double would overflow: share them relative to the largest.
    const top = Math.max(...clean)
    clean = clean.map((p) => p / top)
    sum = clean.reduce((a, b) => a + b, 0)
  }
  if (sum === 0) return clean.map(() => 0)
  // p * total / sum, not p / sum * total: whole shares stay exact (29 * 100 / 100 is 29).
  const exact = clean.map((p) => (p * total) / sum)
  const out = exact.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact
    .map((e, i) => ({ r: e - Math.floor(e), i }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]!++
  return out
}
