// The ratings round's settings as the form changes them.
import { describe, expect, it } from 'vitest'
import { DEFAULT_MATRIX_RATING_SETTINGS as base } from '@triage/shared'
import { groupRates, withAxisGroup } from './settings-model'

const groups = ['g1', 'g2', 'g3']

describe('which groups rate an axis', () => {
  it('unticking one group lists the others; ticking it again means every group', () => {
    const only = withAxisGroup(base, 'effort', 'g2', false, groups)
    expect(only.axes).toEqual({ impact: null, effort: ['g1', 'g3'] })
    expect(groupRates(only, 'effort', 'g2')).toBe(false)
    expect(groupRates(only, 'impact', 'g2')).toBe(true)
    expect(withAxisGroup(only, 'effort', 'g2', true, groups).axes.effort).toBeNull()
  })

  it('can leave an axis to no group at all', () => {
    let s = base
    for (const g of groups) s = withAxisGroup(s, 'impact', g, false, groups)
    expect(s.axes.impact).toEqual([])
  })
})
