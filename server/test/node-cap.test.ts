// A node refuses websocket connections past MAX_CONNECTIONS_PER_NODE with a 503 before the
// upgrade (so a client retries and a balancer may go elsewhere), counts them, and takes new ones
// again as connections close.
import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { docName, type WorkshopId } from '@triage/shared'
import {
  connect,
  createWorkshop,
  onCleanup,
  startServer,
  synced,
  type Client,
  type TestServer,
} from './helpers.js'

interface SocketStats {
  open: number
  cap: number
  refused: number
}

async function socketStats(server: TestServer): Promise<SocketStats> {
  const res = await fetch(`${server.url}/api/operator/stats`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { connections: SocketStats }).connections
}

/** Polls the node's counters until they hold (a close reaches the server on its own time). */
async function statsReach(server: TestServer, want: Partial<SocketStats>): Promise<void> {
  const end = Date.now() + 10_000
  for (;;) {
    const stats = await socketStats(server)
    if (Object.entries(want).every(([k, v]) => stats[k as keyof SocketStats] === v)) return
    if (Date.now() > end)
      throw new Error(`stats ${JSON.stringify(stats)}, wanted ${JSON.stringify(want)}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

type Attempt =
  | { opened: true; ws: WebSocket }
  | { opened: false; status: number; retryAfter: string | undefined; body: unknown }

/** One raw upgrade: opened, or the HTTP answer that refused it. */
function attempt(server: TestServer, name: string, token: string): Promise<Attempt> {
  const ws = new WebSocket(`${server.wsUrl}/sync/${name}?token=${encodeURIComponent(token)}`)
  onCleanup(() => ws.terminate())
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ opened: true, ws }))
    ws.on('error', () => {})
    ws.on('unexpected-response', (_req, res: IncomingMessage) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () =>
        resolve({
          opened: false,
          status: res.statusCode ?? 0,
          retryAfter: res.headers['retry-after'],
          body: JSON.parse(text),
        }),
      )
      res.on('error', reject)
    })
  })
}

const refusal = {
  opened: false,
  status: 503,
  retryAfter: '5',
  body: {
    error: {
      code: 'unavailable',
      message: 'This server is at its limit of connections; try again shortly',
    },
  },
}

describe('connections per node', () => {
  it('refuses the connection past the cap with 503, counts it, and takes one again after a close', async () => {
    const server = await startServer({ MAX_CONNECTIONS_PER_NODE: '3' })
    const w = await createWorkshop(server)
    const board = docName({ workshopId: w.workshopId as WorkshopId, kind: 'board' })
    expect(await socketStats(server)).toEqual({ open: 0, cap: 3, refused: 0 })

    const clients: Client[] = [0, 1, 2].map(() => connect(server, board, w.facilitatorToken))
    await Promise.all(clients.map(synced))
    expect(await socketStats(server)).toEqual({ open: 3, cap: 3, refused: 0 })

    expect(await attempt(server, board, w.facilitatorToken)).toEqual(refusal)
    expect(await socketStats(server)).toEqual({ open: 3, cap: 3, refused: 1 })

    // One page closes: the node takes the next connection.
    clients[0]!.provider.destroy()
    await statsReach(server, { open: 2 })
    const again = connect(server, board, w.facilitatorToken)
    await synced(again)
    expect(await socketStats(server)).toEqual({ open: 3, cap: 3, refused: 1 })
  })

  it('never holds more than the cap when many connect at once', async () => {
    const server = await startServer({ MAX_CONNECTIONS_PER_NODE: '4' })
    const w = await createWorkshop(server)
    const board = docName({ workshopId: w.workshopId as WorkshopId, kind: 'board' })
    const attempts = await Promise.all(
      Array.from({ length: 10 }, () => attempt(server, board, w.facilitatorToken)),
    )
    expect(attempts.filter((a) => a.opened).length).toBe(4)
    for (const refused of attempts.filter((a) => !a.opened)) expect(refused).toEqual(refusal)
    expect(await socketStats(server)).toEqual({ open: 4, cap: 4, refused: 6 })

    // Every connection that closes, whoever closed it, gives its place back.
    for (const a of attempts) if (a.opened) a.ws.close()
    await statsReach(server, { open: 0 })
  })
})
