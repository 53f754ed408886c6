import { describe, expect, it } from 'vitest'
import { createRandom } from './random.js'

describe('createRandom', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const c = createRandom(43)
    const first = Array.from({ length: 20 }, () => a.next())
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(first)
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(first)
  })

  it('keeps int, oneOf and word within their bounds', () => {
    const r = createRandom(7)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) {
      const n = r.int(-3, 3)
      expect(n).toBeGreaterThanOrEqual(-3)
      expect(n).toBeLessThanOrEqual(3)
      seen.add(n)
      expect(['x', 'y']).toContain(r.oneOf(['x', 'y']))
      const w = r.word(2, 4)
      expect(w).toMatch(/^[a-z]{2,4}$/)
      const x = r.next()
      expect(x >= 0 && x < 1).toBe(true)
    }
    expect(seen.size).toBe(7)
  })
})
