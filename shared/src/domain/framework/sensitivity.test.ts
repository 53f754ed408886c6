import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Criterion } from '../../schema/framework.js'
import { createRandom } from '../random.js'
import { dirichletInto, fitConcentration, gamma, MAX_CONCENTRATION } from './dirichlet.js'
import { scoresFor, valueMatrix } from './scores.js'
import { analyseSensitivity, percentOfSamples, percentOfWeight } from './sensitivity.js'
import { rankAcceptability } from './smaa.js'
import { nearestThreshold, oneWayStability, sharesWith, topSet } from './stability.js'

const crit = (id: string, name = id): Criterion => ({
  id,
  name,
  direction: 'benefit',
  scale: { min: 0, max: 10 },
})

/** A value matrix from rows of 0–10 scores. */
const matrix = (rows: readonly (readonly number[])[]) =>
  Float64Array.from(rows.flat().map((s) => s / 10))

/** The top set at share t of criterion j, evaluated from the rescaled weights themselves. */
const topAt = (values: Float64Array, m: number, w: number[], j: number, t: number, n: number) =>
  topSet(
    scoresFor(values, m, sharesWith(w, j, t)).map((s) => Math.round(s * 1e12) / 1e12),
    n,
  )

describe('sampling', () => {
  it('draws gammas with the right mean and Dirichlet vectors around their mean', () => {
    const random = createRandom(1)
    for (const shape of [0.3, 1, 4.5]) {
      let sum = 0
      for (let i = 0; i < 20_000; i++) sum += gamma(random, shape)
      expect(sum / 20_000).toBeCloseTo(shape, 1)
    }
    const out = new Float64Array(3)
    const mean = [0.5, 0.3, 0.2]
    const acc = [0, 0, 0]
    for (let i = 0; i < 5000; i++) {
      dirichletInto(random, mean, 40, out)
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
      out.forEach((x, j) => (acc[j]! += x))
    }
    acc.forEach((x, j) => expect(x / 5000).toBeCloseTo(mean[j]!, 2))
    // A criterion with no weight stays out.
    expect(dirichletInto(random, [1, 0], 5, new Float64Array(2))[1]).toBe(0)
  })

  it('fits the concentration by the method of moments (hand-computed)', () => {
    // Shares 0.4/0.6 and 0.6/0.4 around 0.5/0.5: Var = 0.01 each; α₀ = 0.5 / 0.02 − 1 = 24.
    expect(
      fitConcentration(
        [0.5, 0.5],
        [
          [40, 60],
          [60, 40],
        ],
      ),
    ).toBeCloseTo(24, 9)
    expect(
      fitConcentration(
        [0.5, 0.5],
        [
          [50, 50],
          [50, 50],
        ],
      ),
    ).toBe(MAX_CONCENTRATION)
    expect(fitConcentration([0.5, 0.5], [[100, 0]])).toBe(50)
  })
})

describe('one-way stability (hand-computed)', () => {
  // Weights A 50 %, B 25 %, C 25 %. P = (10, 0, 0), Q = (0, 10, 0), R = (6, 6, 6): R scores
  // 0.6 whatever the weights, P = 0.5, Q = 0.25, so R is first.
  const values = matrix([
    [10, 0, 0],
    [0, 10, 0],
    [6, 6, 6],
  ])
  const w = [0.5, 0.25, 0.25]

  it('finds each interval and who enters and leaves at its ends', () => {
    const [a, b, c] = oneWayStability(values, 3, w, 1)
    // A at t: P = t > 0.6 above 60 %; Q = (1 − t)/2 never reaches 0.6.
    expect(a!.lo).toBe(0)
    expect(a!.hi).toBeCloseTo(0.6, 12)
    expect([a!.atLo, a!.atHi]).toEqual([null, { enters: 0, leaves: 2 }])
    // B at s: P = ⅔(1 − s) > 0.6 below 10 %; Q = s > 0.6 above 60 %.
    expect(b!.lo).toBeCloseTo(0.1, 12)
    expect(b!.hi).toBeCloseTo(0.6, 12)
    expect([b!.atLo, b!.atHi]).toEqual([
      { enters: 0, leaves: 2 },
      { enters: 1, leaves: 2 },
    ])
    // C at u: P = ⅔(1 − u) > 0.6 below 10 %; Q never.
    expect([c!.lo, c!.hi, c!.atHi]).toEqual([expect.closeTo(0.1, 12), 1, null])
  })

  it('says in words how robust the first item is', () => {
    expect(nearestThreshold(values, 3, w, 1, 2)).toEqual({
      criterion: 0,
      direction: 'rises',
      at: expect.closeTo(0.6, 12),
    })
    const result = analyseSensitivity({
      items: [
        { key: 'p', label: 'Pager' },
        { key: 'q', label: 'Queue' },
        { key: 'r', label: 'Rota' },
      ],
      criteria: [crit('a', 'Safety'), crit('b', 'Cost'), crit('c', 'Reach')],
      weights: { a: 50, b: 25, c: 25 },
      scores: { p: { a: 10, b: 0, c: 0 }, q: { a: 0, b: 10, c: 0 }, r: { a: 6, b: 6, c: 6 } },
      proposals: [
        { a: 60, b: 20, c: 20 },
        { a: 40, b: 30, c: 30 },
      ],
      topN: 1,
      seed: 7,
      samples: 2000,
    })
    expect(result.statements).toHaveLength(1)
    expect(result.statements[0]!.sentence).toMatch(
      /^Rota stays in first place in \d+ % of plausible weightings; it drops out if Safety rises above 60 %\.$/,
    )
  })

  it('formats shares and weights without claiming certainty it does not have', () => {
    expect([percentOfSamples(0.996), percentOfSamples(1), percentOfSamples(0.001)]).toEqual([
      '99 %',
      '100 %',
      '1 %',
    ])
    expect([percentOfWeight(0.4), percentOfWeight(0.4037)]).toEqual(['40 %', '40.4 %'])
  })
})

/** Items × criteria of whole 0–10 scores, and weights. */
const scene = fc
  .record({
    m: fc.integer({ min: 2, max: 5 }),
    n: fc.integer({ min: 2, max: 8 }),
  })
  .chain(({ m, n }) =>
    fc.record({
      m: fc.constant(m),
      rows: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: m, maxLength: m }), {
        minLength: n,
        maxLength: n,
      }),
      weights: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: m, maxLength: m }),
      topN: fc.integer({ min: 1, max: n - 1 }),
    }),
  )

const shares = (w: readonly number[]) => {
  const sum = w.reduce((a, b) => a + b, 0)
  return w.map((x) => x / sum)
}

describe('sensitivity laws', () => {
  it('keeps an item that dominates on every criterion first in every sample, over the whole range', () => {
    fc.assert(
      fc.property(scene, ({ m, rows, weights }) => {
        const others = rows.map((r) => r.map((s) => Math.min(s, 9)))
        const top = Array.from({ length: m }, (_, j) => Math.max(...others.map((r) => r[j]!)) + 1)
        const values = matrix([...others, top])
        const w = shares(weights)
        const best = others.length
        const smaa = rankAcceptability({
          values,
          m,
          weights: w,
          concentration: 2,
          topN: 1,
          seed: 3,
          samples: 300,
        })
        expect(smaa.topShare[best]).toBe(1)
        expect(smaa.rankAcceptability[best]).toEqual([1])
        for (const interval of oneWayStability(values, m, w, 1)) {
          expect([interval.lo, interval.hi, interval.atLo, interval.atHi]).toEqual([
            0,
            1,
            null,
            null,
          ])
        }
      }),
      { numRuns: 60 },
    )
  })

  it('puts interval ends exactly where the top N changes', () => {
    const eps = 1e-7
    fc.assert(
      fc.property(scene, ({ m, rows, weights, topN }) => {
        const values = matrix(rows)
        const w = shares(weights)
        for (const iv of oneWayStability(values, m, w, topN)) {
          const j = iv.criterion
          const base = topAt(values, m, w, j, iv.weight, topN)
          const same = (t: number) =>
            [...topAt(values, m, w, j, t, topN)].sort().join() === [...base].sort().join()
          if (iv.atHi) {
            expect(same(iv.hi + eps)).toBe(false)
            const past = topAt(values, m, w, j, iv.hi + eps, topN)
            expect(past.has(iv.atHi.enters) && !past.has(iv.atHi.leaves)).toBe(true)
          }
          if (iv.hi - eps > iv.weight) expect(same(iv.hi - eps)).toBe(true)
          if (iv.atLo) expect(same(iv.lo - eps)).toBe(false)
          if (iv.lo + eps < iv.weight) expect(same(iv.lo + eps)).toBe(true)
          // No change up to an end of the range (the weight cannot move past 0 or 1).
          if (!iv.atHi) expect([iv.hi, same(1 - eps) || iv.weight > 1 - eps]).toEqual([1, true])
          if (!iv.atLo) expect([iv.lo, same(eps) || iv.weight < eps]).toEqual([0, true])
        }
      }),
      { numRuns: 200 },
    )
  })

  it('gives the same figures and words for the same seed', () => {
    fc.assert(
      fc.property(scene, fc.integer(), ({ m, rows, weights, topN }, seed) => {
        const criteria = Array.from({ length: m }, (_, j) => crit(`c${j}`))
        const input = {
          items: rows.map((_, i) => ({ key: `i${i}`, label: `Item ${i}` })),
          criteria,
          weights: Object.fromEntries(weights.map((x, j) => [`c${j}`, x])),
          scores: Object.fromEntries(
            rows.map((r, i) => [`i${i}`, Object.fromEntries(r.map((s, j) => [`c${j}`, s]))]),
          ),
          proposals: [Object.fromEntries(weights.map((x, j) => [`c${j}`, 100 - x]))],
          topN,
          seed,
          samples: 200,
        }
        expect(analyseSensitivity(input)).toEqual(analyseSensitivity(input))
      }),
      { numRuns: 30 },
    )
  })

  it('counts ranks within the samples: acceptabilities sum to the top share', () => {
    const values = valueMatrix(['x', 'y', 'z'], [crit('a'), crit('b')], {
      x: { a: 9, b: 1 },
      y: { a: 1, b: 9 },
      z: { a: 6, b: 6 },
    })
    const r = rankAcceptability({
      values,
      m: 2,
      weights: [0.5, 0.5],
      concentration: 4,
      topN: 2,
      seed: 11,
      samples: 4000,
    })
    r.rankAcceptability.forEach((row, i) =>
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(r.topShare[i]!, 12),
    )
    // x and y are mirror images: each wins about half the time.
    const [x, y] = [r.pairwiseItems.indexOf(0), r.pairwiseItems.indexOf(1)]
    expect(r.wins[x]![y]!).toBeGreaterThan(0.45)
    expect(r.wins[x]![y]! + r.wins[y]![x]!).toBeCloseTo(1, 9)
    // z is first while A's share is between 37.5 % and 62.5 %: its central weights are about even.
    expect(r.centralWeights[2]![0]!).toBeCloseTo(0.5, 1)
  })
})
