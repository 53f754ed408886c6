import { describe, expect, it } from 'vitest'
import { DEFAULT_SCORES_SETTINGS, FRAMEWORK_PRESETS } from '@triage/shared'
import { groupName, ordinal, outcomeInput, points, weightsLine } from './outcome-model'
import type { WeighState } from './weigh-state'

const framework = FRAMEWORK_PRESETS[0]!.framework
const BASE: WeighState = {
  framework,
  status: 'revealed',
  result: null,
  progress: {},
  adopted: null,
  scores: null,
  scoresRound: { status: 'setup', settings: DEFAULT_SCORES_SETTINGS, progress: {}, result: null },
}

describe('the outcome’s input from the weigh state', () => {
  it('says what is missing until criteria, weights and scores are there', () => {
    expect(outcomeInput({ ...BASE, framework: null })).toMatchObject({ ok: false })
    expect(outcomeInput(BASE)).toEqual({
      ok: false,
      missing: 'The ranking follows once weights are adopted.',
    })
  })

  it('takes the groups’ weights from the revealed means and bounds the top N by the items', () => {
    const state: WeighState = {
      ...BASE,
      adopted: {
        weights: { 'clinical-impact': 100 },
        basis: 'groups',
        at: 1,
        proposals: 1,
        consensus: null,
      },
      scores: {
        items: [
          { key: 'i:a', label: 'A' },
          { key: 'i:b', label: 'B' },
        ],
        scores: { 'i:a': { 'clinical-impact': 5 } },
        topN: 3,
      },
      result: {
        revealedAt: 1,
        criteria: [],
        n: 1,
        groups: [{ group: 'g1', n: 1, mean: { 'clinical-impact': 100 } }],
        groupEqual: {},
        personEqual: {},
        spread: {},
        consensus: null,
        proposals: [{ group: 'g1', weights: { 'clinical-impact': 100 } }],
      },
    }
    const out = outcomeInput(state)
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.input.topN).toBe(2)
    expect(out.input.groups).toEqual([{ id: 'g1', weights: { 'clinical-impact': 100 } }])
    expect(out.input.proposals).toEqual([{ 'clinical-impact': 100 }])
  })

  it('ranks on revealed phone scores: overall on the adoption’s basis, each group its own', () => {
    const table = (a: number, b: number) => ({
      'i:a': { 'clinical-impact': a },
      'i:b': { 'clinical-impact': b },
    })
    const state: WeighState = {
      ...BASE,
      adopted: {
        weights: { 'clinical-impact': 100 },
        basis: 'people',
        at: 1,
        proposals: 2,
        consensus: null,
      },
      scores: { items: [], scores: {}, topN: 5 },
      result: {
        revealedAt: 1,
        criteria: [],
        n: 2,
        groups: [
          { group: 'g1', n: 1, mean: { 'clinical-impact': 100 } },
          { group: 'g2', n: 1, mean: { 'clinical-impact': 100 } },
        ],
        groupEqual: {},
        personEqual: {},
        spread: {},
        consensus: null,
        proposals: [],
      },
      scoresRound: {
        status: 'revealed',
        settings: DEFAULT_SCORES_SETTINGS,
        progress: {},
        result: {
          revealedAt: 2,
          criteria: [{ id: 'clinical-impact', name: 'Clinical Impact' }],
          items: [
            { key: 'i:a', label: 'A' },
            { key: 'i:b', label: 'B' },
          ],
          people: table(4, 2),
          groupEqual: table(3, 3),
          groups: [{ group: 'g1', raters: 1, scores: table(5, 1) }],
          cells: {},
          raters: 2,
        },
      },
    }
    const out = outcomeInput(state)
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out.input.items.map((i) => i.label)).toEqual(['A', 'B'])
    expect(out.input.scores).toEqual(table(4, 2))
    expect(out.input.topN).toBe(2)
    expect(out.input.groups).toEqual([
      { id: 'g1', weights: { 'clinical-impact': 100 }, scores: table(5, 1) },
      { id: 'g2', weights: { 'clinical-impact': 100 } },
    ])
  })
})

describe('the words around the outcome', () => {
  it('names groups, points, weights and ranks', () => {
    expect(groupName([{ id: 'g1', name: 'Surgeons' }], 'g1')).toBe('Surgeons')
    expect(groupName([], 'g9')).toBe('g9')
    expect(points(33.333)).toBe('33.3')
    expect(points(40)).toBe('40')
    expect(weightsLine([{ id: 'a', name: 'Safety' }], { a: 12.5 })).toBe('Safety 12.5')
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ])
  })
})
