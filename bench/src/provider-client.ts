// A client built on the stock y-websocket WebsocketProvider (what the real app uses): a full
// Y.Doc per client that applies every update. Used to check the lean client against the real
// thing and to show what a generator of real providers can drive.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { BenchClient, ClientOptions } from './lean-client.js'
import type { Meter } from './meter.js'
import { BENCH_MAP, clock, type Stamp } from './protocol.js'

const isStamp = (v: unknown): v is Stamp =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Stamp).i === 'number' &&
  typeof (v as Stamp).t === 'number'

/** The `ws` WebSocket, counting what it receives, without compression (as the lean client). */
function countingWebSocket(meter: Meter): typeof globalThis.WebSocket {
  class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { perMessageDeflate: false })
      this.on('message', (data: Buffer | ArrayBuffer) => meter.onMessage(data.byteLength))
    }
  }
  return CountingWebSocket as unknown as typeof globalThis.WebSocket
}

// Every provider adds a process 'exit' listener.
process.setMaxListeners(0)

export class ProviderClient implements BenchClient {
  readonly index: number
  private readonly doc = new Y.Doc()
  private readonly map = this.doc.getMap<unknown>(BENCH_MAP)
  private readonly provider: WebsocketProvider
  private attemptAt = 0
  private isSynced = false

  constructor(private readonly options: ClientOptions) {
    this.index = options.index
    const url = new URL(options.url)
    const params = Object.fromEntries(url.searchParams)
    // The provider joins `serverUrl + '/' + room`: split the document name off the path.
    const prefix = url.pathname.startsWith('/sync/') ? '/sync' : ''
    const room = url.pathname.slice(prefix.length + 1)
    this.provider = new WebsocketProvider(`${url.protocol}//${url.host}${prefix}`, room, this.doc, {
      connect: false,
      params,
      disableBc: true,
      WebSocketPolyfill: countingWebSocket(options.meter),
    })
    this.provider.awareness.setLocalState(null)
    this.provider.on('connection-close', (event) => {
      if (!event) return
      options.meter.onUnexpectedClose(event.code, event.reason)
      options.onClosed?.(this, `${event.code} ${event.reason}`)
    })
    this.provider.on('status', ({ status }) => {
      if (status === 'connected' && !options.handshake) this.markSynced()
      if (status === 'disconnected') this.isSynced = false
    })
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.markSynced()
    })
    this.map.observe((event) => {
      // The sync reply is applied before the provider counts as synced: not a live delivery.
      const live = this.isSynced || !options.handshake
      for (const key of event.keysChanged) {
        const value = this.map.get(key)
        if (isStamp(value)) options.meter.onStamp(this.index, value, live)
      }
    })
    this.provider.awareness.on(
      'update',
      ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        if (origin !== this.provider) return
        const states = this.provider.awareness.getStates()
        for (const id of [...added, ...updated]) {
          const state: unknown = states.get(id)
          if (id !== this.doc.clientID && isStamp(state)) options.meter.onPresence(state)
        }
      },
    )
  }

  get synced(): boolean {
    return this.isSynced
  }

  connect(): void {
    this.attemptAt = clock()
    this.provider.connect()
  }

  drop(): void {
    this.provider.disconnect()
    this.isSynced = false
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
    this.provider.awareness.setLocalState(state)
  }

  destroy(): void {
    this.provider.destroy()
    this.doc.destroy()
  }

  private markSynced(): void {
    if (this.isSynced) return
    this.isSynced = true
    this.options.meter.onSynced(clock() - this.attemptAt)
    this.options.onSynced?.(this)
  }
}
