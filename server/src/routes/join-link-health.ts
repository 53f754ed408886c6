// Whether the join address the console shows is one this server answers on. The server asks
// itself over the join link's own address (`/api/instance`, a per-server nonce), so a LAN
// address while it listens only on 127.0.0.1, a PUBLIC_URL that points elsewhere, or a proxy in
// front that is down all show as a warning on the console, with the fix. Cached briefly: the
// console asks on each load, and the probe waits up to a few seconds on an address that drops.
import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { JoinLinkHealth } from '@triage/shared'

const PROBE_TIMEOUT_MS = 2_500
const CACHE_MS = 30_000

/** The warning for a join address that did not answer as this server, in words with the fix. */
export function joinLinkProblem(
  publicUrl: string,
  host: string,
  publicUrlSet: boolean,
  outcome: 'answered' | 'other-server' | 'unreachable',
): string | null {
  if (outcome === 'answered') return null
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(host)
  if (!publicUrlSet && loopback) {
    return `Phones cannot reach the join link ${publicUrl}: the server listens only on ${host}. Start it with HOST=0.0.0.0, or set PUBLIC_URL to the address phones use.`
  }
  if (outcome === 'other-server') {
    return `The join link ${publicUrl} reaches a different server. Set PUBLIC_URL to this server's address.`
  }
  return publicUrlSet
    ? `The join link ${publicUrl} (PUBLIC_URL) does not answer. Check PUBLIC_URL, and that phones can reach that address.`
    : `The join link ${publicUrl} does not answer from this machine. Set PUBLIC_URL to the address phones use, and HOST to an address they can reach.`
}

const joinLinkHealth: FastifyPluginAsync = async (app) => {
  const nonce = randomBytes(12).toString('hex')
  let cached: { at: number; health: Promise<JoinLinkHealth> } | null = null

  app.get('/api/instance', async (_request, reply) =>
    reply.header('cache-control', 'no-store').send({ instance: nonce }),
  )

  const probe = async (): Promise<JoinLinkHealth> => {
    const publicUrl = app.publicUrl()
    let outcome: 'answered' | 'other-server' | 'unreachable' = 'unreachable'
    try {
      const res = await fetch(`${publicUrl}/api/instance`, {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      })
      const body: unknown = res.ok ? await res.json().catch(() => null) : null
      const same = typeof body === 'object' && body !== null && 'instance' in body
      outcome = same && body.instance === nonce ? 'answered' : 'other-server'
    } catch {
      outcome = 'unreachable'
    }
    const problem = joinLinkProblem(
      publicUrl,
      app.config.host,
      app.config.publicUrl !== null,
      outcome,
    )
    return { publicUrl, ok: problem === null, problem }
  }

  app.get('/api/join-link-health', async (_request, reply) => {
    const now = Date.now()
    if (!cached || now - cached.at > CACHE_MS) cached = { at: now, health: probe() }
    return reply.header('cache-control', 'no-store').send(await cached.health)
  })
}
export default joinLinkHealth
