// Descriptive statistics: hand-computed quantiles (odd and even counts, skipped values) and the
// laws a median, a quantile and a spread keep.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { iqr, mean, median, quantile, shareWhere, standardDeviation, summarize } from './stats.js'

const ratings = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 40 })
const reals = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
  minLength: 1,
  maxLength: 40,
})

describe('median and quantile (type 7)', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[4], 4],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[1, 9], 5],
    [[7, 7, 1, 9, 9], 7],
    // A skipped rating (NaN, or anything not finite) is left out, not counted as zero.
    [[NaN, 3, Infinity, 5], 4],
    [[NaN], null],
  ])('the median of %j is %j', (xs, expected) => {
    expect(median(xs)).toBe(expected)
  })

  it.each<[number[], number, number | null]>([
    [[1, 2, 3, 4, 5], 0.25, 2],
    [[1, 2, 3, 4, 5], 0.75, 4],
    [[1, 2, 3, 4], 0.25, 1.75],
    [[1, 2, 3, 4], 0.75, 3.25],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9], 0.25, 3],
    [[2, 8], 0.1, 2.6],
    [[5, 1], 0, 1],
    [[5, 1], 1, 5],
    [[5, 1], 1.5, null],
    [[5, 1], -0.1, null],
    [[5, 1], NaN, null],
  ])('the quantile of %j at %d is %j', (xs, p, expected) => {
    const q = quantile(xs, p)
    if (expected === null) expect(q).toBeNull()
    else expect(q).toBeCloseTo(expected, 12)
  })

  it('lies between the least and the greatest value, and rises with p', () => {
    fc.assert(
      fc.property(
        reals,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          const qLo = quantile(xs, lo)!
          const qHi = quantile(xs, hi)!
          expect(qLo).toBeGreaterThanOrEqual(Math.min(...xs))
          expect(qHi).toBeLessThanOrEqual(Math.max(...xs))
          expect(qLo).toBeLessThanOrEqual(qHi)
        },
      ),
    )
  })

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(
        reals.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
        ),
        ([xs, ys]) => {
          expect(median(ys)).toBe(median(xs))
          expect(iqr(ys)).toBe(iqr(xs))
        },
      ),
    )
  })

  it('has as many values at or below the median as at or above it, at least half each', () => {
    fc.assert(
      fc.property(ratings, (xs) => {
        const m = median(xs)!
        expect(xs.filter((x) => x <= m).length * 2).toBeGreaterThanOrEqual(xs.length)
        expect(xs.filter((x) => x >= m).length * 2).toBeGreaterThanOrEqual(xs.length)
      }),
    )
  })

  it('moves with a shift and scales with a positive factor', () => {
    fc.assert(
      fc.property(
        ratings,
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 1, max: 10 }),
        (xs, shift, k) => {
          expect(median(xs.map((x) => x * k + shift))).toBeCloseTo(median(xs)! * k + shift, 9)
          expect(iqr(xs.map((x) => x * k + shift))).toBeCloseTo(iqr(xs)! * k, 9)
        },
      ),
    )
  })
})

describe('spread', () => {
  it('is zero when everyone agrees, and never negative', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 }), (v, n) => {
        const xs = Array.from({ length: n }, () => v)
        expect(iqr(xs)).toBe(0)
        expect(standardDeviation(xs)).toBe(0)
      }),
    )
    fc.assert(
      fc.property(reals, (xs) => {
        expect(iqr(xs)).toBeGreaterThanOrEqual(0)
        expect(standardDeviation(xs)).toBeGreaterThanOrEqual(0)
      }),
    )
  })

  it('computes the population standard deviation and the mean by hand', () => {
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5)
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2)
    expect(mean([])).toBeNull()
    expect(standardDeviation([NaN])).toBeNull()
  })
})

describe('summarize', () => {
  it('gives the five numbers, the spread and the mean of the finite values', () => {
    expect(summarize([9, 1, NaN, 3, 7, 5])).toEqual({
      n: 5,
      min: 1,
      q1: 3,
      median: 5,
      q3: 7,
      max: 9,
      iqr: 4,
      mean: 5,
    })
    expect(summarize([])).toBeNull()
  })

  it('is ordered: min ≤ q1 ≤ median ≤ q3 ≤ max', () => {
    fc.assert(
      fc.property(reals, (xs) => {
        const s = summarize(xs)!
        expect(s.n).toBe(xs.length)
        expect(s.min).toBeLessThanOrEqual(s.q1)
        expect(s.q1).toBeLessThanOrEqual(s.median)
        expect(s.median).toBeLessThanOrEqual(s.q3)
        expect(s.q3).toBeLessThanOrEqual(s.max)
      }),
    )
  })
})

describe('shareWhere', () => {
  it('counts the finite values that pass, out of the finite values', () => {
    // The RAND/UCLA disagreement test counts ratings in 1–3 and in 7–9 this way.
    expect(shareWhere([1, 2, 8, 9, 5, NaN], (v) => v <= 3)).toBe(0.4)
    expect(shareWhere([], () => true)).toBeNull()
  })
})
