// The servers under test, each its own child process pinned to core 0 (when there are two):
// Triage Board, the stock @y/websocket-server 0.1.1 and the harness's echo server. Each gets the
// probe preloaded (event-loop delay, heap) and gives the harness rooms with their client URLs.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { availableParallelism, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  docName,
  type CreateWorkshopBody,
  type CreateWorkshopResponse,
  type JoinResponse,
} from '@triage/shared'

/** `triage-pg` and `triage-2`: one and two nodes on PostgreSQL and Redis (cluster-servers.ts). */
export type ServerKind = 'triage' | 'stock' | 'echo' | 'triage-pg' | 'triage-2'
export const SERVER_KINDS: readonly ServerKind[] = [
  'triage',
  'stock',
  'echo',
  'triage-pg',
  'triage-2',
]
/** What runs when --servers is not given (the cluster kinds need PostgreSQL and Redis). */
export const DEFAULT_SERVER_KINDS: readonly ServerKind[] = ['triage', 'stock', 'echo']

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** TRIAGE_SERVER_DIR runs another copy of server/ (to measure a change before it is committed). */
const serverDir = resolve(process.env.TRIAGE_SERVER_DIR ?? resolve(benchDir, '../server'))
const probe = resolve(benchDir, 'src/probe.mjs')

/**
 * Core 0 for servers and core 1 for the generator, when the machine has two. BENCH_PIN=0 leaves
 * the server's threads to the OS: pinned, V8's background compiler shares the server's one core
 * with its main thread, so a cold run measures compiling on top of running.
 */
export const PINNED = availableParallelism() >= 2 && process.env.BENCH_PIN !== '0'

export interface BenchRoom {
  readonly docName: string
  /** The websocket URL client `index` connects to (with its token where the server wants one). */
  url(index: number): string
}

export interface EventLoopDelay {
  readonly p50: number
  readonly p99: number
  readonly max: number
}

export interface HeapReport {
  readonly heapUsed: number
  readonly external: number
  readonly rss: number
}

export interface ServerHandle {
  readonly kind: ServerKind
  readonly pid: number
  /** Whether the server answers the sync handshake (the echo server does not). */
  readonly handshake: boolean
  readonly env: Readonly<Record<string, string>>
  /**
   * A fresh room for `clients` clients (Triage: a workshop with that many participants). With
   * several nodes, `node` puts all of its clients on that node (mod the nodes) instead of
   * spreading them; one server ignores it.
   */
  prepareRoom(clients: number, node?: number): Promise<BenchRoom>
  resetDelay(): void
  delay(): Promise<EventLoopDelay | null>
  /** Heap after a full collection (the server runs with --expose-gc for this). */
  heap(): Promise<HeapReport | null>
  /** The server's output so far (for failures). */
  log(): string
  stop(): Promise<void>
}

export interface StartOptions {
  /** Extra environment for the server (Triage: ROOM_GRACE_MS, COMPACT_AFTER, …). */
  readonly env?: Readonly<Record<string, string>>
  /** The core the server is pinned to when the machine has two (default 0). */
  readonly core?: number
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolvePort(port))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Rate limits far above any workload: the benchmark measures sync, not the limiter. */
export const TRIAGE_BENCH_ENV: Readonly<Record<string, string>> = {
  LOG_LEVEL: 'warn',
  STATIC_DIR: '',
  WS_MESSAGES_PER_SECOND: '100000',
  WS_MESSAGE_BURST: '1000000',
  JOIN_PER_MINUTE: '1000000',
  CREATE_PER_MINUTE: '100000',
}

function stockServerScript(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('@y/websocket-server/package.json')), 'src/server.js')
}

export async function startServer(
  kind: 'triage' | 'stock' | 'echo',
  options: StartOptions = {},
): Promise<ServerHandle> {
  const port = await freePort()
  const host = '127.0.0.1'
  const dataDir = kind === 'triage' ? mkdtempSync(join(tmpdir(), 'triage-bench-')) : null
  const logDir = mkdtempSync(join(tmpdir(), `bench-${kind}-log-`))
  const logFile = join(logDir, 'server.log')
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: host,
    ...(kind === 'triage' ? { ...TRIAGE_BENCH_ENV, DATA_DIR: dataDir! } : {}),
    ...options.env,
  }
  // BENCH_NODE_ARGS adds flags to every server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const extra = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const node = [process.execPath, ...extra, '--expose-gc', '--import', probe]
  const [args, cwd] =
    kind === 'triage'
      ? [[...node, '--import', 'tsx', 'src/index.ts'], serverDir]
      : kind === 'stock'
        ? [[...node, stockServerScript()], benchDir]
        : [[...node, '--import', 'tsx', 'src/echo-server.ts'], benchDir]
  const command = PINNED ? ['taskset', '-c', String(options.core ?? 0), ...args] : args
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, ...env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  })
  const out = createWriteStream(logFile)
  child.stdout?.pipe(out)
  child.stderr?.pipe(out)
  let exited = false
  child.once('exit', () => (exited = true))

  const replies = new Map<number, (value: unknown) => void>()
  let nextId = 1
  child.on('message', (message: { id?: number }) => {
    const resolveReply = message.id === undefined ? undefined : replies.get(message.id)
    if (resolveReply) {
      replies.delete(message.id!)
      resolveReply(message)
    }
  })
  const ask = <T>(probeName: string): Promise<T | null> => {
    if (exited || !child.connected) return Promise.resolve(null)
    const id = nextId++
    return new Promise<T | null>((resolveAsk) => {
      const timer = setTimeout(() => {
        replies.delete(id)
        resolveAsk(null)
      }, 10_000)
      replies.set(id, (value) => {
        clearTimeout(timer)
        resolveAsk(value as T)
      })
      child.send({ probe: probeName, id })
    })
  }
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8')
    } catch {
      return ''
    }
  }

  const httpBase = `http://${host}:${port}`
  const health = kind === 'triage' ? '/healthz' : '/'
  const started = Date.now()
  for (;;) {
    if (exited) throw new Error(`${kind} server exited at start:\n${log()}`)
    try {
      const res = await fetch(httpBase + health)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 60_000) throw new Error(`${kind} server did not start:\n${log()}`)
    await sleep(100)
  }

  let rooms = 0
  const prepareRoom = async (clients: number): Promise<BenchRoom> => {
    rooms++
    if (kind !== 'triage') {
      const name = `bench-room-${rooms}`
      return { docName: name, url: () => `ws://${host}:${port}/${name}` }
    }
    return prepareWorkshop(httpBase, `ws://${host}:${port}/sync`, clients)
  }

  return {
    kind,
    pid: child.pid!,
    handshake: kind !== 'echo',
    env,
    prepareRoom,
    resetDelay: () => {
      if (!exited && child.connected) child.send({ probe: 'reset' })
    },
    delay: () => ask<EventLoopDelay>('delay'),
    heap: () => ask<HeapReport>('heap'),
    log,
    stop: async () => {
      if (!exited) {
        const gone = new Promise<void>((r) => child.once('exit', () => r()))
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await gone
        clearTimeout(timer)
      }
      out.end()
      if (dataDir) rmSync(dataDir, { recursive: true, force: true })
      if (!process.env.BENCH_KEEP_LOGS) rmSync(logDir, { recursive: true, force: true })
      else console.error(`server log kept: ${logFile}`)
    },
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A workshop with `clients` participants; every client syncs the board with its own token. */
async function prepareWorkshop(
  httpBase: string,
  wsBase: string,
  clients: number,
): Promise<BenchRoom> {
  const body: CreateWorkshopBody = {
    title: 'Load harness',
    objective: '',
    groups: ['Clinicians', 'Administrators'],
    dotBudget: 5,
    maxDotsPerItem: 3,
    anonymous: false,
  }
  const workshop = await postJson<CreateWorkshopResponse>(`${httpBase}/api/workshops`, body)
  const tokens: string[] = new Array<string>(clients)
  let next = 0
  const joinOne = async () => {
    while (next < clients) {
      const i = next++
      const joined = await postJson<JoinResponse>(`${httpBase}/api/join`, {
        code: workshop.joinCode,
        name: `Phone ${i + 1}`,
        group: i % 2 === 0 ? 'Clinicians' : 'Administrators',
      })
      tokens[i] = joined.token
    }
  }
  await Promise.all(Array.from({ length: 8 }, joinOne))
  const name = docName({ workshopId: workshop.workshopId, kind: 'board' })
  return {
    docName: name,
    url: (index) => `${wsBase}/${name}?token=${encodeURIComponent(tokens[index]!)}`,
  }
}
