// A small seeded PRNG (mulberry32) for the crash and convergence harnesses: the same seed gives
// the same sequence of decisions (kill moments, edits, network faults). Timing on a real machine
// still varies, so a seed reproduces the schedule, not every interleaving.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max] (both included). */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T
  /** A new generator whose sequence depends on this one's seed and `salt` only. */
  fork(salt: number | string): Rng
  readonly seed: number
}

function hash(salt: number | string): number {
  const s = String(salt)
  let h = 2166136261
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619)
  }
  return h >>> 0
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const rng: Rng = {
    seed,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => {
      if (list.length === 0) throw new Error('pick from an empty list')
      return list[Math.floor(next() * list.length)]!
    },
    fork: (salt) => createRng((Math.imul(seed >>> 0, 2654435761) ^ hash(salt)) >>> 0),
  }
  return rng
}
