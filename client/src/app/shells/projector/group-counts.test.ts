// Projector counts per stakeholder group.
import { describe, expect, it } from 'vitest'
import { countByGroup } from './group-counts'

describe('countByGroup', () => {
  const groups = [
    { id: 'g1', name: 'Surgeons' },
    { id: 'g2', name: 'Nurses' },
  ]
  const at = 0
  it('counts joined and online members per group, keeping empty groups', () => {
    expect(
      countByGroup(
        groups,
        {
          a: { name: 'A', group: 'g1', joinedAt: at },
          b: { name: 'B', group: 'g1', joinedAt: at },
          c: { name: 'C', group: 'g3', joinedAt: at },
        },
        new Set(['a', 'c']),
      ),
    ).toEqual([
      { id: 'g1', name: 'Surgeons', joined: 2, online: 1 },
      { id: 'g2', name: 'Nurses', joined: 0, online: 0 },
      { id: 'other', name: 'Other', joined: 1, online: 1 },
    ])
  })
})
