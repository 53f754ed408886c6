// A real server with DATABASE_URL: the store it opens is PostgreSQL, and a second server on the
// same database (its own data folder) serves what the first stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardNotes, docName, readControl, setPhase } from '@triage/shared'
import { connect, createWorkshop, joinWorkshop, startServer, synced, until } from './helpers.js'
import { createDatabase, dropDatabases } from './pg-database.js'

let url = ''
beforeAll(async () => {
  url = await createDatabase()
})
afterAll(dropDatabases)

describe('a server with DATABASE_URL', () => {
  it('keeps workshops and documents in PostgreSQL, where the next server finds them', async () => {
    // A low threshold, so the board is compacted on the way.
    const env = { DATABASE_URL: url, PG_POOL_MAX: '3', COMPACT_AFTER: '10' }
    const first = await startServer(env)
    const w = await createWorkshop(first)
    const p = await joinWorkshop(first, w.joinCode, 'Dana')
    const board = docName({ workshopId: w.workshopId, kind: 'board' })
    const control = docName({ workshopId: w.workshopId, kind: 'control' })
    const writer = connect(first, board, w.facilitatorToken)
    const reader = connect(first, board, p.token)
    const fc = connect(first, control, w.facilitatorToken)
    await Promise.all([synced(writer), synced(reader), synced(fc)])
    for (let i = 0; i < 40; i++) {
      boardNotes(writer.doc).insert(boardNotes(writer.doc).length, `${i};`)
    }
    setPhase(fc.doc, 'cluster')
    const expected = boardNotes(writer.doc).toString()
    // Broadcast follows storage: once another client has it, the server had stored it.
    await until(reader.doc, () => boardNotes(reader.doc).toString() === expected, 'broadcast')
    const pc = connect(first, control, p.token)
    await synced(pc)
    await until(pc.doc, () => readControl(pc.doc).phase === 'cluster', 'phase broadcast')
    await first.close()

    // Another node with a data folder of its own: everything comes from the database.
    const second = await startServer(env)
    const after = connect(second, board, p.token)
    const ctl = connect(second, control, p.token)
    await Promise.all([synced(after), synced(ctl)])
    expect(boardNotes(after.doc).toString()).toBe(expected)
    expect(readControl(ctl.doc).phase).toBe('cluster')
    expect(readControl(ctl.doc).roster[p.participantId]?.name).toBe('Dana')
    expect((await second.app.store.loadDocument(board)).length).toBeLessThan(41)
  })
})
