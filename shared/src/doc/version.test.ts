import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  MIGRATIONS,
  currentVersion,
  docVersion,
  migrateDoc,
  type DocKind,
  type Migration,
} from './version.js'

const KINDS: DocKind[] = ['control', 'board', 'private']

/** Counts the updates a document emits, and remembers their origins. */
function recordUpdates(doc: Y.Doc): unknown[] {
  const origins: unknown[] = []
  doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
  return origins
}

function docAtVersion(version: unknown): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('meta').set('schemaVersion', version)
  return doc
}

/** A migrations table whose steps log their version, for every kind. */
function loggingMigrations(versions: number[], log: number[]): Record<DocKind, Migration[]> {
  const steps = versions.map((version) => ({
    version,
    migrate: (doc: Y.Doc) => {
      log.push(version)
      // A step sees the version it starts from, not the one recorded at the end.
      doc.getArray<number>('seen').push([docVersion(doc)])
    },
  }))
  return { control: steps, board: [], private: [] }
}

describe('currentVersion', () => {
  it.each(KINDS)('is the last step of %s', (kind) => {
    const list = MIGRATIONS[kind]
    expect(list.length).toBeGreaterThan(0)
    expect(currentVersion(kind)).toBe(list[list.length - 1]!.version)
    expect(currentVersion(kind)).toBeGreaterThanOrEqual(1)
  })

  it.each(KINDS)('lists the steps of %s in ascending, distinct versions from 1', (kind) => {
    const versions = MIGRATIONS[kind].map((m) => m.version)
    expect(versions[0]).toBe(1)
    for (let i = 1; i < versions.length; i++) expect(versions[i]).toBeGreaterThan(versions[i - 1]!)
  })

  it.each<[number[], number]>([
    [[], 0],
    [[1], 1],
    [[1, 2, 5], 5],
  ])('of a table with steps %j is %i', (versions, expected) => {
    expect(currentVersion('control', loggingMigrations(versions, []))).toBe(expected)
  })
})

describe('docVersion', () => {
  it.each<[string, unknown, number]>([
    ['an integer', 3, 3],
    ['zero', 0, 0],
    ['a negative number', -1, 0],
    ['a fraction', 1.5, 0],
    ['a string', '2', 0],
    ['NaN', Number.NaN, 0],
    ['null', null, 0],
  ])('reads %s as %i', (_, stored, expected) => {
    expect(docVersion(docAtVersion(stored))).toBe(expected)
  })

  it('is 0 for an empty document', () => {
    expect(docVersion(new Y.Doc())).toBe(0)
  })
})

describe('migrateDoc with the real table', () => {
  it.each(KINDS)('brings an empty %s document to the current version', (kind) => {
    const doc = new Y.Doc()
    const origins = recordUpdates(doc)
    expect(migrateDoc(kind, doc)).toEqual({ from: 0, to: currentVersion(kind) })
    expect(docVersion(doc)).toBe(currentVersion(kind))
    expect(origins).toEqual(['migration'])
  })

  it.each(KINDS)('is a no-op on a %s document already migrated', (kind) => {
    const doc = new Y.Doc()
    migrateDoc(kind, doc)
    const before = Y.encodeStateAsUpdate(doc)
    const origins = recordUpdates(doc)
    const to = currentVersion(kind)
    expect(migrateDoc(kind, doc)).toEqual({ from: to, to })
    expect(origins).toEqual([])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it.each(KINDS)('leaves a %s document from a newer server untouched', (kind) => {
    const newer = currentVersion(kind) + 3
    const doc = docAtVersion(newer)
    const origins = recordUpdates(doc)
    expect(migrateDoc(kind, doc)).toEqual({ from: newer, to: newer })
    expect(docVersion(doc)).toBe(newer)
    expect(origins).toEqual([])
  })

  it('passes its origin to the transaction', () => {
    const doc = new Y.Doc()
    const origins = recordUpdates(doc)
    const origin = { server: true }
    migrateDoc('board', doc, origin)
    expect(origins).toEqual([origin])
  })

  it('records the version so that a synced replica sees it', () => {
    const doc = new Y.Doc()
    migrateDoc('control', doc)
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc))
    expect(docVersion(replica)).toBe(currentVersion('control'))
    expect(migrateDoc('control', replica)).toEqual({
      from: currentVersion('control'),
      to: currentVersion('control'),
    })
  })
})

describe('migrateDoc with a custom table', () => {
  it.each<[string, unknown, number[], { from: number; to: number }]>([
    ['an empty document', undefined, [1, 2, 3], { from: 0, to: 3 }],
    ['a document at version 1', 1, [2, 3], { from: 1, to: 3 }],
    ['a document at version 2', 2, [3], { from: 2, to: 3 }],
    ['a document with a garbage version', 'x', [1, 2, 3], { from: 0, to: 3 }],
    ['a document at the last version', 3, [], { from: 3, to: 3 }],
    ['a document from a newer server', 9, [], { from: 9, to: 9 }],
  ])('runs on %s exactly the pending steps, in order', (_, stored, ran, result) => {
    const doc = stored === undefined ? new Y.Doc() : docAtVersion(stored)
    const log: number[] = []
    const migrations = loggingMigrations([1, 2, 3], log)
    const origins = recordUpdates(doc)
    expect(migrateDoc('control', doc, 'test', migrations)).toEqual(result)
    expect(log).toEqual(ran)
    expect(origins).toEqual(ran.length > 0 ? ['test'] : [])
    expect(docVersion(doc)).toBe(result.to)
    // Running again runs nothing.
    expect(migrateDoc('control', doc, 'test', migrations)).toEqual({
      from: result.to,
      to: result.to,
    })
    expect(log).toEqual(ran)
  })

  it('runs every step in one transaction, recording the version only at the end', () => {
    const doc = new Y.Doc()
    const log: number[] = []
    const origins = recordUpdates(doc)
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    migrateDoc('control', doc, 'test', loggingMigrations([1, 2, 3], log))
    expect(transactions).toBe(1)
    expect(origins).toHaveLength(1)
    expect(doc.getArray('seen').toArray()).toEqual([0, 0, 0])
    expect(docVersion(doc)).toBe(3)
  })

  it('skips gaps in the numbering', () => {
    const doc = docAtVersion(2)
    const log: number[] = []
    expect(migrateDoc('control', doc, 'test', loggingMigrations([1, 5, 10], log))).toEqual({
      from: 2,
      to: 10,
    })
    expect(log).toEqual([5, 10])
  })

  it('uses only the table of the kind it is given', () => {
    const doc = new Y.Doc()
    const log: number[] = []
    expect(migrateDoc('board', doc, 'test', loggingMigrations([1, 2], log))).toEqual({
      from: 0,
      to: 0,
    })
    expect(log).toEqual([])
  })

  it('does not record the version when a step throws', () => {
    const doc = new Y.Doc()
    const steps: Migration[] = [
      { version: 1, migrate: () => {} },
      {
        version: 2,
        migrate: () => {
          throw new Error('bad step')
        },
      },
    ]
    expect(() =>
      migrateDoc('control', doc, 'test', { control: steps, board: [], private: [] }),
    ).toThrow('bad step')
    expect(docVersion(doc)).toBe(0)
  })
})
