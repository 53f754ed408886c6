// The real Triage Board server as a child process (`node --import tsx src/index.ts`, as
// `npm start` runs it) on a data folder and a port of its own, which the harnesses SIGKILL and
// restart on the same folder and port; plus the few HTTP calls they need.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CreateWorkshopResponse, JoinResponse, VotingSettings } from '@triage/shared'
import { TRIAGE_BENCH_ENV } from '../servers.js'

const benchDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
/** TRIAGE_SERVER_DIR runs another copy of server/ (as the load harness does). */
const serverDir = resolve(process.env.TRIAGE_SERVER_DIR ?? resolve(benchDir, '../server'))

/** Rate limits far above what the harnesses do: they test sync and storage, not the limiter. */
export const HARNESS_ENV: Readonly<Record<string, string>> = {
  ...TRIAGE_BENCH_ENV,
  LOG_LEVEL: 'warn',
}

export interface ServerProcessOptions {
  /** Data folder; a temporary one (removed by `stop`) when not given. */
  readonly dataDir?: string
  /** Extra environment (COMPACT_AFTER, ROOM_GRACE_MS, …). */
  readonly env?: Readonly<Record<string, string>>
  /** How long a start may take before it counts as failed. */
  readonly startTimeoutMs?: number
}

export interface StartTiming {
  /** From spawn to the "listening" line, in ms. */
  readonly ms: number
}

export class ServerProcess {
  private child: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  private output = ''
  /** Characters ever recorded (the kept output is trimmed). */
  private recorded = 0
  private port = 0
  private readonly ownDataDir: boolean
  readonly dataDir: string
  private readonly env: Readonly<Record<string, string>>
  private readonly startTimeoutMs: number
  private readonly onProcessExit = () => this.child?.kill('SIGKILL')

  constructor(options: ServerProcessOptions = {}) {
    this.ownDataDir = options.dataDir === undefined
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'triage-harness-'))
    this.env = { ...HARNESS_ENV, ...options.env }
    this.startTimeoutMs = options.startTimeoutMs ?? 60_000
    process.on('exit', this.onProcessExit)
  }

  /** `http://127.0.0.1:<port>` (the port stays the same across restarts). */
  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** `ws://127.0.0.1:<port>/sync`, the base a WebsocketProvider is given. */
  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`
  }

  get hostPort(): { host: string; port: number } {
    return { host: '127.0.0.1', port: this.port }
  }

  get pid(): number | undefined {
    return this.child?.pid
  }

  get running(): boolean {
    return this.child !== null
  }

  /** What the server printed (stdout and stderr), for failure reports. */
  log(): string {
    return this.output
  }

  /** Starts the server (on a free port the first time, on the same port afterwards). */
  async start(): Promise<StartTiming> {
    if (this.child) throw new Error('server already running')
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        NODE_OPTIONS: '',
        ...this.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        STATIC_DIR: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    this.exited = new Promise<void>((r) => child.once('exit', () => r()))
    child.stderr!.on('data', (chunk: Buffer) => this.record(chunk))
    const url = await new Promise<string>((resolveUrl, reject) => {
      let out = ''
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`server did not start in ${this.startTimeoutMs} ms:\n${this.tail()}`))
      }, this.startTimeoutMs)
      child.stdout!.on('data', (chunk: Buffer) => {
        this.record(chunk)
        out += chunk.toString()
        const m = /listening on (http:\/\/\S+)/.exec(out)
        if (m) {
          clearTimeout(timer)
          resolveUrl(m[1]!)
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`server exited at start (${code ?? signal}):\n${this.tail()}`))
      })
    })
    this.port = Number(new URL(url).port)
    child.once('exit', () => {
      if (this.child === child) this.child = null
    })
    return { ms: performance.now() - started }
  }

  /** SIGKILLs the server and resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child) return
    child.kill('SIGKILL')
    await this.exited
    this.child = null
  }

  /** SIGTERM (the server closes its rooms and store), SIGKILL after 10 s. */
  async terminate(): Promise<void> {
    const child = this.child
    if (!child) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await this.exited
    clearTimeout(timer)
    this.child = null
  }

  /** Stops the server and removes a temporary data folder. */
  async stop(): Promise<void> {
    await this.terminate()
    process.off('exit', this.onProcessExit)
    if (this.ownDataDir) rmSync(this.dataDir, { recursive: true, force: true })
  }

  /** A mark in the output, for `logSince`. */
  logMark(): number {
    return this.recorded
  }

  /** What the server printed since `mark` (as far as it is still kept). */
  logSince(mark: number): string {
    const kept = this.recorded - this.output.length
    return this.output.slice(Math.max(0, mark - kept))
  }

  private record(chunk: Buffer): void {
    const text = chunk.toString()
    this.recorded += text.length
    this.output += text
    if (this.output.length > 200_000) this.output = this.output.slice(-100_000)
  }

  private tail(): string {
    return this.output.slice(-4000)
  }
}

export interface HttpResult<T> {
  readonly status: number
  readonly body: T
}

export async function postJson<T>(
  base: string,
  path: string,
  body: unknown,
  token?: string,
): Promise<HttpResult<T>> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

async function expectOk<T>(what: string, result: Promise<HttpResult<T>>): Promise<T> {
  const r = await result
  if (r.status < 200 || r.status >= 300) {
    throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`)
  }
  return r.body
}

/** A workshop, its participants (joined through the API) and the facilitator's items. */
export interface Workshop {
  readonly workshopId: string
  readonly facilitatorToken: string
  readonly participants: readonly JoinResponse[]
  /** The item texts added through `POST …/items`, in order. */
  readonly items: readonly string[]
}

export async function createWorkshop(
  base: string,
  options: {
    participants: number
    items: readonly string[]
    dotBudget?: number
    maxDotsPerItem?: number
  },
): Promise<Workshop> {
  const created = await expectOk(
    'create workshop',
    postJson<CreateWorkshopResponse>(base, '/api/workshops', {
      title: 'Harness workshop',
      objective: 'Survive the network and the kills',
      groups: ['Surgeons', 'Radiologists'],
      dotBudget: options.dotBudget ?? 10,
      maxDotsPerItem: options.maxDotsPerItem ?? 3,
      anonymous: true,
    }),
  )
  const participants: JoinResponse[] = []
  for (let i = 0; i < options.participants; i++) {
    participants.push(
      await expectOk(
        'join',
        postJson<JoinResponse>(base, '/api/join', {
          code: created.joinCode,
          name: `Participant ${i + 1}`,
          group: i % 2 === 0 ? 'g1' : 'g2',
        }),
      ),
    )
  }
  if (options.items.length > 0) {
    await expectOk(
      'add items',
      postJson(
        base,
        `/api/workshops/${created.workshopId}/items`,
        { format: 'lines', text: options.items.join('\n') },
        created.facilitatorToken,
      ),
    )
  }
  return {
    workshopId: created.workshopId,
    facilitatorToken: created.facilitatorToken,
    participants,
    items: options.items,
  }
}

/** `POST …/voting/<action>` with the facilitator's token. */
export async function votingAction(
  base: string,
  workshop: Workshop,
  action: 'open' | 'close' | 'reveal',
  settings?: VotingSettings,
): Promise<void> {
  await expectOk(
    `voting ${action}`,
    postJson(
      base,
      `/api/workshops/${workshop.workshopId}/voting/${action}`,
      settings ? { settings } : {},
      workshop.facilitatorToken,
    ),
  )
}
