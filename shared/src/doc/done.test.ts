// "I'm done" in the control document: the step read from the session and rounds, the marks,
// and the guard keeping every client's hands off them.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addRosterEntry, initControl, setPhase, startSilentRound } from './control.js'
import { checkControlUpdate } from './control-guard.js'
import { readDoneMarks, readInputStep, setDoneMark, DONE_ROOT } from './done.js'
import { setRoundStatus } from './rounds.js'

const settings = {
  title: 'Which wards first?',
  objective: '',
  groups: [{ id: 'g1', name: 'Surgeons' }],
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: true,
}

function control() {
  const doc = new Y.Doc()
  initControl(doc, settings)
  addRosterEntry(doc, 'p1', { name: 'Dana', group: 'g1', joinedAt: 1 })
  return doc
}

describe('readInputStep', () => {
  it('follows the phase, the silent round and the rounds that open', () => {
    const doc = control()
    expect(readInputStep(doc)).toBeNull()
    setPhase(doc, 'brainstorm')
    expect(readInputStep(doc)).toBe('brainstorm:1')
    startSilentRound(doc)
    expect(readInputStep(doc)).toBe('brainstorm:2')
    setPhase(doc, 'vote')
    expect(readInputStep(doc)).toBeNull()
    setRoundStatus(doc, 'voting', 'open', 42)
    expect(readInputStep(doc)).toBe('voting@42')
    setRoundStatus(doc, 'voting', 'closed', 50)
    expect(readInputStep(doc)).toBeNull()
  })
})

describe('done marks', () => {
  it('are written, read back and taken back', () => {
    const doc = control()
    setDoneMark(doc, 'p1', { step: 'voting@42', at: 7 })
    expect(readDoneMarks(doc)).toEqual({ p1: { step: 'voting@42', at: 7 } })
    setDoneMark(doc, 'p1', null)
    expect(readDoneMarks(doc)).toEqual({})
  })

  it('drop what does not validate', () => {
    const doc = control()
    doc.getMap(DONE_ROOT).set('p1', { step: 'NOT A STEP', at: 1 })
    doc.getMap(DONE_ROOT).set('p2', 'done')
    expect(readDoneMarks(doc)).toEqual({})
  })

  it("refuse the facilitator's client: only the server writes them", () => {
    const server = control()
    const facilitator = new Y.Doc()
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(facilitator)
    setDoneMark(facilitator, 'p1', { step: 'brainstorm:1', at: 1 })
    const verdict = checkControlUpdate(server, Y.encodeStateAsUpdate(facilitator, before))
    expect(verdict.ok).toBe(false)
  })

  it("refuse the facilitator's client taking a mark back", () => {
    const server = control()
    setDoneMark(server, 'p1', { step: 'brainstorm:1', at: 1 })
    const facilitator = new Y.Doc()
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(facilitator)
    setDoneMark(facilitator, 'p1', null)
    const verdict = checkControlUpdate(server, Y.encodeStateAsUpdate(facilitator, before))
    expect(verdict.ok).toBe(false)
  })
})
