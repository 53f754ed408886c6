// The "You are …" line: name and stakeholder group.
import { describe, expect, it } from 'vitest'
import { identityLine } from './identity-line'

describe('identityLine', () => {
  const groups = [{ id: 'g1', name: 'Surgeons' }]
  it.each([
    ['Dana', 'g1', 'Dana · Surgeons'],
    ['Dana', 'g9', 'Dana'],
    [undefined, 'g1', null],
  ])('%s in %s → %s', (name, group, line) => {
    expect(identityLine(name, group, groups)).toBe(line)
  })
})
