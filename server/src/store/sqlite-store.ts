// SQLite store (better-sqlite3, WAL, synchronous=FULL so an acknowledged write survives kill -9).
import { randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import type { Group, ParticipantId, WorkshopId } from '@triage/shared'
import {
  DuplicateJoinCodeError,
  type ParticipantRecord,
  type Store,
  type TokenOwner,
  type WorkshopRecord,
} from './store.js'
import { KeyedQueue } from './keyed-queue.js'
import { SQLITE_SCHEMA } from './sqlite-schema.js'

/**
 * One queue per database file, shared by every store this process opens on it: SQLite serves
 * one process, so steps taken through `exclusive` need nothing beyond it.
 */
const queues = new Map<string, KeyedQueue>()
const queueOf = (file: string): KeyedQueue => {
  let queue = queues.get(file)
  if (!queue) queues.set(file, (queue = new KeyedQueue()))
  return queue
}

interface WorkshopRow {
  id: string
  join_code: string
  title: string
  groups_json: string
  facilitator_token_hash: string
  created_at: number
  closed_at: number | null
}

interface ParticipantRow {
  id: string
  workshop_id: string
  name: string
  group_id: string
  token_hash: string
  joined_at: number
}

/** better-sqlite3 binds Buffers as BLOBs; view the update's bytes without copying. */
const blob = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id as WorkshopId,
  joinCode: r.join_code,
  title: r.title,
  groups: JSON.parse(r.groups_json) as Group[],
  facilitatorTokenHash: r.facilitator_token_hash,
  createdAt: r.created_at,
  closedAt: r.closed_at,
})

const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id as ParticipantId,
  workshopId: r.workshop_id as WorkshopId,
  name: r.name,
  groupId: r.group_id,
  tokenHash: r.token_hash,
  joinedAt: r.joined_at,
})

/** Opens (creating if needed) `triage.db` in `dataDir`, or an in-memory database for ':memory:'. */
export function openSqliteStore(dataDir: string): Store {
  let file = ':memory:'
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true })
    file = join(dataDir, 'triage.db')
  }
  const db = new Database(file)
  const exclusiveQueue = file === ':memory:' ? new KeyedQueue() : queueOf(resolve(file))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.exec(SQLITE_SCHEMA)

  const q = {
    insertWorkshop: db.prepare(
      `INSERT INTO workshops (id, join_code, title, groups_json, facilitator_token_hash, created_at, closed_at)
       VALUES (@id, @joinCode, @title, @groupsJson, @facilitatorTokenHash, @createdAt, @closedAt)`,
    ),
    workshopById: db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?'),
    workshopByCode: db.prepare<[string], WorkshopRow>(
      'SELECT * FROM workshops WHERE join_code = ?',
    ),
    workshopByTokenHash: db.prepare<[string], WorkshopRow>(
      'SELECT * FROM workshops WHERE facilitator_token_hash = ?',
    ),
    allWorkshops: db.prepare<[], WorkshopRow>('SELECT * FROM workshops ORDER BY created_at'),
    closeWorkshop: db.prepare(
      'UPDATE workshops SET closed_at = ? WHERE id = ? AND closed_at IS NULL',
    ),
    deleteWorkshop: db.prepare('DELETE FROM workshops WHERE id = ?'),
    deleteWorkshopUpdates: db.prepare('DELETE FROM doc_updates WHERE workshop_id = ?'),
    insertParticipant: db.prepare(
      `INSERT INTO participants (id, workshop_id, name, group_id, token_hash, joined_at)
       VALUES (@id, @workshopId, @name, @groupId, @tokenHash, @joinedAt)`,
    ),
    participantsOf: db.prepare<[string], ParticipantRow>(
      'SELECT * FROM participants WHERE workshop_id = ? ORDER BY joined_at, id',
    ),
    // A revoked token's hash is replaced by one no token hashes to (hashes are hex digests).
    revokeParticipant: db.prepare<[string, string, string]>(
      `UPDATE participants SET token_hash = ? WHERE id = ? AND workshop_id = ?
         AND token_hash NOT LIKE 'revoked:%'`,
    ),
    participantByTokenHash: db.prepare<[string], ParticipantRow>(
      'SELECT * FROM participants WHERE token_hash = ?',
    ),
    putDeviceLink: db.prepare<[string, string, string, number]>(
      `INSERT INTO device_links (workshop_id, kind, token_hash, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (workshop_id, kind) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    ),
    deleteDeviceLink: db.prepare<[string, string]>(
      'DELETE FROM device_links WHERE workshop_id = ? AND kind = ?',
    ),
    deviceLinkOf: db.prepare<[string, string], { created_at: number }>(
      'SELECT created_at FROM device_links WHERE workshop_id = ? AND kind = ?',
    ),
    deviceLinkByTokenHash: db.prepare<[string], { workshop_id: string; kind: string }>(
      'SELECT workshop_id, kind FROM device_links WHERE token_hash = ?',
    ),
    putViewerToken: db.prepare(
      `INSERT INTO viewer_tokens (workshop_id, token_hash, created_at) VALUES (?, ?, ?)
       ON CONFLICT (workshop_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    ),
    deleteViewerToken: db.prepare('DELETE FROM viewer_tokens WHERE workshop_id = ?'),
    viewerTokenOf: db.prepare<[string], { created_at: number }>(
      'SELECT created_at FROM viewer_tokens WHERE workshop_id = ?',
    ),
    viewerByTokenHash: db.prepare<[string], { workshop_id: string }>(
      'SELECT workshop_id FROM viewer_tokens WHERE token_hash = ?',
    ),
    loadDoc: db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM doc_updates WHERE doc = ? ORDER BY seq',
    ),
    loadRows: db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc = ? ORDER BY seq',
    ),
    quarantineRow: db.prepare(
      'INSERT INTO quarantine (seq, workshop_id, doc, data, reason, at) SELECT seq, workshop_id, doc, data, ?, ? FROM doc_updates WHERE doc = ? AND seq = ?',
    ),
    deleteRow: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq = ?'),
    loadRowsAfter: db.prepare<[string, number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
    ),
    lastSeq: db.prepare<[string], { last: number | null }>(
      'SELECT MAX(seq) AS last FROM doc_updates WHERE doc = ?',
    ),
    compactedTo: db.prepare<[string], { up_to: number }>(
      'SELECT up_to FROM doc_compactions WHERE doc = ?',
    ),
    noteCompaction: db.prepare<[string, string, number]>(
      `INSERT INTO doc_compactions (doc, workshop_id, up_to) VALUES (?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET up_to = MAX(up_to, excluded.up_to)`,
    ),
    deleteWorkshopCompactions: db.prepare('DELETE FROM doc_compactions WHERE workshop_id = ?'),
    loadWriters: db.prepare<[string], { client_id: number; owner: string }>(
      'SELECT client_id, owner FROM doc_writers WHERE doc = ?',
    ),
    claimWriter: db.prepare(
      'INSERT OR IGNORE INTO doc_writers (workshop_id, doc, client_id, owner) VALUES (?, ?, ?, ?)',
    ),
    deleteWorkshopWriters: db.prepare('DELETE FROM doc_writers WHERE workshop_id = ?'),
    deleteWorkshopQuarantine: db.prepare('DELETE FROM quarantine WHERE workshop_id = ?'),
    appendUpdate: db.prepare('INSERT INTO doc_updates (workshop_id, doc, data) VALUES (?, ?, ?)'),
    insertAt: db.prepare(
      'INSERT INTO doc_updates (seq, workshop_id, doc, data) VALUES (?, ?, ?, ?)',
    ),
    seqTaken: db.prepare<[number], { seq: number }>('SELECT seq FROM doc_updates WHERE seq = ?'),
    deleteDocUpTo: db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?'),
    putSealed: db.prepare(
      'INSERT INTO sealed (workshop_id, key, data) VALUES (?, ?, ?) ON CONFLICT (workshop_id, key) DO UPDATE SET data = excluded.data',
    ),
    getSealed: db.prepare<[string, string], { data: Buffer }>(
      'SELECT data FROM sealed WHERE workshop_id = ? AND key = ?',
    ),
    deleteSealed: db.prepare('DELETE FROM sealed WHERE workshop_id = ? AND key = ?'),
    deleteWorkshopSealed: db.prepare('DELETE FROM sealed WHERE workshop_id = ?'),
    insertSecret: db.prepare('INSERT OR IGNORE INTO secrets (name, value) VALUES (?, ?)'),
    secret: db.prepare<[string], { value: Buffer }>('SELECT value FROM secrets WHERE name = ?'),
  }

  const deleteWorkshop = db.transaction((id: string) => {
    q.deleteWorkshopUpdates.run(id)
    q.deleteWorkshopSealed.run(id)
    q.deleteWorkshopWriters.run(id)
    q.deleteWorkshopQuarantine.run(id)
    q.deleteWorkshopCompactions.run(id)
    return q.deleteWorkshop.run(id).changes > 0
  })
  const append = (workshopId: string, name: string, update: Uint8Array): number =>
    Number(q.appendUpdate.run(workshopId, name, blob(update)).lastInsertRowid)
  const appendMany = db.transaction(
    (workshopId: string, name: string, updates: readonly Uint8Array[]) => {
      let last: number | null = null
      for (const u of updates) last = append(workshopId, name, u)
      return last
    },
  )
  const quarantine = db.transaction(
    (name: string, seqs: readonly number[], reason: string, at: number) => {
      for (const seq of seqs) {
        q.quarantineRow.run(reason, at, name, seq)
        q.deleteRow.run(name, seq)
      }
    },
  )
  const compact = db.transaction(
    (workshopId: string, name: string, snapshot: Uint8Array, upTo: number) => {
      q.deleteDocUpTo.run(name, upTo)
      if (upTo > 0) q.noteCompaction.run(name, workshopId, upTo)
      // The snapshot takes the place of the last row it folds, so rows appended after the state
      // was taken load after it, as they were written. That number is free now, unless it was
      // never this document's (nothing stored yet): then the snapshot goes at the end.
      if (upTo > 0 && q.seqTaken.get(upTo) === undefined) {
        q.insertAt.run(upTo, workshopId, name, blob(snapshot))
      } else {
        append(workshopId, name, snapshot)
      }
    },
  )

  // Group commit: document writes issued in the same turn of the event loop (a reveal writes
  // hundreds of documents, many rooms write at once) share one transaction and so one disk
  // sync. Each write's promise resolves only once its transaction is committed.
  // A write resolves with what its operation returned (the sequence number an append took).
  const pending: {
    op: () => unknown
    resolve: (result: unknown) => void
    reject: (err: unknown) => void
  }[] = []
  let scheduled = false
  const runAll = db.transaction((ops: readonly (() => unknown)[]) => ops.map((op) => op()))
  const commitPending = () => {
    scheduled = false
    const batch = pending.splice(0)
    if (batch.length === 0) return
    try {
      const results = runAll(batch.map((b) => b.op))
      batch.forEach((b, i) => b.resolve(results[i]))
    } catch {
      // One bad write must not fail the others: retry each in its own transaction.
      for (const b of batch) {
        try {
          b.resolve(db.transaction(b.op)())
        } catch (err) {
          b.reject(err)
        }
      }
    }
  }
  const write = <T>(op: () => T) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ op, resolve: resolve as (result: unknown) => void, reject })
      if (!scheduled) {
        scheduled = true
        setImmediate(commitPending)
      }
    })

  return {
    async createWorkshop(w) {
      try {
        q.insertWorkshop.run({ ...w, groupsJson: JSON.stringify(w.groups) })
      } catch (err) {
        if (String(err).includes('workshops.join_code')) throw new DuplicateJoinCodeError()
        throw err
      }
    },
    async getWorkshop(id) {
      const row = q.workshopById.get(id)
      return row ? toWorkshop(row) : null
    },
    async getWorkshopByCode(code) {
      const row = q.workshopByCode.get(code)
      return row ? toWorkshop(row) : null
    },
    async closeWorkshop(id, at) {
      q.closeWorkshop.run(at, id)
    },
    async listWorkshops() {
      return q.allWorkshops.all().map(toWorkshop)
    },
    async deleteWorkshop(id) {
      commitPending()
      return deleteWorkshop(id)
    },
    async addParticipant(p) {
      q.insertParticipant.run(p)
    },
    async listParticipants(workshopId) {
      return q.participantsOf.all(workshopId).map(toParticipant)
    },
    async revokeParticipant(workshopId, participantId) {
      const tombstone = `revoked:${participantId}:${randomBytes(16).toString('hex')}`
      return q.revokeParticipant.run(tombstone, participantId, workshopId).changes > 0
    },
    async findToken(hash): Promise<TokenOwner | null> {
      const w = q.workshopByTokenHash.get(hash)
      if (w) return { workshopId: w.id as WorkshopId, role: 'facilitator' }
      const p = q.participantByTokenHash.get(hash)
      if (p) {
        return {
          workshopId: p.workshop_id as WorkshopId,
          role: 'participant',
          participantId: p.id as ParticipantId,
        }
      }
      const v = q.viewerByTokenHash.get(hash)
      if (v) return { workshopId: v.workshop_id as WorkshopId, role: 'viewer' }
      const d = q.deviceLinkByTokenHash.get(hash)
      if (d?.kind === 'co-facilitator') {
        return { workshopId: d.workshop_id as WorkshopId, role: 'facilitator', via: d.kind }
      }
      if (d?.kind === 'projector') {
        return { workshopId: d.workshop_id as WorkshopId, role: 'viewer', via: d.kind }
      }
      return null
    },
    async setDeviceLink(workshopId, kind, tokenHash, at) {
      q.putDeviceLink.run(workshopId, kind, tokenHash, at)
    },
    async revokeDeviceLink(workshopId, kind) {
      return q.deleteDeviceLink.run(workshopId, kind).changes > 0
    },
    async deviceLinkSince(workshopId, kind) {
      return q.deviceLinkOf.get(workshopId, kind)?.created_at ?? null
    },
    async setViewerToken(workshopId, tokenHash, at) {
      q.putViewerToken.run(workshopId, tokenHash, at)
    },
    async revokeViewerToken(workshopId) {
      return q.deleteViewerToken.run(workshopId).changes > 0
    },
    async viewerTokenSince(workshopId) {
      return q.viewerTokenOf.get(workshopId)?.created_at ?? null
    },
    async loadDocument(name) {
      return q.loadDoc.all(name).map((r) => new Uint8Array(r.data))
    },
    async loadLog(name) {
      const rows = q.loadRows.all(name).map((r) => ({ seq: r.seq, data: new Uint8Array(r.data) }))
      return { rows, lastSeq: rows.at(-1)?.seq ?? 0 }
    },
    async loadUpdatesAfter(name, afterSeq) {
      const rows = q.loadRowsAfter
        .all(name, afterSeq)
        .map((r) => ({ seq: r.seq, data: new Uint8Array(r.data) }))
      const compactedTo = q.compactedTo.get(name)?.up_to ?? 0
      return {
        rows,
        lastSeq: q.lastSeq.get(name)?.last ?? 0,
        compactedPast: compactedTo > afterSeq,
      }
    },
    quarantineUpdates(_workshopId, name, seqs, reason) {
      return write(() => quarantine(name, seqs, reason, Date.now()))
    },
    async loadWriters(name) {
      return new Map(q.loadWriters.all(name).map((r) => [r.client_id, r.owner]))
    },
    claimWriters(workshopId, name, claims) {
      return write(() => {
        for (const c of claims) q.claimWriter.run(workshopId, name, c.clientId, c.owner)
      })
    },
    appendUpdate(workshopId, name, update) {
      return write(() => append(workshopId, name, update))
    },
    appendUpdates(workshopId, name, updates) {
      return write(() => appendMany(workshopId, name, updates))
    },
    compactDocument(workshopId, name, snapshot, upTo) {
      return write(() => compact(workshopId, name, snapshot, upTo))
    },
    async putSealed(workshopId, key, data) {
      if (data === null) q.deleteSealed.run(workshopId, key)
      else q.putSealed.run(workshopId, key, blob(data))
    },
    async getSealed(workshopId, key) {
      const row = q.getSealed.get(workshopId, key)
      return row ? new Uint8Array(row.data) : null
    },
    exclusive(workshopId, key, step) {
      return exclusiveQueue.run(`${workshopId}#${key}`, step)
    },
    async secret(name) {
      q.insertSecret.run(name, randomBytes(32))
      return new Uint8Array(q.secret.get(name)!.value)
    },
    async close() {
      commitPending()
      db.close()
    },
  }
}
