// Document schema versions and the migrations that bring an older document up to date.
// Only the server runs migrations (it loads every document before anyone syncs it).
import type * as Y from 'yjs'
import { migrateLogToEvents } from './control.js'

export type DocKind = 'board' | 'control' | 'private'

/** One numbered step; `migrate` runs inside a transaction and must be idempotent. */
export interface Migration {
  readonly version: number
  readonly migrate: (doc: Y.Doc) => void
}

/** Root map of the document's metadata (its schema version): written by the server only. */
export const META = 'meta'
const VERSION_KEY = 'schemaVersion'

/**
 * The migrations of each document kind, in ascending version order. Version 1 is the
 * first shape; an empty (new) document is version 0 and runs every step.
 */
export const MIGRATIONS: Record<DocKind, readonly Migration[]> = {
  control: [
    { version: 1, migrate: () => {} },
    // The decision log became typed events written by the server (docs/decisions.md).
    { version: 2, migrate: migrateLogToEvents },
  ],
  board: [{ version: 1, migrate: () => {} }],
  private: [{ version: 1, migrate: () => {} }],
}

/** The version a document of this kind has once every migration has run. */
export function currentVersion(kind: DocKind, migrations = MIGRATIONS): number {
  const list = migrations[kind]
  return list.length === 0 ? 0 : list[list.length - 1]!.version
}

/** The schema version recorded in a document (0 when none is). */
export function docVersion(doc: Y.Doc): number {
  const v = doc.getMap(META).get(VERSION_KEY)
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0
}

/**
 * Runs, in one transaction, every migration newer than the document's version and records
 * the new version. Returns the versions it went from and to. A document from a newer
 * server is left as it is.
 */
export function migrateDoc(
  kind: DocKind,
  doc: Y.Doc,
  origin: unknown = 'migration',
  migrations = MIGRATIONS,
): { from: number; to: number } {
  const from = docVersion(doc)
  const pending = migrations[kind].filter((m) => m.version > from)
  if (pending.length === 0) return { from, to: from }
  const to = pending[pending.length - 1]!.version
  doc.transact(() => {
    for (const m of pending) m.migrate(doc)
    doc.getMap(META).set(VERSION_KEY, to)
  }, origin)
  return { from, to }
}
