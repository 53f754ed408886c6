// Brainstorm progress lines, plural forms and the result lines of a reveal.
import { describe, expect, it } from 'vitest'
import {
  ideaCount,
  progressLines,
  progressTotals,
  revealNews,
  revealResultLine,
} from './brainstorm-progress'
import { groupRoster } from '../../../lib/roster-groups'

const groups = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Nurses' },
]
const at = 1_700_000_000_000
const roster = {
  p1: { name: 'Zoe', group: 'g1', joinedAt: at },
  p2: { name: 'Dana', group: 'g1', joinedAt: at },
  p3: { name: 'Eli', group: 'g2', joinedAt: at },
  p4: { name: 'Kim', group: 'g9', joinedAt: at },
}

describe('ideaCount', () => {
  it.each([
    [0, '0 ideas'],
    [1, '1 idea'],
    [2, '2 ideas'],
    [11, '11 ideas'],
  ])('%i → %s', (n, text) => expect(ideaCount(n)).toBe(text))
})

describe('progressLines', () => {
  it('lists every participant by group then name, counting drafts and revealed ideas', () => {
    const lines = progressLines(groupRoster(groups, roster, new Set(['p2'])), {
      p1: { drafts: 1, revealed: 0, dots: 0 },
      p2: { drafts: 2, revealed: 1, dots: 0 },
      p4: { drafts: 0, revealed: 0, dots: 0 },
    })
    expect(lines).toEqual([
      { id: 'p2', label: 'Dana: 3 ideas', ideas: 3, group: 'Surgeons', online: true },
      { id: 'p1', label: 'Zoe: 1 idea', ideas: 1, group: 'Surgeons', online: false },
      // Not counted by the server yet.
      { id: 'p3', label: 'Eli: 0 ideas', ideas: 0, group: 'Nurses', online: false },
      { id: 'p4', label: 'Kim: 0 ideas', ideas: 0, group: 'Other', online: false },
    ])
  })

  it('ignores progress of people not on the roster', () => {
    expect(
      progressLines(groupRoster(groups, {}, new Set()), { x: { drafts: 4, revealed: 0, dots: 0 } }),
    ).toEqual([])
  })
})

describe('progressTotals', () => {
  it('sums drafts and revealed ideas separately', () => {
    expect(
      progressTotals({
        a: { drafts: 2, revealed: 1, dots: 0 },
        b: { drafts: 0, revealed: 3, dots: 0 },
      }),
    ).toEqual({ drafts: 2, revealed: 4 })
    expect(progressTotals({})).toEqual({ drafts: 0, revealed: 0 })
  })
})

describe('result lines', () => {
  it.each([
    [{ revealed: 0, skipped: 0 }, 'No drafts to reveal'],
    [{ revealed: 1, skipped: 0 }, 'Revealed 1 idea'],
    [{ revealed: 4, skipped: 2 }, 'Revealed 4 ideas (2 left out: the board is full)'],
  ])('reveal %o → %s', (result, text) => expect(revealResultLine(result)).toBe(text))
})

describe('what the facilitator hears', () => {
  it.each([
    [{ revealed: 0, skipped: 0 }, 'There were no drafts to reveal.'],
    [{ revealed: 1, skipped: 0 }, '1 idea revealed onto the board.'],
    [
      { revealed: 4, skipped: 2 },
      '4 ideas revealed onto the board. 2 left out: the board is full.',
    ],
  ])('reveal %o → %s', (result, said) => expect(revealNews(result)).toBe(said))
})
