// A seeded random generator for the domain's own sampling (bootstrap, weight sensitivity) and
// for property tests: the same seed gives the same sequence on every machine, so every figure
// that rests on sampling can be reproduced from the seed stored with it.

/** Draws from one seeded sequence. */
export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number
  bool(): boolean
  /** One element of a non-empty list. */
  oneOf<T>(items: readonly T[]): T
  /** A word of lowercase letters, `min` to `max` long. */
  word(min: number, max: number): string
}

/** A generator seeded with `seed` (any number; its low 32 bits are used). Mulberry32. */
export function createRandom(seed: number): Random {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    bool: () => next() < 0.5,
    oneOf: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
    word: (min, max) =>
      Array.from({ length: int(min, max) }, () => String.fromCharCode(97 + int(0, 25))).join(''),
  }
}
