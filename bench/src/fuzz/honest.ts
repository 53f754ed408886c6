// The honest side of a fuzz run: stock y-websocket providers (WebSocketPolyfill: ws) that stay
// connected to the fuzzed workshop and edit it through the shared accessors. Their socket
// records every frame they send and receive (the fuzzer's captured corpus), and an error thrown
// while the provider handles a frame is counted instead of crashing the harness.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  readControl,
  setCollectMode,
  boardNotes,
  createCluster,
  editDraft,
  mergeIdeas,
  moveIdea,
  putDraft,
  readBoard,
  readDrafts,
  renameCluster,
  unmergeIdea,
} from '@triage/shared'
import type { Rng } from './rng.js'

export interface SocketHooks {
  onSend?(data: Uint8Array): void
  onReceive?(data: Uint8Array): void
  /** The provider threw while handling a frame from the server. */
  onHandlerError?(err: unknown, data: Uint8Array): void
}

const toBytes = (data: unknown): Uint8Array =>
  data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : Array.isArray(data)
      ? new Uint8Array(Buffer.concat(data as Buffer[]))
      : new Uint8Array(data as Buffer)

const baseOnMessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!

/** The `ws` WebSocket with recording and a guard around the provider's message handler. */
export function recordingWebSocket(hooks: SocketHooks): typeof globalThis.WebSocket {
  class RecordingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: unknown) => hooks.onReceive?.(toBytes(data)))
      const send = this.send.bind(this)
      this.send = ((data: unknown, ...rest: unknown[]) => {
        hooks.onSend?.(toBytes(data))
        return (send as (...args: unknown[]) => void)(data, ...rest)
      }) as typeof this.send
    }
  }
  Object.defineProperty(RecordingWebSocket.prototype, 'onmessage', {
    enumerable: true,
    get(this: WebSocket) {
      return baseOnMessage.get!.call(this) as unknown
    },
    set(this: WebSocket, handler: unknown) {
      if (typeof handler !== 'function') return baseOnMessage.set!.call(this, handler)
      const guarded = (event: { data: unknown }) => {
        try {
          ;(handler as (e: unknown) => void).call(this, event)
        } catch (err) {
          hooks.onHandlerError?.(err, toBytes(event.data))
        }
      }
      baseOnMessage.set!.call(this, guarded)
    },
  })
  return RecordingWebSocket as unknown as typeof globalThis.WebSocket
}

export type HonestRole = 'facilitator' | 'participant'

export interface HonestClient {
  readonly label: string
  readonly docName: string
  readonly docKind: 'board' | 'control' | 'private'
  readonly role: HonestRole
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Whether this client writes the document (participants only read control). */
  readonly writes: boolean
}

export interface ClientOptions {
  readonly wsBase: string
  readonly docName: string
  readonly token: string
  readonly clientId?: number
  readonly hooks: SocketHooks
}

/** A stock provider, exactly as an outside client uses it (plus the recording socket). */
export function openProvider(options: ClientOptions): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc()
  if (options.clientId !== undefined) doc.clientID = options.clientId
  const provider = new WebsocketProvider(options.wsBase + '/sync', options.docName, doc, {
    params: { token: options.token },
    WebSocketPolyfill: recordingWebSocket(options.hooks),
    disableBc: true,
  })
  return { doc, provider }
}

/** Resolves true once the provider has synced, false if it is closed first or time runs out. */
export function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<boolean> {
  if (provider.synced) return Promise.resolve(true)
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer)
      provider.off('sync', onSync)
      provider.off('closed', onClosed)
      resolve(ok)
    }
    const onSync = (synced: boolean) => {
      if (synced) done(true)
    }
    const onClosed = () => done(false)
    const timer = setTimeout(() => done(false), timeoutMs)
    provider.on('sync', onSync)
    provider.on('closed', onClosed)
  })
}

/** Same content: the same state vector and the same deletions. */
export function sameContent(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b))
}

/** Structs or deletions a document keeps waiting for (it received them with a gap). */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

/** One honest edit of this client's document, made through the shared accessors. */
export function honestEdit(client: HonestClient, rng: Rng, counter: number): string {
  const { doc } = client
  const at = 1_700_000_000_000 + counter
  if (rng.chance(0.15)) {
    client.provider.awareness.setLocalStateField('cursor', { x: rng.int(1000), y: rng.int(1000) })
    return 'cursor'
  }
  if (client.docKind === 'control') {
    // Steering the facilitator may do (the server logs it; no client writes the log).
    setCollectMode(doc, readControl(doc).collect === 'open' ? 'silent' : 'open')
    return 'collect'
  }
  if (client.docKind === 'private') {
    const drafts = readDrafts(doc)
    if (drafts.length > 0 && rng.chance(0.4)) {
      const d = rng.pick(drafts)
      editDraft(doc, d.id, `${d.text.slice(0, 60)} +${counter}`)
      return 'edit draft'
    }
    putDraft(doc, `${client.label}-d${counter}`, `Idea ${counter} from ${client.label}`, at)
    return 'draft'
  }
  const board = readBoard(doc)
  const r = rng.float()
  if (r < 0.35 || board.cards.length === 0) {
    const notes = boardNotes(doc)
    notes.insert(rng.int(notes.length + 1), `${client.label}:${counter} `)
    return 'notes'
  }
  if (r < 0.5) {
    const cards = board.cards.slice(0, 3).map((c) => c.id)
    createCluster(doc, `${client.label}-c${counter}`, `Cluster ${counter}`, at, cards)
    return 'cluster'
  }
  if (r < 0.6 && board.clusters.length > 0) {
    renameCluster(doc, rng.pick(board.clusters).id, `Renamed ${counter}`)
    return 'rename'
  }
  if (r < 0.7 && board.cards.length >= 2) {
    const a = rng.pick(board.cards).id
    const b = rng.pick(board.cards).id
    if (a !== b) mergeIdeas(doc, a, b)
    return 'merge'
  }
  if (r < 0.75) {
    const merged = board.cards.flatMap((c) => c.merged)
    if (merged.length > 0) unmergeIdea(doc, rng.pick(merged).id)
    return 'unmerge'
  }
  const target = board.clusters.length > 0 && rng.chance(0.7) ? rng.pick(board.clusters).id : null
  moveIdea(doc, rng.pick(board.cards).id, target)
  return 'move'
}
