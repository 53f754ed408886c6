// Presence on the board from awareness: names, cursors, the facilitator's view, own fields.
import { describe, expect, it } from 'vitest'
import type { AwarenessEntry } from '../sync/awareness'
import { cursorOffset, facilitatorView, peerCursors, presentPeople, toFraction } from './presence'

const roster = {
  'p-dana-01': { name: 'Dana', group: 'g1', joinedAt: 1 },
  'p-eli-002': { name: 'Eli', group: 'g9', joinedAt: 2 },
}
const groups = [{ id: 'g1', name: 'Surgeons' }]
const facilitator = { role: 'facilitator', participantId: null }
const dana = { role: 'participant', participantId: 'p-dana-01' }
const eli = { role: 'participant', participantId: 'p-eli-002' }

const entries: AwarenessEntry[] = [
  { clientId: 1, state: { screen: 'facilitator', cursor: { x: 0.5, y: 0.25 } } }, // own, no identity
  { clientId: 2, state: { identity: dana, cursor: { x: 0.1, y: 0.9 } } },
  { clientId: 3, state: { identity: dana } }, // Dana's second tab
  { clientId: 4, state: { identity: facilitator, screen: 'projector', view: { top: 1, left: 0 } } },
  { clientId: 5, state: { identity: facilitator, view: { top: 0.4, left: 0 }, cursor: null } },
  { clientId: 6, state: { identity: eli, cursor: { x: 2, y: 0.5 } } }, // off the board
  { clientId: 7, state: { identity: { role: 'participant', participantId: 'p-unknown' } } },
  { clientId: 8, state: { cursor: { x: 0.3, y: 0.3 }, user: { name: 'forged' } } },
  { clientId: 9, state: { identity: facilitator, cursor: { x: 0.5, y: 0.5, column: 'c1' } } },
  { clientId: 10, state: { identity: facilitator, cursor: { x: 0.5, y: 0.5, column: 7 } } },
]

describe('presentPeople', () => {
  it('lists each person once, this screen first, names from the roster', () => {
    expect(presentPeople(entries, 1, roster, groups, 'facilitator').map((p) => p.label)).toEqual([
      'You',
      'Facilitator',
      'Projector',
      'A participant',
      'Dana (Surgeons)',
      'Eli',
    ])
  })

  it('is only you when nobody else is there', () => {
    expect(presentPeople([], 1, roster, groups, 'participant')).toEqual([
      { key: 'you', label: 'You' },
    ])
  })

  it('leaves the projector itself out', () => {
    expect(presentPeople(entries, 4, roster, groups, 'projector').map((p) => p.label)).toEqual([
      'Facilitator',
      'A participant',
      'Dana (Surgeons)',
      'Eli',
    ])
  })
})

describe('peerCursors', () => {
  it('shows the pointers of others that are on the board and have an identity', () => {
    expect(peerCursors(entries, 1, roster, groups)).toEqual([
      { clientId: 2, label: 'Dana (Surgeons)', point: { x: 0.1, y: 0.9 } },
      { clientId: 9, label: 'Facilitator', point: { x: 0.5, y: 0.5, column: 'c1' } },
      { clientId: 10, label: 'Facilitator', point: { x: 0.5, y: 0.5 } },
    ])
  })
})

describe('facilitatorView', () => {
  it("follows the facilitator's console, not the projector", () => {
    expect(facilitatorView(entries, 1)).toEqual({ top: 0.4, left: 0 })
  })

  it('is null when the facilitator says nothing', () => {
    expect(facilitatorView(entries.slice(0, 4), 1)).toBeNull()
  })

  it('ignores our own state (the projector is a facilitator too)', () => {
    expect(facilitatorView(entries, 5)).toBeNull()
  })
})

describe('toFraction', () => {
  it.each([
    [50, 200, 0.25],
    [-5, 200, 0],
    [300, 200, 1],
    [10, 0, 0],
  ])('%d of %d → %d', (value, size, expected) => {
    expect(toFraction(value, size)).toBe(expected)
  })
})

describe('cursorOffset', () => {
  const board = { left: 100, top: 200, width: 1000, height: 800 }
  it('places a column-anchored pointer within that column', () => {
    const column = { left: 400, top: 250, width: 300, height: 400 }
    expect(cursorOffset({ x: 0.5, y: 0.25, column: 'c1' }, board, column)).toEqual({
      left: 450,
      top: 150,
    })
  })
  it('falls back to the whole board', () => {
    expect(cursorOffset({ x: 0.5, y: 0.25, column: 'gone' }, board, null)).toEqual({
      left: 500,
      top: 200,
    })
  })
})
