// What held before issue 18 and must keep holding: who may write which document, the board
// rules for participants, and the facilitator's lock.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addIdeas,
  boardNotes,
  deleteIdea,
  isBoardLocked,
  setBoardLocked,
  readControl,
  setPhase,
} from '@triage/shared'
import {
  attack,
  refused,
  replica,
  scene,
  serverRead,
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
    a.sendUpdate(updateOf(r, (d) => setPhase(d, 'decide')))
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

  it("refuses the facilitator's own client editing, deleting or adding a decision-log entry", async () => {
    const s = await scene()
    // The server logs the facilitator's phase change itself, in server time.
    const from = Date.now()
    const steer = await attack(s, s.doc.control, s.w.facilitatorToken)
    const r = await replica(s, s.doc.control)
    steer.sendUpdate(updateOf(r, (d) => setPhase(d, 'cluster')))
    await serverUntil(
      s,
      s.doc.control,
      (d) => readControl(d).log.some((e) => e.kind === 'phase'),
      'the phase change logged',
    )
    const logged = await serverRead(s, s.doc.control, (d) => readControl(d).log.at(-1)!)
    expect(logged.text).toBe('Phase: cluster')
    expect(logged.at).toBeGreaterThanOrEqual(from)
    expect(logged.at).toBeLessThanOrEqual(Date.now())

    const before = await snapshot(s)
    const a = await attack(s, s.doc.control, s.w.facilitatorToken)
    const edits: ((d: Y.Doc) => void)[] = [
      (d) => d.getArray('log').delete(0, 1),
      (d) => d.getArray('log').push([{ type: 'phase', at: 1, to: 'decide' }]),
      (d) =>
        d.transact(() => {
          const log = d.getArray('log')
          log.delete(log.length - 1, 1)
          log.push([{ type: 'phase', at: logged.at, to: 'decide' }])
        }),
      // Together with a change that is allowed: the whole update is refused.
      (d) =>
        d.transact(() => {
          setPhase(d, 'vote')
          d.getArray('log').push([{ type: 'note', at: 1, kind: 'note', text: 'Agreed by all' }])
        }),
    ]
    for (const [i, edit] of edits.entries()) {
      const doc = await replica(s, s.doc.control)
      a.sendUpdate(updateOf(doc, edit))
      const reasons = await refused(a, i + 1)
      expect(reasons.at(-1)).toMatch(/log is written by the server/)
    }
    await unchanged(s, before)
    await serving(s)
  })
})
