// Vote turnout: who on the roster has placed a dot, as counts.
import { describe, expect, it } from 'vitest'
import { turnoutSummary, voteTurnout } from './vote-progress'

const entry = (name: string, group: string) => ({ name, group, joinedAt: 0 })

describe('voteTurnout', () => {
  it('counts roster members with dots, ignoring progress of people not on the roster', () => {
    expect(
      voteTurnout(
        { a: entry('A', 'g1'), b: entry('B', 'g1'), c: entry('C', 'g2') },
        {
          a: { drafts: 0, revealed: 2, dots: 3 },
          b: { drafts: 1, revealed: 0, dots: 0 },
          ghost: { drafts: 0, revealed: 0, dots: 5 },
        },
      ),
    ).toEqual({ voted: 1, total: 3 })
  })

  it('is zero of zero with nobody joined', () => {
    expect(voteTurnout({}, {})).toEqual({ voted: 0, total: 0 })
  })
})

describe('turnoutSummary', () => {
  it('reads as the contract says', () => {
    expect(turnoutSummary({ voted: 2, total: 5 })).toBe('2 of 5 participants have placed dots')
  })
})
