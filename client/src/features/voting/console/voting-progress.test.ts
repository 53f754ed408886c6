// Voting progress lines: roster order, server counts, never more than the budget.
import { describe, expect, it } from 'vitest'
import { votingProgressLines } from './voting-progress'

describe('votingProgressLines', () => {
  const groups = [
    {
      id: 'g1',
      name: 'Surgeons',
      onlineCount: 1,
      members: [
        { id: 'a', name: 'Ana', online: true },
        { id: 'b', name: 'Ben', online: false },
      ],
    },
    { id: 'g2', name: 'Nurses', onlineCount: 0, members: [{ id: 'c', name: 'Cy', online: false }] },
  ]

  it('reads "<name>: N of B dots" per participant, grouped as the roster is', () => {
    const lines = votingProgressLines(
      groups,
      { a: { drafts: 0, revealed: 1, dots: 3 }, c: { drafts: 0, revealed: 0, dots: 9 } },
      5,
    )
    expect(lines.map((l) => [l.label, l.group, l.online])).toEqual([
      ['Ana: 3 of 5 dots', 'Surgeons', true],
      ['Ben: 0 of 5 dots', 'Surgeons', false],
      // A count above the budget (settings lowered since) never reads as more than allowed.
      ['Cy: 5 of 5 dots', 'Nurses', false],
    ])
  })
})
