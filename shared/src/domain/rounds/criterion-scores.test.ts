import { describe, expect, it } from 'vitest'
import type { Criterion } from '../../schema/framework.js'
import {
  clampScores,
  criterionScores,
  DEFAULT_SCORES_SETTINGS,
  type ScoresContext,
} from './criterion-scores.js'

const criteria: Criterion[] = [
  { id: 'safety', name: 'Safety', direction: 'benefit', scale: { min: 1, max: 5 } },
  { id: 'risk', name: 'Risk', direction: 'cost', scale: { min: 1, max: 5 } },
]
const context: ScoresContext = {
  settings: DEFAULT_SCORES_SETTINGS,
  criteria,
  items: [
    { key: 'idea:a', kind: 'idea', label: 'Pager' },
    { key: 'idea:b', kind: 'idea', label: 'Rota' },
  ],
  votesRevealed: false,
}
const ana = { id: 'ana', name: 'Ana', group: 'g1' }
const ben = { id: 'ben', name: 'Ben', group: 'g1' }
const cy = { id: 'cy', name: 'Cy', group: 'g2' }

describe('criterion scores', () => {
  it('keeps whole scores on the scale for known items and criteria only', () => {
    expect(
      clampScores(
        {
          'idea:a': { safety: 4, risk: 6, other: 3 },
          'idea:b': { safety: 2.5, risk: 0 },
          'idea:z': { safety: 3 },
        },
        context,
      ),
    ).toEqual({ 'idea:a': { safety: 4 } })
    expect(clampScores('nope', context)).toEqual({})
  })

  it('means per cell over people, per group and with groups equal (hand-computed)', () => {
    const result = criterionScores.aggregate({
      settings: DEFAULT_SCORES_SETTINGS,
      context,
      inputs: [
        { participant: ana, input: { 'idea:a': { safety: 5, risk: 1 } } },
        { participant: ben, input: { 'idea:a': { safety: 3, risk: 3 }, 'idea:b': { safety: 2 } } },
        { participant: cy, input: { 'idea:a': { safety: 1 } } },
      ],
      groups: [
        { id: 'g1', name: 'Surgeons' },
        { id: 'g2', name: 'Radiologists' },
      ],
      revealedAt: 9,
    })
    // People: safety (5 + 3 + 1) / 3 = 3; groups equal: (4 + 1) / 2 = 2.5.
    expect(result.people).toEqual({ 'idea:a': { safety: 3, risk: 2 }, 'idea:b': { safety: 2 } })
    expect(result.groupEqual).toEqual({
      'idea:a': { safety: 2.5, risk: 2 },
      'idea:b': { safety: 2 },
    })
    expect(result.groups.map((g) => [g.group, g.raters])).toEqual([
      ['g1', 2],
      ['g2', 1],
    ])
    expect(result.cells['idea:a']!.safety).toEqual({ n: 3, iqr: 2 })
    expect(result.cells['idea:b']!.risk).toEqual({ n: 0, iqr: null })
    expect(criterionScores.headline(result)).toEqual({
      headline: '2 items scored on 2 criteria',
      took: 3,
    })
  })
})
