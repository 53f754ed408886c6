// The export's record cache on a real server: a second read of an unchanged workshop gives the
// record read before (frozen, with the new export time), and any change to what a record is read
// from (the control or board document, a seal, the directory) makes the next read a fresh one,
// equal to a read without the cache. The documents are held, as the facilitator's console holds
// them while it exports: a room unloaded and loaded again is a new document, read afresh.
import { describe, expect, it } from 'vitest'
import { EXPORT_FORMATS, setPhase, type WorkshopId } from '@triage/shared'
import { renderExport } from '@triage/shared/export'
import { RecordCache, readWorkshopRecord } from '../src/workshop/export.js'
import {
  createWorkshop,
  onCleanup,
  post,
  revealedVote,
  startServer,
  type TestServer,
} from './helpers.js'

/** Holds the workshop's control and board rooms until the test ends, as a console does. */
async function hold(server: TestServer, workshopId: WorkshopId) {
  for (const kind of ['control', 'board'] as const) {
    const lease = await server.app.rooms.acquire({ workshopId, kind })
    onCleanup(() => lease.release())
  }
}

/** Two participants, two items, voting on ideas closed (sealed) and revealed. */
function votedWorkshop(server: TestServer) {
  return revealedVote(server, {
    people: [
      ['Ana', 'g1'],
      ['Cy', 'g2'],
    ],
    items: 'Theatre app\nCT triage',
    ballots: ([a, b]) => [{ [a!]: 2 }, { [b!]: 2 }],
  })
}

describe('the export’s record cache', () => {
  it('gives the record read before while nothing changed, and reads afresh after any change', async () => {
    const server = await startServer()
    const { workshopId, facilitatorToken } = await votedWorkshop(server)
    await hold(server, workshopId)
    const cache = new RecordCache()
    const cached = { rooms: server.app.rooms, store: server.app.store, cache }
    const uncached = { rooms: server.app.rooms, store: server.app.store }
    const read = (at: number) => readWorkshopRecord(cached, workshopId, at)
    const fresh = (at: number) => readWorkshopRecord(uncached, workshopId, at)

    const first = await read(1)
    expect(first).toEqual(await fresh(1))
    const second = await read(2)
    expect(second.exportedAt).toBe(2)
    expect(second.board).toBe(first.board)
    expect(second).toEqual(await fresh(2))
    // Rendering every format leaves the kept record as it was: renderers only read it.
    for (const format of EXPORT_FORMATS) renderExport(second, format)
    expect(await read(2)).toEqual(await fresh(2))

    // The control document changes: the phase in the record follows.
    await server.app.rooms.change({ workshopId, kind: 'control' }, (doc) => setPhase(doc, 'decide'))
    const afterControl = await read(3)
    expect(afterControl.workshop.phase).toBe('decide')
    expect(afterControl.board).not.toBe(first.board)
    expect(afterControl).toEqual(await fresh(3))

    // The board changes: a new idea is in the record.
    const added = await post(
      server,
      `/api/workshops/${workshopId}/items`,
      { format: 'lines', text: 'Discharge lounge' },
      facilitatorToken,
    )
    expect(added.status).toBe(200)
    const afterBoard = await read(4)
    expect(afterBoard.board.ideas.map((i) => i.text)).toContain('Discharge lounge')
    expect(afterBoard).toEqual(await fresh(4))

    // The seal changes with no document changing: the ballots no longer recount, so none.
    expect(afterBoard.voting.ballots).toHaveLength(2)
    const seal = await server.app.store.getSealed(workshopId, 'votes')
    await server.app.store.putSealed(workshopId, 'votes', null)
    const afterSeal = await read(5)
    expect(afterSeal.voting.ballots).toBeNull()
    expect(afterSeal).toEqual(await fresh(5))
    await server.app.store.putSealed(workshopId, 'votes', seal)
    expect((await read(6)).voting.ballots).toEqual(afterBoard.voting.ballots)

    // The directory alone changes (closed at a time, no document touched): the record follows.
    await server.app.store.closeWorkshop(workshopId, 1234)
    const afterClose = await read(7)
    expect(afterClose.workshop.closedAt).toBe(1234)
    expect(afterClose).toEqual(await fresh(7))
  })

  it('keeps the workshops exported most recently, up to its size', async () => {
    const server = await startServer()
    const cache = new RecordCache(2)
    const deps = { rooms: server.app.rooms, store: server.app.store, cache }
    const ids = await Promise.all(
      [0, 1, 2].map(async () => (await createWorkshop(server)).workshopId as WorkshopId),
    )
    for (const id of ids) await hold(server, id)
    const a = await readWorkshopRecord(deps, ids[0]!, 1)
    expect((await readWorkshopRecord(deps, ids[0]!, 2)).workshop).toBe(a.workshop)
    const b = await readWorkshopRecord(deps, ids[1]!, 3)
    await readWorkshopRecord(deps, ids[0]!, 4)
    await readWorkshopRecord(deps, ids[2]!, 5)
    // The first workshop was used after the second: the second made way for the third.
    expect((await readWorkshopRecord(deps, ids[0]!, 6)).workshop).toBe(a.workshop)
    expect((await readWorkshopRecord(deps, ids[1]!, 7)).workshop).not.toBe(b.workshop)
  })
})
