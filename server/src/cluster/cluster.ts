// Several nodes serving one workshop as if they were one. Every node stores what it accepts in
// the shared store (PostgreSQL) before anyone sees it, then tells the other nodes over Redis
// with the sequence numbers it was stored under. A node that sees a number it has not heard
// of, or whose Redis went away, or that has heard nothing for a while, reads what it lacks from
// the store: a message Redis drops costs latency, never data. See docs/scale-out.md.
import { randomBytes } from 'node:crypto'
import type { DocRef, WorkshopId } from '@triage/shared'
import type { DocumentLog } from '../store/store.js'
import type { Room, WriterClaim } from '../sync/room.js'
import {
  decodeClusterMessage,
  encodeClusterMessage,
  type ClusterEvent,
  type ClusterMessage,
  type ConnectionFilter,
} from './codec.js'
import { RedisBus } from './redis-bus.js'
import { Watermark } from './watermark.js'

/** How long a gap may stay open before the node reads the missing rows from the store. */
export const GAP_WAIT_MS = 100
/** How long a fence waits for the other nodes' answers before it goes on without them. */
export const FENCE_TIMEOUT_MS = 2000

/** What the operator endpoint shows: each counts since the node started. */
export interface ClusterStats {
  node: string
  redis: 'up' | 'down'
  documents: number
  published: number
  publishFailed: number
  /** Messages dropped on purpose (`CLUSTER_DROP_EVERY`, fault injection for tests). */
  droppedOnPurpose: number
  received: number
  unreadable: number
  gapsDetected: number
  gapsRepaired: number
  /** Stored rows a node read from the store because it had not heard of them over Redis. */
  updatesReplayed: number
  /** Catch-ups that found rows (any cause: a gap, the periodic sweep, Redis coming back). */
  catchUps: number
  sweeps: number
  fences: number
  fenceTimeouts: number
}

export interface ClusterOptions {
  readonly redisUrl: string
  readonly store: Pick<DocumentLog, 'loadUpdatesAfter' | 'loadWriters'>
  /** How often every loaded document is checked against the store (a dropped last message). */
  readonly sweepMs: number
  /** Test-only fault injection: drop every Nth update message this node would publish. */
  readonly dropEvery?: number
  readonly log: {
    info(details: Record<string, unknown>, message: string): void
    warn(details: Record<string, unknown>, message: string): void
  }
  /** Another node closed connections (a revoked token, a removed participant). */
  readonly onCloseConnections: (filter: ConnectionFilter, code: number, reason: string) => void
  /** Another node deleted a workshop. */
  readonly onWorkshopDeleted: (workshopId: WorkshopId) => void
}

interface Entry {
  readonly name: string
  readonly ref: DocRef
  /** Loads holding this entry: a reload can start before the previous copy's unload ends. */
  holds: number
  room: Room | null
  mark: Watermark | null
  gapTimer: NodeJS.Timeout | null
  /** Catch-ups run one at a time per document. */
  chain: Promise<void>
}

const CHANNEL_PREFIX = 'triage:w:'
const channelOf = (workshopId: string) => `${CHANNEL_PREFIX}${workshopId}`

export class Cluster {
  readonly node = randomBytes(8).toString('hex')
  private readonly bus: RedisBus
  private readonly entries = new Map<string, Entry>()
  private readonly fences = new Map<string, { acks: number; done: () => void }>()
  private readonly sweepTimer: NodeJS.Timeout
  private publishedUpdates = 0
  private readonly counters = {
    published: 0,
    publishFailed: 0,
    droppedOnPurpose: 0,
    received: 0,
    unreadable: 0,
    gapsDetected: 0,
    gapsRepaired: 0,
    updatesReplayed: 0,
    catchUps: 0,
    sweeps: 0,
    fences: 0,
    fenceTimeouts: 0,
  }

  constructor(private readonly options: ClusterOptions) {
    this.bus = new RedisBus(options.redisUrl, {
      onMessage: (channel, data) => this.receive(channel, data),
      onUp: (first) => {
        if (first) {
          options.log.info({ node: this.node }, 'cluster: Redis connected')
          return
        }
        options.log.warn(
          { node: this.node, documents: this.entries.size },
          'cluster: Redis is back; documents reconcile from the store',
        )
        for (const entry of this.entries.values()) this.catchUp(entry)
      },
      onDown: (error) =>
        options.log.warn(
          { node: this.node, error },
          'cluster: Redis unreachable; this node serves its own clients, documents reconcile from the store',
        ),
    })
    this.sweepTimer = setInterval(() => this.sweep(), options.sweepMs)
    this.sweepTimer.unref()
  }

  stats(): ClusterStats {
    return {
      node: this.node,
      redis: this.bus.connected ? 'up' : 'down',
      documents: this.entries.size,
      ...this.counters,
    }
  }

  /** Before a document loads: hear about it from now on (messages before `loaded` are missed). */
  async attach(ref: DocRef, name: string): Promise<void> {
    const held = this.entries.get(name)
    if (held) held.holds++
    else {
      this.entries.set(name, {
        name,
        ref,
        holds: 1,
        room: null,
        mark: null,
        gapTimer: null,
        chain: Promise.resolve(),
      })
    }
    await this.bus.listen(channelOf(ref.workshopId))
  }

  /** The document is loaded with every row up to `lastSeq`; it catches up with what it missed. */
  loaded(name: string, room: Room, lastSeq: number): void {
    const entry = this.entries.get(name)
    if (!entry) return
    entry.room = room
    entry.mark = new Watermark(lastSeq)
    // What other nodes stored between the load's read and the subscription's start.
    this.catchUp(entry)
  }

  /** One load of the document ended (unloaded, failed, deleted); `room` is its copy, if any. */
  detach(ref: DocRef, name: string, room?: Room): void {
    const entry = this.entries.get(name)
    if (entry) {
      entry.holds--
      if (room !== undefined && entry.room === room) {
        entry.room = null
        entry.mark = null
      }
      if (entry.holds <= 0) {
        if (entry.gapTimer) clearTimeout(entry.gapTimer)
        this.entries.delete(name)
      }
    }
    this.bus.unlisten(channelOf(ref.workshopId))
  }

  /** This node stored updates `from`..`to` of a document: the other nodes hear of them. */
  stored(
    name: string,
    from: number,
    to: number,
    update: Uint8Array,
    claims: readonly WriterClaim[],
  ) {
    const entry = this.entries.get(name)
    if (!entry) return
    entry.mark?.add(from, to)
    this.publishedUpdates++
    const every = this.options.dropEvery ?? 0
    if (every > 0 && this.publishedUpdates % every === 0) {
      this.counters.droppedOnPurpose++
      return
    }
    this.publish(entry.ref.workshopId, {
      type: 'update',
      node: this.node,
      doc: name,
      from,
      to,
      update,
      claims,
    })
  }

  awareness(name: string, update: Uint8Array, owners: readonly WriterClaim[]): void {
    const entry = this.entries.get(name)
    if (!entry) return
    this.publish(entry.ref.workshopId, {
      type: 'awareness',
      node: this.node,
      doc: name,
      update,
      owners,
    })
  }

  /** How far a document may be compacted: every row up to it is in this node's copy. */
  safeSeq(name: string, stored: number): number {
    return this.entries.get(name)?.mark?.value ?? stored
  }

  /** Tells every node to close the connections that match (this node closes its own). */
  closeConnections(filter: ConnectionFilter, code: number, reason: string): void {
    this.event(filter.workshopId, { type: 'close-connections', filter, code, reason })
  }

  workshopDeleted(workshopId: WorkshopId): void {
    this.event(workshopId, { type: 'workshop-deleted', workshopId })
  }

  /**
   * Waits until every node holding the workshop has stored and published what it accepted
   * before this call (so a seal taken next misses nothing accepted elsewhere), then brings this
   * node's copies of the workshop's documents up to the store. Goes on after FENCE_TIMEOUT_MS
   * (a node that died answers no more), counted.
   */
  async fence(workshopId: WorkshopId): Promise<void> {
    this.counters.fences++
    const channel = channelOf(workshopId)
    const listeners = await this.bus.listeners(channel)
    const others = listeners === null ? 0 : Math.max(0, listeners - 1)
    if (others > 0) {
      const id = randomBytes(8).toString('hex')
      const answered = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => {
          this.fences.delete(id)
          resolve(false)
        }, FENCE_TIMEOUT_MS)
        this.fences.set(id, {
          acks: others,
          done: () => {
            clearTimeout(timer)
            this.fences.delete(id)
            resolve(true)
          },
        })
      })
      this.event(workshopId, { type: 'fence', id })
      if (!(await answered)) {
        this.counters.fenceTimeouts++
        this.options.log.warn({ workshopId }, 'cluster: a fence was not answered by every node')
      }
    }
    await Promise.all(
      [...this.entries.values()]
        .filter((e) => e.ref.workshopId === workshopId)
        .map((e) => {
          this.catchUp(e)
          return e.chain
        }),
    )
  }

  /**
   * Brings this node's copy of a loaded document up to what the store holds now (what other
   * nodes stored and Redis has not brought yet); rejects when the store could not be read.
   */
  async refresh(name: string): Promise<void> {
    const entry = this.entries.get(name)
    if (!entry) return
    let failed: unknown = null
    this.catchUp(entry, undefined, (err) => {
      failed = err
    })
    await entry.chain
    if (failed !== null) throw failed
  }

  async close(): Promise<void> {
    clearInterval(this.sweepTimer)
    for (const entry of this.entries.values()) if (entry.gapTimer) clearTimeout(entry.gapTimer)
    await this.bus.close()
  }

  private event(workshopId: string, event: ClusterEvent): void {
    this.publish(workshopId, { type: 'event', node: this.node, event })
  }

  private publish(workshopId: string, message: ClusterMessage): void {
    void this.bus.publish(channelOf(workshopId), encodeClusterMessage(message)).then((ok) => {
      if (ok) this.counters.published++
      else this.counters.publishFailed++
    })
  }

  private receive(channel: string, data: Uint8Array): void {
    const message = decodeClusterMessage(data)
    if (!message) {
      this.counters.unreadable++
      return
    }
    if (message.node === this.node) return
    this.counters.received++
    switch (message.type) {
      case 'update': {
        const entry = this.entries.get(message.doc)
        if (!entry?.room || !entry.mark) return
        entry.room.applyRemote(message.update, message.claims)
        entry.mark.add(message.from, message.to)
        if (entry.mark.hasGap) this.watchGap(entry)
        return
      }
      case 'awareness': {
        this.entries.get(message.doc)?.room?.applyRemoteAwareness(message.update, message.owners)
        return
      }
      case 'event':
        return this.receiveEvent(channel, message.node, message.event)
    }
  }

  private receiveEvent(channel: string, from: string, event: ClusterEvent): void {
    switch (event.type) {
      case 'close-connections':
        return this.options.onCloseConnections(event.filter, event.code, event.reason)
      case 'workshop-deleted':
        return this.options.onWorkshopDeleted(event.workshopId as WorkshopId)
      case 'fence': {
        // Everything this node accepted before hearing the fence is stored and published
        // (in order, on the one publishing connection) before the answer.
        const workshopId = channel.slice(CHANNEL_PREFIX.length)
        const rooms = [...this.entries.values()].flatMap((e) =>
          e.room && e.ref.workshopId === workshopId ? [e.room] : [],
        )
        void Promise.all(rooms.map((r) => r.flushed())).then(() =>
          this.event(workshopId, { type: 'fence-ack', id: event.id, to: from }),
        )
        return
      }
      case 'fence-ack': {
        if (event.to !== this.node) return
        const fence = this.fences.get(event.id)
        if (fence && --fence.acks <= 0) fence.done()
        return
      }
    }
  }

  private watchGap(entry: Entry): void {
    if (entry.gapTimer) return
    this.counters.gapsDetected++
    entry.gapTimer = setTimeout(() => {
      entry.gapTimer = null
      if (!entry.mark?.hasGap) {
        // Out of order, not lost: the missing message came.
        this.counters.gapsRepaired++
        return
      }
      this.catchUp(entry, () => {
        if (entry.mark && !entry.mark.hasGap) this.counters.gapsRepaired++
      })
    }, GAP_WAIT_MS)
  }

  private sweep(): void {
    this.counters.sweeps++
    for (const entry of this.entries.values()) this.catchUp(entry)
  }

  /** Reads what the store holds past this node's mark and applies it (queued per document). */
  private catchUp(entry: Entry, after?: () => void, failed?: (err: unknown) => void): void {
    entry.chain = entry.chain
      .then(async () => {
        const { room, mark } = entry
        if (!room || !mark || this.entries.get(entry.name) !== entry) return
        const log = await this.options.store.loadUpdatesAfter(entry.name, mark.value)
        if (this.entries.get(entry.name) !== entry) return
        // A row another node compacted into is a snapshot of everything up to its number,
        // possibly a number this node holds without all below it: apply every row then.
        const fresh = log.compactedPast ? log.rows : log.rows.filter((row) => !mark.has(row.seq))
        if (fresh.length > 0) {
          room.learnWriters(await this.options.store.loadWriters(entry.name))
          for (const row of fresh) room.applyRemote(row.data, [])
          this.counters.updatesReplayed += fresh.length
          this.counters.catchUps++
        }
        mark.reach(log.lastSeq)
        after?.()
      })
      .catch((err: unknown) => {
        failed?.(err)
        this.options.log.warn(
          { doc: entry.name, error: err instanceof Error ? err.message : String(err) },
          'cluster: catching up from the store failed; the next sweep tries again',
        )
      })
  }
}
