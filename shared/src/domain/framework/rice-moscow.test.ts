import { describe, expect, it } from 'vitest'
import { moscowSummary } from './moscow.js'
import { riceRanking, riceScore } from './rice.js'

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
