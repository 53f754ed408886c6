// The document log on PostgreSQL. Writes to one document leave this node in the order they were
// issued (one queue per document; appends waiting together go as one statement, with other
// documents' appends of the same moment), and the document's head row orders them against every
// other node's: an append takes the next numbers from the head in the statement that stores its
// rows, so the numbers follow commit order.
import type { Pool, PoolClient } from 'pg'
import type { WorkshopId } from '@triage/shared'
import { groupAppender } from './pg-group-append.js'
import type { DocumentLog, StoredLogAfter } from './store.js'

/** The most updates, and bytes, that one append statement carries. */
const MAX_BATCH_UPDATES = 256
const MAX_BATCH_BYTES = 4 * 1024 * 1024

const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

interface Append {
  readonly kind: 'append'
  readonly workshopId: string
  readonly updates: readonly Uint8Array[]
  readonly resolve: (seq: number | null) => void
  readonly reject: (err: unknown) => void
}

interface Other {
  readonly kind: 'other'
  readonly run: () => Promise<unknown>
  readonly resolve: (result: unknown) => void
  readonly reject: (err: unknown) => void
}

type Op = Append | Other

const bytesOf = (op: Append) => op.updates.reduce((n, u) => n + u.byteLength, 0)

/** Runs `fn` in a transaction on one pooled connection. */
async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}

export interface PgDocumentLog extends DocumentLog {
  /** Resolves once every write issued so far has settled. */
  settled(): Promise<void>
}

export function pgDocumentLog(pool: Pool): PgDocumentLog {
  const queues = new Map<string, { ops: Op[]; drained: Promise<void> }>()

  /** Appends `updates` (one or more) with other documents' in one statement; the last number. */
  const appendRows = groupAppender(pool)

  /** Runs consecutive appends as one statement, each resolving with its own last number. */
  const runAppends = async (doc: string, group: readonly Append[]) => {
    const all = group.flatMap((op) => op.updates)
    if (all.length === 0) {
      for (const op of group) op.resolve(null)
      return
    }
    try {
      let seq = (await appendRows(doc, group[0]!.workshopId, all)) - all.length
      for (const op of group) {
        seq += op.updates.length
        op.resolve(op.updates.length > 0 ? seq : null)
      }
    } catch (err) {
      if (group.length === 1) {
        group[0]!.reject(err)
        return
      }
      // One bad write must not fail the others: retry each on its own, in order.
      for (const op of group) await runAppends(doc, [op])
    }
  }

  const drain = async (doc: string) => {
    const queue = queues.get(doc)!
    while (queue.ops.length > 0) {
      const batch = queue.ops.splice(0)
      for (let i = 0; i < batch.length;) {
        const op = batch[i]!
        if (op.kind === 'other') {
          await op.run().then(op.resolve, op.reject)
          i++
          continue
        }
        const group: Append[] = [op]
        let count = op.updates.length
        let bytes = bytesOf(op)
        for (i++; i < batch.length; i++) {
          const next = batch[i]!
          if (next.kind !== 'append' || next.workshopId !== op.workshopId) break
          if (count + next.updates.length > MAX_BATCH_UPDATES) break
          if (bytes + bytesOf(next) > MAX_BATCH_BYTES) break
          group.push(next)
          count += next.updates.length
          bytes += bytesOf(next)
        }
        await runAppends(doc, group)
      }
    }
    queues.delete(doc)
  }

  const enqueue = (doc: string, op: Op) => {
    const queue = queues.get(doc)
    if (queue) {
      queue.ops.push(op)
      return
    }
    const fresh = { ops: [op], drained: Promise.resolve() }
    queues.set(doc, fresh)
    fresh.drained = drain(doc)
  }

  const append = (workshopId: string, doc: string, updates: readonly Uint8Array[]) =>
    new Promise<number | null>((resolve, reject) =>
      enqueue(doc, { kind: 'append', workshopId, updates, resolve, reject }),
    )

  const write = <T>(doc: string, run: () => Promise<T>) =>
    new Promise<T>((resolve, reject) =>
      enqueue(doc, { kind: 'other', run, resolve: resolve as (r: unknown) => void, reject }),
    )

  const compact = async (
    workshopId: WorkshopId,
    doc: string,
    snapshot: Uint8Array,
    upTo: number,
  ) => {
    // Nothing folded: the snapshot is an append like any other.
    if (upTo <= 0) return void (await appendRows(doc, workshopId, [snapshot]))
    await inTransaction(pool, async (client) => {
      // Locks the head: appends to this document, and other compactions, wait for this one.
      const head = await client.query<{ last_seq: string }>(
        'UPDATE doc_heads SET compacted_to = GREATEST(compacted_to, $2) WHERE doc = $1 RETURNING last_seq',
        [doc, upTo],
      )
      const last = head.rows[0] ? Number(head.rows[0].last_seq) : 0
      if (upTo > last) {
        throw new RangeError(`compaction of ${doc} up to ${upTo}, past its last update (${last})`)
      }
      await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [doc, upTo])
      // In the place of the last row it folds, so what was appended after stays after it.
      await client.query(
        'INSERT INTO doc_updates (doc, seq, workshop_id, data) VALUES ($1, $2, $3, $4)',
        [doc, upTo, workshopId, buffer(snapshot)],
      )
    })
  }

  const loadAfter = async (name: string, afterSeq: number): Promise<StoredLogAfter> => {
    // One statement, so the rows and the head are read at one instant.
    const { rows } = await pool.query<{
      last_seq: string
      compacted_to: string
      seq: string | null
      data: Buffer | null
    }>(
      `SELECT h.last_seq, h.compacted_to, u.seq, u.data
       FROM doc_heads h LEFT JOIN doc_updates u ON u.doc = h.doc AND u.seq > $2
       WHERE h.doc = $1 ORDER BY u.seq`,
      [name, afterSeq],
    )
    const first = rows[0]
    if (!first) return { rows: [], lastSeq: 0, compactedPast: false }
    return {
      rows: rows
        .filter((r) => r.seq !== null)
        .map((r) => ({ seq: Number(r.seq), data: new Uint8Array(r.data!) })),
      lastSeq: Number(first.last_seq),
      compactedPast: Number(first.compacted_to) > afterSeq,
    }
  }

  return {
    async loadLog(name) {
      const { rows, lastSeq } = await loadAfter(name, 0)
      return { rows, lastSeq }
    },
    loadUpdatesAfter: loadAfter,
    async loadDocument(name) {
      const { rows } = await pool.query<{ data: Buffer }>(
        'SELECT data FROM doc_updates WHERE doc = $1 ORDER BY seq',
        [name],
      )
      return rows.map((r) => new Uint8Array(r.data))
    },
    quarantineUpdates(_workshopId, name, seqs, reason) {
      return write(name, async () => {
        await pool.query(
          `WITH moved AS (
             DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])
             RETURNING seq, workshop_id, doc, data
           )
           INSERT INTO quarantine (seq, workshop_id, doc, data, reason, at)
           SELECT seq, workshop_id, doc, data, $3, $4 FROM moved`,
          [name, seqs, reason, Date.now()],
        )
      })
    },
    async loadWriters(name) {
      const { rows } = await pool.query<{ client_id: string; owner: string }>(
        'SELECT client_id, owner FROM doc_writers WHERE doc = $1',
        [name],
      )
      return new Map(rows.map((r) => [Number(r.client_id), r.owner]))
    },
    claimWriters(workshopId, name, claims) {
      return write(name, async () => {
        if (claims.length === 0) return
        await pool.query(
          `INSERT INTO doc_writers (workshop_id, doc, client_id, owner)
           SELECT $1, $2, c.id, c.owner FROM unnest($3::bigint[], $4::text[]) AS c(id, owner)
           ON CONFLICT (doc, client_id) DO NOTHING`,
          [workshopId, name, claims.map((c) => c.clientId), claims.map((c) => c.owner)],
        )
      })
    },
    async appendUpdate(workshopId, name, update) {
      return (await append(workshopId, name, [update]))!
    },
    appendUpdates(workshopId, name, updates) {
      return append(workshopId, name, updates)
    },
    compactDocument(workshopId, name, snapshot, upTo) {
      return write(name, () => compact(workshopId, name, snapshot, upTo))
    },
    async settled() {
      while (queues.size > 0) await Promise.all([...queues.values()].map((q) => q.drained))
    },
  }
}
