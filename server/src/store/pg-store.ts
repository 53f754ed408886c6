// PostgreSQL store (node-postgres), for several server nodes on one database: the same jobs and
// contract as the SQLite store. Every query is parameterised; the schema is migrated at open.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Group, ParticipantId, WorkshopId } from '@triage/shared'
import { KeyedQueue } from './keyed-queue.js'
import { pgDocumentLog } from './pg-doc-log.js'
import { migrate } from './pg-schema.js'
import {
  DuplicateJoinCodeError,
  type ParticipantRecord,
  type Store,
  type TokenOwner,
  type WorkshopRecord,
} from './store.js'

export interface PgStoreOptions {
  /** `postgres://user:password@host:port/database` (libpq's `sslmode` and the like are read). */
  readonly connectionString: string
  /** Connections this node keeps open at most. */
  readonly poolMax?: number
  /**
   * Connections held by steps under `exclusive` (a round's close, reveal, reopen), apart from
   * the pool so that a step holding its lock always finds a connection for its own queries.
   */
  readonly lockPoolMax?: number
  /** An idle pooled connection failed (the database restarted, say); the pool replaces it. */
  readonly onError?: (err: Error) => void
}

interface WorkshopRow {
  id: string
  join_code: string
  title: string
  groups_json: string
  facilitator_token_hash: string
  created_at: string
  closed_at: string | null
}

interface ParticipantRow {
  id: string
  workshop_id: string
  name: string
  group_id: string
  token_hash: string
  joined_at: string
}

// BIGINT columns arrive as strings (they may pass 2^53); ours are milliseconds and counters.
const toWorkshop = (r: WorkshopRow): WorkshopRecord => ({
  id: r.id as WorkshopId,
  joinCode: r.join_code,
  title: r.title,
  groups: JSON.parse(r.groups_json) as Group[],
  facilitatorTokenHash: r.facilitator_token_hash,
  createdAt: Number(r.created_at),
  closedAt: r.closed_at === null ? null : Number(r.closed_at),
})

const toParticipant = (r: ParticipantRow): ParticipantRecord => ({
  id: r.id as ParticipantId,
  workshopId: r.workshop_id as WorkshopId,
  name: r.name,
  groupId: r.group_id,
  tokenHash: r.token_hash,
  joinedAt: Number(r.joined_at),
})

/** Connections held by `exclusive` steps at most, by default (each round's step holds one). */
export const LOCK_POOL_MAX = 4

const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)

/** Opens a pool on the database and migrates its schema; rejects when either fails. */
export async function openPgStore(options: PgStoreOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // A statement that runs this long is stuck (a lock never released): fail it.
    statement_timeout: 30_000,
    application_name: 'triage-board',
  })
  pool.on('error', (err) => options.onError?.(err))
  try {
    await migrate(pool)
  } catch (err) {
    await pool.end()
    throw err
  }
  // A step under `exclusive` holds one of these, idle in its transaction, for its length; its
  // own queries go through `pool`, so locks held never starve the work done under them.
  const lockPool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.lockPoolMax ?? LOCK_POOL_MAX,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 10_000,
    // How long a step may wait for another node's step under the same key.
    statement_timeout: 30_000,
    application_name: 'triage-board-locks',
  })
  lockPool.on('error', (err) => options.onError?.(err))
  // One connection per key on this node: the others wait here, not on a connection each.
  const exclusiveQueue = new KeyedQueue()
  const log = pgDocumentLog(pool)
  const query = <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
    pool.query<R>(text, values)

  return {
    ...log,
    async createWorkshop(w) {
      try {
        await query(
          `INSERT INTO workshops (id, join_code, title, groups_json, facilitator_token_hash, created_at, closed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            w.id,
            w.joinCode,
            w.title,
            JSON.stringify(w.groups),
            w.facilitatorTokenHash,
            w.createdAt,
            w.closedAt,
          ],
        )
      } catch (err) {
        if (err instanceof pg.DatabaseError && err.constraint === 'workshops_join_code_key') {
          throw new DuplicateJoinCodeError()
        }
        throw err
      }
    },
    async getWorkshop(id) {
      const { rows } = await query<WorkshopRow>('SELECT * FROM workshops WHERE id = $1', [id])
      return rows[0] ? toWorkshop(rows[0]) : null
    },
    async getWorkshopByCode(code) {
      const { rows } = await query<WorkshopRow>('SELECT * FROM workshops WHERE join_code = $1', [
        code,
      ])
      return rows[0] ? toWorkshop(rows[0]) : null
    },
    async closeWorkshop(id, at) {
      await query('UPDATE workshops SET closed_at = $1 WHERE id = $2 AND closed_at IS NULL', [
        at,
        id,
      ])
    },
    async listWorkshops() {
      const { rows } = await query<WorkshopRow>(
        'SELECT * FROM workshops ORDER BY created_at, id',
        [],
      )
      return rows.map(toWorkshop)
    },
    async deleteWorkshop(id) {
      // What this node was writing lands first, then goes with the rest.
      await log.settled()
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        // Everything under it goes by cascade (participants, links, heads, writers, quarantine,
        // sealed inputs) but the log's rows. The heads go first: an append another node is
        // making holds its head, so this waits for it, and any later one finds no workshop.
        const deleted = await client.query('DELETE FROM workshops WHERE id = $1', [id])
        // A new statement, so it sees the rows those appends committed.
        await client.query('DELETE FROM doc_updates WHERE workshop_id = $1', [id])
        await client.query('COMMIT')
        return (deleted.rowCount ?? 0) > 0
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw err
      } finally {
        client.release()
      }
    },
    async addParticipant(p) {
      await query(
        `INSERT INTO participants (id, workshop_id, name, group_id, token_hash, joined_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [p.id, p.workshopId, p.name, p.groupId, p.tokenHash, p.joinedAt],
      )
    },
    async listParticipants(workshopId) {
      const { rows } = await query<ParticipantRow>(
        'SELECT * FROM participants WHERE workshop_id = $1 ORDER BY joined_at, id',
        [workshopId],
      )
      return rows.map(toParticipant)
    },
    async revokeParticipant(workshopId, participantId) {
      // A revoked token's hash is replaced by one no token hashes to (hashes are hex digests).
      const tombstone = `revoked:${participantId}:${randomBytes(16).toString('hex')}`
      const { rowCount } = await query(
        `UPDATE participants SET token_hash = $1 WHERE id = $2 AND workshop_id = $3
           AND token_hash NOT LIKE 'revoked:%'`,
        [tombstone, participantId, workshopId],
      )
      return (rowCount ?? 0) > 0
    },
    async findToken(hash): Promise<TokenOwner | null> {
      const { rows } = await query<{
        rank: number
        workshop_id: string
        participant_id: string | null
        kind: string | null
      }>(
        `SELECT 1 AS rank, id AS workshop_id, NULL AS participant_id, NULL AS kind
           FROM workshops WHERE facilitator_token_hash = $1
         UNION ALL SELECT 2, workshop_id, id, NULL FROM participants WHERE token_hash = $1
         UNION ALL SELECT 3, workshop_id, NULL, NULL FROM viewer_tokens WHERE token_hash = $1
         UNION ALL SELECT 4, workshop_id, NULL, kind FROM device_links WHERE token_hash = $1
         ORDER BY rank LIMIT 1`,
        [hash],
      )
      const row = rows[0]
      if (!row) return null
      const workshopId = row.workshop_id as WorkshopId
      if (row.rank === 1) return { workshopId, role: 'facilitator' }
      if (row.rank === 2) {
        return {
          workshopId,
          role: 'participant',
          participantId: row.participant_id as ParticipantId,
        }
      }
      if (row.rank === 3) return { workshopId, role: 'viewer' }
      if (row.kind === 'co-facilitator') return { workshopId, role: 'facilitator', via: row.kind }
      if (row.kind === 'projector') return { workshopId, role: 'viewer', via: row.kind }
      return null
    },
    async setDeviceLink(workshopId, kind, tokenHash, at) {
      await query(
        `INSERT INTO device_links (workshop_id, kind, token_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workshop_id, kind)
         DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
        [workshopId, kind, tokenHash, at],
      )
    },
    async revokeDeviceLink(workshopId, kind) {
      const { rowCount } = await query(
        'DELETE FROM device_links WHERE workshop_id = $1 AND kind = $2',
        [workshopId, kind],
      )
      return (rowCount ?? 0) > 0
    },
    async deviceLinkSince(workshopId, kind) {
      const { rows } = await query<{ created_at: string }>(
        'SELECT created_at FROM device_links WHERE workshop_id = $1 AND kind = $2',
        [workshopId, kind],
      )
      return rows[0] ? Number(rows[0].created_at) : null
    },
    async setViewerToken(workshopId, tokenHash, at) {
      await query(
        `INSERT INTO viewer_tokens (workshop_id, token_hash, created_at) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id)
         DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
        [workshopId, tokenHash, at],
      )
    },
    async revokeViewerToken(workshopId) {
      const { rowCount } = await query('DELETE FROM viewer_tokens WHERE workshop_id = $1', [
        workshopId,
      ])
      return (rowCount ?? 0) > 0
    },
    async viewerTokenSince(workshopId) {
      const { rows } = await query<{ created_at: string }>(
        'SELECT created_at FROM viewer_tokens WHERE workshop_id = $1',
        [workshopId],
      )
      return rows[0] ? Number(rows[0].created_at) : null
    },
    async putSealed(workshopId, key, data) {
      if (data === null) {
        await query('DELETE FROM sealed WHERE workshop_id = $1 AND key = $2', [workshopId, key])
        return
      }
      await query(
        `INSERT INTO sealed (workshop_id, key, data) VALUES ($1, $2, $3)
         ON CONFLICT (workshop_id, key) DO UPDATE SET data = EXCLUDED.data`,
        [workshopId, key, buffer(data)],
      )
    },
    async getSealed(workshopId, key) {
      const { rows } = await query<{ data: Buffer }>(
        'SELECT data FROM sealed WHERE workshop_id = $1 AND key = $2',
        [workshopId, key],
      )
      return rows[0] ? new Uint8Array(rows[0].data) : null
    },
    exclusive(workshopId, key, step) {
      return exclusiveQueue.run(`${workshopId}#${key}`, async () => {
        const client = await lockPool.connect()
        let failed: Error | undefined
        try {
          await client.query('BEGIN')
          // Released by the ROLLBACK below, or by PostgreSQL when this node's connection dies.
          await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
            `triage:exclusive:${workshopId}#${key}`,
          ])
          return await step()
        } finally {
          await client.query('ROLLBACK').catch((err: Error) => {
            failed = err
          })
          client.release(failed)
        }
      })
    },
    async secret(name) {
      // Two statements, so the read sees a value another node committed while this one waited.
      await query(
        'INSERT INTO secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING',
        [name, randomBytes(32)],
      )
      const { rows } = await query<{ value: Buffer }>('SELECT value FROM secrets WHERE name = $1', [
        name,
      ])
      return new Uint8Array(rows[0]!.value)
    },
    async close() {
      await log.settled()
      await Promise.all([pool.end(), lockPool.end()])
    },
  }
}
