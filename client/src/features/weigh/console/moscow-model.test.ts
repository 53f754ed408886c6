import { describe, expect, it } from 'vitest'
import { moscowPlanItems, moscowSummary } from '@triage/shared'
import { categoryOf, formOfMoscow, parseMoscowForm } from './moscow-model'

const items = [
  { key: 'i:a', label: 'Rota' },
  { key: 'i:b', label: 'Triage' },
  { key: 'i:c', label: 'Portal' },
]

describe('the MoSCoW form', () => {
  it('keeps tagged items with their effort and warns past 60 % Musts', () => {
    const parsed = parseMoscowForm(
      {
        effortFrom: 'entered',
        rows: {
          'i:a': { category: 'must', effort: '8' },
          'i:b': { category: 'could', effort: '2,5' },
          'i:c': { category: '', effort: '40' },
        },
      },
      items,
    )
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.plan.tags).toEqual({
      'i:a': { category: 'must', effort: 8 },
      'i:b': { category: 'could', effort: 2.5 },
    })
    // Musts 8 of 10.5 planned: 76 %.
    const summary = moscowSummary(moscowPlanItems(parsed.plan, {}).items)
    expect(summary.message).toMatch(/^Musts take 76 % of the planned effort/)
    expect(formOfMoscow(parsed.plan).rows['i:b']).toEqual({ category: 'could', effort: '2.5' })
  })

  it('drops typed effort when it comes from the 2x2', () => {
    const parsed = parseMoscowForm(
      { effortFrom: 'matrix', rows: { 'i:a': { category: 'should', effort: '9' } } },
      items,
    )
    expect(parsed.ok && parsed.plan.tags).toEqual({ 'i:a': { category: 'should' } })
  })

  it.each([['-1'], ['1e9'], ['lots'], ['20000']])('refuses an effort of %s', (effort) => {
    const parsed = parseMoscowForm(
      { effortFrom: 'entered', rows: { 'i:b': { category: 'must', effort } } },
      items,
    )
    expect(parsed).toEqual({ ok: false, message: 'Triage: effort is a number from 0 to 10,000.' })
  })

  it('reads only the four categories from a select', () => {
    expect(['must', 'wont', 'may', ''].map(categoryOf)).toEqual(['must', 'wont', '', ''])
  })
})
