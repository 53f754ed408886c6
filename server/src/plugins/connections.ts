// The open sync connections by whom they speak for, so that revoking a token (the read-only
// link's) closes the sockets it opened, not only the ones it would open next.
import fp from 'fastify-plugin'
import type { Identity } from '@triage/shared'

export interface LiveConnection {
  readonly identity: Identity
  close(code: number, reason: string): void
}

export class Connections {
  private readonly live = new Set<LiveConnection>()

  /** Registers an open connection; the function returned forgets it (call it on close). */
  add(connection: LiveConnection): () => void {
    this.live.add(connection)
    return () => this.live.delete(connection)
  }

  /** Closes every connection whose identity `match` accepts; returns how many. */
  close(match: (identity: Identity) => boolean, code: number, reason: string): number {
    let n = 0
    for (const connection of [...this.live]) {
      if (!match(connection.identity)) continue
      this.live.delete(connection)
      connection.close(code, reason)
      n++
    }
    return n
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    connections: Connections
  }
}

export default fp(
  async (app) => {
    app.decorate('connections', new Connections())
  },
  { name: 'connections' },
)
