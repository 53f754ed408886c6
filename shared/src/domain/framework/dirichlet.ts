// Seeded sampling of weight vectors: gamma variates (Marsaglia & Tsang 2000) from the domain's
// seeded generator, Dirichlet vectors from them, and the Dirichlet's concentration fitted to how
// much the participants' proposals varied (method of moments).
import type { Random } from '../random.js'

/** Concentration when there is nothing to fit it to (fewer than two proposals). */
export const DEFAULT_CONCENTRATION = 50
/** Bounds of a fitted concentration: 1 is very broad, 10,000 is weights all but fixed. */
export const MIN_CONCENTRATION = 1
export const MAX_CONCENTRATION = 10_000

/** A standard normal variate by Box–Muller (one of the pair; the generator is cheap). */
function normal(random: Random): number {
  const u = 1 - random.next() // (0, 1]: the log is finite
  const v = random.next()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}

/** A Gamma(shape, 1) variate; shape > 0. Marsaglia–Tsang, boosted for shape < 1. */
export function gamma(random: Random, shape: number): number {
  if (shape < 1) {
    const u = 1 - random.next()
    return gamma(random, shape + 1) * Math.pow(u, 1 / shape)
  }
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    let x: number
    let v: number
    do {
      x = normal(random)
      v = 1 + c * x
    } while (v <= 0)
    v = v * v * v
    const u = 1 - random.next()
    // The squeeze accepts most draws without a logarithm; it lies inside the exact test.
    const x2 = x * x
    if (u < 1 - 0.0331 * x2 * x2) return d * v
    if (Math.log(u) < 0.5 * x2 + d - d * v + d * Math.log(v)) return d * v
  }
}

/**
 * Fills `out` with one Dirichlet(concentration × mean) vector. A component whose mean is 0 is
 * 0 (that criterion stays out); if every gamma underflows, the mean itself is returned.
 */
export function dirichletInto(
  random: Random,
  mean: readonly number[],
  concentration: number,
  out: Float64Array,
): Float64Array {
  let sum = 0
  for (let j = 0; j < mean.length; j++) {
    const g = mean[j]! > 0 ? gamma(random, concentration * mean[j]!) : 0
    out[j] = g
    sum += g
  }
  if (!(sum > 0) || !Number.isFinite(sum)) {
    for (let j = 0; j < mean.length; j++) out[j] = mean[j]!
    return out
  }
  for (let j = 0; j < mean.length; j++) out[j] = out[j]! / sum
  return out
}

/**
 * The Dirichlet concentration α₀ whose spread matches the proposals', by the method of moments:
 * a Dirichlet with mean m has Var(wⱼ) = mⱼ(1 − mⱼ)/(α₀ + 1), so, pooled over criteria,
 * α₀ = Σ mⱼ(1 − mⱼ) / Σ Varⱼ − 1, with Varⱼ the variance of the proposals' shares. `mean` is the
 * adopted weights' shares. Bounded to [MIN, MAX]; MAX when the proposals agree exactly,
 * DEFAULT below two proposals.
 */
export function fitConcentration(
  mean: readonly number[],
  proposals: readonly (readonly number[])[],
): number {
  if (proposals.length < 2) return DEFAULT_CONCENTRATION
  const shares = proposals.map((p) => {
    const total = p.reduce((s, x) => s + (Number.isFinite(x) && x > 0 ? x : 0), 0)
    return mean.map((_, j) => (total > 0 && p[j]! > 0 ? p[j]! / total : 0))
  })
  let variance = 0
  for (let j = 0; j < mean.length; j++) {
    let mu = 0
    for (const s of shares) mu += s[j]!
    mu /= shares.length
    let v = 0
    for (const s of shares) v += (s[j]! - mu) ** 2
    variance += v / shares.length
  }
  let spread = 0
  for (const m of mean) spread += m * (1 - m)
  if (!(variance > 0)) return MAX_CONCENTRATION
  const alpha = spread / variance - 1
  return Math.min(MAX_CONCENTRATION, Math.max(MIN_CONCENTRATION, alpha))
}
