// Faults stay where they start (issue 18, findings 1 and 2): a message that cannot be answered
// closes only its own connection, a stored row that cannot be applied never makes a document
// unloadable, and one unreadable private document never fails a workshop-wide action.
import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { CLOSE, type BoardState } from '@triage/shared'
import { joinWorkshop, post, until } from '../helpers.js'
import {
  HANA_DRAFT,
  attack,
  closedWith,
  converged,
  encodeUpdate,
  logOf,
  names,
  newClientId,
  refused,
  restart,
  scene,
  serving,
  snapshot,
  syncMessage,
  unchanged,
} from './attack-kit.js'

/** A state vector of one entry whose clock is 2^60: more than a varint may hold safely. */
function hugeStateVector(): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 12345)
  for (let i = 0; i < 8; i++) encoding.writeUint8(e, 0xff)
  encoding.writeUint8(e, 0x7f)
  return encoding.toUint8Array(e)
}

describe('faults stay in their connection', () => {
  it('closes with 4400 only the connection whose sync step 1 carries a malformed state vector, even on control', async () => {
    const s = await scene()
    const before = await snapshot(s)
    // Finding 2: answering this threw inside the room's write chain and closed everyone (1011).
    const truncated = await attack(s, s.doc.control)
    truncated.send(syncMessage(0, Uint8Array.of(5, 1, 2)))
    await closedWith(truncated, CLOSE.badMessage)
    const huge = await attack(s, s.doc.board)
    huge.send(syncMessage(0, hugeStateVector()))
    await closedWith(huge, CLOSE.badMessage)
    await unchanged(s, before)
    await serving(s)
  })

  it('closes with 4400 only the connection that sends a malformed message', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const messages = [
      Uint8Array.of(9),
      Uint8Array.of(0, 2, 200, 1, 2, 3),
      Uint8Array.of(0, 7, 0),
      Uint8Array.of(1, 5, 1, 2),
    ]
    for (const message of messages) {
      const a = await attack(s, s.doc.board)
      a.send(message)
      await closedWith(a, CLOSE.badMessage)
    }
    const text = await attack(s, s.doc.board)
    text.ws.send('not binary')
    await closedWith(text, CLOSE.badMessage)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a well-framed update whose bytes are not a Yjs update', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.malloryPrivate)
    a.sendUpdate(Uint8Array.of(5, 200, 1))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })
})

describe('documents that fail to load', () => {
  it('loads a document whose stored log holds an unreadable row from the rows that still apply', async () => {
    const s = await scene({}, { durable: true })
    const before = await snapshot(s)
    await restart(s, (s) =>
      s.faults.real.appendUpdate(s.w.workshopId, s.doc.board, Uint8Array.of(5, 200, 1)),
    )
    await unchanged(s, before)
    await serving(s)
  })

  it('loads a document whose stored log holds a GC row with a huge clock, and fresh clients sync it', async () => {
    const s = await scene({}, { durable: true })
    const before = await snapshot(s)
    // Finding 1 as it was left on disk: every connection got 1011, forever.
    const poisoned = encodeUpdate([{ client: newClientId(), clock: 0, structs: [{ gc: 2 ** 55 }] }])
    await restart(s, (s) => s.faults.real.appendUpdate(s.w.workshopId, s.doc.board, poisoned))
    await unchanged(s, before)
    await serving(s)
  })

  it("reveals everyone's drafts when one private document cannot be read, and says so in the log", async () => {
    const s = await scene()
    const una = await joinWorkshop(s.server, s.w.joinCode, 'Una', 'g1')
    s.faults.unreadable.add(names.private(s.w.workshopId, una))
    const res = await post<{ revealed: number }>(
      s.server,
      `/api/workshops/${s.w.workshopId}/reveal`,
      {},
      s.w.facilitatorToken,
    )
    expect(res.status).toBe(200)
    expect(res.body.revealed).toBe(1)
    await until(
      s.live.facControl.doc,
      () => logOf(s.live.facControl.doc).some((l) => /could not be read/.test(l)),
      'the log to say a document could not be read',
    )
    expect(logOf(s.live.facControl.doc).find((l) => /could not be read/.test(l))).toMatch(
      /\b1 participant/,
    )
    await converged(s, ['board', 'control', 'hanaPrivate'], (view, key) => {
      if (key !== 'board') return
      const board = (view.content as { board: BoardState }).board
      expect(board.cards.map((c) => c.text)).toContain(HANA_DRAFT)
    })
    await serving(s)
  })
})
