// The facilitator's updates to control: steering is theirs, what the server decides is not.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addRosterEntry,
  appendLogEvent,
  initControl,
  readControl,
  setBoardLocked,
  setPhase,
  setProgress,
} from './control.js'
import { checkControlUpdate } from './control-guard.js'
import { setVotingSettings, setVotingStatus } from './voting.js'

const settings = {
  title: 'Which wards first?',
  objective: '',
  groups: [{ id: 'g1', name: 'Surgeons' }],
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: true,
}
const voting = { dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn: 'both' as const }

/** The server's control document, and a facilitator's replica synced from it. */
function scene(status?: 'open' | 'closed') {
  const server = new Y.Doc()
  initControl(server, settings)
  addRosterEntry(server, 'p1', { name: 'Dana', group: 'g1', joinedAt: 1 })
  setVotingSettings(server, voting)
  if (status) setVotingStatus(server, status, 1)
  appendLogEvent(server, [
    { type: 'phase', at: 1, to: 'brainstorm' },
    { type: 'items', at: 2, added: 4 },
  ])
  const facilitator = new Y.Doc()
  Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
  return { server, facilitator }
}

/** The update the facilitator's change makes. */
function change(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

describe('checkControlUpdate lets the facilitator steer', () => {
  it.each([
    ['change the phase', (d: Y.Doc) => setPhase(d, 'cluster')],
    ['lock the board', (d: Y.Doc) => setBoardLocked(d, true)],
    [
      'set voting settings before voting opens',
      (d: Y.Doc) => setVotingSettings(d, { ...voting, dotBudget: 3 }),
    ],
  ])('%s', (_name, fn) => {
    const { server, facilitator } = scene()
    expect(checkControlUpdate(server, change(facilitator, fn))).toEqual({ ok: true })
  })
})

describe('checkControlUpdate refuses what the server decides', () => {
  it.each([
    [
      'a roster entry',
      (d: Y.Doc) => addRosterEntry(d, 'p2', { name: 'Eve', group: 'g1', joinedAt: 2 }),
    ],
    ['deleting a roster entry', (d: Y.Doc) => d.getMap('roster').delete('p1')],
    ['progress', (d: Y.Doc) => setProgress(d, 'p1', { drafts: 9, revealed: 0 })],
    ['results', (d: Y.Doc) => d.getMap('results').set('vote', {})],
    ['the status of a vote', (d: Y.Doc) => setVotingStatus(d, 'revealed', 9)],
  ])('%s', (_name, fn) => {
    const { server, facilitator } = scene()
    const verdict = checkControlUpdate(server, change(facilitator, fn))
    expect(verdict.ok).toBe(false)
  })

  it.each(['open', 'closed'] as const)('voting settings while voting is %s', (status) => {
    const { server, facilitator } = scene(status)
    const verdict = checkControlUpdate(
      server,
      change(facilitator, (d) => setVotingSettings(d, { ...voting, dotBudget: 1 })),
    )
    expect(verdict).toEqual({
      ok: false,
      reason: 'voting settings are fixed once voting opens; reopen voting to change them',
    })
  })

  it('a value put next to a roster entry through its neighbour only (no parent in the update)', () => {
    const { server, facilitator } = scene()
    // Overwriting an existing key writes the new item with the old one as its origin.
    const update = change(facilitator, (d) =>
      d.getMap('roster').set('p1', { name: 'X', group: 'g1' }),
    )
    expect(checkControlUpdate(server, update).ok).toBe(false)
  })

  // The decision log is the server's record: no client may add to it, rewrite or remove a line.
  it.each([
    [
      'adding an entry',
      (d: Y.Doc) => d.getArray('log').push([{ type: 'phase', at: 3, to: 'vote' }]),
    ],
    [
      'adding a line in the old shape',
      (d: Y.Doc) => d.getArray('log').push([{ at: 3, kind: 'x', text: 'x' }]),
    ],
    ['deleting an entry', (d: Y.Doc) => d.getArray('log').delete(0, 1)],
    [
      'rewriting an entry (delete and insert in its place)',
      (d: Y.Doc) =>
        d.transact(() => {
          d.getArray('log').delete(1, 1)
          d.getArray('log').insert(1, [{ type: 'items', at: 2, added: 40 }])
        }),
    ],
    ['inserting at the start', (d: Y.Doc) => d.getArray('log').insert(0, ['forged'])],
  ])('the decision log: %s', (_name, fn) => {
    const { server, facilitator } = scene()
    const verdict = checkControlUpdate(server, change(facilitator, fn))
    expect(verdict).toEqual({ ok: false, reason: 'the log is written by the server' })
    expect(readControl(server).log.map((e) => e.text)).toEqual([
      'Phase: brainstorm',
      'Facilitator added 4 items',
    ])
  })
})
