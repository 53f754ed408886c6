// Runs the store contract against PostgreSQL: a fresh database for this file (see
// pg-database.ts), dropped at the end. Each test starts from empty tables.
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../src/store/pg-schema.js'
import { openPgStore } from '../src/store/pg-store.js'
import type { WorkshopId } from '@triage/shared'
import type { Store, WorkshopRecord } from '../src/store/store.js'
import { onCleanup } from './helpers.js'
import { createDatabase, dropDatabases, emptyTables } from './pg-database.js'
import { storeContract } from './store-contract.js'

let url = ''
beforeAll(async () => {
  url = await createDatabase()
})
afterAll(dropDatabases)

const open = (connectionString = url) => openPgStore({ connectionString, poolMax: 4 })

/** Stores a test opened, closed after it even when it fails before its own close. */
function tracked(store: Store): Store {
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await store.close()
  }
  onCleanup(close)
  return { ...store, close }
}

storeContract('PostgreSQL', {
  open: async () => {
    await emptyTables(url)
    return tracked(await open())
  },
  reopen: async () => tracked(await open()),
  another: async () => tracked(await open()),
})

const workshop: WorkshopRecord = {
  id: 'workshop-pg-xxxx' as WorkshopId,
  joinCode: 'PGPG01',
  title: 'PostgreSQL only',
  groups: [{ id: 'g1', name: 'Surgeons' }],
  facilitatorTokenHash: 'fhash-pg',
  createdAt: 1,
  closedAt: null,
}

describe('PostgreSQL store: schema', () => {
  it('migrates once when several nodes start at the same time, and opens again', async () => {
    const fresh = await createDatabase()
    const stores = await Promise.all([open(fresh), open(fresh), open(fresh)])
    for (const s of stores) onCleanup(() => s.close())
    const again = await open(fresh)
    await again.close()
    const client = new pg.Client({ connectionString: fresh })
    await client.connect()
    onCleanup(() => client.end())
    const { rows } = await client.query<{ version: number }>(
      'SELECT version FROM triage_migrations ORDER BY version',
    )
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
  })

  it('refuses a database whose schema is newer than the server knows', async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    onCleanup(() => client.end())
    const future = (MIGRATIONS.at(-1)?.version ?? 0) + 1
    await client.query('INSERT INTO triage_migrations (version, applied_at) VALUES ($1, 0)', [
      future,
    ])
    onCleanup(async () => {
      await client.query('DELETE FROM triage_migrations WHERE version = $1', [future])
    })
    await expect(open()).rejects.toThrow(/newer than this server knows/)
  })

  it('refuses a compaction past the last stored update', async () => {
    await emptyTables(url)
    const store = tracked(await open())
    await store.createWorkshop(workshop)
    const seq = await store.appendUpdate(workshop.id, 'a/board', Uint8Array.of(0, 0))
    await expect(
      store.compactDocument(workshop.id, 'a/board', Uint8Array.of(0, 0), seq + 5),
    ).rejects.toThrow(RangeError)
    expect((await store.loadLog('a/board')).rows.map((r) => r.seq)).toEqual([seq])
  })
})

describe('PostgreSQL store: a workshop deleted on another node', () => {
  it('refuses the writes that come after, and leaves nothing behind', async () => {
    await emptyTables(url)
    const one = tracked(await open())
    const two = tracked(await open())
    await one.createWorkshop(workshop)
    await two.appendUpdate(workshop.id, 'a/board', Uint8Array.of(0, 0))
    expect(await one.deleteWorkshop(workshop.id)).toBe(true)
    await expect(two.appendUpdate(workshop.id, 'a/board', Uint8Array.of(0, 0))).rejects.toThrow()
    await expect(
      two.claimWriters(workshop.id, 'a/board', [{ clientId: 1, owner: 'f' }]),
    ).rejects.toThrow()
    await expect(two.putSealed(workshop.id, 'votes', Uint8Array.of(1))).rejects.toThrow()
    expect(await one.loadLog('a/board')).toEqual({ rows: [], lastSeq: 0 })
    expect(await one.loadWriters('a/board')).toEqual(new Map())
    expect(await one.getSealed(workshop.id, 'votes')).toBeNull()
  })

  it('leaves no row of a document another node was appending to while it was deleted', async () => {
    await emptyTables(url)
    const one = tracked(await open())
    const two = tracked(await open())
    await one.createWorkshop(workshop)
    let refused = 0
    let stored = 0
    let tenStored = () => {}
    const writing = new Promise<void>((resolve) => (tenStored = resolve))
    const appender = async () => {
      while (refused === 0) {
        await two
          .appendUpdates(workshop.id, 'a/board', [Uint8Array.of(0, 0), Uint8Array.of(0, 0)])
          .then(
            () => ++stored === 10 && tenStored(),
            () => refused++,
          )
      }
    }
    const appending = Promise.all([appender(), appender()])
    await writing
    expect(await one.deleteWorkshop(workshop.id)).toBe(true)
    await appending
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    onCleanup(() => client.end())
    const { rows } = await client.query<{ n: string }>(
      'SELECT COUNT(*) AS n FROM doc_updates WHERE workshop_id = $1',
      [workshop.id],
    )
    expect(Number(rows[0]!.n)).toBe(0)
  })
})

describe('PostgreSQL store: appends to many documents at once', () => {
  it('numbers each document on its own when two nodes write the same documents together', async () => {
    await emptyTables(url)
    const one = tracked(await open())
    const two = tracked(await open())
    await one.createWorkshop(workshop)
    const docs = [...Array(40).keys()].map((i) => `a/private/${i}`)
    const rounds = 10
    for (let round = 0; round < rounds; round++) {
      // The two nodes take the same heads in opposite orders, in one statement each.
      await Promise.all([
        ...docs.map((d) => one.appendUpdate(workshop.id, d, Uint8Array.of(0, 0))),
        ...[...docs].reverse().map((d) => two.appendUpdate(workshop.id, d, Uint8Array.of(0, 0))),
      ])
    }
    for (const d of docs) {
      const log = await one.loadLog(d)
      expect(log.rows.map((r) => r.seq)).toEqual([...Array(2 * rounds).keys()].map((i) => i + 1))
    }
  })

  it('one refused append does not fail the others written with it', async () => {
    await emptyTables(url)
    const store = tracked(await open())
    const gone = {
      ...workshop,
      id: 'workshop-gone-xx' as WorkshopId,
      joinCode: 'GONE01',
      facilitatorTokenHash: 'fhash-gone',
    }
    await store.createWorkshop(workshop)
    await store.createWorkshop(gone)
    await store.deleteWorkshop(gone.id)
    const results = await Promise.allSettled([
      store.appendUpdate(workshop.id, 'a/board', Uint8Array.of(0, 0)),
      store.appendUpdate(gone.id, 'b/board', Uint8Array.of(0, 0)),
      store.appendUpdate(workshop.id, 'a/control', Uint8Array.of(0, 0)),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((await store.loadLog('a/board')).lastSeq).toBe(1)
    expect((await store.loadLog('a/control')).lastSeq).toBe(1)
    expect((await store.loadLog('b/board')).lastSeq).toBe(0)
  })
})
