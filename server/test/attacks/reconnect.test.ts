// Honest clients on a bad network (issue 18, finding 10a–d, reproduced without a proxy): an
// update is applied whole or not at all, every refusal is reported, a reader's sync step 2 that
// brings nothing new is no refusal, and the stock provider's reconnect sequence causes none.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addIdeas,
  boardNotes,
  isBoardLocked,
  moveIdea,
  readBoard,
  readBoardNotes,
  setBoardLocked,
  setPhase,
  type BoardState,
} from '@triage/shared'
import { until } from '../helpers.js'
import {
  attack,
  converged,
  deferred,
  encodeUpdate,
  newClientId,
  noteReaches,
  refused,
  replica,
  scene,
  serverUntil,
  serving,
  snapshot,
  stock,
  unchanged,
  updateOf,
  whenSynced,
  type Scene,
  type View,
} from './attack-kit.js'

const boardOf = (view: View) => view.content as { board: BoardState; notes: string }

/** An edit made offline (never sent), then one building on it that also moves a card. */
async function offlineEdits(s: Scene) {
  const m = await replica(s, s.doc.board)
  updateOf(m, (d) => boardNotes(d).insert(0, 'offline '))
  const e2 = updateOf(m, (d) => {
    boardNotes(d).insert('offline '.length, 'edit ')
    moveIdea(d, s.items.theatre, null)
  })
  return { m, e2 }
}

describe('whole updates', () => {
  it('applies nothing of an update with a gap in its sender’s clocks, not even its deletions, and asks the sender for what is missing', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const { e2 } = await offlineEdits(s)
    const asked = a.serverStep1s().length
    // Finding 10a: the move's deletion (the card's cluster) landed while its content was parked.
    a.sendUpdate(e2)
    await deferred(a, asked)
    await unchanged(s, before)
    await serving(s)
  })

  it('applies such an update whole once the sender answers with what was missing', async () => {
    const s = await scene()
    const a = await attack(s, s.doc.board)
    const { m, e2 } = await offlineEdits(s)
    const asked = a.serverStep1s().length
    a.sendUpdate(e2)
    await deferred(a, asked)
    a.sendStep2(Y.encodeStateAsUpdate(m, a.serverStep1s().at(-1)))
    await a.roundTrip()
    expect(a.denials(), 'refusals').toEqual([])
    const fac = s.live.facBoard.doc
    await until(fac, () => readBoardNotes(fac).startsWith('offline edit '), 'both edits')
    await converged(s, ['board'], (view) => {
      const { board, notes } = boardOf(view)
      expect(notes.startsWith('offline edit ' + 'Bring the theatre list.')).toBe(true)
      expect(board.unclustered).toContain(s.items.theatre)
    })
    await serving(s)
  })

  it('lets a stock provider that edits before its catch-up sync step 2 after a reconnect through whole, without a refusal', async () => {
    const s = await scene()
    const hana = s.live.hanaBoard
    hana.provider.disconnect()
    boardNotes(hana.doc).insert(0, 'offline ')
    const edited = new Promise<void>((resolve) => {
      const onStatus = ({ status }: { status: string }) => {
        if (status !== 'connected') return
        hana.provider.off('status', onStatus)
        // The socket just opened: this goes out before the server's sync step 1 can arrive,
        // so before Hana's catch-up step 2 (findings 10a and 10d).
        hana.doc.transact(() => {
          boardNotes(hana.doc).insert('offline '.length, 'then online ')
          moveIdea(hana.doc, s.items.theatre, null)
        })
        resolve()
      }
      hana.provider.on('status', onStatus)
    })
    hana.provider.connect()
    await edited
    await whenSynced(hana)
    await hana.probe()
    expect(hana.denied, 'refusals of an honest reconnect').toEqual([])
    const fac = s.live.facBoard.doc
    await until(
      fac,
      () =>
        readBoardNotes(fac).startsWith('offline then online ') &&
        readBoard(fac).unclustered.includes(s.items.theatre),
      'both edits at the facilitator',
    )
    await converged(s, ['board'], (view) => {
      expect(boardOf(view).notes).toBe(readBoardNotes(hana.doc))
    })
    await serving(s)
  })

  it('holds nothing back for a deletion of a range the server does not have, so later content under that id lands whole', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const id = newClientId()
    const asked = a.serverStep1s().length
    a.sendUpdate(encodeUpdate([], [{ client: id, ranges: [[0, 64]] }]))
    await deferred(a, asked)
    await unchanged(s, before)
    // Whoever writes under that id later loses nothing to a deletion waiting for it.
    const tab = stock(s.server, s.doc.board, s.w.facilitatorToken, 'a new facilitator tab', {
      clientId: id,
    })
    await whenSynced(tab)
    await noteReaches(tab, s.live.hanaBoard, s.live.facBoard)
    await converged(s, ['board'], (view) => {
      expect(boardOf(view).notes).toBe(readBoardNotes(tab.doc))
    })
    await serving(s)
  })
})

describe('refusals', () => {
  it('reports every refused update to the connection, not only the first', async () => {
    const s = await scene()
    setBoardLocked(s.live.facControl.doc, true)
    await serverUntil(s, s.doc.control, isBoardLocked, 'the lock on the server')
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    // Finding 10b: one notice per connection left a phone silently muted after the first.
    const edits: ((d: Y.Doc) => void)[] = [
      (d) => boardNotes(d).insert(0, 'one '),
      (d) => moveIdea(d, s.items.bed, 'c1'),
      (d) =>
        addIdeas(d, [{ id: 'x', text: 'three', createdAt: 1, source: 'participant', round: 1 }]),
    ]
    for (const edit of edits) a.sendUpdate(updateOf(await replica(s, s.doc.board), edit))
    await refused(a, 3)
    await unchanged(s, before)
    await serving(s)
  })

  it("ignores a reader's sync step 2 that brings nothing new, also after overwritten values and on every reconnect", async () => {
    const s = await scene()
    // Overwritten values everywhere: the phase twice, the lock, a card moved and moved back.
    setPhase(s.live.facControl.doc, 'brainstorm')
    setPhase(s.live.facControl.doc, 'cluster')
    setBoardLocked(s.live.facControl.doc, true)
    moveIdea(s.live.facBoard.doc, s.items.bed, 'c1')
    moveIdea(s.live.facBoard.doc, s.items.bed, null)
    await serverUntil(s, s.doc.control, isBoardLocked, 'the lock on the server')
    const before = await snapshot(s)
    // Finding 10c: each reconnect of a reader was refused as "read-only" and resynced.
    for (let round = 0; round < 2; round++) {
      for (const h of [s.live.hanaControl, s.live.hanaBoard]) {
        h.provider.disconnect()
        h.provider.connect()
        await whenSynced(h)
        await h.probe()
        expect(h.denied, `refusals of ${h.label} after reconnecting`).toEqual([])
      }
    }
    expect(isBoardLocked(s.live.hanaControl.doc), 'the board still shows as locked').toBe(true)
    await unchanged(s, before)
    await serving(s)
  })
})
