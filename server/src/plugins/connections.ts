// The open sync connections by whom they speak for, so that revoking a token (the read-only
// link's) closes the sockets it opened, not only the ones it would open next, on every node.
import fp from 'fastify-plugin'
import type { Identity } from '@triage/shared'
import type { ConnectionFilter } from '../cluster/codec.js'

export type { ConnectionFilter }

/** Whether a connection's identity is one the filter names (every field given must match). */
export function matchesFilter(identity: Identity, filter: ConnectionFilter): boolean {
  if (identity.workshopId !== filter.workshopId) return false
  if (filter.role !== undefined && identity.role !== filter.role) return false
  if (filter.participantId !== undefined) {
    if (identity.role !== 'participant' || identity.participantId !== filter.participantId) {
      return false
    }
  }
  if (filter.via !== undefined) {
    const via = identity.role === 'participant' ? undefined : identity.via
    if ((via ?? 'own') !== filter.via) return false
  }
  return true
}

export interface LiveConnection {
  readonly identity: Identity
  close(code: number, reason: string): void
}

export class Connections {
  private readonly live = new Set<LiveConnection>()
  /** Tells the other nodes (set when there are several). */
  relay: ((filter: ConnectionFilter, code: number, reason: string) => void) | null = null

  /** Registers an open connection; the function returned forgets it (call it on close). */
  add(connection: LiveConnection): () => void {
    this.live.add(connection)
    return () => this.live.delete(connection)
  }

  /** Closes every connection the filter names, on this node and every other; returns how many here. */
  close(filter: ConnectionFilter, code: number, reason: string): number {
    this.relay?.(filter, code, reason)
    return this.closeHere(filter, code, reason)
  }

  /** Closes the connections the filter names on this node only (another node asked). */
  closeHere(filter: ConnectionFilter, code: number, reason: string): number {
    let n = 0
    for (const connection of [...this.live]) {
      if (!matchesFilter(connection.identity, filter)) continue
      this.live.delete(connection)
      connection.close(code, reason)
      n++
    }
    return n
  }
}

/**
 * The websocket connections this node holds, against its cap (`MAX_CONNECTIONS_PER_NODE`): one
 * is counted from its upgrade until its TCP connection closes, and the one past the cap is
 * refused before it is upgraded.
 */
export class NodeSockets {
  private open = 0
  private refusedCount = 0

  constructor(readonly cap: number) {}

  /**
   * Counts an upgrading socket in unless the node is full; it is counted out when it closes.
   * False when the node is at its cap: refuse it.
   */
  take(socket: { once(event: 'close', listener: () => void): unknown }): boolean {
    if (this.open >= this.cap) {
      this.refusedCount++
      return false
    }
    this.open++
    socket.once('close', () => {
      this.open--
    })
    return true
  }

  /** What the operator endpoint shows: open now, the cap, refused since the node started. */
  stats(): { open: number; cap: number; refused: number } {
    return { open: this.open, cap: this.cap, refused: this.refusedCount }
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    connections: Connections
    /** The websocket connections this node holds, against its cap. */
    sockets: NodeSockets
  }
}

export default fp(
  async (app) => {
    const connections = new Connections()
    const cluster = app.cluster
    if (cluster) connections.relay = (f, code, reason) => cluster.closeConnections(f, code, reason)
    app.decorate('connections', connections)
    app.decorate('sockets', new NodeSockets(app.config.limits.maxConnectionsPerNode))
  },
  { name: 'connections', dependencies: ['core'] },
)
