// Parsing and checking the stakeholder-group field of the create form.
import { describe, expect, it } from 'vitest'
import { groupNamesProblem, parseGroupNames } from './group-names'

describe('parseGroupNames', () => {
  it.each([
    ['Surgeons\nRadiologists\nAdministrators', ['Surgeons', 'Radiologists', 'Administrators']],
    ['Surgeons, Radiologists ,Admin', ['Surgeons', 'Radiologists', 'Admin']],
    ['  Surgeons \n\n , \n Nurses ', ['Surgeons', 'Nurses']],
    ['IT   team', ['IT team']],
    ['', []],
    ['\n,\n', []],
    // Cleaned as the server will, so that its duplicate check and this one agree.
    ['IT\u202E, \u0000\u2066, Nurses\u001b', ['IT', 'Nurses']],
  ])('%j → %j', (text, names) => {
    expect(parseGroupNames(text)).toEqual(names)
  })
})

describe('groupNamesProblem', () => {
  it('accepts distinct names', () => {
    expect(groupNamesProblem(['Surgeons', 'Nurses'])).toBeNull()
  })
  it.each([
    [[], /at least one/],
    [['Surgeons', 'surgeons'], /twice/],
    [['x'.repeat(41)], /longer than 40/],
    [Array.from({ length: 13 }, (_, i) => `G${i}`), /At most 12/],
  ])('refuses %j', (names, problem) => {
    expect(groupNamesProblem(names)).toMatch(problem)
  })
})
