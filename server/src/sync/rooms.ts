// Loads documents into rooms on demand, shares one room per document, and unloads a room a
// short grace after its last holder (connection or server task) lets go.
import type * as Y from 'yjs'
import {
  CLOSE,
  DEFAULT_UPDATE_LIMITS,
  docName,
  migrateDoc,
  type DocRef,
  type WorkshopId,
} from '@triage/shared'
import type { DocumentLog } from '../store/store.js'
import type { AccessPolicy, DocumentGuard, DocumentHolder } from './access-policy.js'
import {
  DEFAULT_ROOM_LIMITS,
  LOAD_ORIGIN,
  REMOTE_ORIGIN,
  Room,
  type RoomLimits,
  type WriterClaim,
} from './room.js'

/** Origin of the server's own transactions (roster entries, migrations). */
export const SERVER_ORIGIN = Symbol('server')

export interface RoomsOptions {
  readonly graceMs: number
  readonly compactAfter: number
  readonly onError: (err: unknown, docName: string) => void
  /** Who may write what: asked once per document as it loads, then on every update. */
  readonly policy: AccessPolicy
  /**
   * A document was loaded (and migrated), before anyone syncs it: a place to observe it. The
   * control document's observer logs the facilitator's session changes in server time.
   */
  readonly onLoad?: (ref: DocRef, doc: Y.Doc) => void
  /** A participant's private document changed (by them or the server). */
  readonly onPrivateChange?: (ref: Extract<DocRef, { kind: 'private' }>, doc: Y.Doc) => void
  /** Quotas per document (defaults: DEFAULT_ROOM_LIMITS; private documents get their own size). */
  readonly quotas?: {
    readonly maxDocBytes: number
    readonly maxPrivateDocBytes: number
    readonly maxDocClients: number
    readonly maxClientsPerIdentity: number
  }
  /** Something an operator should know that the rooms handled (refusals, quarantined rows). */
  readonly onWarning?: (message: string, details: Record<string, unknown>) => void
  /** The other nodes, when there are several (REDIS_URL): see server/src/cluster. */
  readonly cluster?: RoomsCluster
}

/** What the rooms tell the other nodes and ask of them (implemented by `Cluster`). */
export interface RoomsCluster {
  attach(ref: DocRef, name: string): Promise<void>
  loaded(name: string, room: Room, lastSeq: number): void
  detach(ref: DocRef, name: string, room?: Room): void
  stored(
    name: string,
    from: number,
    to: number,
    update: Uint8Array,
    claims: readonly WriterClaim[],
  ): void
  awareness(name: string, update: Uint8Array, owners: readonly WriterClaim[]): void
  safeSeq(name: string, stored: number): number
  fence(workshopId: WorkshopId): Promise<void>
  refresh(name: string): Promise<void>
  workshopDeleted(workshopId: WorkshopId): void
}

/** The limits a document of this kind is held to. */
export function limitsFor(kind: DocRef['kind'], quotas: RoomsOptions['quotas']): RoomLimits {
  const q = quotas ?? {
    maxDocBytes: DEFAULT_ROOM_LIMITS.maxBytes,
    maxPrivateDocBytes: 1024 * 1024,
    maxDocClients: DEFAULT_ROOM_LIMITS.maxClients,
    maxClientsPerIdentity: DEFAULT_ROOM_LIMITS.maxClientsPerIdentity,
  }
  const shared = kind !== 'private'
  return {
    // Collected content carries nothing that could be checked: only where no one else reads.
    update: { ...DEFAULT_UPDATE_LIMITS, allowGc: true },
    maxBytes: shared ? q.maxDocBytes : q.maxPrivateDocBytes,
    maxClients: q.maxDocClients,
    maxClientsPerIdentity: q.maxClientsPerIdentity,
    fullMessage:
      kind === 'board'
        ? 'This board is full: the facilitator can remove ideas or start a new workshop'
        : 'This document is full',
  }
}

export interface Lease {
  readonly room: Room
  release(): void
}

interface Entry {
  readonly ref: DocRef
  readonly ready: Promise<Room>
  holders: number
  timer: NodeJS.Timeout | null
  /** The policy's guard of this document, released when it unloads. */
  guard: DocumentGuard | null
}

export class Rooms {
  private readonly entries = new Map<string, Entry>()
  private readonly deleted = new Set<string>()
  /** How the policy holds the other documents its checks read. */
  private readonly holder: DocumentHolder = {
    hold: async (ref) => {
      const lease = await this.acquire(ref)
      return { doc: lease.room.doc, release: lease.release }
    },
  }

  constructor(
    private readonly store: DocumentLog,
    private readonly options: RoomsOptions,
  ) {}

  /** Number of documents in memory. */
  get loaded(): number {
    return this.entries.size
  }

  isLoaded(ref: DocRef): boolean {
    return this.entries.has(docName(ref))
  }

  /** Holds the document in memory until `release` is called. */
  async acquire(ref: DocRef): Promise<Lease> {
    if (this.deleted.has(ref.workshopId)) throw new Error('workshop deleted')
    const name = docName(ref)
    let entry = this.entries.get(name)
    if (!entry) {
      entry = { ref, ready: this.load(ref), holders: 0, timer: null, guard: null }
      this.entries.set(name, entry)
      entry.ready.catch(() => this.entries.delete(name))
    }
    entry.holders++
    if (entry.timer) {
      clearTimeout(entry.timer)
      entry.timer = null
    }
    const e = entry
    let room: Room
    try {
      room = await e.ready
    } catch (err) {
      e.holders--
      throw err
    }
    let released = false
    return {
      room,
      release: () => {
        if (released) return
        released = true
        e.holders--
        this.maybeUnload(name, e)
      },
    }
  }

  /**
   * Runs a server change on a document and resolves once it is stored and broadcast.
   * The change runs inside one transaction with the server's origin.
   */
  async change<T>(ref: DocRef, fn: (doc: Y.Doc) => T): Promise<T> {
    const lease = await this.acquire(ref)
    try {
      const result = lease.room.doc.transact(() => fn(lease.room.doc), SERVER_ORIGIN)
      await lease.room.flushed()
      return result
    } finally {
      lease.release()
    }
  }

  /** Reads a document (loading it for the moment if nobody holds it). */
  async read<T>(ref: DocRef, fn: (doc: Y.Doc) => T): Promise<T> {
    const lease = await this.acquire(ref)
    try {
      return fn(lease.room.doc)
    } finally {
      lease.release()
    }
  }

  /**
   * Waits until every node has stored what it accepted for the workshop, and this node's copies
   * hold it (one node: at once). A seal taken after this misses nothing accepted elsewhere.
   */
  async settle(workshopId: WorkshopId): Promise<void> {
    await this.options.cluster?.fence(workshopId)
  }

  /**
   * Loads the document if needed and brings this node's copy up to what the store holds now,
   * whichever node stored it (one node: its copy is the store's). A check made after this under
   * a store lock (`SealedInputs.exclusive`) sees every change made under that lock before.
   */
  async refresh(ref: DocRef): Promise<void> {
    const lease = await this.acquire(ref)
    try {
      await this.options.cluster?.refresh(docName(ref))
    } finally {
      lease.release()
    }
  }

  /**
   * Closes every connection to the workshop's documents and forgets them; no write follows.
   * The other nodes are told, unless they told this one (`fromCluster`).
   */
  async deleteWorkshop(workshopId: WorkshopId, fromCluster = false): Promise<void> {
    this.deleted.add(workshopId)
    if (!fromCluster) this.options.cluster?.workshopDeleted(workshopId)
    const pending: Promise<void>[] = []
    for (const [name, entry] of this.entries) {
      if (entry.ref.workshopId !== workshopId) continue
      this.entries.delete(name)
      if (entry.timer) clearTimeout(entry.timer)
      void entry.ready.then(
        (room) => this.options.cluster?.detach(entry.ref, name, room),
        () => undefined,
      )
      pending.push(
        entry.ready.then(
          async (room) => {
            room.destroy(CLOSE.gone, 'workshop deleted')
            await room.flushed()
          },
          () => {},
        ),
      )
    }
    await Promise.all(pending)
  }

  /** Lets a deleted workshop id be used again (tests; ids are random in practice). */
  forget(workshopId: WorkshopId): void {
    this.deleted.delete(workshopId)
  }

  /** Stores a snapshot of every loaded document and frees them (server shutdown). */
  async closeAll(): Promise<void> {
    const all = [...this.entries.entries()]
    this.entries.clear()
    await Promise.all(
      all.map(async ([, entry]) => {
        if (entry.timer) clearTimeout(entry.timer)
        const room = await entry.ready.catch(() => null)
        if (!room) return
        await this.unload(room, entry)
      }),
    )
  }

  private async load(ref: DocRef): Promise<Room> {
    const name = docName(ref)
    const guard = await this.options.policy.guard(ref, this.holder)
    const cluster = this.options.cluster
    try {
      // Listening before the load reads, so nothing stored meanwhile goes unheard for long.
      await cluster?.attach(ref, name)
      const [log, writers] = await Promise.all([
        this.store.loadLog(name),
        this.store.loadWriters(name),
      ])
      const entryOf = () => this.entries.get(name)
      const room = new Room(
        name,
        {
          persist: async (updates, claims) => {
            // Issued in the same turn, so one transaction holds the owners and the updates.
            const claimed =
              claims.length > 0 ? this.store.claimWriters(ref.workshopId, name, claims) : null
            let appended: Promise<number | null> = Promise.resolve(null)
            if (updates.length === 1) {
              appended = this.store.appendUpdate(ref.workshopId, name, updates[0]!)
            } else if (updates.length > 1) {
              appended = this.store.appendUpdates(ref.workshopId, name, updates)
            }
            const [seq] = await Promise.all([appended, claimed])
            return seq
          },
          onWarning: this.options.onWarning,
          onStored: cluster && ((from, to, u, claims) => cluster.stored(name, from, to, u, claims)),
          onAwareness: cluster && ((u, owners) => cluster.awareness(name, u, owners)),
          safeSeq: cluster && ((stored) => cluster.safeSeq(name, stored)),
          compact: (s, upTo) => this.store.compactDocument(ref.workshopId, name, s, upTo),
          authorize: (peer, update, doc) => guard.authorize(peer, update, doc),
          onEmpty: () => {
            const e = entryOf()
            if (e) this.maybeUnload(name, e)
          },
          onFatal: (err) => {
            this.options.onError(err, name)
            const e = entryOf()
            if (e) this.entries.delete(name)
            cluster?.detach(ref, name, room)
            room.destroy(1011, 'storage failed')
            guard.release()
          },
        },
        this.options.compactAfter,
        limitsFor(ref.kind, this.options.quotas),
      )
      const loaded = room.load(log.rows, writers, log.lastSeq)
      if (loaded.bad.length > 0) {
        // Kept aside, not deleted: an operator can look at what could not be applied.
        await this.store.quarantineUpdates(
          ref.workshopId,
          name,
          loaded.bad.map((b) => b.seq),
          loaded.bad.map((b) => b.reason).join('; '),
        )
        this.options.onWarning?.('stored updates quarantined', { doc: name, rows: loaded.bad })
      }
      if (loaded.droppedPending) {
        this.options.onWarning?.('pending structs dropped on load', { doc: name })
      }
      // A clean snapshot, so the next load needs none of this.
      if (loaded.bad.length > 0 || loaded.droppedPending) room.compact()
      migrateDoc(ref.kind, room.doc, SERVER_ORIGIN)
      cluster?.loaded(name, room, log.lastSeq)
      this.options.onLoad?.(ref, room.doc)
      const onPrivateChange = this.options.onPrivateChange
      if (ref.kind === 'private' && onPrivateChange) {
        room.doc.on('update', (_update: Uint8Array, origin: unknown) => {
          // The node that accepted a change reacts to it; the others only relay it.
          if (origin !== LOAD_ORIGIN && origin !== REMOTE_ORIGIN) onPrivateChange(ref, room.doc)
        })
      }
      const entry = this.entries.get(name)
      if (entry) entry.guard = guard
      return room
    } catch (err) {
      guard.release()
      cluster?.detach(ref, name)
      throw err
    }
  }

  private maybeUnload(name: string, entry: Entry): void {
    if (entry.holders > 0 || entry.timer) return
    void entry.ready.then((room) => {
      if (entry.holders > 0 || room.size > 0 || entry.timer) return
      entry.timer = setTimeout(() => {
        entry.timer = null
        if (entry.holders > 0 || room.size > 0 || this.entries.get(name) !== entry) return
        this.entries.delete(name)
        void this.unload(room, entry).catch((err: unknown) => this.options.onError(err, name))
      }, this.options.graceMs)
    })
  }

  private async unload(room: Room, entry: Entry): Promise<void> {
    if (room.storedUpdates > 1) room.compact()
    await room.flushed()
    this.options.cluster?.detach(entry.ref, docName(entry.ref), room)
    room.destroy(1001, 'server closing document')
    entry.guard?.release()
  }
}
