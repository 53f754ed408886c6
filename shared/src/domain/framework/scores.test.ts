import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Criterion } from '../../schema/framework.js'
import { criterionValue, groupRankings, weightShares, weightedRanking } from './scores.js'

const A: Criterion = { id: 'a', name: 'A', direction: 'benefit', scale: { min: 1, max: 5 } }
const B: Criterion = { id: 'b', name: 'B', direction: 'cost', scale: { min: 1, max: 5 } }

describe('weighted scores', () => {
  it('maps scores onto 0–1 by the scale, reversed for a cost, bounded, missing as null', () => {
    expect(criterionValue(A, 4)).toBe(0.75)
    expect(criterionValue(B, 4)).toBe(0.25)
    expect(criterionValue(A, 9)).toBe(1)
    expect(criterionValue(A, -9)).toBe(0)
    expect(criterionValue(A, NaN)).toBeNull()
    expect(criterionValue(A, '3')).toBeNull()
  })

  it('weights shares, dropping unknown, negative and NaN weights, equal when none', () => {
    expect(weightShares([A, B], { a: 3, b: 1, z: 50 })).toEqual([0.75, 0.25])
    expect(weightShares([A, B], { a: -3, b: NaN })).toEqual([0.5, 0.5])
  })

  it('scores on 0–100 with a cost counting against (hand-computed)', () => {
    // Weights 3 : 1. X: A 5 (1), B 5 (cost: 0) → 75. Y: A 3 (0.5), B 1 (1) → 37.5 + 25 = 62.5.
    // Z: A 1 (0), B 3 (0.5) → 12.5. W: unscored → 0.
    const ranking = weightedRanking(
      ['z', 'y', 'x', 'w'],
      [A, B],
      { a: 3, b: 1 },
      {
        x: { a: 5, b: 5 },
        y: { a: 3, b: 1 },
        z: { a: 1, b: 3 },
      },
    )
    expect(ranking).toEqual([
      { key: 'x', score: 75, contributions: [75, 0], rank: 1 },
      { key: 'y', score: 62.5, contributions: [37.5, 25], rank: 2 },
      { key: 'z', score: 12.5, contributions: [0, 12.5], rank: 3 },
      { key: 'w', score: 0, contributions: [0, 0], rank: 4 },
    ])
  })

  it('gives each group the ranking of its own weights and scores', () => {
    const scores = { x: { a: 5, b: 5 }, y: { a: 3, b: 1 } }
    const out = groupRankings(
      ['x', 'y'],
      [A, B],
      [
        { id: 'g1', weights: { a: 3, b: 1 } },
        { id: 'g2', weights: { a: 1, b: 3 } },
        { id: 'g3', weights: { a: 1, b: 0 }, scores: { x: { a: 1 }, y: { a: 2 } } },
      ],
      scores,
    )
    expect(out.g1!.map((r) => r.key)).toEqual(['x', 'y'])
    // g2: x = 25, y = 12.5 + 75 = 87.5.
    expect(out.g2!.map((r) => [r.key, r.score])).toEqual([
      ['y', 87.5],
      ['x', 25],
    ])
    expect(out.g3!.map((r) => r.key)).toEqual(['y', 'x'])
  })

  it('ranks the same when every weight is scaled by one factor', () => {
    const criteria: Criterion[] = ['c0', 'c1', 'c2', 'c3'].map((id, j) => ({
      id,
      name: id,
      direction: j === 3 ? 'cost' : 'benefit',
      scale: { min: 0, max: 10 },
    }))
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), {
          minLength: 1,
          maxLength: 10,
        }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0.001, max: 1000, noNaN: true }),
        (rows, w, factor) => {
          const keys = rows.map((_, i) => `i${i}`)
          const scores = Object.fromEntries(
            rows.map((r, i) => [`i${i}`, Object.fromEntries(r.map((s, j) => [`c${j}`, s]))]),
          )
          const weights = Object.fromEntries(w.map((x, j) => [`c${j}`, x]))
          const scaled = Object.fromEntries(w.map((x, j) => [`c${j}`, x * factor]))
          const before = weightedRanking(keys, criteria, weights, scores)
          const after = weightedRanking(keys, criteria, scaled, scores)
          expect(after.map((r) => [r.key, r.rank])).toEqual(before.map((r) => [r.key, r.rank]))
        },
      ),
    )
  })
})
