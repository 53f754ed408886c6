// Rank helpers: hand-computed tables for ties, and the laws every ranking keeps.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { competitionRanks, denseRanks, fractionalRanks, rankOrder, topN } from './rank.js'

const values = fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 30 })
/** A permutation of 0…n-1, drawn with fast-check so failures shrink. */
const shuffled = <T>(xs: readonly T[]) =>
  fc.shuffledSubarray([...xs], { minLength: xs.length, maxLength: xs.length })

describe('competitionRanks', () => {
  it.each<[number[], number[], number[]]>([
    [[], [], []],
    [[7], [1], [1]],
    [
      [3, 1, 2],
      [1, 3, 2],
      [3, 1, 2],
    ],
    [
      [5, 3, 3, 1],
      [1, 2, 2, 4],
      [4, 2, 2, 1],
    ],
    [
      [2, 2, 2],
      [1, 1, 1],
      [1, 1, 1],
    ],
    [
      [0, 9, 9, 4, 9],
      [5, 1, 1, 4, 1],
      [1, 3, 3, 2, 3],
    ],
  ])('ranks %j as %j highest first and %j lowest first', (xs, desc, asc) => {
    expect(competitionRanks(xs)).toEqual(desc)
    expect(competitionRanks(xs, 'asc')).toEqual(asc)
  })

  it('gives each value 1 + the number of values strictly better', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const ranks = competitionRanks(xs)
        xs.forEach((v, i) => expect(ranks[i]).toBe(1 + xs.filter((w) => w > v).length))
      }),
    )
  })
})

describe('denseRanks', () => {
  it.each<[number[], number[]]>([
    [
      [5, 3, 3, 1],
      [1, 2, 2, 3],
    ],
    [
      [1, 1],
      [1, 1],
    ],
    [[], []],
  ])('ranks %j as %j', (xs, expected) => {
    expect(denseRanks(xs)).toEqual(expected)
  })

  it('uses every rank from 1 to the number of distinct values', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const distinct = new Set(xs).size
        expect(new Set(denseRanks(xs))).toEqual(
          new Set(Array.from({ length: distinct }, (_, i) => i + 1)),
        )
      }),
    )
  })
})

describe('fractionalRanks', () => {
  it.each<[number[], number[]]>([
    [
      [5, 3, 3, 1],
      [1, 2.5, 2.5, 4],
    ],
    [
      [2, 2, 2],
      [2, 2, 2],
    ],
    [
      [1, NaN, 2],
      [2, NaN, 1],
    ],
  ])('ranks %j as %j', (xs, expected) => {
    expect(fractionalRanks(xs)).toEqual(expected)
  })

  it('sums to n(n+1)/2 whatever the ties', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const n = xs.length
        expect(fractionalRanks(xs).reduce((a, b) => a + b, 0)).toBe((n * (n + 1)) / 2)
      }),
    )
  })
})

describe('rankOrder and topN', () => {
  it('orders highest first, ties in their given order, NaN last', () => {
    expect(rankOrder([2, NaN, 5, 2, 9])).toEqual([4, 2, 0, 3, 1])
    expect(rankOrder([2, NaN, 5, 2, 9], 'asc')).toEqual([0, 3, 2, 4, 1])
  })

  it('keeps every item tied at the last place counted', () => {
    expect(topN([4, 9, 7, 7, 1], 2)).toEqual([1, 2, 3])
    expect(topN([4, 9, 7, 7, 1], 3)).toEqual([1, 2, 3])
    expect(topN([4, 9, 7, 7, 1], 0)).toEqual([])
  })

  it('agrees with the ranks: the order visits ranks in increasing order', () => {
    fc.assert(
      fc.property(values, (xs) => {
        const ranks = competitionRanks(xs)
        const visited = rankOrder(xs).map((i) => ranks[i]!)
        expect(visited).toEqual([...visited].sort((a, b) => a - b))
      }),
    )
  })

  it('does not depend on the order the values come in (as a ranking of the same values)', () => {
    fc.assert(
      fc.property(
        values.chain((xs) => fc.tuple(fc.constant(xs), shuffled(xs.map((_, i) => i)))),
        ([xs, perm]) => {
          const ranks = competitionRanks(xs)
          const permuted = competitionRanks(perm.map((i) => xs[i]!))
          perm.forEach((i, k) => expect(permuted[k]).toBe(ranks[i]))
        },
      ),
    )
  })
})
