// The PostgreSQL store's tables, as numbered migrations applied at start-up. Several nodes may
// start at once: one transaction-scoped advisory lock lets one of them migrate while the others
// wait, then find nothing left to do.
import type { Pool } from 'pg'

interface Migration {
  readonly version: number
  readonly sql: string
}

/**
 * Append-only: a released migration is never edited, a change is a new one. Each document has a
 * head row (`doc_heads`) holding its last sequence number: an append updates it and inserts its
 * rows in one statement, so appends to one document from any node are numbered in commit order.
 * Rows under a workshop refer to it (the log's rows through their head, which every append
 * touches), so a write racing the workshop's deletion on another node fails instead of leaving
 * rows behind.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE workshops (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  groups_json TEXT NOT NULL,
  facilitator_token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE TABLE participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  group_id TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  joined_at BIGINT NOT NULL
);
CREATE INDEX participants_workshop ON participants(workshop_id);
CREATE TABLE viewer_tokens (
  workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE TABLE device_links (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (workshop_id, kind)
);
CREATE TABLE doc_heads (
  doc TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  last_seq BIGINT NOT NULL,
  compacted_to BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX doc_heads_workshop ON doc_heads(workshop_id);
CREATE TABLE doc_updates (
  doc TEXT NOT NULL,
  seq BIGINT NOT NULL,
  workshop_id TEXT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (doc, seq)
);
CREATE INDEX doc_updates_workshop ON doc_updates(workshop_id);
CREATE TABLE doc_writers (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  client_id BIGINT NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (doc, client_id)
);
CREATE INDEX doc_writers_workshop ON doc_writers(workshop_id);
CREATE TABLE quarantine (
  seq BIGINT NOT NULL,
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  doc TEXT NOT NULL,
  data BYTEA NOT NULL,
  reason TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX quarantine_workshop ON quarantine(workshop_id);
CREATE TABLE sealed (
  workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (workshop_id, key)
);
CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  value BYTEA NOT NULL
);
`,
  },
]

/** Any 64-bit number of our own: the advisory lock every node takes to migrate. */
const MIGRATION_LOCK = 0x7412_a9e5_03

/** Brings the database's schema to the newest migration; refuses a newer schema than it knows. */
export async function migrate(pool: Pool): Promise<void> {
  const latest = MIGRATIONS.at(-1)?.version ?? 0
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(
      'CREATE TABLE IF NOT EXISTS triage_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
    )
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM triage_migrations',
    )
    const current = rows[0]?.version ?? 0
    if (current > latest) {
      throw new Error(
        `The database's schema is version ${current}, newer than this server knows (${latest}): run the newer server.`,
      )
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue
      await client.query(m.sql)
      await client.query('INSERT INTO triage_migrations (version, applied_at) VALUES ($1, $2)', [
        m.version,
        Date.now(),
      ])
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw err
  } finally {
    client.release()
  }
}
