// One document in memory with its connected peers: applies what a peer may write, persists
// every accepted update before anyone else sees it, and keeps awareness honest.
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { CLOSE } from '@triage/shared'
import {
  filterAwarenessUpdate,
  encodeAwarenessEntries,
  type AwarenessEntry,
} from './awareness-filter.js'
import { ProtocolError, type Peer } from './peer.js'
import {
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  isEmptyUpdate,
} from './protocol.js'

/** Origin of transactions that replay stored updates: neither persisted again nor broadcast. */
export const LOAD_ORIGIN = Symbol('load')

/** How long awareness changes gather before one message carries them all to every peer. */
export const AWARENESS_BATCH_MS = 25

export interface RoomHooks {
  /** Durably stores accepted updates, in order; the room broadcasts only after it resolves. */
  persist(updates: readonly Uint8Array[]): Promise<void>
  /** Replaces the stored log with one snapshot. */
  compact(snapshot: Uint8Array): Promise<void>
  /**
   * Whether this peer may apply this update to the document right now: null when it may,
   * otherwise the reason it may not (sent once to the peer, never applied).
   */
  authorize(peer: Peer, update: Uint8Array, doc: Y.Doc): string | null
  /** The last peer left. */
  onEmpty(): void
  /** Persisting failed: the room can no longer promise durability. */
  onFatal(error: unknown): void
}

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly peers = new Map<Peer, Set<number>>()
  private readonly owners = new Map<number, Peer>()
  private readonly warned = new WeakSet<Peer>()
  /** Serialises store writes and the sends that must follow them. */
  private chain: Promise<void> = Promise.resolve()
  /**
   * Updates accepted but not yet stored, with the peer each came from. They are stored and
   * broadcast together: while one write is on its way to disk the next batch gathers, so a
   * storm of updates costs one disk sync and one message per peer per batch, not per update.
   */
  private batch: { update: Uint8Array; origin: unknown }[] = []
  private batchQueued = false
  /** Awareness client ids changed since the last awareness message went out. */
  private awarenessChanged = new Set<number>()
  private awarenessTimer: NodeJS.Timeout | null = null
  /**
   * The whole document as a sync answer, for peers that have nothing yet (a join storm sends
   * many of those); dropped on every change.
   */
  private fullAnswer: Uint8Array | null = null
  /** Updates stored for this document since its last snapshot. */
  private stored = 0
  private compactQueued = false
  private closed = false

  constructor(
    readonly name: string,
    private readonly hooks: RoomHooks,
    private readonly compactAfter: number,
  ) {
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullAnswer = null
      if (origin === LOAD_ORIGIN) return
      this.afterUpdate(update, origin)
    })
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /** Replays the stored log into the document. */
  load(updates: readonly Uint8Array[]): void {
    this.doc.transact(() => {
      for (const u of updates) Y.applyUpdate(this.doc, u)
    }, LOAD_ORIGIN)
    this.stored = updates.length
    if (this.stored > this.compactAfter) this.compact()
  }

  get size(): number {
    return this.peers.size
  }

  join(peer: Peer): void {
    this.peers.set(peer, new Set())
    peer.send(encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) {
      peer.send(
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)),
      )
    }
  }

  /** Stores and broadcasts whatever updates are waiting; the chain runs it in order. */
  private async flushBatch(): Promise<void> {
    this.batchQueued = false
    if (this.batch.length === 0) return
    const batch = this.batch
    this.batch = []
    await this.hooks.persist(batch.map((b) => b.update))
    if (this.closed || this.peers.size === 0) return
    const origin = batch[0]!.origin
    const single = batch.every((b) => b.origin === origin)
    const merged =
      batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update))
    // Encoded once for every peer. A peer whose own updates are in a mixed batch gets them back,
    // which Yjs ignores; a batch from one peer skips that peer.
    const message = encodeUpdateMessage(merged)
    for (const peer of this.peers.keys()) if (!single || peer !== origin) peer.send(message)
  }

  leave(peer: Peer): void {
    const owned = this.peers.get(peer)
    if (!owned) return
    this.peers.delete(peer)
    for (const id of owned) this.owners.delete(id)
    if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null)
    if (this.peers.size === 0) this.hooks.onEmpty()
  }

  /** Handles one binary message from a peer; a malformed one closes that peer only. */
  receive(peer: Peer, data: Uint8Array): void {
    if (!this.peers.has(peer)) return
    try {
      const d = decoding.createDecoder(data)
      const type = decoding.readVarUint(d)
      switch (type) {
        case MSG_SYNC:
          this.receiveSync(peer, d)
          break
        case MSG_AWARENESS:
          this.receiveAwareness(peer, decoding.readVarUint8Array(d))
          break
        case MSG_QUERY_AWARENESS:
          peer.send(
            encodeAwarenessMessage(
              awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
                ...this.awareness.getStates().keys(),
              ]),
            ),
          )
          break
        case MSG_AUTH:
          break
        default:
          throw new ProtocolError(`unknown message type ${type}`)
      }
    } catch (err) {
      peer.close(CLOSE.badMessage, err instanceof ProtocolError ? err.message : 'malformed message')
    }
  }

  /** Resolves once every update accepted so far is stored and sent. */
  flushed(): Promise<void> {
    // A batch still gathering is written now rather than after this turn of the event loop.
    if (this.batch.length > 0) this.enqueue(() => this.flushBatch())
    return this.chain
  }

  /** Stores the whole document as one snapshot (after every pending write). */
  compact(): void {
    if (this.compactQueued) return
    this.compactQueued = true
    // Counted from now: updates accepted after this call are appended after the snapshot.
    this.stored = 1
    this.enqueue(async () => {
      this.compactQueued = false
      // The state taken now holds every update queued before this task, and perhaps a few
      // queued after it (they are stored again after the snapshot, which is harmless).
      await this.hooks.compact(Y.encodeStateAsUpdate(this.doc))
    })
  }

  /** Updates stored since the last snapshot (the snapshot counts as one). */
  get storedUpdates(): number {
    return this.stored
  }

  /** Closes every peer and frees the document. Pending writes still complete. */
  destroy(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer)
    this.awarenessTimer = null
    for (const peer of [...this.peers.keys()]) peer.close(code, reason)
    this.peers.clear()
    this.owners.clear()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private receiveSync(peer: Peer, d: decoding.Decoder): void {
    const sub = decoding.readVarUint(d)
    if (sub === SYNC_STEP1) {
      const stateVector = decoding.readVarUint8Array(d)
      // Answer after pending writes (and store whatever arrived since), so a peer never
      // receives what is not yet stored.
      this.enqueue(async () => {
        await this.flushBatch()
        if (!this.closed) peer.send(this.answer(stateVector))
      })
    } else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
      const update = decoding.readVarUint8Array(d)
      if (isEmptyUpdate(update)) return
      const refused = this.hooks.authorize(peer, update, this.doc)
      if (refused !== null) {
        if (!this.warned.has(peer)) {
          this.warned.add(peer)
          peer.send(encodePermissionDenied(`${refused}: ${this.name}`))
        }
        return
      }
      Y.applyUpdate(this.doc, update, peer)
    } else {
      throw new ProtocolError(`unknown sync message ${sub}`)
    }
  }

  /** Sync step 2 for a peer's state vector; the full document is encoded once per change. */
  private answer(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0
    if (!empty) return encodeSyncStep2(this.doc, stateVector)
    this.fullAnswer ??= encodeSyncStep2(this.doc, stateVector)
    return this.fullAnswer
  }

  private receiveAwareness(peer: Peer, update: Uint8Array): void {
    const owned = this.peers.get(peer)
    if (!owned) return
    const entries: AwarenessEntry[] = filterAwarenessUpdate(
      update,
      peer.identity,
      (id) => this.owners.get(id),
      peer,
      owned.size,
      (id) => this.awareness.meta.get(id)?.clock,
    )
    if (entries.length === 0) return
    for (const e of entries) {
      if (e.state === null) continue
      owned.add(e.clientId)
      this.owners.set(e.clientId, peer)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), peer)
    for (const e of entries) {
      if (e.state !== null) continue
      owned.delete(e.clientId)
      this.owners.delete(e.clientId)
    }
  }

  /**
   * Awareness goes to every peer, the sender too: the stock provider counts it as liveness.
   * Changes gather for a moment and go out as one message, so a join storm or a room full of
   * moving cursors costs one send per peer per moment, not one per change.
   */
  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const id of list) this.awarenessChanged.add(id)
    }
    if (this.awarenessChanged.size === 0 || this.awarenessTimer) return
    this.awarenessTimer = setTimeout(this.flushAwareness, AWARENESS_BATCH_MS)
  }

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null
    const changed = [...this.awarenessChanged]
    this.awarenessChanged.clear()
    if (this.closed || changed.length === 0 || this.peers.size === 0) return
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    )
    for (const peer of this.peers.keys()) peer.send(message)
  }

  private afterUpdate(update: Uint8Array, origin: unknown): void {
    this.batch.push({ update, origin })
    if (!this.batchQueued) {
      this.batchQueued = true
      // Gather everything read in this turn of the event loop (a storm arrives as many
      // messages per turn) into one write and one message per peer.
      setImmediate(() => this.enqueue(() => this.flushBatch()))
    }
    this.stored++
    if (this.stored > this.compactAfter) this.compact()
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((err: unknown) => {
      this.hooks.onFatal(err)
    })
  }
}
