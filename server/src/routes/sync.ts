// The websocket endpoint: a thin adapter from a socket to a Peer in a Room.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { WebSocket } from 'ws'
import { CLOSE } from '@triage/shared'
import { HttpError } from '../http-error.js'
import { authorizeSync } from '../sync/authorize.js'
import type { Peer } from '../sync/peer.js'
import { TokenBucket } from '../sync/rate-limiter.js'
import type { Lease } from '../sync/rooms.js'

/**
 * Liveness: a ping every 1.5 s, and a socket that leaves two in a row unanswered (3–4.5 s of
 * silence) is cut, so a phone that lost its network shows as offline within 5 s (its presence
 * goes with the socket) instead of after the TCP time-outs. A phone on a slow network answers
 * pings like any message; one that misses two reconnects by itself.
 */
const PING_INTERVAL_MS = 1_500
const MISSED_PINGS_ALLOWED = 2
/** How long a refused socket may take to finish its closing handshake before it is cut. */
const CLOSE_GRACE_MS = 1000
/** The Retry-After a full node sends with its 503, in seconds. */
const FULL_RETRY_AFTER_S = 5

/** Open connections per key (a token's hash, an address), for the caps in the config. */
class ConnectionCounter {
  private readonly counts = new Map<string, number>()
  /** Counts one more connection under `key` unless it would pass `max`. */
  take(key: string, max: number): boolean {
    const n = this.counts.get(key) ?? 0
    if (n >= max) return false
    this.counts.set(key, n + 1)
    return true
  }
  give(key: string): void {
    const n = (this.counts.get(key) ?? 0) - 1
    if (n <= 0) this.counts.delete(key)
    else this.counts.set(key, n)
  }
}

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
  const { limits } = config
  const perToken = new ConnectionCounter()
  const perAddress = new ConnectionCounter()
  let lastFullWarning = -Infinity
  /** One warning a minute at most while the node refuses connections at its cap. */
  const warnFull = (request: FastifyRequest) => {
    const now = Date.now()
    if (now - lastFullWarning < 60_000) return
    lastFullWarning = now
    request.log.warn(
      app.sockets.stats(),
      'sync: this node is at MAX_CONNECTIONS_PER_NODE; new connections are refused (503)',
    )
  }

  // The document name is the rest of the path; the token comes as a query parameter (browsers
  // cannot set headers on a websocket) and is checked as untrusted input.
  app.get<{ Params: { '*': string }; Querystring: { token?: unknown } }>(
    '/sync/*',
    {
      websocket: true,
      preValidation: async (request, reply) => {
        if (!originAllowed(request, app.publicUrl())) {
          throw new HttpError(403, 'forbidden', 'Origin not allowed')
        }
        // A full node says so before upgrading: the client retries, a balancer may go elsewhere.
        if (request.ws && !app.sockets.take(request.raw.socket)) {
          warnFull(request)
          void reply.header('retry-after', String(FULL_RETRY_AFTER_S))
          throw new HttpError(
            503,
            'unavailable',
            'This server is at its limit of connections; try again shortly',
          )
        }
      },
    },
    (socket: WebSocket, request) => {
      const documentName = request.params['*']
      const token = request.query.token
      const limiter = new TokenBucket(config.messageRate, config.messageBurst)
      // What arrives before the room is ready waits here, within a small fixed bound.
      const queue: Uint8Array[] = []
      let queuedBytes = 0
      let lease: Lease | null = null
      let peer: Peer | null = null
      let closed = false
      let closing = false
      let missed = 0
      const releases: (() => void)[] = []

      const close = (code: number, reason: string) => {
        if (closing) return
        closing = true
        queue.length = 0
        if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
          socket.close(code, reason)
        }
        // A peer that never answers the close handshake is cut, not waited for.
        setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref()
      }

      const address = request.socket.remoteAddress ?? 'unknown'
      if (!perAddress.take(address, limits.maxConnectionsPerAddress)) {
        close(CLOSE.tooManyConnections, 'too many connections from this address')
      } else {
        releases.push(() => perAddress.give(address))
      }

      socket.on('message', (data: Buffer, isBinary: boolean) => {
        // Nothing a closing socket sends is read, let alone kept.
        if (closing) return
        if (!limiter.take()) return close(CLOSE.rateLimited, 'too many messages')
        if (!isBinary) return close(CLOSE.badMessage, 'binary messages only')
        if (lease && peer) return lease.room.receive(peer, data)
        queuedBytes += data.length
        if (queue.length >= limits.preAuthMessages || queuedBytes > limits.preAuthBytes) {
          return close(CLOSE.badMessage, 'too much sent before the connection was ready')
        }
        queue.push(data)
      })
      socket.on('pong', () => {
        missed = 0
      })
      const ping = setInterval(() => {
        if (missed >= MISSED_PINGS_ALLOWED) return socket.terminate()
        missed++
        socket.ping()
      }, PING_INTERVAL_MS)
      socket.on('close', () => {
        closed = true
        closing = true
        queue.length = 0
        clearInterval(ping)
        if (lease && peer) lease.room.leave(peer)
        lease?.release()
        for (const release of releases.splice(0)) release()
      })
      socket.on('error', (err) => request.log.debug({ err }, 'socket error'))

      void (async () => {
        if (closing) return
        const auth = await authorizeSync(app.store, documentName, token)
        if (!auth.ok) return close(auth.code, auth.reason)
        if (closing) return
        const tokenKey = typeof token === 'string' ? token : ''
        // One person's token opens a few pages; the read-only link is shared with many readers.
        const cap =
          auth.identity.role === 'viewer'
            ? limits.maxConnectionsPerViewerLink
            : limits.maxConnectionsPerToken
        if (!perToken.take(tokenKey, cap)) {
          return close(CLOSE.tooManyConnections, 'too many connections with this token')
        }
        if (closed) return perToken.give(tokenKey)
        releases.push(() => perToken.give(tokenKey))
        const acquired = await app.rooms.acquire(auth.ref)
        if (closed || closing) return acquired.release()
        lease = acquired
        peer = {
          identity: auth.identity,
          send: (message) => {
            if (socket.readyState === socket.OPEN) socket.send(message)
          },
          close,
        }
        lease.room.join(peer)
        // Revoking the token behind this connection closes it (routes/viewer.ts).
        releases.push(app.connections.add({ identity: auth.identity, close }))
        for (const data of queue.splice(0)) lease.room.receive(peer, data)
      })().catch((err: unknown) => {
        request.log.error({ err, documentName }, 'sync connection failed')
        close(1011, 'server error')
      })
    },
  )
}
export default sync
