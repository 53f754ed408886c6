// Round progress: one line per participant in roster order, and the turnout, as counts only.
import { describe, expect, it } from 'vitest'
import { groupRoster } from '../lib/roster-groups'
import { roundProgressLines, roundTurnout } from './progress-lines'

const at = 1_700_000_000_000
const groups = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Nurses' },
]
const roster = {
  p1: { name: 'Zoe', group: 'g1', joinedAt: at },
  p2: { name: 'Dana', group: 'g1', joinedAt: at },
  p3: { name: 'Eli', group: 'g2', joinedAt: at },
}
const counts: Record<string, number> = { p1: 4, p3: 12, ghost: 7 }
const count = (id: string) => counts[id] ?? 0

describe('roundProgressLines', () => {
  it('words each participant by group then name; nothing counted yet reads 0 and is marked', () => {
    const lines = roundProgressLines(
      groupRoster(groups, roster, new Set(['p1'])),
      count,
      (name, n) => `${name}: ${n} of 12 rated`,
    )
    expect(lines).toEqual([
      {
        id: 'p2',
        label: 'Dana: 0 of 12 rated',
        count: 0,
        group: 'Surgeons',
        online: false,
        none: true,
      },
      {
        id: 'p1',
        label: 'Zoe: 4 of 12 rated',
        count: 4,
        group: 'Surgeons',
        online: true,
        none: false,
      },
      {
        id: 'p3',
        label: 'Eli: 12 of 12 rated',
        count: 12,
        group: 'Nurses',
        online: false,
        none: false,
      },
    ])
  })
})

describe('roundTurnout', () => {
  it('counts roster members who have started, ignoring counts of people not on the roster', () => {
    expect(roundTurnout(roster, count)).toEqual({ started: 2, total: 3 })
    expect(roundTurnout({}, count)).toEqual({ started: 0, total: 0 })
  })
})
