import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ConsensusScores } from '../../schema/consensus-scores.js'
import type { AdoptedWeights, Criterion } from '../../schema/framework.js'
import type { CriterionScoresResult } from '../rounds/criterion-scores.js'
import { impactFromScore, weightedBenefitScores, weightedImpactPoint } from './weighted-impact.js'

const A: Criterion = { id: 'a', name: 'A', direction: 'benefit', scale: { min: 1, max: 5 } }
const B: Criterion = { id: 'b', name: 'B', direction: 'cost', scale: { min: 1, max: 5 } }
const adopted = (basis: 'groups' | 'people'): AdoptedWeights => ({
  weights: { a: 75, b: 25 },
  basis,
  at: 1,
  proposals: 0,
  consensus: null,
})
const round = (people: CriterionScoresResult['people'], groupEqual = people) =>
  ({
    revealedAt: 1,
    criteria: [],
    items: [],
    people,
    groupEqual,
    groups: [],
    cells: {},
    raters: 3,
  }) satisfies CriterionScoresResult
const consensus = (scores: ConsensusScores['scores']): ConsensusScores => ({
  items: [],
  scores,
  topN: 3,
})

describe('impactFromScore', () => {
  it('maps 0 to 1, 100 to 9, linearly', () => {
    expect(impactFromScore(0)).toBe(1)
    expect(impactFromScore(100)).toBe(9)
    expect(impactFromScore(50)).toBe(5)
    expect(impactFromScore(62.5)).toBe(6)
    expect(impactFromScore(12.5)).toBe(2)
  })

  it('bounds scores off 0–100 and refuses what is not a number', () => {
    expect(impactFromScore(-5)).toBe(1)
    expect(impactFromScore(140)).toBe(9)
    expect(impactFromScore(NaN)).toBeNull()
    expect(impactFromScore(Infinity)).toBeNull()
  })

  it('is monotone and stays on the axis', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        (x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x]
          const a = impactFromScore(lo)!
          const b = impactFromScore(hi)!
          return a <= b && a >= 1 && b <= 9
        },
      ),
    )
  })
})

describe('weightedBenefitScores', () => {
  // Weights 75 : 25. x: A 5 (1), B 5 (cost: 0) → 75. y: A 3 (0.5), B 1 (1) → 37.5 + 25 = 62.5.
  const table = { x: { a: 5, b: 5 }, y: { a: 3, b: 1 } }

  it('is null without criteria, adopted weights or any score', () => {
    const scores = round(table)
    expect(
      weightedBenefitScores({
        criteria: null,
        adopted: adopted('people'),
        consensus: null,
        scores,
      }),
    ).toBeNull()
    expect(
      weightedBenefitScores({ criteria: [A, B], adopted: null, consensus: null, scores }),
    ).toBeNull()
    expect(
      weightedBenefitScores({
        criteria: [A, B],
        adopted: adopted('people'),
        consensus: null,
        scores: null,
      }),
    ).toBeNull()
    expect(
      weightedBenefitScores({
        criteria: [A, B],
        adopted: adopted('people'),
        consensus: consensus({ z: {} }),
        scores: round({ z: { other: 3 } }),
      }),
    ).toBeNull()
  })

  it("scores the round's items by the adopted basis (hand-computed)", () => {
    const scores = round(table, { x: { a: 1, b: 1 } })
    expect(
      weightedBenefitScores({
        criteria: [A, B],
        adopted: adopted('people'),
        consensus: null,
        scores,
      }),
    ).toEqual({ x: 75, y: 62.5 })
    // Every group equal: x has A 1 (0), B 1 (cost: 1) → 25; y is not in that table.
    expect(
      weightedBenefitScores({
        criteria: [A, B],
        adopted: adopted('groups'),
        consensus: null,
        scores,
      }),
    ).toEqual({ x: 25 })
  })

  it("takes the facilitator's consensus scores first, when they score any item", () => {
    // z: A 1 (0), B 3 (0.5) → 12.5.
    expect(
      weightedBenefitScores({
        criteria: [A, B],
        adopted: adopted('people'),
        consensus: consensus({ z: { a: 1, b: 3 } }),
        scores: round(table),
      }),
    ).toEqual({ z: 12.5 })
    expect(
      weightedBenefitScores({
        criteria: [A, B],
        adopted: adopted('people'),
        consensus: consensus({}),
        scores: round(table),
      }),
    ).toEqual({ x: 75, y: 62.5 })
  })
})

describe('weightedImpactPoint', () => {
  it("moves the impact to the score's place and keeps the effort", () => {
    expect(weightedImpactPoint({ impact: 2, effort: 7 }, 75)).toEqual({
      point: { impact: 7, effort: 7 },
      fromScore: true,
    })
  })

  it('keeps the ratings position of an item without a score', () => {
    expect(weightedImpactPoint({ impact: 2, effort: 7 }, undefined)).toEqual({
      point: { impact: 2, effort: 7 },
      fromScore: false,
    })
    expect(weightedImpactPoint({ impact: 2, effort: 7 }, NaN).fromScore).toBe(false)
  })
})
