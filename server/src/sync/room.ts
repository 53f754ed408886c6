// One document in memory with its connected peers: applies what a peer may write, persists
// every accepted update before anyone else sees it, and keeps awareness honest.
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  CLOSE,
  DEFAULT_UPDATE_LIMITS,
  checkUpdate,
  hasPending,
  writerKey,
  type UpdateLimits,
} from '@triage/shared'
import {
  filterAwarenessUpdate,
  encodeAwarenessEntries,
  type AwarenessEntry,
} from './awareness-filter.js'
import { ProtocolError, type Peer } from './peer.js'
import { TokenBucket } from './rate-limiter.js'
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

/**
 * Origin of updates another node stored (heard over the bus, or replayed from the shared store):
 * sent to this room's peers, never stored again nor published again.
 */
export const REMOTE_ORIGIN = Symbol('remote')

/**
 * Sync step 1 requests a peer may make: a burst, then one every few seconds. The stock provider
 * sends one on connecting (and on its optional resync timer); a new connection starts afresh.
 */
export const STEP1_BURST = 16
export const STEP1_PER_SECOND = 1

/** How long awareness changes gather before one message carries them all to every peer. */
export const AWARENESS_BATCH_MS = 25

/**
 * Spacing between two broadcasts of a room, per peer in it, in ms, up to FLUSH_SPACING_MAX_MS.
 * A broadcast costs one send per peer, so a storm in a full room is bounded by sends, not by
 * updates: 500 peers wait at most 40 ms for the next merged message, 10 peers about 1 ms, and
 * an update to a room that has been quiet for that long goes out in the same turn.
 */
export const FLUSH_SPACING_PER_PEER_MS = 0.08
export const FLUSH_SPACING_MAX_MS = 40

/** A Yjs client id first written by `owner` (a `writerKey`). */
export interface WriterClaim {
  readonly clientId: number
  readonly owner: string
}

/** Bounds the room enforces on every update before it is applied. */
export interface RoomLimits {
  readonly update: UpdateLimits
  /** Encoded size of the document, in bytes. */
  readonly maxBytes: number
  /** Distinct client ids that may ever write the document. */
  readonly maxClients: number
  /** Distinct client ids one identity may write the document under. */
  readonly maxClientsPerIdentity: number
  /** What a writer is told when the document is full. */
  readonly fullMessage: string
}

export const DEFAULT_ROOM_LIMITS: RoomLimits = {
  update: DEFAULT_UPDATE_LIMITS,
  maxBytes: 4 * 1024 * 1024,
  maxClients: 4096,
  maxClientsPerIdentity: 256,
  fullMessage: 'This document is full',
}

/** A stored row as the room loads it. */
export interface LoadRow {
  readonly seq: number
  readonly data: Uint8Array
}

/** Owner recorded for client ids found in a document with no recorded writer (older data). */
export const UNKNOWN_WRITER = 'unknown'

export interface RoomHooks {
  /**
   * Durably stores accepted updates, in order, and the client ids they claim; the room
   * broadcasts only after it resolves. Resolves with the sequence number the last update was
   * stored under (null when it stored none).
   */
  persist(updates: readonly Uint8Array[], claims: readonly WriterClaim[]): Promise<number | null>
  /**
   * Replaces the stored rows numbered `upTo` or less with one snapshot; `upTo` is the last
   * sequence number stored when the snapshot's state was taken, so rows stored later are kept.
   */
  compact(snapshot: Uint8Array, upTo: number): Promise<void>
  /**
   * Whether this peer may apply this update to the document right now: null when it may,
   * otherwise the reason it may not (sent once to the peer, never applied).
   */
  authorize(peer: Peer, update: Uint8Array, doc: Y.Doc): string | null
  /** The last peer left. */
  onEmpty(): void
  /** Persisting failed: the room can no longer promise durability. */
  onFatal(error: unknown): void
  /** Something worth an operator's attention that the room handled (a refused update, say). */
  onWarning?(message: string, details: Record<string, unknown>): void
  /**
   * Updates were stored under sequence numbers `from` to `to` (merged into one update): other
   * nodes hear about them from here. Called after the store resolved, before peers see them.
   */
  onStored?(from: number, to: number, update: Uint8Array, claims: readonly WriterClaim[]): void
  /** Awareness of this room's own peers changed: the encoded change and whom each id speaks for. */
  onAwareness?(update: Uint8Array, owners: readonly WriterClaim[]): void
  /**
   * The highest sequence number such that every row up to it is in the document; compaction
   * folds no further. Without it, the last number this room stored (one node, one writer).
   */
  safeSeq?(stored: number): number
}

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  private readonly peers = new Map<Peer, Set<number>>()
  /** Awareness client ids and the connection that currently speaks for each. */
  private readonly owners = new Map<number, Peer>()
  /** Who wrote (or first announced presence under) each client id: one identity per id. */
  private readonly writers = new Map<number, string>()
  /** Who first announced presence under each client id (kept while the room is loaded). */
  private readonly presence = new Map<number, string>()
  /** Client ids each identity has written under, for its quota. */
  private readonly writerCounts = new Map<string, number>()
  /** Client ids claimed since the last write, stored with the next batch. */
  private claims: WriterClaim[] = []
  /** Peers that have sent awareness at least once. */
  private readonly announced = new WeakSet<Peer>()
  /** Peers the room has asked for what they hold (sync step 1) after a deferred update. */
  private readonly asked = new WeakSet<Peer>()
  /**
   * Sync step 1 answers: a three-byte request costs the room an encoding of the document and
   * the network its size. Per peer, one answer waits at a time (a newer request replaces the
   * state vector it is built from) and requests are budgeted; past the budget the peer is closed.
   */
  private readonly step1Pending = new WeakMap<Peer, { stateVector: Uint8Array }>()
  private readonly step1Budget = new WeakMap<Peer, TokenBucket>()
  /** Encoded size of the document, estimated upward from the last exact measurement. */
  private bytes = 0
  /**
   * `bytes` as last measured (null: never). Measuring encodes the whole document, so a full
   * document is measured again only once its estimate has grown by a slack since: else every
   * update sent to a nearly full document would cost the room a full encoding.
   */
  private measured: number | null = null
  /** Serialises store writes and the sends that must follow them. */
  private chain: Promise<void> = Promise.resolve()
  /**
   * Updates accepted but not yet stored, with the peer each came from. They are stored and
   * broadcast together: while one write is on its way to disk the next batch gathers, so a
   * storm of updates costs one disk sync and one message per peer per batch, not per update.
   */
  private batch: { update: Uint8Array; origin: unknown }[] = []
  private batchQueued = false
  /** Updates other nodes stored, applied here, waiting for the next broadcast to the peers. */
  private relayed: Uint8Array[] = []
  /** When the last batch was flushed (performance.now()), for the spacing between broadcasts. */
  private lastFlushAt = -Infinity
  /** Awareness client ids changed since the last awareness message went out. */
  private awarenessChanged = new Set<number>()
  /** Of those, the ones this room's own peers changed (other nodes hear of these). */
  private awarenessOwn = new Set<number>()
  private awarenessTimer: NodeJS.Timeout | null = null
  /**
   * The whole document as a sync answer, for peers that have nothing yet (a join storm sends
   * many of those); dropped on every change.
   */
  private fullAnswer: Uint8Array | null = null
  /** Updates stored for this document since its last snapshot. */
  private stored = 0
  /** Sequence number of the last row stored (loaded or persisted): what the document holds. */
  private storedSeq = 0
  private compactQueued = false
  private closed = false

  constructor(
    readonly name: string,
    private readonly hooks: RoomHooks,
    private readonly compactAfter: number,
    private readonly limits: RoomLimits = DEFAULT_ROOM_LIMITS,
  ) {
    this.awareness.setLocalState(null)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullAnswer = null
      if (origin === LOAD_ORIGIN) return
      if (origin === REMOTE_ORIGIN) return this.relay(update)
      this.afterUpdate(update, origin)
    })
    this.awareness.on('update', this.onAwarenessUpdate)
  }

  /**
   * Replays the stored log into the document, row by row. A row that cannot be applied (out of
   * bounds, unreadable, or throwing) is left out and reported, so one bad row never makes the
   * document unloadable; whatever it leaves waiting is dropped. The caller quarantines the bad
   * rows, then compacts.
   * `writers` is the recorded owner of each client id; ids without one are locked. `lastSeq`
   * is the log's last sequence number (default: the last row's).
   */
  load(
    rows: readonly (LoadRow | Uint8Array)[],
    writers: ReadonlyMap<number, string> = new Map(),
    lastSeq?: number,
  ): { readonly bad: { seq: number; reason: string }[]; readonly droppedPending: boolean } {
    const bad: { seq: number; reason: string }[] = []
    const loadLimits: UpdateLimits = {
      ...DEFAULT_UPDATE_LIMITS,
      maxStructs: Number.MAX_SAFE_INTEGER,
      maxClockStep: Number.MAX_SAFE_INTEGER,
      maxDeleteRanges: Number.MAX_SAFE_INTEGER,
    }
    let bytes = 0
    let seen = 0
    rows.forEach((row, index) => {
      const { seq, data } = row instanceof Uint8Array ? { seq: index, data: row } : row
      seen = Math.max(seen, seq)
      const reason = loadableReason(data, loadLimits)
      if (reason) {
        bad.push({ seq, reason })
        return
      }
      try {
        this.doc.transact(() => Y.applyUpdate(this.doc, data), LOAD_ORIGIN)
        bytes += data.length
      } catch (err) {
        bad.push({ seq, reason: err instanceof Error ? err.message : 'cannot be applied' })
      }
    })
    const droppedPending = hasPending(this.doc)
    if (droppedPending) dropPending(this.doc)
    for (const [clientId, owner] of writers) this.recordWriter(clientId, owner)
    for (const clientId of this.doc.store.clients.keys()) {
      if (!this.writers.has(clientId)) this.recordWriter(clientId, UNKNOWN_WRITER)
    }
    this.bytes = bytes
    this.storedSeq = lastSeq ?? seen
    this.stored = rows.length - bad.length
    if (this.stored > this.compactAfter) this.compact()
    return { bad, droppedPending }
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
    this.lastFlushAt = performance.now()
    if (this.batch.length === 0 && this.claims.length === 0) return this.sendRelayed()
    const batch = this.batch
    const claims = this.claims
    this.batch = []
    this.claims = []
    const seq = await this.hooks.persist(
      batch.map((b) => b.update),
      claims,
    )
    if (seq !== null) this.storedSeq = seq
    if (batch.length === 0) return this.sendRelayed()
    const first = seq === null ? null : seq - batch.length + 1
    let merged: Uint8Array
    try {
      merged = batch.length === 1 ? batch[0]!.update : Y.mergeUpdates(batch.map((b) => b.update))
    } catch {
      // Stored already; only the merge failed, which must not cost the room its peers. Each
      // update goes out alone (never the live document: it may hold what is not stored yet).
      batch.forEach((b, i) => {
        if (first !== null) this.hooks.onStored?.(first + i, first + i, b.update, i ? [] : claims)
        if (this.closed) return
        const message = encodeUpdateMessage(b.update)
        for (const peer of this.peers.keys()) if (peer !== b.origin) peer.send(message)
      })
      return this.sendRelayed()
    }
    if (first !== null) this.hooks.onStored?.(first, seq!, merged, claims)
    if (this.closed || this.peers.size === 0) {
      this.relayed = []
      return
    }
    if (this.relayed.length > 0) {
      // What other nodes stored rides in the same message: one send per peer per broadcast.
      try {
        const all = encodeUpdateMessage(Y.mergeUpdates([merged, ...this.relayed]))
        this.relayed = []
        for (const peer of this.peers.keys()) peer.send(all)
        return
      } catch {
        // Sent apart below.
      }
    }
    const origin = batch[0]!.origin
    const single = batch.every((b) => b.origin === origin)
    // Encoded once for every peer. A peer whose own updates are in a mixed batch gets them back,
    // which Yjs ignores; a batch from one peer skips that peer.
    const message = encodeUpdateMessage(merged)
    for (const peer of this.peers.keys()) if (!single || peer !== origin) peer.send(message)
    this.sendRelayed()
  }

  /** Sends what other nodes stored and this room has not sent yet, merged into one message. */
  private sendRelayed(): void {
    const relayed = this.relayed
    this.relayed = []
    if (relayed.length === 0 || this.closed || this.peers.size === 0) return
    let updates = relayed
    if (relayed.length > 1) {
      try {
        updates = [Y.mergeUpdates(relayed)]
      } catch {
        // Each goes out alone.
      }
    }
    for (const update of updates) {
      const message = encodeUpdateMessage(update)
      for (const peer of this.peers.keys()) peer.send(message)
    }
  }

  /**
   * Applies an update another node stored (claiming its client ids for their writers): the
   * room's peers get it at once; it is neither stored nor published again.
   */
  applyRemote(update: Uint8Array, claims: readonly WriterClaim[]): void {
    if (this.closed) return
    for (const { clientId, owner } of claims) {
      if (!this.writers.has(clientId)) this.recordWriter(clientId, owner)
    }
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN)
    } catch (err) {
      this.hooks.onWarning?.('a stored update from another node could not be applied', {
        doc: this.name,
        error: err instanceof Error ? err.message : String(err),
      })
    }
    if (hasPending(this.doc)) {
      // Waiting for an update this node has not heard yet: the gap repair brings it.
      return
    }
    for (const clientId of this.doc.store.clients.keys()) {
      if (!this.writers.has(clientId)) this.recordWriter(clientId, UNKNOWN_WRITER)
    }
  }

  /** Owners of client ids stored by other nodes (read from the shared store after a replay). */
  learnWriters(writers: ReadonlyMap<number, string>): void {
    for (const [clientId, owner] of writers) {
      if (this.writers.get(clientId) === UNKNOWN_WRITER) {
        const count = this.writerCounts.get(UNKNOWN_WRITER) ?? 1
        this.writerCounts.set(UNKNOWN_WRITER, count - 1)
        this.writers.delete(clientId)
      }
      if (!this.writers.has(clientId)) this.recordWriter(clientId, owner)
    }
  }

  /** Applies another node's awareness change; each id stays with the identity it speaks for. */
  applyRemoteAwareness(update: Uint8Array, owners: readonly WriterClaim[]): void {
    if (this.closed) return
    for (const { clientId, owner } of owners) {
      if (this.owners.has(clientId)) continue
      const first = this.writers.get(clientId) ?? this.presence.get(clientId)
      if (first !== undefined && first !== owner) return
      if (!this.presence.has(clientId)) this.presence.set(clientId, owner)
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN)
    } catch {
      // A node sends what it encoded; one that cannot be read is dropped.
    }
  }

  /**
   * Queues an update stored elsewhere for this room's peers: it goes out with the room's next
   * broadcast, spaced like the room's own, so a busy room sends each peer one message per
   * spacing whichever node stored what it carries.
   */
  private relay(update: Uint8Array): void {
    this.bytes += update.length
    if (this.closed || this.peers.size === 0) return
    this.relayed.push(update)
    if (!this.batchQueued) this.queueBatch()
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
    if (this.batch.length > 0 || this.claims.length > 0 || this.relayed.length > 0) {
      this.enqueue(() => this.flushBatch())
    }
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
      // What is waiting is stored first, so the snapshot folds it too instead of leaving a
      // burst read in one tick appended after it. The state taken then may hold a few updates
      // not stored yet; they are stored after the snapshot, which is harmless. The snapshot
      // folds only the rows stored so far: whatever is stored after this moment keeps its row.
      await this.flushBatch()
      const upTo = this.hooks.safeSeq ? this.hooks.safeSeq(this.storedSeq) : this.storedSeq
      await this.hooks.compact(Y.encodeStateAsUpdate(this.doc), upTo)
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
    this.writers.clear()
    this.presence.clear()
    this.awareness.off('update', this.onAwarenessUpdate)
    this.awareness.destroy()
    this.doc.destroy()
  }

  private receiveSync(peer: Peer, d: decoding.Decoder): void {
    const sub = decoding.readVarUint(d)
    if (sub === SYNC_STEP1) {
      const stateVector = decoding.readVarUint8Array(d)
      try {
        Y.decodeStateVector(stateVector)
      } catch {
        throw new ProtocolError('malformed state vector')
      }
      // The answer is built when earlier writes are done, so the document is exactly what is
      // stored plus the batch waiting; it goes out once that batch is stored too. Built after
      // that write instead, it could carry updates applied meanwhile and not stored yet (the
      // crash harness lost acknowledged edits that way). A state vector the answer cannot be
      // built for is this peer's fault: it closes this peer, never the room.
      const waiting = this.step1Pending.get(peer)
      if (waiting) {
        waiting.stateVector = stateVector
        return
      }
      let budget = this.step1Budget.get(peer)
      if (!budget) {
        budget = new TokenBucket(STEP1_PER_SECOND, STEP1_BURST)
        this.step1Budget.set(peer, budget)
      }
      if (!budget.take()) {
        peer.close(CLOSE.rateLimited, 'too many sync requests')
        return
      }
      const request = { stateVector }
      this.step1Pending.set(peer, request)
      this.enqueue(async () => {
        this.step1Pending.delete(peer)
        if (this.closed || !this.peers.has(peer)) return
        let answer: Uint8Array
        try {
          answer = this.answer(request.stateVector)
        } catch {
          peer.close(CLOSE.badMessage, 'malformed state vector')
          return
        }
        await this.flushBatch()
        if (!this.closed && this.peers.has(peer)) peer.send(answer)
      })
    } else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
      const update = decoding.readVarUint8Array(d)
      if (sub === SYNC_STEP2) this.asked.delete(peer)
      if (isEmptyUpdate(update)) return
      this.receiveUpdate(peer, update, sub === SYNC_STEP2)
    } else {
      throw new ProtocolError(`unknown sync message ${sub}`)
    }
  }

  /**
   * One update from a peer: bounded and checked whole before anything is applied. It is
   * applied whole, or ignored (nothing new), or deferred (the peer is asked for what the
   * server lacks), or refused — and every refusal is told to the peer.
   */
  private receiveUpdate(peer: Peer, update: Uint8Array, isStep2: boolean): void {
    const verdict = checkUpdate(this.doc, update, this.limits.update)
    if (verdict.kind === 'nothing-new') return
    if (verdict.kind === 'refuse') return this.refuse(peer, verdict.reason)
    if (verdict.kind === 'defer') {
      // A sync step 2 answers the server's own state vector, so it cannot honestly build on
      // something missing; an update can (the stock provider sends new edits before its
      // catch-up step 2 after a reconnect): ask for the catch-up instead of refusing.
      if (isStep2) return this.refuse(peer, verdict.reason)
      if (!this.asked.has(peer)) {
        this.asked.add(peer)
        peer.send(encodeSyncStep1(this.doc))
      }
      return
    }
    const key = writerKey(peer.identity)
    const claims: number[] = []
    for (const clientId of verdict.writers) {
      const owner = this.writers.get(clientId) ?? this.presence.get(clientId)
      if (clientId === this.doc.clientID || (owner !== undefined && owner !== key)) {
        return this.refuse(peer, 'writes under a client id that is not yours')
      }
      if (!this.writers.has(clientId)) claims.push(clientId)
    }
    if (claims.length > 0) {
      const mine = this.writerCounts.get(key) ?? 0
      if (
        mine + claims.length > this.limits.maxClientsPerIdentity ||
        this.writers.size + claims.length > this.limits.maxClients
      ) {
        return this.refuseFull(peer, 'too many writers')
      }
    }
    if (this.bytes + verdict.update.length > this.limits.maxBytes) {
      // The estimate only grows; measure before refusing (within the slack, it stands).
      const slack = Math.max(1024, Math.floor(this.limits.maxBytes / 64))
      if (this.measured === null || this.bytes - this.measured >= slack) {
        this.bytes = Y.encodeStateAsUpdate(this.doc).length
        this.measured = this.bytes
      }
      if (this.bytes + verdict.update.length > this.limits.maxBytes) {
        return this.refuseFull(peer, 'size')
      }
    }
    const refused = this.hooks.authorize(peer, verdict.update, this.doc)
    if (refused !== null) return this.refuse(peer, refused)
    for (const clientId of claims) {
      this.recordWriter(clientId, key)
      this.claims.push({ clientId, owner: key })
    }
    if (claims.length > 0 && !this.batchQueued) this.queueBatch()
    Y.applyUpdate(this.doc, verdict.update, peer)
    this.bytes += verdict.update.length
    if (hasPending(this.doc)) {
      // The check leaves nothing for Yjs to park; should a case slip through, nothing waits
      // here to strike later.
      dropPending(this.doc)
      this.hooks.onWarning?.('dropped pending structs after an update', { doc: this.name })
    }
  }

  private refuse(peer: Peer, reason: string): void {
    this.hooks.onWarning?.('update refused', { doc: this.name, reason, role: peer.identity.role })
    peer.send(encodePermissionDenied(`${reason}: ${this.name}`))
  }

  /** The document's quota is reached: refused, and the writer is told and disconnected. */
  private refuseFull(peer: Peer, what: string): void {
    this.refuse(peer, `${this.limits.fullMessage} (${what})`)
    peer.close(CLOSE.documentFull, this.limits.fullMessage)
  }

  private recordWriter(clientId: number, owner: string): void {
    this.writers.set(clientId, owner)
    this.writerCounts.set(owner, (this.writerCounts.get(owner) ?? 0) + 1)
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
    const key = writerKey(peer.identity)
    // An id is spoken for by the connection using it now, or else by the identity that wrote
    // or announced presence under it first: another identity can never take it over, also
    // after its owner's connection dropped.
    const ownerOf = (id: number): unknown => {
      const current = this.owners.get(id)
      if (current) return current
      const first = this.writers.get(id) ?? this.presence.get(id)
      return first === undefined || first === key ? undefined : first
    }
    // A stock provider that reconnects announces itself first, alone, with the clock it had:
    // the room has seen that clock, so y-protocols would ignore it and the member would stay
    // absent until the next renewal. Its own identity's id, free now, is taken back with a
    // clock past the one seen (the echo tells the client). Later messages are not: those may
    // be echoes of others' states.
    const first = !this.announced.has(peer)
    this.announced.add(peer)
    const back = first ? soleEntryId(update) : null
    const reannounce =
      back !== null &&
      !this.owners.has(back) &&
      !this.awareness.states.has(back) &&
      (this.writers.get(back) ?? this.presence.get(back)) === key
        ? back
        : null
    let entries: AwarenessEntry[] = filterAwarenessUpdate(
      update,
      peer.identity,
      ownerOf,
      peer,
      owned.size,
      (id) => (id === reannounce ? undefined : this.awareness.meta.get(id)?.clock),
    )
    if (entries.length === 0) return
    if (reannounce !== null) {
      const seen = this.awareness.meta.get(reannounce)?.clock ?? 0
      entries = entries.map((e) =>
        e.clientId === reannounce && e.state !== null && e.clock <= seen
          ? { ...e, clock: seen + 1 }
          : e,
      )
    }
    for (const e of entries) {
      if (e.state === null) continue
      owned.add(e.clientId)
      this.owners.set(e.clientId, peer)
      if (!this.presence.has(e.clientId)) this.presence.set(e.clientId, key)
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
    origin: unknown,
  ): void => {
    const local = origin !== REMOTE_ORIGIN && this.hooks.onAwareness !== undefined
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const id of list) {
        this.awarenessChanged.add(id)
        if (local) this.awarenessOwn.add(id)
      }
    }
    if (this.awarenessChanged.size === 0 || this.awarenessTimer) return
    this.awarenessTimer = setTimeout(this.flushAwareness, AWARENESS_BATCH_MS)
  }

  private readonly flushAwareness = (): void => {
    this.awarenessTimer = null
    const changed = [...this.awarenessChanged]
    const own = [...this.awarenessOwn]
    this.awarenessChanged.clear()
    this.awarenessOwn.clear()
    if (this.closed) return
    if (own.length > 0) {
      // Other nodes hear only what this room's own peers said, with whom each id speaks for.
      const owners = own.map((clientId) => {
        const peer = this.owners.get(clientId)
        const owner = peer
          ? writerKey(peer.identity)
          : (this.presence.get(clientId) ?? this.writers.get(clientId) ?? UNKNOWN_WRITER)
        return { clientId, owner }
      })
      this.hooks.onAwareness?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, own), owners)
    }
    if (changed.length === 0 || this.peers.size === 0) return
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    )
    for (const peer of this.peers.keys()) peer.send(message)
  }

  private afterUpdate(update: Uint8Array, origin: unknown): void {
    this.batch.push({ update, origin })
    if (!this.batchQueued) this.queueBatch()
    this.stored++
    if (this.stored > this.compactAfter) this.compact()
  }

  private queueBatch(): void {
    this.batchQueued = true
    const flush = () => this.enqueue(() => this.flushBatch())
    // Gather everything read in this turn of the event loop (a storm arrives as many
    // messages per turn) into one write and one message per peer; in a busy room, everything
    // read until its spacing since the last broadcast is up.
    const spacing = Math.min(FLUSH_SPACING_MAX_MS, this.peers.size * FLUSH_SPACING_PER_PEER_MS)
    const wait = this.lastFlushAt + spacing - performance.now()
    if (wait < 1) setImmediate(flush)
    else setTimeout(flush, wait)
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(task).catch((err: unknown) => {
      this.hooks.onFatal(err)
    })
  }
}

/** Why a stored row cannot be loaded (out of bounds or unreadable), or null. */
function loadableReason(data: Uint8Array, limits: UpdateLimits): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(data)
  } catch {
    return 'unreadable'
  }
  for (const s of decoded.structs) {
    const end = s.id.clock + s.length
    if (!Number.isSafeInteger(s.id.client) || !Number.isSafeInteger(end) || end > limits.maxClock) {
      return 'a clock or client id out of bounds'
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    if (!Number.isSafeInteger(client)) return 'a client id out of bounds'
    for (const { clock, len } of ranges) {
      if (!Number.isSafeInteger(clock + len) || clock + len > limits.maxClock) {
        return 'a deletion out of bounds'
      }
    }
  }
  return null
}

/** Forgets what Yjs holds back in a document, so it can never be applied later. */
function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}

/** The client id of an awareness update that holds exactly one entry, or null. */
function soleEntryId(update: Uint8Array): number | null {
  try {
    const d = decoding.createDecoder(update)
    return decoding.readVarUint(d) === 1 ? decoding.readVarUint(d) : null
  } catch {
    return null
  }
}
