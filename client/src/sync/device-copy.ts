// Keeps a document on this device (IndexedDB through y-indexeddb), for DocConnection's
// `persist` option: edits made offline survive a reload and sync when the connection is back,
// and a phone that reopens the app offline shows what it last saw. y-indexeddb loads with the
// first copy opened, so the first download stays small (scripts/check-bundle.mjs).
import type * as Y from 'yjs'

/** One connection's copy of its document on the device. */
export interface DeviceCopy {
  /** Keeps `doc` from now on: loads what an earlier page stored into it, stores each change. */
  attach(doc: Y.Doc): void
  /** Stops keeping the document; `clear` also deletes the stored copy. */
  detach(clear: boolean): void
}

/** Makes the copy for a document name (the name is per participant for private documents). */
export type DeviceStore = (name: string) => DeviceCopy

/** What a stored copy needs from its storage (y-indexeddb; a fake in tests). */
export interface CopyBackend {
  open(name: string, doc: Y.Doc): { destroy(): Promise<void>; clearData(): Promise<void> }
  clear(name: string): Promise<void>
}

/**
 * Attaching and detaching in order: a copy opens only after the one before it is closed or
 * deleted (deleting while a new copy is open would wait for it, then delete it), and an attach
 * that a detach overtook does nothing. Without IndexedDB (some private browsing modes) the
 * document just lives in memory, as it would without a copy.
 */
export class QueuedCopy implements DeviceCopy {
  private open: ReturnType<CopyBackend['open']> | null = null
  private generation = 0
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly name: string,
    private readonly backend: CopyBackend,
  ) {}

  attach(doc: Y.Doc): void {
    const generation = ++this.generation
    this.then(() => {
      if (generation !== this.generation || this.open) return
      this.open = this.backend.open(this.name, doc)
    })
  }

  detach(clear: boolean): void {
    this.generation++
    this.then(async () => {
      const open = this.open
      this.open = null
      if (open) await (clear ? open.clearData() : open.destroy())
      // Cleared before it was attached: the copy an earlier page stored may still be there.
      else if (clear) await this.backend.clear(this.name)
    })
  }

  /** Resolves once every step asked for so far has run. */
  settled(): Promise<unknown> {
    return this.queue
  }

  private then(step: () => unknown): void {
    this.queue = this.queue.then(step).catch(() => {})
  }
}

/**
 * Reads a stored copy's updates with IndexedDB alone (the store y-indexeddb writes: `updates`),
 * without creating the database when there is none; null when there is nothing to read.
 */
function readStoredUpdates(name: string): Promise<Uint8Array[] | null> {
  return new Promise((resolve) => {
    let open: IDBOpenDBRequest
    try {
      open = indexedDB.open(name)
    } catch {
      return resolve(null)
    }
    // No such database: leave its creation to y-indexeddb, which creates its stores with it.
    open.onupgradeneeded = () => open.transaction?.abort()
    open.onerror = () => resolve(null)
    open.onblocked = () => resolve(null)
    open.onsuccess = () => {
      const db = open.result
      try {
        const read = db.transaction('updates', 'readonly').objectStore('updates').getAll()
        read.onsuccess = () => {
          db.close()
          const updates = (read.result as unknown[]).filter((u) => u instanceof Uint8Array)
          resolve(updates.length > 0 ? updates : null)
        }
        read.onerror = () => {
          db.close()
          resolve(null)
        }
      } catch {
        db.close()
        resolve(null)
      }
    }
  })
}

const readAhead = new Map<string, Uint8Array[]>()

/**
 * Reads a document's stored copy before the view that opens it renders (a participant's page
 * reloaded or reopened offline: the phase view can then show in the first render instead of
 * after a render, the connection's start, y-indexeddb's import and this same read). Resolves
 * once read (never rejects); `takeReadAhead` hands the updates to the connection, once.
 */
export async function readDeviceCopyAhead(name: string): Promise<void> {
  const updates = await readStoredUpdates(name)
  if (updates) readAhead.set(name, updates)
}

/** The updates read ahead for `name`, once; null when none were. */
export function takeReadAhead(name: string): Uint8Array[] | null {
  const updates = readAhead.get(name) ?? null
  readAhead.delete(name)
  return updates
}

const yIndexedDb = () => import('y-indexeddb')

const indexedDb: CopyBackend = {
  open: (name, doc) => {
    const opened = yIndexedDb().then(({ IndexeddbPersistence }) => {
      // Detached before the code arrived: nothing to keep (QueuedCopy waits for this).
      if (doc.isDestroyed) return null
      return new IndexeddbPersistence(name, doc)
    })
    // Without the code (offline, never loaded) the document lives in memory only.
    opened.catch(() => {})
    return {
      destroy: async () => (await opened)?.destroy(),
      clearData: async () => {
        const copy = await opened
        if (copy) await copy.clearData()
        else await (await yIndexedDb()).clearDocument(name)
      },
    }
  },
  clear: async (name) => {
    const { clearDocument } = await yIndexedDb()
    await clearDocument(name)
  },
}

/** IndexedDB, one database per document name. */
export const indexedDbStore: DeviceStore = (name) => new QueuedCopy(name, indexedDb)
