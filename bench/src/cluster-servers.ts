// Triage Board on PostgreSQL and Redis: one node (`triage-pg`, the baseline in the same run) or
// two nodes with the room's clients split between them (`triage-2`: even clients on the first,
// odd on the second, or with --placement sticky each room's clients on one node, rooms taking
// the nodes in turn; BENCH_SECOND_NODE_CORE=1 pins the second node to core 1, beside the load
// generator, instead of sharing core 0 with the first). Needs TEST_DATABASE_URL (an admin URL) and TEST_REDIS_URL, as printed by
// `eval "$(node scripts/services.mjs start)"`; each run gets a fresh database.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { startServer, type BenchRoom, type ServerHandle, type StartOptions } from './servers.js'

export type ClusterKind = 'triage-pg' | 'triage-2'

function freshDatabase(adminUrl: string): { url: string; drop: () => void } {
  const name = `triage_bench_${randomBytes(6).toString('hex')}`
  const psql = (sql: string) => {
    const res = spawnSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
      encoding: 'utf8',
    })
    if (res.status !== 0) throw new Error(`psql: ${res.stderr || res.error?.message}`)
  }
  psql(`CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

export async function startClusterServer(
  kind: ClusterKind,
  options: StartOptions = {},
): Promise<ServerHandle> {
  const admin = process.env.TEST_DATABASE_URL
  const redis = process.env.TEST_REDIS_URL
  if (!admin || !redis) {
    throw new Error(
      `${kind} needs TEST_DATABASE_URL and TEST_REDIS_URL: eval "$(node scripts/services.mjs start)"`,
    )
  }
  const db = freshDatabase(admin)
  const env = { ...options.env, DATABASE_URL: db.url, REDIS_URL: redis }
  const nodes = [await startServer('triage', { env })]
  const core = Number(process.env.BENCH_SECOND_NODE_CORE ?? 0)
  if (kind === 'triage-2') nodes.push(await startServer('triage', { env, core }))
  const [first] = nodes as [ServerHandle, ...ServerHandle[]]
  const portOf = (n: ServerHandle) => n.env.PORT!
  return {
    ...first,
    kind: kind as unknown as ServerHandle['kind'],
    env,
    prepareRoom: async (clients: number, sticky?: number): Promise<BenchRoom> => {
      const room = await first.prepareRoom(clients)
      return {
        docName: room.docName,
        url: (index) => {
          const node = nodes[(sticky ?? index) % nodes.length]!
          return room.url(index).replace(`:${portOf(first)}/`, `:${portOf(node)}/`)
        },
      }
    },
    resetDelay: () => nodes.forEach((n) => n.resetDelay()),
    // The worse node's event-loop delay.
    delay: async () => {
      const all = (await Promise.all(nodes.map((n) => n.delay()))).filter((d) => d !== null)
      if (all.length === 0) return null
      return {
        p50: Math.max(...all.map((d) => d.p50)),
        p99: Math.max(...all.map((d) => d.p99)),
        max: Math.max(...all.map((d) => d.max)),
      }
    },
    log: () => nodes.map((n) => n.log()).join('\n'),
    stop: async () => {
      await Promise.all(nodes.map((n) => n.stop()))
      db.drop()
    },
  }
}
