// A stock WebsocketProvider with what the browser client (client/src/sync/doc-connection.ts)
// adds: when the server refuses one of our updates (a y-protocols auth "permission denied"),
// the document and provider are thrown away and a fresh pair resyncs with the same token. Also
// a plain mode (no reset) for observers, and a one-shot fresh read.
import WebSocket from 'ws'
import * as authProtocol from 'y-protocols/auth'
import { WebsocketProvider, messageAuth } from 'y-websocket'
import * as Y from 'yjs'
import type * as decoding from 'lib0/decoding'

// Every provider adds a process 'exit' listener.
process.setMaxListeners(0)

const WS = WebSocket as unknown as typeof globalThis.WebSocket

export interface SyncClientOptions {
  /** `ws://host:port/sync` (the provider appends `/<docName>`). */
  readonly syncUrl: string
  readonly docName: string
  readonly token: string
  /** Throw the document away on a refusal, as the browser client does (default true). */
  readonly resetOnRefusal?: boolean
  /**
   * Ignore a refusal that comes within this many ms of the last reset (the browser client
   * uses 2000; default 0: every refusal resets).
   */
  readonly resetThrottleMs?: number
  /** Connect at once (default true). */
  readonly connect?: boolean
}

/** The server's refusal reason without the document name it appends. */
export function refusalKind(reason: string, docName: string): string {
  const suffix = `: ${docName}`
  return reason.endsWith(suffix) ? reason.slice(0, -suffix.length) : reason
}

export class SyncClient {
  doc!: Y.Doc
  provider!: WebsocketProvider
  /** Refusals received, by reason. */
  readonly refusals = new Map<string, number>()
  resets = 0
  /** Every Yjs client id this client has written under (one per document it had). */
  readonly clientIds: number[] = []
  private lastReset = 0
  private resetQueued = false
  private paused: boolean
  private destroyed = false
  private readonly listeners = new Set<() => void>()
  private readonly emit = () => {
    for (const fn of [...this.listeners]) fn()
  }

  constructor(readonly options: SyncClientOptions) {
    this.paused = options.connect === false
    this.open()
  }

  get docName(): string {
    return this.options.docName
  }

  /** Connected and past the first sync of the current connection. */
  get synced(): boolean {
    return this.provider.wsconnected && this.provider.synced
  }

  get refusalCount(): number {
    let n = 0
    for (const c of this.refusals.values()) n += c
    return n
  }

  /** Calls `fn` after every document update, connection change, sync and reset. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** Disconnects and stays disconnected (a reset meanwhile stays disconnected too). */
  pause(): void {
    this.paused = true
    this.provider.disconnect()
  }

  resume(): void {
    this.paused = false
    this.provider.connect()
  }

  /** Resolves once the current connection has synced (after resets too). */
  whenSynced(timeoutMs = 30_000): Promise<void> {
    return waitFor([this], () => this.synced, timeoutMs, `${this.docName} synced`)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.close()
    this.listeners.clear()
  }

  private open(): void {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(this.options.syncUrl, this.options.docName, doc, {
      connect: !this.paused,
      params: { token: this.options.token },
      WebSocketPolyfill: WS,
      disableBc: true,
    })
    provider.messageHandlers[messageAuth] = (_encoder, decoder: decoding.Decoder) => {
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => {
        if (this.provider === provider) this.onRefused(reason)
      })
    }
    this.clientIds.push(doc.clientID)
    doc.on('update', this.emit)
    provider.on('status', this.emit)
    provider.on('sync', this.emit)
    provider.on('connection-close', this.emit)
    this.doc = doc
    this.provider = provider
  }

  private close(): void {
    this.doc.off('update', this.emit)
    this.provider.off('status', this.emit)
    this.provider.off('sync', this.emit)
    this.provider.off('connection-close', this.emit)
    this.provider.destroy()
    this.provider.awareness.destroy()
    this.doc.destroy()
  }

  private onRefused(reason: string): void {
    const kind = refusalKind(reason, this.options.docName)
    this.refusals.set(kind, (this.refusals.get(kind) ?? 0) + 1)
    if (this.options.resetOnRefusal === false) return
    const now = performance.now()
    const throttle = this.options.resetThrottleMs ?? 0
    if (this.resetQueued || (throttle > 0 && now - this.lastReset < throttle)) return
    this.lastReset = now
    this.resetQueued = true
    // Not inside the provider's own message handler: it still holds the socket.
    queueMicrotask(() => {
      this.resetQueued = false
      if (this.destroyed) return
      this.resets++
      this.close()
      this.open()
      this.emit()
    })
  }
}

interface ChangeSource {
  onChange(fn: () => void): () => void
}

/**
 * Resolves once `predicate` holds, checking it now and after every change of any source;
 * rejects after `timeoutMs` (the deadline of a property, not a pause).
 */
export function waitFor(
  sources: readonly ChangeSource[],
  predicate: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (predicate()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const offs: (() => void)[] = []
    const done = (err?: Error) => {
      clearTimeout(timer)
      for (const off of offs) off()
      if (err) reject(err)
      else resolve()
    }
    const timer = setTimeout(
      () => done(new Error(`timed out after ${timeoutMs} ms: ${what}`)),
      timeoutMs,
    )
    for (const s of sources) {
      offs.push(
        s.onChange(() => {
          if (predicate()) done()
        }),
      )
    }
  })
}

/**
 * A fresh client: connects, waits for its first sync, disconnects, and returns the document
 * as the server sent it (what anyone joining now would get).
 */
export async function readFresh(
  syncUrl: string,
  docName: string,
  token: string,
  timeoutMs = 15_000,
): Promise<Y.Doc> {
  const client = new SyncClient({ syncUrl, docName, token, resetOnRefusal: false })
  try {
    await client.whenSynced(timeoutMs)
    // A copy, pending parts included (encodeStateAsUpdate carries them): the client's own
    // document goes with it.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc))
    return copy
  } finally {
    client.destroy()
  }
}
