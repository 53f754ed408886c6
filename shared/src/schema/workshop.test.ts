import { describe, expect, it } from 'vitest'
import { LIMITS, groupSchema, groupsFromNames, workshopSettingsSchema } from './workshop.js'

describe('groupsFromNames', () => {
  it.each([
    [[], []],
    [['Surgeons'], [{ id: 'g1', name: 'Surgeons' }]],
    [
      ['Surgeons', ' Nurses ', 'IT'],
      [
        { id: 'g1', name: 'Surgeons' },
        { id: 'g2', name: 'Nurses' },
        { id: 'g3', name: 'IT' },
      ],
    ],
  ])('%j → %j', (names, groups) => {
    expect(groupsFromNames(names)).toEqual(groups)
  })

  it('numbers up to the most groups allowed with ids the group schema accepts', () => {
    const names = Array.from({ length: LIMITS.groups }, (_, i) => `Group ${i}`)
    const groups = groupsFromNames(names)
    expect(groups.map((g) => g.id)).toEqual(names.map((_, i) => `g${i + 1}`))
    for (const g of groups) expect(groupSchema.parse(g)).toEqual(g)
  })
})

describe('workshopSettingsSchema', () => {
  it('fills in the defaults', () => {
    expect(
      workshopSettingsSchema.parse({ title: ' T ', groups: [{ id: 'g1', name: 'A' }] }),
    ).toEqual({
      title: 'T',
      objective: '',
      groups: [{ id: 'g1', name: 'A' }],
      dotBudget: 5,
      maxDotsPerItem: 3,
      anonymous: true,
    })
  })

  it.each(['1', 'g', 'G1', 'g1234', 'g1 ', 'x1'])('rejects the group id %j', (id) => {
    expect(groupSchema.safeParse({ id, name: 'A' }).success).toBe(false)
  })
})
