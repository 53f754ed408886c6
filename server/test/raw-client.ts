// A raw websocket client that records every frame it receives, for asserting what reaches the wire.
import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { onCleanup, type TestServer } from './helpers.js'

export interface RawClient {
  ws: WebSocket
  frames: Buffer[]
  /** Resolves with the close code. */
  closed: Promise<number>
  opened: Promise<void>
  /** True when any received frame contains the bytes of `text`. */
  saw(text: string): boolean
  send(data: Uint8Array): void
}

export function rawConnect(
  server: TestServer,
  documentName: string,
  token: string | undefined,
  headers: Record<string, string> = {},
): RawClient {
  const query = token ? `?token=${encodeURIComponent(token)}` : ''
  const ws = new WebSocket(`${server.wsUrl}/sync/${documentName}${query}`, { headers })
  const frames: Buffer[] = []
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
  ws.on('error', () => {})
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)))
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve())
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
  })
  onCleanup(() => ws.terminate())
  return {
    ws,
    frames,
    closed,
    opened,
    saw: (text) => frames.some((f) => f.includes(Buffer.from(text))),
    send: (data) => ws.send(data),
  }
}

/** A sync-step-1 message asking for the whole document (what every client sends first). */
export function syncStep1(): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeSyncStep1(e, new Y.Doc())
  return encoding.toUint8Array(e)
}

/** A sync update message carrying `update`. */
export function updateMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}
