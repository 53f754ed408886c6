import { describe, expect, it } from 'vitest'
import { groupsFromNames, workshopSettingsSchema } from '../schema/workshop.js'
import { createWorkshopBodySchema, joinBodySchema } from './http.js'

type Issues = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }

/** `path: message` for every issue, as a form would show them next to its fields. */
const problems = (result: Issues) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []
const paths = (result: Issues) => result.error?.issues.map((i) => i.path.join('.')) ?? []

const minimal = { title: 'Which wards first?', groups: ['Surgeons'] }

describe('createWorkshopBodySchema', () => {
  it('fills in the defaults', () => {
    expect(createWorkshopBodySchema.parse(minimal)).toEqual({
      title: 'Which wards first?',
      objective: '',
      groups: ['Surgeons'],
      dotBudget: 5,
      maxDotsPerItem: 3,
      anonymous: true,
    })
  })

  it('keeps given values and trims text', () => {
    expect(
      createWorkshopBodySchema.parse({
        title: '  Roadmap 2026 \n',
        objective: '  Pick three  ',
        groups: [' Surgeons ', '\tNurses'],
        dotBudget: 20,
        maxDotsPerItem: 1,
        anonymous: false,
      }),
    ).toEqual({
      title: 'Roadmap 2026',
      objective: 'Pick three',
      groups: ['Surgeons', 'Nurses'],
      dotBudget: 20,
      maxDotsPerItem: 1,
      anonymous: false,
    })
  })

  it.each([
    ['a title of the longest length', { title: 'x'.repeat(120) }],
    ['a long title padded with spaces', { title: `  ${'x'.repeat(120)}  ` }],
    ['twelve groups', { groups: Array.from({ length: 12 }, (_, i) => `G${i}`) }],
    ['a group name of the longest length', { groups: ['x'.repeat(40)] }],
    ['the smallest budgets', { dotBudget: 1, maxDotsPerItem: 1 }],
    ['an objective of the longest length', { objective: 'x'.repeat(1000) }],
  ])('accepts %s', (_, patch) => {
    expect(createWorkshopBodySchema.safeParse({ ...minimal, ...patch }).success).toBe(true)
  })

  it.each([
    ['an empty title', { title: '' }, ['title: The title is required']],
    ['a blank title', { title: '   ' }, ['title: The title is required']],
    [
      'a too-long title',
      { title: 'x'.repeat(121) },
      ['title: The title is at most 120 characters'],
    ],
    ['no groups', { groups: [] }, ['groups: At least one stakeholder group is required']],
    [
      'thirteen groups',
      { groups: Array.from({ length: 13 }, (_, i) => `G${i}`) },
      ['groups: At most 12 groups'],
    ],
    ['a blank group name', { groups: ['Surgeons', '  '] }, ['groups.1: A group name is required']],
    [
      'the same group twice',
      { groups: ['Surgeons', 'Surgeons'] },
      ['groups: Group names must differ'],
    ],
    [
      'group names differing only in case',
      { groups: ['Surgeons', 'SURGEONS'] },
      ['groups: Group names must differ'],
    ],
    [
      'group names differing only in case and spaces',
      { groups: ['Nurses', ' surgeons', 'Surgeons '] },
      ['groups: Group names must differ'],
    ],
  ])('rejects %s', (_, patch, expected) => {
    expect(problems(createWorkshopBodySchema.safeParse({ ...minimal, ...patch }))).toEqual(expected)
  })

  it.each([
    ['a too-long group name', { groups: ['x'.repeat(41)] }, 'groups.0'],
    ['a too-long objective', { objective: 'x'.repeat(1001) }, 'objective'],
    ['a fractional dot budget', { dotBudget: 2.5 }, 'dotBudget'],
    ['a dot budget of zero', { dotBudget: 0 }, 'dotBudget'],
    ['a dot budget above 20', { dotBudget: 21 }, 'dotBudget'],
    ['a dot budget given as text', { dotBudget: '5' }, 'dotBudget'],
    ['a fractional per-item limit', { maxDotsPerItem: 1.5 }, 'maxDotsPerItem'],
    ['a per-item limit of zero', { maxDotsPerItem: 0 }, 'maxDotsPerItem'],
    ['anonymous given as text', { anonymous: 'yes' }, 'anonymous'],
    ['a missing title', { title: undefined }, 'title'],
    ['groups given as one string', { groups: 'Surgeons' }, 'groups'],
  ])('rejects %s at %s', (_, patch, path) => {
    expect(paths(createWorkshopBodySchema.safeParse({ ...minimal, ...patch }))).toEqual([path])
  })

  it('reports every bad field at once', () => {
    expect(paths(createWorkshopBodySchema.safeParse({ title: '', groups: [] }))).toEqual([
      'title',
      'groups',
    ])
  })

  it('yields, with groupsFromNames, valid workshop settings', () => {
    const body = createWorkshopBodySchema.parse({ ...minimal, groups: [' Surgeons ', 'Nurses'] })
    const settings = workshopSettingsSchema.parse({ ...body, groups: groupsFromNames(body.groups) })
    expect(settings.groups).toEqual([
      { id: 'g1', name: 'Surgeons' },
      { id: 'g2', name: 'Nurses' },
    ])
  })
})

describe('joinBodySchema', () => {
  it('normalises code, name and group', () => {
    expect(joinBodySchema.parse({ code: ' k7p-x4m ', name: '  Ada ', group: ' g2 ' })).toEqual({
      code: 'K7PX4M',
      name: 'Ada',
      group: 'g2',
    })
  })

  it('accepts a group given by name', () => {
    expect(joinBodySchema.parse({ code: 'K7PX4M', name: 'Ada', group: 'Surgeons' }).group).toBe(
      'Surgeons',
    )
  })

  it.each([
    ['a blank name', { name: '  ' }, ['name: Your name is required']],
    ['a too-long name', { name: 'x'.repeat(41) }, ['name: A name is at most 40 characters']],
    ['a blank group', { group: ' ' }, ['group: Choose a group']],
    ['a short code', { code: 'K7PX4' }, ['code: A join code has 6 characters']],
    [
      'a code with a look-alike',
      { code: 'K7PXOM' },
      ['code: That is not a join code (letters and digits, no 0, O, 1, I or L)'],
    ],
  ])('rejects %s', (_, patch, expected) => {
    const body = { code: 'K7PX4M', name: 'Ada', group: 'g1', ...patch }
    expect(problems(joinBodySchema.safeParse(body))).toEqual(expected)
  })

  it('accepts a name of the longest length', () => {
    expect(joinBodySchema.parse({ code: 'K7PX4M', name: 'x'.repeat(40), group: 'g1' }).name).toBe(
      'x'.repeat(40),
    )
  })
})
