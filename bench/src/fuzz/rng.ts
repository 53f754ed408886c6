// A small seeded PRNG (sfc32, seeded through splitmix32) so that a fuzz run is reproducible
// from its seed: every stream of choices is derived from (seed, stream name).

/** splitmix32: spreads a seed over 32 bits (used to seed sfc32 and to derive streams). */
function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

/** FNV-1a of a string, to name independent streams of one seed. */
function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h >>> 0
}

export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number

  constructor(readonly seed: number) {
    const mix = splitmix32(seed)
    this.a = mix()
    this.b = mix()
    this.c = mix()
    this.d = mix()
    // sfc32 is weak for its first outputs: discard a few.
    for (let i = 0; i < 15; i++) this.u32()
  }

  /** An independent stream named `name`, reproducible from this generator's seed. */
  fork(name: string): Rng {
    return new Rng((Math.imul(this.seed ^ 0x5bd1e995, 31) ^ hashString(name)) >>> 0)
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) >>> 0
    return t
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296
  }

  /** Uniform integer in [0, n) for n ≥ 1 (n up to 2^53). */
  int(n: number): number {
    if (n <= 4294967296) return Math.floor(this.float() * n)
    return Math.floor(((this.u32() * 2097152 + (this.u32() >>> 11)) / 2 ** 53) * n)
  }

  /** Uniform integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list')
    return items[this.int(items.length)]!
  }

  /** Picks a key by weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let total = 0
    for (const key in weights) total += weights[key]
    let x = this.float() * total
    let last: K | null = null
    for (const key in weights) {
      const w = weights[key]
      if (w <= 0) continue
      last = key
      x -= w
      if (x < 0) return key
    }
    if (last === null) throw new Error('no positive weight')
    return last
  }

  /**
   * A size with a heavy tail: mostly small, sometimes up to `max`. `small` is the typical
   * upper end.
   */
  size(small: number, max: number): number {
    const r = this.float()
    if (r < 0.8) return this.int(small + 1)
    if (r < 0.97) return this.int(Math.min(max, small * 16) + 1)
    return this.int(max + 1)
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n)
    for (let i = 0; i < n; i += 4) {
      const v = this.u32()
      out[i] = v & 0xff
      if (i + 1 < n) out[i + 1] = (v >>> 8) & 0xff
      if (i + 2 < n) out[i + 2] = (v >>> 16) & 0xff
      if (i + 3 < n) out[i + 3] = v >>> 24
    }
    return out
  }
}
