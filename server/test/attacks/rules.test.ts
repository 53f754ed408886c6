// What held before issue 18 and must keep holding: who may write which document, the board
// rules for participants, and the facilitator's lock.
import { describe, it } from 'vitest'
import * as Y from 'yjs'
import {
  addIdeas,
  boardNotes,
  deleteIdea,
  isBoardLocked,
  setBoardLocked,
  setPhase,
} from '@triage/shared'
import {
  attack,
  refused,
  replica,
  scene,
  serverUntil,
  serving,
  snapshot,
  unchanged,
  updateOf,
} from './attack-kit.js'

describe('document rules', () => {
  it("refuses a participant's write to the control document", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.control)
    const r = await replica(s, s.doc.control)
    a.sendUpdate(updateOf(r, (d) => setPhase(d, 'decide', Date.now())))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a participant adding an idea to the board', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(
      updateOf(r, (d) =>
        addIdeas(d, [
          {
            id: 'forged-idea',
            text: 'Buy Mallory a scanner',
            createdAt: 1,
            source: 'participant',
            round: 1,
          },
        ]),
      ),
    )
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it("refuses a participant rewriting an idea's author or replacing its text object", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const idea = (d: Y.Doc) => d.getMap<Y.Map<unknown>>('ideas').get(s.items.bed)!
    const r1 = await replica(s, s.doc.board)
    const r2 = await replica(s, s.doc.board)
    a.sendUpdate(
      updateOf(r1, (d) =>
        idea(d).set('author', { participantId: s.hana.participantId, name: 'Hana', group: 'g1' }),
      ),
    )
    a.sendUpdate(updateOf(r2, (d) => idea(d).set('text', new Y.Text('Scrap the bed board'))))
    await refused(a, 2)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a participant deleting an idea they did not write', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => deleteIdea(d, s.items.bed)))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it("refuses a participant's edit while the facilitator has locked the board", async () => {
    const s = await scene()
    setBoardLocked(s.live.facControl.doc, true)
    await serverUntil(s, s.doc.control, isBoardLocked, 'the lock on the server')
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'Locked? Not for me. ')))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })
})
