import { describe, expect, it } from 'vitest'
import { riceRankingOf } from '@triage/shared'
import { EMPTY_RICE_ROW, formOfRice, parseRiceForm } from './rice-model'

const items = [
  { key: 'i:a', label: 'Rota' },
  { key: 'i:b', label: 'Triage' },
  { key: 'i:c', label: 'Portal' },
]
const row = { reach: '500', impact: '2', confidence: '0.8', clinical: '1.5', effort: '4' }

describe('the RICE estimates form', () => {
  it('reads filled rows, leaves empty ones unestimated, and round-trips', () => {
    const form = {
      'i:a': row,
      'i:b': { ...row, reach: '90', effort: '0,5' },
      'i:c': EMPTY_RICE_ROW,
    }
    const parsed = parseRiceForm(form, items)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.rice.estimates).toEqual({
      'i:a': { reach: 500, impact: 2, confidence: 0.8, clinical: 1.5, effort: 4 },
      'i:b': { reach: 90, impact: 2, confidence: 0.8, clinical: 1.5, effort: 0.5 },
    })
    // 500 × 2 × 0.8 × 1.5 / 4 = 300; 90 × 2 × 0.8 × 1.5 / 0.5 = 432; Portal has no score.
    expect(riceRankingOf(parsed.rice).map((r) => [r.key, r.score])).toEqual([
      ['i:b', 432],
      ['i:a', 300],
      ['i:c', null],
    ])
    expect(formOfRice(parsed.rice)['i:b']).toEqual({ ...row, reach: '90', effort: '0.5' })
  })

  it.each([
    ['a half-filled row', { ...row, impact: '' }, /Rota: fill in reach/],
    ['a negative reach', { ...row, reach: '-5' }, /Rota: reach is a whole number/],
    ['a fractional reach', { ...row, reach: '2.5' }, /reach is a whole number/],
    ['zero effort', { ...row, effort: '0' }, /Rota: effort is more than 0/],
    ['effort past the bound', { ...row, effort: '5000' }, /at most 1000 person-months/],
    ['effort as words', { ...row, effort: 'four' }, /effort is more than 0/],
    ['an impact off the scale', { ...row, impact: '4' }, /not on the RICE scales/],
  ])('refuses %s', (_, bad, message) => {
    const parsed = parseRiceForm({ 'i:a': bad }, items)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.message).toMatch(message)
  })
})
