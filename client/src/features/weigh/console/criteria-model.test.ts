import { describe, expect, it } from 'vitest'
import { FRAMEWORK_PRESETS } from '@triage/shared'
import { criterionId, formOfFramework, newRow, parseCriteriaForm } from './criteria-model'

const healthcare = FRAMEWORK_PRESETS.find((p) => p.id === 'healthcare-prioritisation')!

describe('the criteria editor’s form', () => {
  it('gives back a preset unchanged, with its stated starting weights', () => {
    const parsed = parseCriteriaForm(formOfFramework(healthcare.framework))
    expect(parsed).toEqual({ ok: true, framework: healthcare.framework })
  })

  it('shares the weights equally once the criteria are no longer the preset’s', () => {
    const form = formOfFramework(healthcare.framework)
    const parsed = parseCriteriaForm({
      ...form,
      rows: [...form.rows.slice(0, 3), { ...newRow(), name: 'Équipe morale!' }],
    })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.framework.preset).toBeUndefined()
    expect(parsed.framework.criteria[3]!.id).toBe('equipe-morale')
    expect(Object.values(parsed.framework.startingWeights)).toEqual([25, 25, 25, 25])
  })

  it('says which row is wrong', () => {
    const rows = [
      { ...newRow(), name: 'Safety' },
      { ...newRow(), name: 'Cost', min: '5', max: '1' },
    ]
    expect(parseCriteriaForm({ preset: null, startingWeights: {}, rows })).toEqual({
      ok: false,
      row: 1,
      message: 'Cost: the scale needs whole numbers, the top above the bottom.',
    })
    expect(
      parseCriteriaForm({ preset: null, startingWeights: {}, rows: [newRow()] }),
    ).toMatchObject({
      ok: false,
      row: 0,
    })
    expect(parseCriteriaForm({ preset: null, startingWeights: {}, rows: [] }).ok).toBe(false)
  })

  it('makes ids that the schema accepts and that do not collide', () => {
    expect(criterionId('3D printing', new Set())).toBe('d-printing')
    expect(criterionId('Safety', new Set(['safety']))).toBe('safety-2')
    expect(criterionId('!!!', new Set())).toBe('criterion')
  })
})
