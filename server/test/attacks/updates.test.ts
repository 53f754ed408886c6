// Attacks with hostile Yjs updates (issue 18, findings 1, 3 and 7): every update is bounded and
// checked whole before anything of it is applied, on every document kind.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardNotes, readBoardNotes, renameCluster } from '@triage/shared'
import {
  attack,
  encodeUpdate,
  newClientId,
  noteReaches,
  refused,
  refusedOrDeferred,
  replica,
  restart,
  rootMapItem,
  scene,
  serverRead,
  serving,
  snapshot,
  unchanged,
  updateOf,
  freshView,
  type ClientSpec,
} from './attack-kit.js'
import { post } from '../helpers.js'

describe('bounded updates', () => {
  it('refuses GC structs with a huge clock and length on the board, telling the sender each time', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    // Two tiny updates that together would put 2^56 into the board's state vector (finding 1).
    a.sendUpdate(encodeUpdate([{ client: newClientId(), clock: 0, structs: [{ gc: 2 ** 55 }] }]))
    a.sendUpdate(
      encodeUpdate([{ client: newClientId(), clock: 2 ** 55, structs: [{ gc: 2 ** 55 }] }]),
    )
    await refused(a, 2)
    await unchanged(s, before)
    await serving(s)
  })

  it("refuses the same GC trick on a participant's own private document, and revealing and closing a vote still work", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.malloryPrivate)
    a.sendUpdate(encodeUpdate([{ client: newClientId(), clock: 0, structs: [{ gc: 2 ** 55 }] }]))
    await refused(a)
    await unchanged(s, before)
    const path = `/api/workshops/${s.w.workshopId}`
    expect((await post(s.server, `${path}/reveal`, {}, s.w.facilitatorToken)).status).toBe(200)
    expect((await post(s.server, `${path}/voting/open`, {}, s.w.facilitatorToken)).status).toBe(204)
    expect((await post(s.server, `${path}/voting/close`, {}, s.w.facilitatorToken)).status).toBe(
      204,
    )
    await serving(s)
  })

  it('refuses a Skip struct in new content on the board', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    a.sendUpdate(
      encodeUpdate([
        {
          client: newClientId(),
          clock: 0,
          structs: [{ skip: 3 }, { item: { parent: 'notes', content: { string: 'skipped' } } }],
        },
      ]),
    )
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  // GC structs are accepted within the bounds under one's own client ids (an honest catch-up
  // carries them); under anyone else's, including the server's, they are refused.
  it('refuses a GC struct on the control document under a client id the sender does not own', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.control, s.w.facilitatorToken)
    const control = s.live.facControl.doc
    const serverClient = [...control.store.clients.keys()].find((id) => id !== control.clientID)!
    const clock = Y.getState(control.store, serverClient)
    a.sendUpdate(encodeUpdate([{ client: serverClient, clock, structs: [{ gc: 1 }] }]))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a struct under a client id above 2^53 - 1', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    a.sendUpdate(encodeUpdate([rootMapItem(2 ** 53, 'clusters', 'big-id', 'x')]))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses structs whose clock and length run more than 1,048,576 past what the server holds, or past 2^40', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const far: ClientSpec = {
      client: newClientId(),
      clock: 0,
      structs: [{ item: { parent: 'notes', content: { deleted: 1_048_577 } } }],
    }
    a.sendUpdate(encodeUpdate([far]))
    a.sendUpdate(encodeUpdate([rootMapItem(newClientId(), 'clusters', 'k', 'x', 2 ** 41)]))
    await refused(a, 2)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses an update of more than 100,000 structs', async () => {
    const s = await scene({ MAX_FRAME_BYTES: String(4 * 1024 * 1024) })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const client = 4242
    const structs: ClientSpec['structs'][number][] = [
      { item: { parent: 'scratch', content: { deleted: 1 } } },
    ]
    for (let clock = 1; clock <= 100_000; clock++) {
      structs.push({ item: { origin: { client, clock: clock - 1 }, content: { deleted: 1 } } })
    }
    a.sendUpdate(encodeUpdate([{ client, clock: 0, structs }]))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a text of more than 100,000 characters', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'x'.repeat(100_001))))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a value of more than 64 KiB', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    const name = 'x'.repeat(70_000)
    a.sendUpdate(updateOf(r, (d) => d.getMap('clusters').set('huge', { name, createdAt: 1 })))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a value nested more than 16 deep', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    let deep: unknown = 'bottom'
    for (let i = 0; i < 20; i++) deep = { a: deep }
    a.sendUpdate(updateOf(r, (d) => d.getMap('clusters').set('deep', deep)))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a BigInt value', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(
      updateOf(r, (d) => d.getMap('clusters').set('n', { name: 'n', createdAt: 10n ** 30n })),
    )
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a subdocument', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => d.getMap('clusters').set('sub', new Y.Doc())))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses text with a right-to-left override', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'invoice\u202Egpj.exe ')))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses text with NUL or escape characters, each update on its own', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    // Separate documents, so that neither update builds on the other.
    const r1 = await replica(s, s.doc.board)
    const r2 = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r1, (d) => boardNotes(d).insert(0, 'nul\u0000byte ')))
    a.sendUpdate(updateOf(r2, (d) => boardNotes(d).insert(0, '\u001b[2J\u001b[31mred ')))
    await refused(a, 2)
    await unchanged(s, before)
    await serving(s)
  })
})

describe('borrowed client ids', () => {
  it("neutralises a GC struct placed one past another participant's clock, whose later edits still reach everyone", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const victim = s.live.hanaBoard
    const client = victim.doc.clientID
    const held = await serverRead(s, s.doc.board, (d) => Y.getState(d.store, client))
    const a = await attack(s, s.doc.board)
    const asked = a.serverStep1s().length
    // Finding 3: parked as pending, it slipped in with the victim's next update and muted them.
    a.sendUpdate(encodeUpdate([{ client, clock: held + 1, structs: [{ gc: 1 }] }]))
    await refusedOrDeferred(a, asked)
    await unchanged(s, before)
    await noteReaches(victim, s.live.facBoard)
    await noteReaches(victim, s.live.facBoard)
    const fresh = await freshView(s, s.doc.board, s.w.facilitatorToken)
    expect((fresh.content as { notes: string }).notes, 'what a fresh client sees').toBe(
      readBoardNotes(victim.doc),
    )
    await serving(s)
  })

  it("refuses a GC struct under another participant's client id at the clock the server holds", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const client = s.live.hanaBoard.doc.clientID
    const held = await serverRead(s, s.doc.board, (d) => Y.getState(d.store, client))
    const a = await attack(s, s.doc.board)
    a.sendUpdate(encodeUpdate([{ client, clock: held, structs: [{ gc: 1 }] }]))
    await refused(a)
    await unchanged(s, before)
    await noteReaches(s.live.hanaBoard, s.live.facBoard)
    await serving(s)
  })

  it('refuses new structs under a client id another participant has written', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board, s.live.hanaBoard.doc.clientID)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'Hana agrees with Mallory. ')))
    await refused(a)
    await unchanged(s, before)
    // The victim's next edit, at the very clock the forgery claimed, still reaches everyone.
    await noteReaches(s.live.hanaBoard, s.live.facBoard)
    await serving(s)
  })

  it("refuses a participant writing under the facilitator's client id", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board, s.live.facBoard.doc.clientID)
    a.sendUpdate(updateOf(r, (d) => renameCluster(d, 'c1', 'Approved by the facilitator')))
    await refused(a)
    await unchanged(s, before)
    await noteReaches(s.live.facBoard, s.live.hanaBoard)
    await serving(s)
  })

  it('keeps who owns a client id across a server restart', async () => {
    const s = await scene({}, { durable: true })
    const hanaClient = s.live.hanaBoard.doc.clientID
    await restart(s)
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board, hanaClient)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'Written as Hana. ')))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })
})
