// RICE with the clinical multiplier and MoSCoW with its warning, against hand-computed examples,
// with property tests where a law holds.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RICE_CONFIDENCE, RICE_IMPACT } from '../../schema/rice.js'
import { moscowPlanItems, moscowSummary } from './moscow.js'
import { riceRanking, riceRankingOf, riceScore, riceWords } from './rice.js'

describe('riceScore', () => {
  it('multiplies reach, impact, confidence and the clinical multiplier, over effort', () => {
    // 500 × 2 × 0.8 × 1.5 / 4 = 300
    expect(riceScore({ reach: 500, impact: 2, confidence: 0.8, clinical: 1.5, effort: 4 })).toBe(
      300,
    )
    // 1000 × 0.25 × 0.5 × 3 / 0.5 = 750
    expect(
      riceScore({ reach: 1000, impact: 0.25, confidence: 0.5, clinical: 3, effort: 0.5 }),
    ).toBe(750)
  })

  it.each([
    ['impact off its scale', { impact: 4 }],
    ['confidence off its scale', { confidence: 0.9 }],
    ['multiplier off its scale', { clinical: 5 }],
    ['zero effort', { effort: 0 }],
    ['negative reach', { reach: -1 }],
    ['NaN reach', { reach: NaN }],
  ])('gives no score for %s', (_, change) => {
    expect(
      riceScore({ reach: 10, impact: 1, confidence: 1, clinical: 1, effort: 1, ...change }),
    ).toBeNull()
  })

  it('ranks highest first, ties shared, unscored last', () => {
    const base = { impact: 1, confidence: 1, clinical: 1, effort: 1 }
    expect(
      riceRanking([
        { key: 'a', estimates: { ...base, reach: 10 } },
        { key: 'b', estimates: { ...base, reach: 30 } },
        { key: 'c', estimates: { ...base, reach: 10 } },
        { key: 'd', estimates: { ...base, reach: 10, effort: 0 } },
      ]),
    ).toEqual([
      { key: 'b', score: 30, rank: 1 },
      { key: 'a', score: 10, rank: 2 },
      { key: 'c', score: 10, rank: 2 },
      { key: 'd', score: null, rank: 4 },
    ])
  })
})

describe('moscowSummary', () => {
  it('warns when Musts take more than 60 % of the planned effort', () => {
    const s = moscowSummary([
      { key: 'a', category: 'must', effort: 7 },
      { key: 'b', category: 'should', effort: 2 },
      { key: 'c', category: 'could', effort: 1 },
      { key: 'd', category: 'wont', effort: 50 },
    ])
    expect(s.mustShare).toBe(0.7)
    expect(s.warning).toBe(true)
    expect(s.message).toMatch(/70 % of the planned effort/)
    expect(s.count).toEqual({ must: 1, should: 1, could: 1, wont: 1 })
  })

  it('does not warn at exactly 60 %, and counts bad effort as 0', () => {
    const s = moscowSummary([
      { key: 'a', category: 'must', effort: 6 },
      { key: 'b', category: 'should', effort: 4 },
      { key: 'c', category: 'must', effort: NaN },
      { key: 'd', category: 'could', effort: -3 },
    ])
    expect([s.mustShare, s.warning, s.message]).toEqual([0.6, false, null])
    expect(moscowSummary([]).mustShare).toBeNull()
  })
})

describe('riceRankingOf', () => {
  it('ranks the listed items by their estimates, unestimated last', () => {
    // a: 200 × 1 × 1 × 2 / 2 = 200; b: 100 × 3 × 0.8 × 1 / 1 = 240; c: none
    expect(
      riceRankingOf({
        items: [
          { key: 'a', label: 'A' },
          { key: 'b', label: 'B' },
          { key: 'c', label: 'C' },
        ],
        estimates: {
          a: { reach: 200, impact: 1, confidence: 1, clinical: 2, effort: 2 },
          b: { reach: 100, impact: 3, confidence: 0.8, clinical: 1, effort: 1 },
        },
      }),
    ).toEqual([
      { key: 'b', score: 240, rank: 1 },
      { key: 'a', score: 200, rank: 2 },
      { key: 'c', score: null, rank: 3 },
    ])
  })

  it('never scores an off-scale estimate, and doubling the multiplier doubles the score', () => {
    const value = (scale: readonly { value: number }[]) =>
      fc.constantFrom(...scale.map((s) => s.value))
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        value(RICE_IMPACT),
        value(RICE_CONFIDENCE),
        fc.double({ min: 0.01, max: 1000, noNaN: true }),
        (reach, impact, confidence, effort) => {
          const at = (clinical: number) =>
            riceScore({ reach, impact, confidence, clinical, effort })
          expect(at(2)).toBeCloseTo(2 * at(1)!, 6)
          expect(at(3)).toBeCloseTo(3 * at(1)!, 6)
          expect(at(2.5)).toBeNull()
        },
      ),
    )
  })
})

describe('moscowPlanItems', () => {
  const items = [
    { key: 'a', label: 'A' },
    { key: 'b', label: 'B' },
    { key: 'c', label: 'C' },
    { key: 'd', label: 'D' },
  ]
  const tags = {
    a: { category: 'must', effort: 5 },
    b: { category: 'should' },
    d: { category: 'could', effort: 2 },
  } as const

  it('takes typed-in effort, in the plan’s order; untagged items are left out', () => {
    expect(moscowPlanItems({ items, effortFrom: 'entered', tags }, {})).toEqual({
      items: [
        { key: 'a', category: 'must', effort: 5 },
        { key: 'b', category: 'should', effort: 0 },
        { key: 'd', category: 'could', effort: 2 },
      ],
      withoutEffort: ['b'],
    })
  })

  it('takes every item’s effort from the 2x2 when the plan says so', () => {
    const positions = { a: { impact: 8, effort: 7 }, b: { impact: 2, effort: 2 } }
    const plan = moscowPlanItems({ items, effortFrom: 'matrix', tags }, positions)
    expect(plan).toEqual({
      items: [
        { key: 'a', category: 'must', effort: 7 },
        { key: 'b', category: 'should', effort: 2 },
        { key: 'd', category: 'could', effort: 0 },
      ],
      withoutEffort: ['d'],
    })
    // Musts 7 of 9 planned: 78 %, past the 60 % rule.
    const summary = moscowSummary(plan.items)
    expect(summary.mustShare).toBeCloseTo(7 / 9, 12)
    expect(summary.message).toMatch(/^Musts take 78 % of the planned effort/)
  })

  it('warns exactly when Musts take more than 60 % of Must + Should + Could', () => {
    const category = fc.constantFrom('must', 'should', 'could', 'wont') as fc.Arbitrary<
      'must' | 'should' | 'could' | 'wont'
    >
    fc.assert(
      fc.property(
        fc.array(fc.record({ category, effort: fc.integer({ min: -5, max: 50 }) }), {
          maxLength: 20,
        }),
        (rows) => {
          const s = moscowSummary(rows.map((r, i) => ({ key: `k${i}`, ...r })))
          const sum = (c: string) =>
            rows.filter((r) => r.category === c).reduce((t, r) => t + Math.max(0, r.effort), 0)
          const planned = sum('must') + sum('should') + sum('could')
          expect(s.mustShare).toBe(planned > 0 ? sum('must') / planned : null)
          expect(s.warning).toBe(planned > 0 && sum('must') / planned > 0.6)
          expect(s.message !== null).toBe(s.warning)
        },
      ),
    )
  })
})

describe('riceWords', () => {
  it('names each scale value with its number', () => {
    expect(riceWords({ impact: 0.25, confidence: 0.8, clinical: 1.5 })).toEqual({
      impact: 'Minimal (0.25)',
      confidence: 'Medium (80 %)',
      clinical: 'Moderate (× 1.5)',
    })
  })
})
