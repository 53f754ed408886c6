// The websocket endpoint: a thin adapter from a socket to a Peer in a Room.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import { CLOSE } from '@triage/shared'
import { HttpError } from '../http-error.js'
import { authorizeSync } from '../sync/authorize.js'
import type { Peer } from '../sync/peer.js'
import { TokenBucket } from '../sync/rate-limiter.js'
import type { Lease } from '../sync/rooms.js'

const PING_INTERVAL_MS = 30_000

/** Browsers always send Origin; it must be this host or the public URL. */
export function originAllowed(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true // not a browser: Origin protects browsers only
  let parsed: URL
  try {
    parsed = new URL(origin)
  } catch {
    return false
  }
  if (parsed.origin === new URL(publicUrl).origin) return true
  return parsed.host === request.headers.host
}

const sync: FastifyPluginAsync = async (app) => {
  const { config } = app

  app.get(
    '/sync/*',
    {
      websocket: true,
      preValidation: async (request) => {
        if (!originAllowed(request, app.publicUrl())) {
          throw new HttpError(403, 'forbidden', 'Origin not allowed')
        }
      },
    },
    (socket: WebSocket, request) => {
      const documentName = (request.params as { '*': string })['*']
      const token = (request.query as { token?: unknown }).token
      const limiter = new TokenBucket(config.messageRate, config.messageBurst)
      const queue: Uint8Array[] = []
      let lease: Lease | null = null
      let peer: Peer | null = null
      let closed = false
      let alive = true

      const close = (code: number, reason: string) => {
        if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
          socket.close(code, reason)
        }
      }

      socket.on('message', (data: Buffer, isBinary: boolean) => {
        if (!limiter.take()) return close(CLOSE.rateLimited, 'too many messages')
        if (!isBinary) return close(CLOSE.badMessage, 'binary messages only')
        if (lease && peer) lease.room.receive(peer, data)
        else queue.push(data)
      })
      socket.on('pong', () => {
        alive = true
      })
      const ping = setInterval(() => {
        if (!alive) return socket.terminate()
        alive = false
        socket.ping()
      }, PING_INTERVAL_MS)
      socket.on('close', () => {
        closed = true
        clearInterval(ping)
        if (lease && peer) lease.room.leave(peer)
        lease?.release()
      })
      socket.on('error', (err) => request.log.debug({ err }, 'socket error'))

      void (async () => {
        const auth = await authorizeSync(app.store, documentName, token)
        if (!auth.ok) return close(auth.code, auth.reason)
        const acquired = await app.rooms.acquire(auth.ref)
        if (closed) return acquired.release()
        lease = acquired
        peer = {
          identity: auth.identity,
          send: (message) => {
            if (socket.readyState === socket.OPEN) socket.send(message)
          },
          close,
        }
        lease.room.join(peer)
        for (const data of queue.splice(0)) lease.room.receive(peer, data)
      })().catch((err: unknown) => {
        request.log.error({ err, documentName }, 'sync connection failed')
        close(1011, 'server error')
      })
    },
  )
}
export default sync
