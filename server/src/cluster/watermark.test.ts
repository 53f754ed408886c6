import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Watermark } from './watermark.js'

describe('Watermark', () => {
  it('advances over a contiguous run and holds at a gap', () => {
    const w = new Watermark(3)
    w.add(4, 5)
    expect(w.value).toBe(5)
    w.add(8, 9)
    expect(w.value).toBe(5)
    expect(w.hasGap).toBe(true)
    expect(w.highest).toBe(9)
    w.add(6, 7)
    expect(w.value).toBe(9)
    expect(w.hasGap).toBe(false)
  })

  it('ignores ranges already covered and malformed ones', () => {
    const w = new Watermark(10)
    w.add(2, 4)
    w.add(12, 11)
    w.add(Number.NaN, 20)
    expect(w.value).toBe(10)
    expect(w.hasGap).toBe(false)
  })

  it('agrees with a set of applied numbers, whatever the order ranges arrive in', () => {
    fc.assert(
      fc.property(
        fc.nat(20),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.nat(5)), { maxLength: 40 }),
        (start, ranges) => {
          const w = new Watermark(start)
          const applied = new Set<number>()
          for (let i = 1; i <= start; i++) applied.add(i)
          for (const [from, len] of ranges) {
            w.add(from, from + len)
            for (let s = from; s <= from + len; s++) if (s > 0) applied.add(s)
            let mark = 0
            while (applied.has(mark + 1)) mark++
            expect(w.value).toBe(Math.max(mark, start))
            expect(w.highest).toBe(Math.max(start, ...applied))
            expect(w.hasGap).toBe(w.highest > w.value)
          }
        },
      ),
    )
  })
})
