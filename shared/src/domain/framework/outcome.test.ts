import { describe, expect, it } from 'vitest'
import type { Criterion } from '../../schema/framework.js'
import { frameworkOutcome, outcomeInputFromRounds } from './outcome.js'

const crit = (id: string, name: string): Criterion => ({
  id,
  name,
  direction: 'benefit',
  scale: { min: 0, max: 10 },
})
const criteria = [crit('a', 'Safety'), crit('b', 'Workflow'), crit('c', 'Revenue')]
const items = [
  { key: 'p', label: 'Pager' },
  { key: 'q', label: 'Queue' },
  { key: 'r', label: 'Rota' },
]
// P = (10, 0, 0), Q = (0, 10, 0), R = (6, 6, 6).
const people = { p: { a: 10, b: 0, c: 0 }, q: { a: 0, b: 10, c: 0 }, r: { a: 6, b: 6, c: 6 } }

describe('frameworkOutcome', () => {
  it('ranks overall and per group, and states how robust the top is', () => {
    const input = outcomeInputFromRounds({
      criteria,
      weights: { a: 50, b: 25, c: 25 },
      basis: 'people',
      proposals: {
        revealedAt: 1,
        criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
        n: 2,
        groups: [
          { group: 'g1', n: 1, mean: { a: 100, b: 0, c: 0 } },
          { group: 'g2', n: 1, mean: { a: 0, b: 100, c: 0 } },
        ],
        groupEqual: { a: 50, b: 50, c: 0 },
        personEqual: { a: 50, b: 50, c: 0 },
        spread: {},
        consensus: 0,
        proposals: [
          { group: 'g1', weights: { a: 100, b: 0, c: 0 } },
          { group: 'g2', weights: { a: 0, b: 100, c: 0 } },
        ],
      },
      scores: {
        revealedAt: 1,
        criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
        items,
        people,
        groupEqual: people,
        groups: [{ group: 'g2', raters: 1, scores: { q: { b: 1 }, r: { b: 2 } } }],
        cells: {},
        raters: 2,
      },
      topN: 1,
      seed: 5,
    })
    const out = frameworkOutcome({ ...input, samples: 2000 })
    // Overall: R 60, P 50, Q 25.
    expect(out.ranking.map((r) => [r.key, r.score])).toEqual([
      ['r', 60],
      ['p', 50],
      ['q', 25],
    ])
    // g1 weighs only Safety: P first. g2 weighs only Workflow, on its own scores: R (2) above Q (1).
    expect(out.groupRankings.g1!.map((r) => r.key)).toEqual(['p', 'r', 'q'])
    expect(out.groupRankings.g2!.map((r) => r.key)).toEqual(['r', 'q', 'p'])
    expect(out.sensitivity.statements[0]!.sentence).toMatch(
      /^Rota stays in first place in \d+ % of plausible weightings; it drops out if Safety rises above 60 %\.$/,
    )
    expect(frameworkOutcome({ ...input, samples: 2000 })).toEqual(out)
  })
})
