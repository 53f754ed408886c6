import { describe, expect, it } from 'vitest'
import { CLINICAL_VALUE_CRITERIA } from '@triage/shared'
import { formOfScores, parseScoresForm } from './scores-model'

const CRITERIA = CLINICAL_VALUE_CRITERIA.slice(0, 2)
const ITEMS = [
  { key: 'i:a', label: 'Rota' },
  { key: 'i:b', label: 'Lounge' },
]

describe('the consensus scores form', () => {
  it('keeps whole scores on the scale and leaves empty cells unscored', () => {
    const parsed = parseScoresForm(
      { cells: { 'i:a': { 'clinical-impact': '5', 'workflow-efficiency': ' ' } }, topN: '2' },
      ITEMS,
      CRITERIA,
    )
    expect(parsed).toEqual({
      ok: true,
      scores: { items: ITEMS, scores: { 'i:a': { 'clinical-impact': 5 } }, topN: 2 },
    })
    if (parsed.ok)
      expect(formOfScores(parsed.scores).cells['i:a']).toEqual({ 'clinical-impact': '5' })
  })

  it('refuses a score off the scale, with the item and criterion named', () => {
    expect(
      parseScoresForm(
        { cells: { 'i:b': { 'workflow-efficiency': '6' } }, topN: '3' },
        ITEMS,
        CRITERIA,
      ),
    ).toEqual({ ok: false, message: 'Lounge, Workflow Efficiency: a whole score from 1 to 5.' })
    expect(parseScoresForm({ cells: {}, topN: '0' }, ITEMS, CRITERIA).ok).toBe(false)
    expect(
      parseScoresForm(
        { cells: { 'i:a': { 'clinical-impact': '2.5' } }, topN: '1' },
        ITEMS,
        CRITERIA,
      ).ok,
    ).toBe(false)
  })
})
