import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { aggregateProposals, clampProposal, consensus, type Proposal } from './proposals.js'

const ids = ['a', 'b', 'c']

describe('clampProposal', () => {
  it.each([
    ['a proposal of 100 as it is', { a: 50, b: 30, c: 20 }, { a: 50, b: 30, c: 20 }],
    ['a sum above 100 rescaled', { a: 30, b: 30, c: 60 }, { a: 25, b: 25, c: 50 }],
    ['a sum below 100 rescaled', { a: 1, b: 1, c: 1 }, { a: 34, b: 33, c: 33 }],
    ['negatives, NaN and text as 0', { a: -40, b: NaN, c: 10, x: 'y' }, { a: 0, b: 0, c: 100 }],
    ['unknown criteria left out', { a: 10, zz: 90 }, { a: 100, b: 0, c: 0 }],
    ['infinity as 0', { a: Infinity, b: 5 }, { a: 0, b: 100, c: 0 }],
    ['nothing positive refused', { a: -1, b: 0, zz: 100 }, {}],
    ['not an object refused', 'a lot', {}],
    ['null refused', null, {}],
  ])('takes %s', (_, raw, expected) => {
    expect(clampProposal(raw, ids)).toEqual(expected)
  })

  it('never throws, is idempotent, and shares exactly 100 whole points or nothing', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.double()),
        (any, dict) => {
          for (const raw of [any, dict]) {
            const once = clampProposal(raw, ids)
            expect(clampProposal(once, ids)).toEqual(once)
            const values = Object.values(once)
            if (values.length > 0) {
              expect(values.reduce((s, v) => s + v, 0)).toBe(100)
              expect(values.every((v) => Number.isInteger(v) && v >= 0)).toBe(true)
            }
          }
        },
      ),
    )
  })
})

describe('aggregateProposals', () => {
  // g1: Ana 80/20, Ben 60/40; g2: Cy 20/80; Dee proposed nothing.
  const proposals: Proposal[] = [
    { participantId: 'ana', group: 'g1', weights: { a: 80, b: 20 } },
    { participantId: 'ben', group: 'g1', weights: { a: 60, b: 40 } },
    { participantId: 'cy', group: 'g2', weights: { a: 20, b: 80 } },
    { participantId: 'dee', group: 'g2', weights: {} },
  ]

  it('gives each group its mean, and group-equal vs person-equal means (hand-computed)', () => {
    const agg = aggregateProposals(['a', 'b'], proposals, ['g1', 'g2'])
    expect(agg.n).toBe(3)
    expect(agg.groups).toEqual([
      { group: 'g1', n: 2, mean: { a: 70, b: 30 } },
      { group: 'g2', n: 1, mean: { a: 20, b: 80 } },
    ])
    // Groups equal: (70 + 20) / 2 = 45. People equal: (80 + 60 + 20) / 3 = 53.33.
    expect(agg.groupEqual).toEqual({ a: 45, b: 55 })
    expect(agg.personEqual.a).toBeCloseTo(53.333, 3)
    expect(agg.personEqual.b).toBeCloseTo(46.667, 3)
    expect(agg.spread.a).toMatchObject({ n: 3, min: 20, median: 60, max: 80 })
  })

  it('states consensus as mean pairwise proportional similarity (hand-computed)', () => {
    // PS(Ana, Ben) = 1 − ½(0.2 + 0.2) = 0.8; (Ana, Cy) = 0.4; (Ben, Cy) = 0.6; mean 0.6.
    expect(aggregateProposals(['a', 'b'], proposals).consensus).toBeCloseTo(0.6, 12)
    expect(
      consensus(
        ['a', 'b'],
        [
          { a: 50, b: 50 },
          { a: 50, b: 50 },
        ],
      ),
    ).toBe(1)
    expect(
      consensus(
        ['a', 'b'],
        [
          { a: 100, b: 0 },
          { a: 0, b: 100 },
        ],
      ),
    ).toBe(0)
    expect(consensus(['a', 'b'], [{ a: 100, b: 0 }])).toBeNull()
  })

  it('does not depend on the order of the proposals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom('g1', 'g2', 'g3'),
            a: fc.nat(100),
            b: fc.nat(100),
          }),
          { maxLength: 12 },
        ),
        fc.nat(),
        (rows, rot) => {
          const props = rows.map((r, i) => ({
            participantId: `p${i}`,
            group: r.group,
            weights: clampProposal({ a: r.a, b: r.b }, ['a', 'b']),
          }))
          const k = props.length === 0 ? 0 : rot % props.length
          const turned = [...props.slice(k), ...props.slice(0, k)].reverse()
          const x = aggregateProposals(['a', 'b'], props, ['g1', 'g2', 'g3'])
          const y = aggregateProposals(['a', 'b'], turned, ['g1', 'g2', 'g3'])
          expect(y.groups.map((g) => g.group)).toEqual(x.groups.map((g) => g.group))
          expect(y.groupEqual.a).toBeCloseTo(x.groupEqual.a!, 9)
          expect(y.personEqual.b).toBeCloseTo(x.personEqual.b!, 9)
          if (x.consensus !== null) expect(y.consensus).toBeCloseTo(x.consensus, 9)
        },
      ),
    )
  })
})
