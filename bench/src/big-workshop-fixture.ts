// Big-workshop fixture: a real server in-process and a workshop of 200 participants, 1,000 ideas
// in 50 clusters and 1,000 dots, built through the real paths (devices in a worker thread); and
// the phases after the vote filled as a real workshop fills them (the 2x2, the value framework,
// decisions and consent), through the HTTP routes and the phones' and laptop's stock providers.
import { randomUUID } from 'node:crypto'
import { PerformanceObserver } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import {
  consentRound,
  createCluster,
  criterionScores,
  itemKey,
  matrixRatings,
  putDraft,
  readBoard,
  readControl,
  readDecisions,
  readDrafts,
  readFramework,
  readRawRoundInput,
  readRoundResult,
  setVote,
  weightProposals,
  type CreateWorkshopResponse,
  type DocRef,
  type JoinResponse,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import { buildApp } from '../../server/src/app.js'
import { loadConfig } from '../../server/src/config.js'
import type { Lease } from '../../server/src/sync/rooms.js'
import {
  DECISIONS,
  FRAMEWORK,
  GROUPS,
  MATRIX,
  SCORES,
  SIZE,
  VOTING,
  ballotTaps,
  canonical,
  ideaText,
  prng,
} from './big-workshop-model.js'
import type {
  DecisionWritten,
  PhonesMessage,
  PhonesReply,
  PhonesRequest,
  RoundWritten,
} from './big-workshop-phones.js'

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

/** Starts the devices' thread and connects every phone and the facilitator's laptop. */
export async function connectDevices(server: BenchServer, w: Workshop): Promise<Devices> {
  const devices = new Devices()
  await devices.send({
    type: 'connect',
    wsUrl: server.wsUrl,
    workshopId: w.id,
    facilitatorToken: w.facilitatorToken,
    phones: w.participants.map((p) => ({ id: p.id, token: p.token, group: p.group })),
  })
  return devices
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
  const devices = await connectDevices(server, w)
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

/** Resolves once the server holds every phone's input in the round exactly as it wrote it. */
async function roundStored(
  server: BenchServer,
  w: Workshop,
  kindId: string,
  written: RoundWritten,
): Promise<void> {
  const r = refs(w.id)
  const pending = new Map(Object.entries(written.inputs))
  await eventually(
    async () => {
      for (const [id, json] of pending) {
        const held = await server.app.rooms.read(r.private(id as ParticipantId), (doc) =>
          canonical(readRawRoundInput(doc, kindId)),
        )
        if (held === json) pending.delete(id)
      }
      return pending.size === 0
    },
    `every phone's ${kindId} input on the server`,
    300_000,
  )
  await server.app.progress.flush()
}

/** What the phases after the vote hold once filled. */
export interface LaterPhases {
  /** Taps (updates) the phones sent per round. */
  readonly taps: Readonly<Record<string, number>>
  readonly decisions: readonly DecisionWritten[]
}

/**
 * The phases after the vote, filled as a real workshop fills them, with the devices connected:
 * the 2x2 (top 20 of the vote, rated on the phones, closed, revealed, the aggregate adopted);
 * the value framework (8 criteria set on the laptop, 100 points proposed on every phone,
 * revealed, the groups-equal weights adopted; the top 50 of the vote scored on every criterion,
 * revealed); the decide phase (the default top 3 of the ranking, each with its rationale typed
 * into the shared text, conditions, a dissenting group in its words, open questions, owner and
 * review date, each recorded; consent asked, answered, closed and revealed); then the workshop
 * closed. Every step goes through the HTTP routes or the devices' stock providers.
 */
export async function fillLaterPhases(
  server: BenchServer,
  w: Workshop,
  devices: Devices,
  log: (line: string) => void,
): Promise<LaterPhases> {
  const { app } = server
  const r = refs(w.id)
  const token = w.facilitatorToken
  const api = (path: string, body?: unknown) =>
    call(server, `/api/workshops/${w.id}${path}`, body, token)
  const taps: Record<string, number> = {}
  /** A sealed round from open to reveal, the phones writing while it is open. */
  const round = async (kind: string, settings: unknown, write: PhonesRequest): Promise<void> => {
    await api(`/rounds/${kind}/open`, settings === undefined ? {} : { settings })
    const written = await devices.send<RoundWritten>(write)
    await roundStored(server, w, kind, written)
    await api(`/rounds/${kind}/close`)
    await api(`/rounds/${kind}/reveal`)
    taps[kind] = written.taps
    log(`${kind}: ${written.taps} taps on ${Object.keys(written.inputs).length} phones, revealed`)
  }

  await devices.send({ type: 'phase', phase: 'matrix' })
  await round(matrixRatings.id, MATRIX, { type: 'rate' })
  await api('/matrix/adopt', { weighting: 'groups' })

  await devices.send({ type: 'phase', phase: 'weigh' })
  await devices.send({ type: 'framework', framework: FRAMEWORK })
  await eventually(
    async () => (await app.rooms.read(r.control, readFramework)) !== null,
    'the framework on the server',
  )
  await round(weightProposals.id, undefined, { type: 'propose' })
  // The console offers the revealed groups-equal weights; the facilitator adopts them.
  const proposals = await app.rooms.read(r.control, (doc) => readRoundResult(doc, weightProposals))
  if (!proposals) throw new Error('the weight proposals were not revealed')
  await api('/framework/adopt', { weights: proposals.groupEqual, basis: 'groups' })
  await round(criterionScores.id, SCORES, { type: 'score' })

  await devices.send({ type: 'phase', phase: 'decide' })
  const decisions = await devices.send<DecisionWritten[]>({ type: 'decide', count: DECISIONS })
  if (decisions.length !== DECISIONS) throw new Error(`${decisions.length} decisions written`)
  await eventually(async () => {
    const held = await app.rooms.read(r.control, readDecisions)
    return decisions.every((d) => held.find((x) => x.id === d.id)?.review)
  }, 'every decision on the server')
  for (const d of decisions) await api(`/decisions/${d.id}/record`)
  await round(consentRound.id, undefined, { type: 'consent' })
  await api('/close')
  log(`${decisions.length} decisions recorded, consent revealed, workshop closed`)
  return { taps, decisions }
}
