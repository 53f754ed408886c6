// Real server processes sharing one PostgreSQL database and one Redis, for the scale-out tests:
// each node is `src/index.ts` in its own process, Redis is a redis-server this file starts (so a
// test may kill and restart it), PostgreSQL is the test run's (TEST_DATABASE_URL).
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ClusterStats } from '../src/cluster/cluster.js'
import type { TestServer } from './helpers.js'
import { onCleanup } from './helpers.js'

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export interface Node extends TestServer {
  readonly child: ChildProcess
  /** The node's counters (GET /api/operator/stats, from loopback). */
  stats(): Promise<NodeStats>
  /** kill -9, resolved once the process is gone. */
  kill(): Promise<void>
}

export interface NodeStats {
  documentsLoaded: number
  store: string
  cluster: ClusterStats | null
}

/** Starts one node; resolves once it listens. */
export async function startNode(
  databaseUrl: string,
  redisUrl: string,
  env: Record<string, string> = {},
): Promise<Node> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: '/nonexistent-not-used',
      STATIC_DIR: '',
      LOG_LEVEL: 'warn',
      ROOM_GRACE_MS: '200',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  onCleanup(() => {
    child.kill('SIGKILL')
  })
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(output)
      if (m) resolvePromise(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`node exited with ${code}: ${output}`)))
  })
  return {
    child,
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    dataDir: '',
    stats: async () => {
      const res = await fetch(`${url}/api/operator/stats`)
      if (!res.ok) throw new Error(`stats: ${res.status}`)
      return (await res.json()) as NodeStats
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGKILL')
      await gone
    },
  } as Node
}

async function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolvePromise(port))
    })
  })
}

/** A redis-server of this file's own on loopback, which a test may stop and start again. */
export class TestRedis {
  private child: ChildProcess | null = null
  private constructor(readonly port: number) {}

  static async start(): Promise<TestRedis> {
    const redis = new TestRedis(await freePort())
    await redis.restart()
    return redis
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async restart(): Promise<void> {
    const bin = process.env.TEST_REDIS_SERVER_BIN ?? 'redis-server'
    const child = spawn(
      bin,
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    this.child = child
    await new Promise<void>((resolvePromise, reject) => {
      let out = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.includes('Ready to accept connections')) resolvePromise()
      })
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${out}`)))
    })
  }

  /** kill -9. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise((r) => child.once('exit', r))
    child.kill('SIGKILL')
    await gone
  }
}
