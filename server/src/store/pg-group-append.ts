// Group commit for the PostgreSQL document log: appends to different documents issued in the
// same turn of the event loop (a vote storm writes hundreds of private documents at once) go as
// one statement, so one commit and one WAL flush, instead of one each.
import type { Pool } from 'pg'

/** The most documents, and bytes, that one statement carries. */
const MAX_DOCS = 200
const MAX_BYTES = 8 * 1024 * 1024

const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

// For each document ($1, $2: its workshop, $3: how many rows), takes the next numbers from its
// head (creating it at 0) and stores its rows ($4: the document of each row, $5: its bytes, $6:
// its place among its document's rows, from 1) under them. Heads are taken in the documents'
// order, so two nodes taking the same heads do not wait on each other in a circle.
const APPEND = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[]) AS i(doc, workshop_id, n)
),
head AS (
  INSERT INTO doc_heads (doc, workshop_id, last_seq)
  SELECT doc, workshop_id, n FROM input ORDER BY doc
  ON CONFLICT (doc) DO UPDATE SET last_seq = doc_heads.last_seq + EXCLUDED.last_seq
  RETURNING doc, workshop_id, last_seq
)
INSERT INTO doc_updates (doc, seq, workshop_id, data)
SELECT r.doc, head.last_seq - i.n + r.k, head.workshop_id, r.data
FROM unnest($4::text[], $5::bytea[], $6::bigint[]) AS r(doc, data, k)
JOIN head ON head.doc = r.doc
JOIN input i ON i.doc = r.doc
RETURNING doc, seq`

interface Pending {
  readonly doc: string
  readonly workshopId: string
  readonly updates: readonly Uint8Array[]
  readonly bytes: number
  readonly resolve: (lastSeq: number) => void
  readonly reject: (err: unknown) => void
}

/**
 * `append(doc, workshopId, updates)` stores the updates (at least one) under the document's next
 * numbers and resolves with the last, once committed. The caller keeps at most one append per
 * document waiting (the per-document queue does), since one statement takes a head once.
 */
export function groupAppender(pool: Pool) {
  let pending: Pending[] = []
  let scheduled = false

  const send = async (group: readonly Pending[]) => {
    const rowDocs: string[] = []
    const rowData: Buffer[] = []
    const rowPlace: number[] = []
    for (const p of group) {
      p.updates.forEach((u, i) => {
        rowDocs.push(p.doc)
        rowData.push(buffer(u))
        rowPlace.push(i + 1)
      })
    }
    const { rows } = await pool.query<{ doc: string; seq: string }>(APPEND, [
      group.map((p) => p.doc),
      group.map((p) => p.workshopId),
      group.map((p) => p.updates.length),
      rowDocs,
      rowData,
      rowPlace,
    ])
    const last = new Map<string, number>()
    for (const r of rows) last.set(r.doc, Math.max(last.get(r.doc) ?? 0, Number(r.seq)))
    return last
  }

  const run = async (group: readonly Pending[]) => {
    try {
      const last = await send(group)
      for (const p of group) p.resolve(last.get(p.doc)!)
    } catch (err) {
      if (group.length === 1) {
        group[0]!.reject(err)
        return
      }
      // One bad write (a workshop deleted meanwhile) must not fail the others: each on its own.
      await Promise.all(group.map((p) => run([p])))
    }
  }

  const flush = () => {
    scheduled = false
    const all = pending
    pending = []
    let group: Pending[] = []
    let bytes = 0
    for (const p of all) {
      if (group.length > 0 && (group.length >= MAX_DOCS || bytes + p.bytes > MAX_BYTES)) {
        void run(group)
        group = []
        bytes = 0
      }
      group.push(p)
      bytes += p.bytes
    }
    if (group.length > 0) void run(group)
  }

  return (doc: string, workshopId: string, updates: readonly Uint8Array[]) =>
    new Promise<number>((resolve, reject) => {
      const bytes = updates.reduce((n, u) => n + u.byteLength, 0)
      pending.push({ doc, workshopId, updates, bytes, resolve, reject })
      if (!scheduled) {
        scheduled = true
        setImmediate(flush)
      }
    })
}
