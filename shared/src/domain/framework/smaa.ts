// SMAA-2 rank acceptability (Lahdelma & Salminen 2001): weight vectors sampled around the
// adopted weights from a seeded Dirichlet, each item's share of samples in which it is in the
// top N (and at each rank up to N), its central weight vector (the mean of the weights that make
// it first), and how often each of the leading items beats each other one.
import { createRandom } from '../random.js'
import { dirichletInto } from './dirichlet.js'

/** Samples drawn unless told otherwise. */
export const DEFAULT_SAMPLES = 10_000

export interface SmaaInput {
  /** The value matrix, items × criteria, row-major, each value in 0–1 (scores.ts). */
  readonly values: Float64Array
  /** Number of criteria (columns). */
  readonly m: number
  /** The adopted weights' shares (sum 1), in the criteria's order. */
  readonly weights: readonly number[]
  /** Dirichlet concentration (dirichlet.ts `fitConcentration`). */
  readonly concentration: number
  /** How many places count as "the top". */
  readonly topN: number
  readonly seed: number
  /** Default `DEFAULT_SAMPLES`. */
  readonly samples?: number
  /** How many leading items (by the adopted weights) get pairwise winning shares; default 10. */
  readonly pairwiseOf?: number
}

export interface SmaaResult {
  readonly seed: number
  readonly samples: number
  readonly concentration: number
  readonly topN: number
  /** Per item: the share of samples in which its rank is at most `topN`. */
  readonly topShare: readonly number[]
  /** Per item, per rank 1…topN: the share of samples with exactly that rank (ties share it). */
  readonly rankAcceptability: readonly (readonly number[])[]
  /** Per item: the mean weight shares over the samples that rank it first; null if none do. */
  readonly centralWeights: readonly (readonly number[] | null)[]
  /** The items (indices, leading first by the adopted weights) the pairwise shares cover. */
  readonly pairwiseItems: readonly number[]
  /** `wins[a][b]`: the share of samples in which pairwiseItems[a] scores above pairwiseItems[b]. */
  readonly wins: readonly (readonly number[])[]
}

/** Scores of every item for weights `w`, into `out`. */
function scoreInto(values: Float64Array, m: number, w: ArrayLike<number>, out: Float64Array) {
  for (let i = 0, o = 0; i < out.length; i++, o += m) {
    let s = 0
    for (let j = 0; j < m; j++) s += w[j]! * values[o + j]!
    out[i] = s
  }
}

/**
 * Rank acceptability analysis. Deterministic: the same input and seed give the same result on
 * every machine. Ranks are competition ranks (items with equal scores share the better rank).
 */
export function rankAcceptability(input: SmaaInput): SmaaResult {
  const { values, m, weights, concentration, seed } = input
  const topN = Math.max(1, Math.floor(input.topN))
  const samples = Math.max(1, Math.floor(input.samples ?? DEFAULT_SAMPLES))
  const n = m > 0 ? values.length / m : 0
  const random = createRandom(seed)
  const w = new Float64Array(m)
  const s = new Float64Array(n)
  const order = Array.from({ length: n }, (_, i) => i)
  // The N largest scores of a sample (with repeats), largest first.
  const best = new Float64Array(topN)
  const accept = new Float64Array(n * topN)
  const central = new Float64Array(n * m)
  const firsts = new Float64Array(n)

  // The leading items by the adopted weights get pairwise shares.
  scoreInto(values, m, weights, s)
  const pairwiseItems = [...order]
    .sort((a, b) => s[b]! - s[a]! || a - b)
    .slice(0, Math.min(n, input.pairwiseOf ?? 10))
  const k = pairwiseItems.length
  const wins = new Float64Array(k * k)

  for (let t = 0; t < samples; t++) {
    dirichletInto(random, weights, concentration, w)
    scoreInto(values, m, w, s)
    // Only ranks up to N are counted, so no sort: keep the N largest scores by insertion. An
    // item scoring at least the N-th largest has fewer than N scores above it, all among them,
    // so its competition rank is 1 + how many of them are above it; any other item ranks past N.
    best.fill(-Infinity)
    for (let i = 0; i < n; i++) {
      const v = s[i]!
      if (v <= best[topN - 1]!) continue
      let p = topN - 1
      while (p > 0 && best[p - 1]! < v) {
        best[p] = best[p - 1]!
        p--
      }
      best[p] = v
    }
    const threshold = best[topN - 1]!
    for (let i = 0; i < n; i++) {
      const v = s[i]!
      if (v < threshold) continue
      let r = 1
      for (let p = 0; p < topN && best[p]! > v; p++) r++
      accept[i * topN + r - 1]!++
      if (r === 1) {
        firsts[i]!++
        for (let j = 0; j < m; j++) central[i * m + j]! += w[j]!
      }
    }
    for (let a = 0; a < k; a++) {
      const sa = s[pairwiseItems[a]!]!
      for (let b = 0; b < k; b++) if (sa > s[pairwiseItems[b]!]!) wins[a * k + b]!++
    }
  }

  const share = (x: number) => x / samples
  const rows = Array.from({ length: n }, (_, i) =>
    Array.from({ length: topN }, (_, r) => share(accept[i * topN + r]!)),
  )
  return {
    seed,
    samples,
    concentration,
    topN,
    // Summed from the counts, not the shares, so an item first in every sample shows exactly 1.
    topShare: Array.from({ length: n }, (_, i) => {
      let count = 0
      for (let r = 0; r < topN; r++) count += accept[i * topN + r]!
      return share(count)
    }),
    rankAcceptability: rows,
    centralWeights: Array.from({ length: n }, (_, i) =>
      firsts[i]! > 0 ? Array.from({ length: m }, (_, j) => central[i * m + j]! / firsts[i]!) : null,
    ),
    pairwiseItems,
    wins: Array.from({ length: k }, (_, a) =>
      Array.from({ length: k }, (_, b) => share(wins[a * k + b]!)),
    ),
  }
}
