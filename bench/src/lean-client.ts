// A lean y-websocket client: speaks the same protocol as the stock provider (sync step 1/2,
// updates, awareness) over `ws`, but keeps only its own writes in a local document and does not
// apply what it receives; it reads the stamps out of each message (decoded once per broadcast).
// One process can then drive a thousand clients without the generator being the bottleneck.
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Meter } from './meter.js'
import {
  BENCH_MAP,
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  DecodeCache,
  awarenessEntries,
  awarenessPayload,
  clock,
  encodeAwarenessMessage,
  encodePresenceMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  syncPayload,
} from './protocol.js'

/** One simulated phone, whatever its implementation. */
export interface BenchClient {
  readonly index: number
  /** Open, and (against a Yjs server) holding the server's state. */
  readonly synced: boolean
  /** Starts a connection; `meter.onSynced` hears when it is synced. */
  connect(): void
  /** Drops the connection abruptly, as a lost network does; no automatic reconnect. */
  drop(): void
  /** Sets `key` of the benchmark map (the value carries its stamp). */
  write(key: string, value: Record<string, unknown>): void
  /** Sets many keys in one transaction: one update, one message. */
  writeMany(entries: readonly (readonly [string, Record<string, unknown>])[]): void
  /** Sets this client's presence (awareness) state and sends it when connected. */
  setPresence(state: Record<string, unknown> | null): void
  destroy(): void
}

export interface ClientOptions {
  readonly index: number
  readonly url: string
  readonly meter: Meter
  /** Whether the server answers the sync handshake (not the echo server). */
  readonly handshake: boolean
  /**
   * Send every awareness change of others back to the server, as the stock provider does (its
   * awareness listener re-broadcasts remote changes too); the lean client copies its traffic.
   */
  readonly echoPresence?: boolean
  /** Called once each time the client becomes synced. */
  readonly onSynced?: (client: BenchClient) => void
  /** Called when the server (or the network) closed the connection. */
  readonly onClosed?: (client: BenchClient, why: string) => void
}

const awarenessCache = new DecodeCache((m) => awarenessEntries(awarenessPayload(m)))

export class LeanClient implements BenchClient {
  readonly index: number
  private readonly doc = new Y.Doc()
  private readonly map = this.doc.getMap<unknown>(BENCH_MAP)
  private ws: WebSocket | null = null
  private attemptAt = 0
  private presence: Record<string, unknown> | null = null
  private presenceClock = 0
  private open = false
  private isSynced = false
  private destroyed = false

  constructor(private readonly options: ClientOptions) {
    this.index = options.index
    this.doc.on('update', (update: Uint8Array) => {
      // Offline writes stay in the local document; the next handshake sends them.
      if (this.open) this.ws?.send(encodeUpdateMessage(update))
    })
  }

  get synced(): boolean {
    return this.isSynced
  }

  connect(): void {
    if (this.ws || this.destroyed) return
    this.attemptAt = clock()
    const ws = new WebSocket(this.options.url, {
      perMessageDeflate: false,
      skipUTF8Validation: true,
    })
    ws.binaryType = 'nodebuffer'
    this.ws = ws
    ws.on('open', () => {
      this.open = true
      if (this.options.handshake) ws.send(encodeSyncStep1(this.doc))
      else this.markSynced()
      if (this.presence) this.sendPresence()
    })
    ws.on('message', (data: Buffer) => this.receive(data))
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.ws !== ws) return
      this.reset()
      if (!this.destroyed) {
        this.options.meter.onUnexpectedClose(code, reason.toString())
        this.options.onClosed?.(this, `${code} ${reason.toString()}`)
      }
    })
    ws.on('error', () => {
      // A close event follows; refused connections show as clients that never sync.
    })
  }

  drop(): void {
    const ws = this.ws
    this.reset()
    ws?.terminate()
  }

  write(key: string, value: Record<string, unknown>): void {
    this.map.set(key, value)
  }

  writeMany(entries: readonly (readonly [string, Record<string, unknown>])[]): void {
    this.doc.transact(() => {
      for (const [key, value] of entries) this.map.set(key, value)
    })
  }

  setPresence(state: Record<string, unknown> | null): void {
    this.presence = state
    this.presenceClock++
    if (this.open) this.sendPresence()
  }

  destroy(): void {
    this.destroyed = true
    const ws = this.ws
    this.reset()
    ws?.close()
    this.doc.destroy()
  }

  private reset(): void {
    this.ws = null
    this.open = false
    this.isSynced = false
  }

  private markSynced(): void {
    if (this.isSynced) return
    this.isSynced = true
    this.options.meter.onSynced(clock() - this.attemptAt)
    this.options.onSynced?.(this)
  }

  private sendPresence(): void {
    this.ws?.send(encodePresenceMessage(this.doc.clientID, this.presenceClock, this.presence))
  }

  private echoPresence(data: Buffer): void {
    const entries = awarenessCache.get(data)
    const own = this.doc.clientID
    if (!entries.some((e) => e.clientId === own)) {
      this.ws?.send(data)
      return
    }
    const others = entries.filter((e) => e.clientId !== own)
    if (others.length > 0) this.ws?.send(encodeAwarenessMessage(others))
  }

  private receive(data: Buffer): void {
    const meter = this.options.meter
    meter.onMessage(data.length)
    const type = data[0]
    if (type === MSG_SYNC) {
      const sub = data[1]
      if (sub === SYNC_UPDATE) {
        meter.onUpdateMessage(this.index, data)
      } else if (sub === SYNC_STEP1) {
        this.ws?.send(encodeSyncStep2(this.doc, syncPayload(data).payload))
      } else if (sub === SYNC_STEP2) {
        meter.onSyncReply(this.index, syncPayload(data).payload)
        this.markSynced()
      }
    } else if (type === MSG_AWARENESS) {
      meter.onPresenceMessage(this.doc.clientID, data)
      if (this.options.echoPresence) this.echoPresence(data)
    } else if (type === MSG_AUTH) {
      meter.denied++
    } else if (type === MSG_QUERY_AWARENESS) {
      if (this.presence) this.sendPresence()
    }
  }
}
