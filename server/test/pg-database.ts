// Databases for the PostgreSQL tests, on the server the test run provides: TEST_DATABASE_URL is
// an admin URL (`npm test` starts a server and sets it; by hand: eval "$(node scripts/services.mjs
// start)"). Each test file makes its own database and drops it at the end.
import { randomBytes } from 'node:crypto'
import pg from 'pg'

const adminUrl = process.env.TEST_DATABASE_URL
if (!adminUrl) {
  throw new Error(
    'TEST_DATABASE_URL is not set: run `eval "$(node scripts/services.mjs start)"` first (npm test does it).',
  )
}

const databases: string[] = []

/** Creates an empty database for this file on the test server; dropped after the file. */
export async function createDatabase(): Promise<string> {
  const name = `triage_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    // The name is ours (hex only): identifiers cannot be parameters.
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  databases.push(name)
  const u = new URL(adminUrl!)
  u.pathname = `/${name}`
  return u.toString()
}

/** Drops every database `createDatabase` made (after the file's tests). */
export async function dropDatabases(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  } finally {
    await admin.end()
  }
}

/** Empties every table but the migrations' record, so each test starts from a new store. */
export async function emptyTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'triage_migrations'`,
    )
    if (rows.length > 0) {
      await client.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')} CASCADE`)
    }
  } finally {
    await client.end()
  }
}
