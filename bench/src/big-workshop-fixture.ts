// Big-workshop fixture: a real server in-process and a workshop of 200 participants, 1,000 ideas
// in 50 clusters and 1,000 dots, built through the real paths (devices in a worker thread).
import { randomUUID } from 'node:crypto'
import { PerformanceObserver } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import {
  createCluster,
  itemKey,
  putDraft,
  readBoard,
  readControl,
  readDrafts,
  setVote,
  type CreateWorkshopResponse,
  type DocRef,
  type JoinResponse,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import { buildApp } from '../../server/src/app.js'
import { loadConfig } from '../../server/src/config.js'
import type { Lease } from '../../server/src/sync/rooms.js'
import { GROUPS, SIZE, VOTING, ballotTaps, ideaText, prng } from './big-workshop-model.js'
import type { PhonesMessage, PhonesReply, PhonesRequest } from './big-workshop-phones.js'

/** The Fastify instance (its type named through the server, which depends on Fastify). */
export type App = Awaited<ReturnType<typeof buildApp>>

const now = () => performance.now()

// Garbage collection in this thread (the server's), to tell a slow sample's own work from a
// pause that happened to fall inside it.
const gcPauses: { start: number; end: number }[] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries())
    gcPauses.push({ start: e.startTime, end: e.startTime + e.duration })
}).observe({ entryTypes: ['gc'] })
/** When each timed sample ran, by its duration (exact doubles: distinct in practice). */
const windows = new Map<number, { start: number; end: number }>()

/** Milliseconds since `start`, remembering when that sample ran. */
export function since(start: number): number {
  const end = now()
  windows.set(end - start, { start, end })
  return end - start
}

/** Milliseconds of garbage collection inside the sample that took `ms`, when known. */
export function gcInside(ms: number): number | null {
  const w = windows.get(ms)
  if (!w) return null
  let sum = 0
  for (const p of gcPauses) sum += Math.max(0, Math.min(p.end, w.end) - Math.max(p.start, w.start))
  return sum
}

export interface BenchServer {
  app: App
  url: string
  wsUrl: string
  close(): Promise<void>
}

/**
 * Starts the real application on a loopback port. Rate limits are raised: the fixture joins
 * and writes far faster than people do. Everything else is the production configuration.
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: '',
    LOG_LEVEL: 'warn',
    JOIN_PER_MINUTE: '1000000',
    CREATE_PER_MINUTE: '1000',
    WS_MESSAGES_PER_SECOND: '100000',
    WS_MESSAGE_BURST: '100000',
    ...env,
  })
  const app = await buildApp(config)
  const url = await app.listen({ port: config.port, host: config.host })
  return { app, url, wsUrl: url.replace(/^http/, 'ws'), close: () => app.close() }
}

/** A JSON request; throws unless the status is 2xx. */
export async function call<T>(
  server: BenchServer,
  path: string,
  body: unknown,
  token?: string,
): Promise<T> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`)
  return (text ? JSON.parse(text) : null) as T
}

/** Polls until `check` holds (server state has no event to wait on from outside). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Runs `fn` over `items` with at most `limit` running at once. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i]!, i)
      }
    }),
  )
  return out
}

export interface Workshop {
  id: WorkshopId
  facilitatorToken: string
  participants: { id: ParticipantId; token: string; name: string; group: string }[]
}

/** Creates the workshop (attributed ideas: the heavier board) and joins every participant. */
export async function createAndJoin(server: BenchServer, title: string): Promise<Workshop> {
  const created = await call<CreateWorkshopResponse>(server, '/api/workshops', {
    title,
    objective: 'Pick what to fund next year',
    groups: GROUPS,
    anonymous: false,
  })
  const participants = await pool(
    Array.from({ length: SIZE.participants }, (_, i) => i),
    8,
    async (i) => {
      const name = `Participant ${String(i + 1).padStart(3, '0')}`
      // Unequal groups, as in a real hospital: normalised results then differ from raw ones.
      const group = GROUPS[i % 10 < 4 ? 0 : i % 10 < 7 ? 1 : i % 10 < 9 ? 2 : 3]!
      const joined = await call<JoinResponse>(server, '/api/join', {
        code: created.joinCode,
        name,
        group,
      })
      return { id: joined.participantId, token: joined.token, name, group }
    },
  )
  return { id: created.workshopId, facilitatorToken: created.facilitatorToken, participants }
}

export const refs = (w: WorkshopId) => ({
  control: { workshopId: w, kind: 'control' } as DocRef,
  board: { workshopId: w, kind: 'board' } as DocRef,
  private: (participantId: ParticipantId): DocRef => ({
    workshopId: w,
    kind: 'private',
    participantId,
  }),
})

/** Starts a worker thread on a TypeScript module (tsx registered in that thread first). */
function tsWorker(module: URL): Worker {
  const tsx = import.meta.resolve('tsx/esm/api')
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}) })`
  return new Worker(code, { eval: true })
}

/** The devices' worker thread, driven by requests. */
export class Devices {
  private readonly worker = tsWorker(new URL('./big-workshop-phones.ts', import.meta.url))
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >()
  private next = 0

  constructor() {
    this.worker.on('message', (reply: PhonesReply) => {
      const w = this.waiting.get(reply.id)
      this.waiting.delete(reply.id)
      if (reply.ok) w?.resolve(reply.value)
      else w?.reject(new Error(`devices: ${reply.error}`))
    })
    this.worker.on('error', (err) => {
      for (const w of this.waiting.values()) w.reject(err)
      this.waiting.clear()
    })
  }

  send<T>(request: PhonesRequest): Promise<T> {
    const id = this.next++
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.worker.postMessage({ id, request } satisfies PhonesMessage)
    })
  }

  async close(): Promise<void> {
    await this.send({ type: 'close' })
    await this.worker.terminate()
  }
}

export interface LiveWorkshop extends Workshop {
  devices: Devices
  /** POST /reveal with 200 phones and the facilitator connected, ms on the client's clock. */
  revealHttpMs: number
  /** POST /voting/reveal, ms. */
  votingRevealHttpMs: number
}

/**
 * The main workshop, built as people would: phones (stock providers) write drafts and dots into
 * their private documents one tap at a time; the facilitator's laptop creates the clusters and
 * drags every card (one board update each); reveal and voting go through the HTTP API.
 */
export async function buildLiveWorkshop(
  server: BenchServer,
  log: (line: string) => void,
): Promise<LiveWorkshop> {
  const { app } = server
  const w = await createAndJoin(server, 'Theatre scheduling (big)')
  const r = refs(w.id)
  log(`joined ${w.participants.length} participants`)
  const devices = new Devices()
  await devices.send({
    type: 'connect',
    wsUrl: server.wsUrl,
    workshopId: w.id,
    facilitatorToken: w.facilitatorToken,
    phones: w.participants.map((p) => ({ id: p.id, token: p.token, group: p.group })),
  })
  await devices.send({ type: 'phase', phase: 'brainstorm' })
  const drafts = await devices.send<number>({ type: 'drafts' })
  await eventually(async () => {
    for (const p of w.participants) {
      const list = await app.rooms.read(r.private(p.id), readDrafts)
      if (list.length !== SIZE.draftsEach) return false
    }
    return true
  }, 'every draft on the server')
  await app.progress.flush()
  log(`${drafts} drafts written by ${w.participants.length} phones (one update each)`)

  const t0 = now()
  const revealed = await call<{ revealed: number; skipped: number }>(
    server,
    `/api/workshops/${w.id}/reveal`,
    {},
    w.facilitatorToken,
  )
  const revealHttpMs = since(t0)
  if (revealed.revealed !== drafts) throw new Error(`revealed ${JSON.stringify(revealed)}`)
  log(`revealed ${revealed.revealed} ideas in ${revealHttpMs.toFixed(1)} ms (HTTP)`)

  await devices.send({ type: 'phase', phase: 'cluster' })
  await devices.send({ type: 'cluster', cards: revealed.revealed })
  await eventually(async () => {
    const board = await app.rooms.read(r.board, readBoard)
    return board.clusters.length === SIZE.clusters && board.unclustered.length === 0
  }, 'every card in a cluster on the server')
  log(`${SIZE.clusters} clusters, every card moved (one update each)`)

  await devices.send({ type: 'phase', phase: 'vote' })
  await call(server, `/api/workshops/${w.id}/voting/open`, { settings: VOTING }, w.facilitatorToken)
  const dots = await devices.send<number>({ type: 'vote' })
  await eventually(async () => {
    await app.progress.flush()
    const control = await app.rooms.read(r.control, readControl)
    return Object.values(control.progress).reduce((a, p) => a + p.dots, 0) === dots
  }, 'every dot counted in progress')
  log(`${dots} dots placed (one update each)`)
  await call(server, `/api/workshops/${w.id}/voting/close`, undefined, w.facilitatorToken)
  const t1 = now()
  await call(server, `/api/workshops/${w.id}/voting/reveal`, undefined, w.facilitatorToken)
  const votingRevealHttpMs = since(t1)
  log(`voting revealed in ${votingRevealHttpMs.toFixed(1)} ms (HTTP)`)
  return { ...w, devices, revealHttpMs, votingRevealHttpMs }
}

/**
 * A further workshop of the same size, set up through the server's own paths for speed
 * (drafts written as server changes, one per draft); its documents stay held, as if every
 * phone and the facilitator were connected.
 */
export async function buildQuickWorkshop(
  server: BenchServer,
  seed: number,
): Promise<{ workshop: Workshop; leases: Lease[] }> {
  const { app } = server
  const rand = prng(seed)
  const w = await createAndJoin(server, `Theatre scheduling (${seed})`)
  const r = refs(w.id)
  const leases = await Promise.all([
    app.rooms.acquire(r.control),
    app.rooms.acquire(r.board),
    ...w.participants.map((p) => app.rooms.acquire(r.private(p.id))),
  ])
  let n = 0
  await pool(w.participants, 8, async (p) => {
    for (let d = 0; d < SIZE.draftsEach; d++) {
      const text = ideaText(rand, ++n)
      await app.rooms.change(r.private(p.id), (doc) =>
        putDraft(doc, randomUUID(), text, Date.now()),
      )
    }
  })
  await app.progress.flush()
  return { workshop: w, leases }
}

/** After the reveal: 50 clusters of 20 cards, voting opened, 5 dots a participant, closed. */
export async function clusterAndVote(
  server: BenchServer,
  w: Workshop,
  seed: number,
): Promise<void> {
  const { app } = server
  const rand = prng(seed + 1)
  const r = refs(w.id)
  const cards = (await app.rooms.read(r.board, readBoard)).cards
  for (let c = 0; c < SIZE.clusters; c++) {
    const ids = cards.filter((_, i) => i % SIZE.clusters === c).map((card) => card.id)
    await app.rooms.change(r.board, (doc) =>
      createCluster(doc, randomUUID(), `Theme ${c + 1}`, Date.now() + c, ids),
    )
  }
  await call(server, `/api/workshops/${w.id}/voting/open`, { settings: VOTING }, w.facilitatorToken)
  const board = await app.rooms.read(r.board, readBoard)
  const clusterKeys = board.clusters.map((c) => itemKey.cluster(c.id))
  const ideaKeys = board.cards.map((c) => itemKey.idea(c.id))
  await pool(w.participants, 8, async (p) => {
    const taps = ballotTaps(rand, clusterKeys, ideaKeys, GROUPS.indexOf(p.group))
    const counts = new Map<string, number>()
    for (const key of taps) {
      counts.set(key, (counts.get(key) ?? 0) + 1)
      const dots = counts.get(key)!
      await app.rooms.change(r.private(p.id), (doc) => setVote(doc, key, dots))
    }
  })
  await app.progress.flush()
  await call(server, `/api/workshops/${w.id}/voting/close`, undefined, w.facilitatorToken)
}
