// Counts what one run delivers: every stamped write, who should receive it and who did, the
// latency of each live delivery, presence latency, sync times, and the bytes on the wire.
import {
  DecodeCache,
  awarenessPayload,
  clock,
  stampsOfAwareness,
  stampsOfUpdate,
  syncPayload,
  type PresenceStamp,
  type Stamp,
} from './protocol.js'
import { Samples } from './stats.js'

export class Meter {
  /** Update → remote client, for each live delivery (ms). */
  readonly latency = new Samples()
  /** Presence state → remote client (ms). */
  readonly presenceLatency = new Samples()
  /** Connect → synced, for each connection made while measuring (ms). */
  readonly syncLatency = new Samples()
  /** Only what happens while measuring counts towards rates and latencies. */
  measuring = false
  bytes = 0
  messages = 0
  /** Messages received at any time (set-up included): the harness waits for quiet on it. */
  rawMessages = 0
  /** Deliveries of writes: live ones (latency measured) and all, incl. those in a sync reply. */
  liveDeliveries = 0
  received = 0
  /** Receptions the writes should cause in the end. */
  expected = 0
  /** Refusals the server sent (auth messages): a refused write is also a lost one. */
  denied = 0
  /** Sockets that closed without the harness closing them, by close code and reason. */
  unexpectedCloses = 0
  readonly closeReasons = new Map<string, number>()
  lastDeliveryAt = 0
  private readonly writers: number[] = []
  private readonly seen: Uint8Array[]
  private readonly updates = new DecodeCache((m) => stampsOfUpdate(syncPayload(m).payload))
  private readonly presence = new DecodeCache<PresenceStamp[]>((m) =>
    stampsOfAwareness(awarenessPayload(m)),
  )

  constructor(readonly clients: number) {
    this.seen = Array.from({ length: clients }, () => new Uint8Array(64))
  }

  get sent(): number {
    return this.writers.length
  }

  /**
   * Expected minus received. Against the echo server, whose receivers are counted as the clients
   * open when the write is sent, a client opening at that very moment can make it −1: shown as 0.
   */
  get lost(): number {
    return Math.max(0, this.expected - this.received)
  }

  /** Stamps a write of `writer` that `receivers` other clients should end up holding. */
  stamp(writer: number, receivers: number): Stamp {
    const i = this.writers.length
    this.writers.push(writer)
    this.expected += receivers
    return { i, t: clock() }
  }

  /** Any message a client received (bytes on the wire, every type). */
  onMessage(bytes: number): void {
    this.rawMessages++
    if (!this.measuring) return
    this.bytes += bytes
    this.messages++
  }

  /** A sync-update message: live deliveries. */
  onUpdateMessage(client: number, message: Buffer): void {
    const now = clock()
    for (const s of this.updates.get(message)) this.mark(client, s, now, true)
  }

  /** The server's sync reply (step 2): what the client lacked, delivered without latency. */
  onSyncReply(client: number, update: Uint8Array): void {
    if (this.writers.length === 0) return
    const now = clock()
    for (const s of stampsOfUpdate(update)) this.mark(client, s, now, false)
  }

  /** A stamp a client observed by other means (the stock provider's document events). */
  onStamp(client: number, stamp: Stamp, live: boolean): void {
    this.mark(client, stamp, clock(), live)
  }

  /** An awareness message; states of the receiving client itself are skipped. */
  onPresenceMessage(ownClientId: number, message: Buffer): void {
    if (!this.measuring) return
    const now = clock()
    for (const s of this.presence.get(message)) {
      if (s.clientId !== ownClientId) this.presenceLatency.push(now - s.t)
    }
  }

  /** A presence state observed by other means (the stock provider's awareness events). */
  onPresence(stamp: Stamp): void {
    if (this.measuring) this.presenceLatency.push(clock() - stamp.t)
  }

  onSynced(ms: number): void {
    if (this.measuring) this.syncLatency.push(ms)
  }

  /** A socket the harness did not close was closed (by the server, or the connection failed). */
  onUnexpectedClose(code: number, reason: string): void {
    this.unexpectedCloses++
    const key = `${code}${reason ? ` ${reason}` : ''}`
    this.closeReasons.set(key, (this.closeReasons.get(key) ?? 0) + 1)
  }

  /** Share of update decodes served from the cache (how much the lean client saves). */
  get cacheHitRate(): number {
    const all = this.updates.hits + this.updates.misses
    return all === 0 ? NaN : this.updates.hits / all
  }

  private mark(client: number, s: Stamp, now: number, live: boolean): void {
    const writer = this.writers[s.i]
    if (writer === undefined || writer === client) return
    let seen = this.seen[client]!
    if (s.i >= seen.length) {
      const bigger = new Uint8Array(Math.max(s.i + 1, seen.length * 2))
      bigger.set(seen)
      this.seen[client] = seen = bigger
    }
    if (seen[s.i] === 1) return
    seen[s.i] = 1
    this.received++
    this.lastDeliveryAt = now
    if (live) {
      this.liveDeliveries++
      this.latency.push(now - s.t)
    }
  }
}
