// The facilitator roster: grouping, ordering and online flags.
import { describe, expect, it } from 'vitest'
import { groupRoster } from './roster-groups'

const groups = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Radiologists' },
]
const at = 1_700_000_000_000

describe('groupRoster', () => {
  it('keeps every group, even empty ones, in the workshop order', () => {
    expect(groupRoster(groups, {}, new Set()).map((g) => [g.name, g.members.length])).toEqual([
      ['Surgeons', 0],
      ['Radiologists', 0],
    ])
  })

  it('sorts members by name and marks who is online', () => {
    const result = groupRoster(
      groups,
      {
        p2: { name: 'zoe', group: 'g1', joinedAt: at },
        p1: { name: 'Dana', group: 'g1', joinedAt: at },
        p3: { name: 'Eli', group: 'g2', joinedAt: at },
      },
      new Set(['p1', 'p3', 'someone-else']),
    )
    expect(result).toEqual([
      {
        id: 'g1',
        name: 'Surgeons',
        onlineCount: 1,
        members: [
          { id: 'p1', name: 'Dana', online: true },
          { id: 'p2', name: 'zoe', online: false },
        ],
      },
      {
        id: 'g2',
        name: 'Radiologists',
        onlineCount: 1,
        members: [{ id: 'p3', name: 'Eli', online: true }],
      },
    ])
  })

  it('puts members of unknown groups under Other', () => {
    const result = groupRoster(
      groups,
      { p9: { name: 'Ann', group: 'g7', joinedAt: at } },
      new Set(),
    )
    expect(result.at(-1)).toEqual({
      id: 'other',
      name: 'Other',
      onlineCount: 0,
      members: [{ id: 'p9', name: 'Ann', online: false }],
    })
  })
})
