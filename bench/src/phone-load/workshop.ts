// The server and the facilitator's side of the phone-load benchmark: the real server serving the
// built client (as `npm start` runs it), and a facilitator driving it from Node over the HTTP API
// and a stock y-websocket provider on the control document, so that only the phone is a browser.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  setPhase,
  type CreateWorkshopResponse,
  type Phase,
  type VotingSettings,
} from '@triage/shared'
import { connect, synced, type Client } from '../big-workshop-model.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
export const clientDist = join(repoRoot, 'client', 'dist')

export interface RunningServer {
  readonly url: string
  stop(): Promise<void>
}

/** `node --import tsx src/index.ts` in server/, serving client/dist, on a free port. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(clientDist, 'sw.js')) || !existsSync(join(clientDist, 'index.html.br'))) {
    throw new Error('client/dist is not a current build: run `pnpm build` first.')
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-phone-load-'))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: join(repoRoot, 'server'),
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: clientDist,
      LOG_LEVEL: 'warn',
      // Every run joins and creates afresh; the limiter is not what is measured.
      JOIN_PER_MINUTE: '100000',
      CREATE_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const reap = () => child.kill('SIGKILL')
  process.once('exit', reap)
  let log = ''
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(log)
      if (m) done(m[1]!)
    })
    child.once('exit', (code) => fail(new Error(`server exited (${code}):\n${log}`)))
  })
  return {
    url,
    stop: async () => {
      process.off('exit', reap)
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done())
          child.kill('SIGTERM')
        })
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

export const ITEMS = [
  'Shared on-call rota',
  'Theatre turnaround board',
  'Radiology request triage',
  'Discharge lounge',
  'Bed state on the ward tablet',
  'Pre-op checklist on the phone',
]

const VOTING: VotingSettings = { dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn: 'ideas' }

/** A workshop with candidate items, run by a facilitator from Node. */
export class Facilitator {
  private constructor(
    private readonly base: string,
    readonly created: CreateWorkshopResponse,
    private readonly control: Client,
  ) {}

  static async create(base: string, title: string): Promise<Facilitator> {
    const created = await post<CreateWorkshopResponse>(`${base}/api/workshops`, {
      title,
      groups: ['Surgeons', 'Radiologists', 'Administrators'],
    })
    const id = created.workshopId
    await post(
      `${base}/api/workshops/${id}/items`,
      { format: 'lines', text: ITEMS.join('\n') },
      created.facilitatorToken,
    )
    const control = connect(base.replace(/^http/, 'ws'), `${id}/control`, created.facilitatorToken)
    await synced(control)
    return new Facilitator(base, created, control)
  }

  get joinPath(): string {
    return `/j/${this.created.joinCode}`
  }

  /** Moves the workshop on to `phase` (the console's "Next phase" writes the same). */
  phase(phase: Phase): void {
    setPhase(this.control.doc, phase)
  }

  /** Opens voting; resolves when the server has (204). */
  async openVoting(): Promise<void> {
    await post(
      `${this.base}/api/workshops/${this.created.workshopId}/voting/open`,
      { settings: VOTING },
      this.created.facilitatorToken,
    )
  }

  close(): void {
    this.control.destroy()
  }
}
