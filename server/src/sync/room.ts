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
  isEmptyUpdate,
} from './protocol.js'
import { sendAll, sendApart, sendBatch, type Accepted } from './room-broadcast.js'
import { RoomAwareness, type ClientOwner } from './room-awareness.js'
import { RoomWriters } from './room-writers.js'
import { dropPending, replayRows, type LoadRow } from './stored-rows.js'

export { AWARENESS_BATCH_MS } from './room-awareness.js'
export { UNKNOWN_WRITER } from './room-writers.js'
export type { LoadRow } from './stored-rows.js'

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

/**
 * Spacing between two broadcasts of a room, per peer in it, in ms, up to FLUSH_SPACING_MAX_MS.
 * A broadcast costs one send per peer, so a storm in a full room is bounded by sends, not by
 * updates: 500 peers wait at most 40 ms for the next merged message, 10 peers about 1 ms, and
 * an update to a room that has been quiet for that long goes out in the same turn.
 */
export const FLUSH_SPACING_PER_PEER_MS = 0.08
export const FLUSH_SPACING_MAX_MS = 40

/** A Yjs client id first written by `owner` (a `writerKey`). */
export type WriterClaim = ClientOwner

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
  private readonly peers = new Set<Peer>()
  /** Who speaks for each client id: one identity per id. */
  private readonly writers = new RoomWriters()
  private readonly presence: RoomAwareness
  /** Client ids claimed since the last write, stored with the next batch. */
  private claims: WriterClaim[] = []
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
  private batch: Accepted[] = []
  private batchQueued = false
  /** Updates other nodes stored, applied here, waiting for the next broadcast to the peers. */
  private relayed: Uint8Array[] = []
  /** When the last batch was flushed (performance.now()), for the spacing between broadcasts. */
  private lastFlushAt = -Infinity
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
    this.presence = new RoomAwareness(this.doc, this.writers, {
      broadcast: (message) => {
        for (const peer of this.peers) peer.send(message)
      },
      ...(hooks.onAwareness && { onAwareness: hooks.onAwareness }),
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.fullAnswer = null
      if (origin === LOAD_ORIGIN) return
      if (origin === REMOTE_ORIGIN) return this.relay(update)
      this.afterUpdate(update, origin)
    })
  }

  get awareness(): awarenessProtocol.Awareness {
    return this.presence.awareness
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
    const { bad, bytes, lastSeen } = replayRows(this.doc, rows, LOAD_ORIGIN)
    const droppedPending = hasPending(this.doc)
    if (droppedPending) dropPending(this.doc)
    for (const [clientId, owner] of writers) this.writers.record(clientId, owner)
    this.writers.lockUnknown(this.doc.store.clients.keys())
    this.bytes = bytes
    this.storedSeq = lastSeq ?? lastSeen
    this.stored = rows.length - bad.length
    if (this.stored > this.compactAfter) this.compact()
    return { bad, droppedPending }
  }

  get size(): number {
    return this.peers.size
  }

  join(peer: Peer): void {
    this.peers.add(peer)
    peer.send(encodeSyncStep1(this.doc))
    const present = this.presence.join(peer)
    if (present) peer.send(present)
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
      })
      if (!this.closed) sendApart(this.peers, batch)
      return this.sendRelayed()
    }
    if (first !== null) this.hooks.onStored?.(first, seq!, merged, claims)
    const relayed = this.relayed
    this.relayed = []
    if (!this.closed) sendBatch(this.peers, batch, merged, relayed)
  }

  /** Sends what other nodes stored and this room has not sent yet, merged into one message. */
  private sendRelayed(): void {
    const relayed = this.relayed
    this.relayed = []
    if (!this.closed) sendAll(this.peers, relayed)
  }

  /**
   * Applies an update another node stored (claiming its client ids for their writers): the
   * room's peers get it at once; it is neither stored nor published again.
   */
  applyRemote(update: Uint8Array, claims: readonly WriterClaim[]): void {
    if (this.closed) return
    for (const { clientId, owner } of claims) this.writers.claim(clientId, owner)
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
    this.writers.lockUnknown(this.doc.store.clients.keys())
  }

  /** Owners of client ids stored by other nodes (read from the shared store after a replay). */
  learnWriters(writers: ReadonlyMap<number, string>): void {
    this.writers.learn(writers)
  }

  /** Applies another node's awareness change; each id stays with the identity it speaks for. */
  applyRemoteAwareness(update: Uint8Array, owners: readonly WriterClaim[]): void {
    if (!this.closed) this.presence.applyRemote(update, owners)
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
    if (!this.peers.delete(peer)) return
    this.presence.leave(peer)
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
          this.presence.receive(peer, decoding.readVarUint8Array(d))
          break
        case MSG_QUERY_AWARENESS:
          peer.send(
            this.presence.snapshot() ??
              encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [])),
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
    for (const peer of [...this.peers]) peer.close(code, reason)
    this.peers.clear()
    this.writers.clear()
    this.presence.destroy()
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
      const owner = this.writers.ownerOf(clientId)
      if (clientId === this.doc.clientID || (owner !== undefined && owner !== key)) {
        return this.refuse(peer, 'writes under a client id that is not yours')
      }
      if (!this.writers.wrote(clientId)) claims.push(clientId)
    }
    if (claims.length > 0) {
      const mine = this.writers.countOf(key)
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
      this.writers.record(clientId, key)
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

  /** Sync step 2 for a peer's state vector; the full document is encoded once per change. */
  private answer(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.length === 1 && stateVector[0] === 0
    if (!empty) return encodeSyncStep2(this.doc, stateVector)
    this.fullAnswer ??= encodeSyncStep2(this.doc, stateVector)
    return this.fullAnswer
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
