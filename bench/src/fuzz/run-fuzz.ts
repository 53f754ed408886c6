// Drives a fuzz run against a real server: sets up a workshop, keeps honest stock providers
// editing it, sends N frames through authenticated connections of every role (reconnecting
// them when the server closes them), then checks convergence, restarts the server on the same
// data folder and opens every document of the workshop again.
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  docName,
  type CreateWorkshopResponse,
  type DocRef,
  type JoinResponse,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import {
  Corpus,
  FrameGenerator,
  MSG_AUTH,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  syncMessage,
  type Frame,
  type FrameKind,
} from './frames.js'
import {
  hasPending,
  honestEdit,
  openProvider,
  sameContent,
  whenSynced,
  type HonestClient,
  type SocketHooks,
} from './honest.js'
import { Rng } from './rng.js'
import { OwnClients, vocabulary, type GenContext } from './yjs-gen.js'

/** The server under test, in this process (tests) or a child process (the CLI). */
export interface FuzzTarget {
  /** `http://host:port` of the running server (changes after a restart). */
  readonly httpUrl: string
  /** Whether the server still answers (its process is alive and /healthz says ok). */
  alive(): Promise<boolean>
  /** Resident memory of the server in MiB (NaN when unknown). */
  rssMiB(): number
  /** The server's heap in MiB after a full collection, where the target can tell (NaN if not). */
  heapAfterGcMiB?(): Promise<number>
  /** Error- and fatal-level lines the server has logged since the run started. */
  errorLines(): string[]
  /** Closes the server and starts it again on the same data folder. */
  restart(): Promise<void>
}

export interface FuzzOptions {
  readonly seed: number
  readonly frames: number
  /** Frames a connection sends before it waits for the server to answer a sync step 1. */
  readonly batch?: number
  /** How long a connection may wait for that answer before it counts as stalled. */
  readonly answerTimeoutMs?: number
  /** How long a fresh client may take to sync a document, and the honest ones to converge. */
  readonly syncTimeoutMs?: number
  /** Workshop-wide reveals during the run (they read every private document). */
  readonly reveals?: number
  readonly log?: (line: string) => void
  readonly onProgress?: (sent: number, total: number) => void
}

export interface Finding {
  readonly what: string
  /** Frames sent in the run when it was noticed. */
  readonly atFrame: number
  readonly detail: string
  /** The last frames of each fuzzing connection (hex, first 2 KiB), to replay. */
  readonly recent?: Readonly<Record<string, readonly RecentFrame[]>>
}

export interface RecentFrame {
  readonly index: number
  readonly kind: FrameKind
  readonly note: string
  readonly bytes: number
  readonly hex: string
}

export interface FuzzReport {
  readonly seed: number
  readonly frames: number
  readonly seconds: number
  readonly framesPerSecond: number
  readonly framesByKind: Readonly<Record<string, number>>
  /** The server process (or app) stopped answering. */
  readonly crashes: number
  /** 'connection-close' events on honest providers during the run. */
  readonly honestDisconnections: number
  /** Errors an honest provider threw while handling a frame from the server. */
  readonly honestErrors: number
  /** Refusals (auth messages) the server sent to honest providers. */
  readonly honestRefusals: number
  /** Honest documents that did not reach the fresh client's state, or kept pending structs. */
  readonly notConverged: number
  /** Documents a fresh client could not sync after the restart. */
  readonly documentsFailingToLoad: number
  /** Documents that lost content across the restart (what a fresh client saw before it). */
  readonly documentsLosingContent: number
  readonly documents: number
  /** Workshop-wide requests (reveal, voting) answered 5xx or not at all. */
  readonly actionFailures: number
  /** Error-level lines in the server log. */
  readonly serverErrors: number
  readonly serverErrorSamples: readonly string[]
  /** Close codes the server gave the fuzzing connections, and how often. */
  readonly fuzzCloses: Readonly<Record<string, number>>
  readonly reconnects: number
  /** Waits for an answer that timed out. */
  readonly stalls: number
  /** Auth (refusal) messages the fuzzing connections received. */
  readonly fuzzRefusals: number
  /** Clock units the server accepted under the fuzzing connections' own client ids. */
  readonly fuzzAccepted: number
  /** Own client ids the server accepted beyond 2^53 (no decoder can read such a clock). */
  readonly fuzzUnsafeClocks: number
  /** Encoded size of each document of the workshop after the run (bytes). */
  readonly documentBytes: Readonly<Record<string, number>>
  readonly rssStartMiB: number
  readonly rssPeakMiB: number
  readonly rssEndMiB: number
  /** Heap after a full collection, before and after the fuzzing (NaN where unknown). */
  readonly heapStartMiB: number
  readonly heapEndMiB: number
  /** Seconds spent setting up, fuzzing, converging, and restarting with the checks after. */
  readonly phases: Readonly<Record<'setup' | 'fuzz' | 'converge' | 'restart', number>>
  /** How often each kind of finding occurred (the first 10 of each are in `findings`). */
  readonly findingCounts: Readonly<Record<string, number>>
  readonly findings: readonly Finding[]
}

// ---------------------------------------------------------------------------------------------
// HTTP

async function request<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: T | null }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  let parsed: T | null = null
  try {
    parsed = text ? (JSON.parse(text) as T) : null
  } catch {
    parsed = null
  }
  return { status: res.status, body: parsed }
}

async function must<T>(p: Promise<{ status: number; body: T | null }>, what: string): Promise<T> {
  const res = await p
  if (res.status >= 300 || res.body === null) {
    throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`)
  }
  return res.body
}

// ---------------------------------------------------------------------------------------------
// Fuzzing connections

type Outcome = 'answered' | 'closed' | 'timeout'

/** One raw websocket of a fuzzing connection, with the document as it last saw it. */
class RawConnection {
  readonly ws: WebSocket
  /** Resolves true on the server's first message (authenticated, joined), false on close. */
  readonly ready: Promise<boolean>
  readonly closed: Promise<{ code: number; reason: string }>
  private answerWaiters: (() => void)[] = []

  constructor(
    url: string,
    private readonly slot: Slot,
  ) {
    this.ws = new WebSocket(url, { perMessageDeflate: false })
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('error', () => {})
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
      this.ws.on('unexpected-response', (_req, res) => {
        resolve({ code: -res.statusCode!, reason: `HTTP ${res.statusCode}` })
        this.ws.terminate()
      })
    })
    this.ready = new Promise((resolve) => {
      this.ws.once('message', () => resolve(true))
      void this.closed.then(() => resolve(false))
    })
    this.ws.on('message', (data: Buffer) => this.onMessage(new Uint8Array(data)))
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  send(frame: Frame): void {
    this.ws.send(frame.data, { binary: !frame.text })
  }

  /** Sends sync step 1 with the mirror's state vector; resolves on the answer or the close. */
  roundTrip(timeoutMs: number): Promise<Outcome> {
    if (!this.open) return Promise.resolve('closed')
    return new Promise((resolve) => {
      let settled = false
      const done = (o: Outcome) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(o)
      }
      const timer = setTimeout(() => done('timeout'), timeoutMs)
      this.answerWaiters.push(() => done('answered'))
      void this.closed.then(() => done('closed'))
      this.ws.send(syncMessage(SYNC_STEP1, Y.encodeStateVector(this.slot.mirror)))
    })
  }

  private onMessage(data: Uint8Array): void {
    try {
      const d = decoding.createDecoder(data)
      const type = decoding.readVarUint(d)
      if (type === MSG_AUTH) {
        this.slot.refusals++
        return
      }
      if (type !== MSG_SYNC) return
      const sub = decoding.readVarUint(d)
      if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) {
        const update = decoding.readVarUint8Array(d)
        this.slot.applyToMirror(update)
        if (sub === SYNC_STEP2) {
          const waiters = this.answerWaiters
          this.answerWaiters = []
          for (const w of waiters) w()
        }
      }
    } catch {
      // The fuzzer reads what the server sends only to keep its mirror; a broken frame from
      // the server shows up as an honest client's error or disconnection.
    }
  }
}

interface SlotSpec {
  readonly name: string
  readonly ref: DocRef
  readonly token: string
  /** Who sends: the honest ids of the same identity are never borrowed. */
  readonly identity: string
}

class Slot {
  mirror = new Y.Doc()
  readonly gen: FrameGenerator
  readonly ctx: GenContext
  readonly recent: RecentFrame[] = []
  conn: RawConnection | null = null
  pending: Frame | null = null
  sent = 0
  refusals = 0
  dead = false

  constructor(
    readonly spec: SlotSpec,
    readonly url: () => string,
    rng: Rng,
    corpus: Corpus,
    foreign: () => readonly number[],
    avoid: ReadonlySet<number>,
  ) {
    const kind = spec.ref.kind
    const own = new OwnClients(rng)
    // The facilitator's fuzzing connection may write the control document: it keeps away from
    // the keys that would lock honest participants out by rule (a facilitator's right).
    const vocab = vocabulary(
      kind,
      kind === 'control' && spec.identity === 'facilitator' ? ['boardLocked', 'timer'] : [],
    )
    const mirrorOf = () => this.mirror
    this.ctx = {
      rng,
      get mirror() {
        return mirrorOf()
      },
      own,
      foreign,
      avoid,
      vocab,
    }
    this.gen = new FrameGenerator(this.ctx, corpus)
  }

  applyToMirror(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.mirror, update)
    } catch {
      this.mirror.destroy()
      this.mirror = new Y.Doc()
    }
  }

  remember(index: number, frame: Frame): void {
    this.recent.push({
      index,
      kind: frame.kind,
      note: frame.note.slice(0, 300),
      bytes: frame.data.length,
      hex: Buffer.from(frame.data.subarray(0, 2048)).toString('hex'),
    })
    if (this.recent.length > 12) this.recent.shift()
  }
}

// ---------------------------------------------------------------------------------------------
// The run

const HONEST_DOCS = [
  { label: 'facilitator-control', who: 'facilitator', kind: 'control' },
  { label: 'facilitator-board', who: 'facilitator', kind: 'board' },
  { label: 'honest1-board', who: 'honest1', kind: 'board' },
  { label: 'honest1-control', who: 'honest1', kind: 'control' },
  { label: 'honest1-private', who: 'honest1', kind: 'private' },
  { label: 'honest2-board', who: 'honest2', kind: 'board' },
  { label: 'honest2-private', who: 'honest2', kind: 'private' },
] as const

const FUZZ_SLOTS = [
  { name: 'facilitator/control', who: 'facilitator', kind: 'control' },
  { name: 'facilitator/board', who: 'facilitator', kind: 'board' },
  { name: 'fuzzA/board', who: 'fuzzA', kind: 'board' },
  { name: 'fuzzA/private', who: 'fuzzA', kind: 'private' },
  { name: 'fuzzA/control', who: 'fuzzA', kind: 'control' },
  { name: 'fuzzB/board', who: 'fuzzB', kind: 'board' },
  { name: 'fuzzB/private', who: 'fuzzB', kind: 'private' },
] as const

type Who = 'facilitator' | 'honest1' | 'honest2' | 'fuzzA' | 'fuzzB'

export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const log = options.log ?? (() => {})
  const t0 = performance.now()
  const phases = { setup: 0, fuzz: 0, converge: 0, restart: 0 }
  const batch = options.batch ?? 8
  const answerTimeoutMs = options.answerTimeoutMs ?? 10_000
  const syncTimeoutMs = options.syncTimeoutMs ?? 10_000
  const root = new Rng(options.seed)
  const honestRng = root.fork('honest')
  // Every provider adds a process 'exit' listener.
  process.setMaxListeners(Math.max(process.getMaxListeners(), 100))
  const wsBase = () => target.httpUrl.replace(/^http/, 'ws')
  const findings: Finding[] = []
  const corpus = new Corpus()
  let sentTotal = 0
  let tearingDown = false
  let honestDisconnections = 0
  let honestErrors = 0
  let honestRefusals = 0
  let crashes = 0
  let actionFailures = 0
  const framesByKind: Record<string, number> = {}
  const fuzzCloses: Record<string, number> = {}
  let reconnects = 0
  let stalls = 0
  const slots: Slot[] = []

  const recentAll = () =>
    Object.fromEntries(slots.map((s) => [s.spec.name, s.recent.slice(-6)] as const))
  const findingCounts: Record<string, number> = {}
  const finding = (what: string, detail: string, recent?: Finding['recent']) => {
    findingCounts[what] = (findingCounts[what] ?? 0) + 1
    log(`finding at frame ${sentTotal}: ${what}: ${detail.slice(0, 300)}`)
    // The first few of each kind, with the frames before them; the rest are counted.
    if (findingCounts[what] > 10) return
    findings.push({ what, atFrame: sentTotal, detail, ...(recent ? { recent } : {}) })
  }

  // The workshop: a facilitator, two honest participants, two fuzzing participants, items.
  const base = target.httpUrl
  const workshop = await must(
    request<CreateWorkshopResponse>(base, 'POST', '/api/workshops', {
      title: 'Fuzzed workshop',
      objective: 'Stay up',
      groups: ['Surgeons', 'Radiologists'],
    }),
    'create workshop',
  )
  const workshopId: WorkshopId = workshop.workshopId
  const join = (name: string, group: string) =>
    must(
      request<JoinResponse>(base, 'POST', '/api/join', { code: workshop.joinCode, name, group }),
      `join ${name}`,
    )
  const people: Record<Who, { token: string; participantId: ParticipantId | null }> = {
    facilitator: { token: workshop.facilitatorToken, participantId: null },
    honest1: { token: '', participantId: null },
    honest2: { token: '', participantId: null },
    fuzzA: { token: '', participantId: null },
    fuzzB: { token: '', participantId: null },
  }
  for (const [who, name, group] of [
    ['honest1', 'Hana', 'Surgeons'],
    ['honest2', 'Ivo', 'Radiologists'],
    ['fuzzA', 'Fuzz A', 'Surgeons'],
    ['fuzzB', 'Fuzz B', 'Radiologists'],
  ] as const) {
    const j = await join(name, group)
    people[who] = { token: j.token, participantId: j.participantId }
  }
  const itemsRes = await request(
    base,
    'POST',
    `/api/workshops/${workshopId}/items`,
    {
      format: 'lines',
      text: 'Theatre scheduling\nRadiology backlog\nDischarge lounge\nNight cover\nBed board',
    },
    workshop.facilitatorToken,
  )
  if (itemsRes.status >= 300) log(`items: ${itemsRes.status}`)
  const refOf = (who: Who, kind: 'board' | 'control' | 'private'): DocRef =>
    kind === 'private'
      ? { workshopId, kind, participantId: people[who].participantId! }
      : { workshopId, kind }

  // Honest clients, with client ids from the seed.
  const honest: HonestClient[] = []
  const honestHooks = (label: string, kind: string): SocketHooks => ({
    onSend: (data) => corpus.add({ data, direction: 'sent', docKind: kind }),
    onReceive: (data) => {
      corpus.add({ data, direction: 'received', docKind: kind })
      if (data[0] === MSG_AUTH && !tearingDown) {
        honestRefusals++
        finding('honest refusal', `${label}: ${decodeReason(data)}`, recentAll())
      }
    },
    onHandlerError: (err, data) => {
      honestErrors++
      finding(
        'honest client error',
        `${label}: ${String(err)} on a ${data.length}-byte frame starting ${Buffer.from(data.subarray(0, 16)).toString('hex')}`,
        recentAll(),
      )
    },
  })
  for (const h of HONEST_DOCS) {
    const ref = refOf(h.who, h.kind)
    const name = docName(ref)
    const { doc, provider } = openProvider({
      wsBase: wsBase(),
      docName: name,
      token: people[h.who].token,
      clientId: honestRng.u32(),
      hooks: honestHooks(h.label, h.kind),
    })
    const client: HonestClient = {
      label: h.label,
      docName: name,
      docKind: h.kind,
      role: h.who === 'facilitator' ? 'facilitator' : 'participant',
      doc,
      provider,
      writes: !(h.kind === 'control' && h.who !== 'facilitator'),
    }
    provider.on('connection-close', (event) => {
      if (tearingDown) return
      honestDisconnections++
      finding(
        'honest disconnection',
        `${h.label}: ${event ? `${event.code} ${event.reason}` : 'closed by the provider (no message for 30 s)'}`,
        recentAll(),
      )
    })
    honest.push(client)
  }
  const honestOf = (who: string) =>
    new Set(honest.filter((h) => h.label.startsWith(who)).map((h) => h.doc.clientID))
  try {
    const syncedAll = await Promise.all(honest.map((h) => whenSynced(h.provider, syncTimeoutMs)))
    if (syncedAll.some((ok) => !ok)) throw new Error('the honest clients did not sync at the start')
    // Every honest writer writes once before the fuzzing starts, and the server has it: the
    // client ids are the honest identities' before any fuzzing connection could send them.
    let editCounter = 0
    const writers = honest.filter((h) => h.writes)
    for (const h of writers) {
      while (Y.getState(h.doc.store, h.doc.clientID) === 0) honestEdit(h, honestRng, editCounter++)
    }
    await Promise.all(
      writers.map(async (h) => {
        const probe = openProvider({
          wsBase: wsBase(),
          docName: h.docName,
          token: people[HONEST_DOCS.find((d) => d.label === h.label)!.who].token,
          hooks: {},
        })
        try {
          const want = Y.getState(h.doc.store, h.doc.clientID)
          const ok =
            (await whenSynced(probe.provider, syncTimeoutMs)) &&
            (await until(
              probe.doc,
              () => Y.getState(probe.doc.store, h.doc.clientID) >= want,
              syncTimeoutMs,
            ))
          if (!ok) throw new Error(`the server did not take ${h.label}'s first edit`)
        } finally {
          probe.provider.destroy()
          probe.doc.destroy()
        }
      }),
    )

    // Fuzzing connections.
    for (const [i, s] of FUZZ_SLOTS.entries()) {
      const ref = refOf(s.who, s.kind)
      const name = docName(ref)
      const token = people[s.who].token
      const sameIdentity = s.who === 'facilitator' ? honestOf('facilitator') : new Set<number>()
      const foreign = () =>
        honest.filter((h) => !sameIdentity.has(h.doc.clientID)).map((h) => h.doc.clientID)
      slots.push(
        new Slot(
          { name: s.name, ref, token, identity: s.who },
          () => `${wsBase()}/sync/${name}?token=${encodeURIComponent(token)}`,
          root.fork(`slot-${i}`),
          corpus,
          foreign,
          sameIdentity,
        ),
      )
    }
    const quota = (i: number) =>
      Math.floor(options.frames / slots.length) + (i < options.frames % slots.length ? 1 : 0)

    const heapStart = (await target.heapAfterGcMiB?.()) ?? NaN
    const rssStart = target.rssMiB()
    let rssPeak = rssStart
    const rssTimer = setInterval(() => {
      const r = target.rssMiB()
      if (r > rssPeak) rssPeak = r
    }, 250)
    const reveals = options.reveals ?? 3
    const milestones = Array.from({ length: reveals }, (_, k) =>
      Math.floor(((k + 1) * options.frames) / (reveals + 1)),
    )
    let aborted = false
    let batches = 0
    const started = performance.now()
    phases.setup = (started - t0) / 1000

    const connect = async (slot: Slot): Promise<RawConnection | null> => {
      let failures = 0
      for (;;) {
        if (aborted) return null
        const conn = new RawConnection(slot.url(), slot)
        reconnects++
        if (await conn.ready) {
          // Learn the document before sending (the answer also says the room is working).
          const outcome = await conn.roundTrip(answerTimeoutMs)
          if (outcome === 'answered') {
            slot.ctx.own.resync(slot.mirror)
            return conn
          }
          if (outcome === 'timeout') {
            stalls++
            finding('stall', `${slot.spec.name}: no answer to sync step 1 on a fresh connection`)
            conn.ws.terminate()
          }
        }
        const { code, reason } = await conn.closed
        failures++
        fuzzCloses[`${code} (on connect)`] = (fuzzCloses[`${code} (on connect)`] ?? 0) + 1
        if (failures === 3 || failures === 20) {
          finding('document refuses connections', `${slot.spec.name}: ${code} ${reason}`)
        }
        if (failures >= 20) {
          slot.dead = true
          return null
        }
        if (!(await target.alive())) return null
        // Backing off a refusing server (too many connections, a room being reloaded).
        await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** failures)))
      }
    }

    const runSlot = async (slot: Slot, limit: number) => {
      while (slot.sent < limit && !aborted) {
        if (!slot.conn || !slot.conn.open) {
          slot.conn = await connect(slot)
          if (!slot.conn) return
        }
        const conn = slot.conn
        const n = Math.min(batch, limit - slot.sent)
        for (let i = 0; i < n && conn.open; i++) {
          const frame = slot.pending ?? slot.gen.next()
          slot.pending = frame
          conn.send(frame)
          slot.pending = null
          slot.sent++
          sentTotal++
          framesByKind[frame.kind] = (framesByKind[frame.kind] ?? 0) + 1
          slot.remember(sentTotal, frame)
        }
        const outcome = await conn.roundTrip(answerTimeoutMs)
        if (outcome === 'answered') slot.ctx.own.resync(slot.mirror)
        else if (outcome === 'timeout') {
          stalls++
          finding('stall', `${slot.spec.name}: no answer within ${answerTimeoutMs} ms`, {
            [slot.spec.name]: slot.recent.slice(),
          })
          conn.ws.terminate()
        }
        if (!conn.open) {
          const { code, reason } = await conn.closed
          fuzzCloses[String(code)] = (fuzzCloses[String(code)] ?? 0) + 1
          if (code === 1011 || code < 0) {
            finding(
              'server error on a fuzzing connection',
              `${slot.spec.name}: ${code} ${reason}`,
              { [slot.spec.name]: slot.recent.slice() },
            )
          }
          slot.conn = null
        }
        // One honest edit per batch, and the workshop-wide reveals at their milestones.
        const writer = honestRng.pick(writers)
        try {
          honestEdit(writer, honestRng, editCounter++)
        } catch (err) {
          finding('honest edit threw', `${writer.label}: ${String(err)}`)
        }
        while (milestones.length > 0 && sentTotal >= milestones[0]!) {
          milestones.shift()
          await workshopAction('reveal', 'POST', `/api/workshops/${workshopId}/reveal`)
        }
        batches++
        options.onProgress?.(sentTotal, options.frames)
        if (batches % 50 === 0 && !(await target.alive())) {
          crashes++
          aborted = true
          finding('server crash', 'the server stopped answering', recentAll())
        }
      }
    }

    const workshopAction = async (what: string, method: string, path: string, body?: unknown) => {
      try {
        const res = await request(target.httpUrl, method, path, body, workshop.facilitatorToken)
        if (res.status >= 500) {
          actionFailures++
          finding('workshop action failed', `${what}: ${res.status} ${JSON.stringify(res.body)}`)
        }
      } catch (err) {
        actionFailures++
        finding('workshop action failed', `${what}: ${String(err)}`)
      }
    }

    await Promise.all(slots.map((s, i) => runSlot(s, quota(i))))
    const seconds = (performance.now() - started) / 1000
    clearInterval(rssTimer)
    for (const s of slots) s.conn?.ws.terminate()
    if (!aborted && !(await target.alive())) {
      crashes++
      finding('server crash', 'the server stopped answering', recentAll())
    }
    const rssEnd = target.rssMiB()
    const heapEnd = (await target.heapAfterGcMiB?.()) ?? NaN
    log(`fuzzing done: ${sentTotal} frames in ${seconds.toFixed(1)} s`)
    phases.fuzz = seconds
    const convergeStarted = performance.now()

    // Convergence: every document of the workshop, opened by a fresh client; the honest
    // clients of that document must reach the same state, with nothing pending.
    const documents: { name: string; token: string }[] = [
      { name: docName(refOf('facilitator', 'control')), token: people.facilitator.token },
      { name: docName(refOf('facilitator', 'board')), token: people.facilitator.token },
      ...(['honest1', 'honest2', 'fuzzA', 'fuzzB'] as const).map((who) => ({
        name: docName(refOf(who, 'private')),
        token: people[who].token,
      })),
    ]
    const fresh = new Map<string, ReturnType<typeof openProvider>>()
    let notConverged = 0
    const before = new Map<string, Y.Snapshot>()
    const documentBytes: Record<string, number> = {}
    if (crashes === 0) {
      for (const d of documents) {
        const c = openProvider({
          wsBase: wsBase(),
          docName: d.name,
          token: d.token,
          hooks: honestHooks(`fresh ${d.name}`, 'fresh'),
        })
        fresh.set(d.name, c)
      }
      await Promise.all(
        documents.map(async (d) => {
          const c = fresh.get(d.name)!
          if (!(await whenSynced(c.provider, syncTimeoutMs))) {
            notConverged++
            finding('fresh client did not sync before the restart', d.name)
            return
          }
          const peers = honest.filter((h) => h.docName === d.name)
          const ok = await converged([c.doc, ...peers.map((h) => h.doc)], syncTimeoutMs)
          if (!ok) {
            for (const h of peers) {
              if (!sameContent(h.doc, c.doc) || hasPending(h.doc)) {
                notConverged++
                finding(
                  'not converged',
                  `${h.label}: ${describeDifference(h.doc, c.doc)}${hasPending(h.doc) ? ' (pending structs)' : ''}`,
                )
              }
            }
          }
          before.set(d.name, Y.snapshot(c.doc))
          documentBytes[d.name.slice(d.name.indexOf('/') + 1)] = Y.encodeStateAsUpdate(c.doc).length
        }),
      )
    }
    tearingDown = true
    for (const c of [...honest, ...fresh.values()]) {
      c.provider.destroy()
      c.doc.destroy()
    }

    // Restart on the same data folder; every document must load with all it held (the server
    // may add to it meanwhile: progress counts, the roster).
    const restartStarted = performance.now()
    phases.converge = (restartStarted - convergeStarted) / 1000
    let failingToLoad = 0
    let changed = 0
    let restarted = true
    try {
      await target.restart()
    } catch (err) {
      restarted = false
      crashes++
      failingToLoad = documents.length
      finding('server did not start again on the same data', String(err).slice(0, 2000))
    }
    if (restarted) {
      tearingDown = false
      const after = documents.map((d) => ({
        d,
        c: openProvider({
          wsBase: wsBase(),
          docName: d.name,
          token: d.token,
          hooks: honestHooks(`after restart ${d.name}`, 'fresh'),
        }),
      }))
      await Promise.all(
        after.map(async ({ d, c }) => {
          if (!(await whenSynced(c.provider, syncTimeoutMs))) {
            failingToLoad++
            finding('document failed to load after the restart', d.name)
            return
          }
          const snap = before.get(d.name)
          const lost = snap ? missing(snap, Y.snapshot(c.doc)) : null
          if (lost) {
            changed++
            finding('document lost content across the restart', `${d.name}: ${lost}`)
          }
        }),
      )
      tearingDown = true
      for (const { c } of after) {
        c.provider.destroy()
        c.doc.destroy()
      }
      // Workshop-wide actions read every private document, fuzzed ones included.
      const w = `/api/workshops/${workshopId}`
      await workshopAction('reveal after restart', 'POST', `${w}/reveal`)
      await workshopAction('voting open', 'POST', `${w}/voting/open`, {})
      await workshopAction('voting close', 'POST', `${w}/voting/close`)
      await workshopAction('voting reveal', 'POST', `${w}/voting/reveal`)
    }
    const errors = target.errorLines()
    for (const line of errors.slice(0, 5)) finding('server error logged', line.slice(0, 500))
    phases.restart = (performance.now() - restartStarted) / 1000
    return {
      seed: options.seed,
      frames: sentTotal,
      seconds,
      framesPerSecond: seconds > 0 ? sentTotal / seconds : 0,
      framesByKind,
      crashes,
      honestDisconnections,
      honestErrors,
      honestRefusals,
      notConverged,
      documentsFailingToLoad: failingToLoad,
      documentsLosingContent: changed,
      documents: documents.length,
      actionFailures,
      serverErrors: errors.length,
      serverErrorSamples: errors.slice(0, 5),
      fuzzCloses,
      reconnects,
      stalls,
      fuzzRefusals: slots.reduce((n, s) => n + s.refusals, 0),
      fuzzAccepted: slots.reduce((n, s) => n + s.ctx.own.accepted, 0),
      fuzzUnsafeClocks: slots.reduce((n, s) => n + s.ctx.own.unsafe, 0),
      documentBytes,
      rssStartMiB: rssStart,
      rssPeakMiB: Math.max(rssPeak, rssEnd),
      rssEndMiB: rssEnd,
      heapStartMiB: heapStart,
      heapEndMiB: heapEnd,
      phases,
      findingCounts,
      findings,
    }
  } finally {
    tearingDown = true
    for (const s of slots) s.conn?.ws.terminate()
    for (const c of honest) {
      c.provider.destroy()
      c.doc.destroy()
    }
  }
}

function decodeReason(data: Uint8Array): string {
  try {
    const d = decoding.createDecoder(data)
    decoding.readVarUint(d)
    decoding.readVarUint(d)
    return decoding.readVarString(d)
  } catch {
    return 'unreadable refusal'
  }
}

/** Resolves true once `predicate` holds for the document, false after `timeoutMs`. */
function until(doc: Y.Doc, predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  if (predicate()) return Promise.resolve(true)
  return new Promise((resolve) => {
    const onUpdate = () => {
      if (predicate()) done(true)
    }
    const done = (ok: boolean) => {
      clearTimeout(timer)
      doc.off('update', onUpdate)
      resolve(ok)
    }
    const timer = setTimeout(() => done(predicate()), timeoutMs)
    doc.on('update', onUpdate)
  })
}

/** Resolves true once all documents hold the same content, false after `timeoutMs`. */
function converged(docs: readonly Y.Doc[], timeoutMs: number): Promise<boolean> {
  const check = () => docs.every((d) => sameContent(d, docs[0]!) && !hasPending(d))
  if (check()) return Promise.resolve(true)
  return new Promise((resolve) => {
    const onUpdate = () => {
      if (check()) done(true)
    }
    const done = (ok: boolean) => {
      clearTimeout(timer)
      for (const d of docs) d.off('update', onUpdate)
      resolve(ok)
    }
    const timer = setTimeout(() => done(check()), timeoutMs)
    for (const d of docs) d.on('update', onUpdate)
  })
}

/** What `before` holds that `after` does not (null when nothing): states and deletions. */
function missing(before: Y.Snapshot, after: Y.Snapshot): string | null {
  for (const [client, clock] of before.sv) {
    const now = after.sv.get(client) ?? 0
    if (now < clock) return `client ${client} at ${now}, was at ${clock}`
  }
  for (const [client, items] of before.ds.clients) {
    const ranges = after.ds.clients.get(client) ?? []
    for (const { clock, len } of items) {
      // Deletions only grow, and each client's ranges are merged: a range deleted before lies
      // within one range deleted after.
      const r = ranges.find((x) => x.clock <= clock && clock < x.clock + x.len)
      if (!r || clock + len > r.clock + r.len) {
        return `client ${client}: deleted ${clock}..${clock + len - 1} no longer deleted`
      }
    }
  }
  return null
}

/**
 * How an honest client's document (`a`) differs from a fresh client's (`b`): clients whose
 * clocks differ, else the clock ranges deleted on one side only, each with what holds it on
 * both sides (a GC struct or an Item, its content, its parent up to the root).
 */
export function describeDifference(a: Y.Doc, b: Y.Doc): string {
  const sa = Y.decodeStateVector(Y.encodeStateVector(a))
  const sb = Y.decodeStateVector(Y.encodeStateVector(b))
  const diffs: string[] = []
  for (const client of new Set([...sa.keys(), ...sb.keys()])) {
    const x = sa.get(client) ?? 0
    const y = sb.get(client) ?? 0
    if (x !== y) diffs.push(`client ${client}: ${x} honest, ${y} fresh`)
  }
  if (diffs.length > 0) return diffs.slice(0, 6).join('; ')
  const da = Y.snapshot(a).ds.clients
  const db = Y.snapshot(b).ds.clients
  const lines: string[] = []
  for (const client of new Set([...da.keys(), ...db.keys()])) {
    const ra = da.get(client) ?? []
    const rb = db.get(client) ?? []
    for (const [only, side, other] of [
      [rangesMinus(ra, rb), 'honest', 'fresh'],
      [rangesMinus(rb, ra), 'fresh', 'honest'],
    ] as const) {
      for (const { clock, len } of only) {
        lines.push(
          `client ${client} clock ${clock}..${clock + len - 1} deleted ${side} only ` +
            `(${side}: ${describeStructAt(side === 'honest' ? a : b, client, clock)}; ` +
            `${other}: ${describeStructAt(side === 'honest' ? b : a, client, clock)})`,
        )
      }
    }
  }
  if (lines.length === 0) return 'same state vector, different deletions (none found)'
  const shown = lines.slice(0, 8).join('; ')
  return `same state vector, different deletions: ${shown}${lines.length > 8 ? `; and ${lines.length - 8} more` : ''}`
}

/** The parts of sorted, merged ranges `a` that `b` does not cover. */
function rangesMinus(
  a: readonly { clock: number; len: number }[],
  b: readonly { clock: number; len: number }[],
): { clock: number; len: number }[] {
  const out: { clock: number; len: number }[] = []
  for (const r of a) {
    let at = r.clock
    const end = r.clock + r.len
    for (const x of b) {
      const xe = x.clock + x.len
      if (xe <= at || x.clock >= end) continue
      if (x.clock > at) out.push({ clock: at, len: x.clock - at })
      at = Math.max(at, xe)
    }
    if (at < end) out.push({ clock: at, len: end - at })
  }
  return out
}

/** The struct holding `client:clock` in `doc`: its kind, content, deletion and parent chain. */
function describeStructAt(doc: Y.Doc, client: number, clock: number): string {
  const structs = (doc.store.clients.get(client) ?? []) as (Y.Item | Y.GC)[]
  let lo = 0
  let hi = structs.length - 1
  let s: Y.Item | Y.GC | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const m = structs[mid]!
    if (clock < m.id.clock) hi = mid - 1
    else if (clock >= m.id.clock + m.length) lo = mid + 1
    else {
      s = m
      break
    }
  }
  if (s === null) return 'nothing'
  const at = `${s.id.client}:${s.id.clock}+${s.length}`
  if (!(s instanceof Y.Item)) return `${s.constructor.name} ${at}`
  const content = s.content.constructor.name.replace(/^Content/, '')
  return `Item ${at} ${content}${s.deleted ? ' deleted' : ' live'} in ${parentPath(doc, s)}`
}

/** Where an item sits, from its root: `root 'board' .cards → 5:10 (deleted) .title`. */
function parentPath(doc: Y.Doc, item: Y.Item): string {
  const parts: string[] = []
  let current: Y.Item | null = item
  for (let depth = 0; current !== null && depth < 16; depth++) {
    parts.push(current.parentSub === null ? '[]' : `.${current.parentSub}`)
    const parent = current.parent as unknown
    if (!(parent instanceof Y.AbstractType)) {
      parts.push(parent === null ? 'no parent' : `parent ${JSON.stringify(parent)}`)
      break
    }
    const holder: Y.Item | null = parent._item
    if (holder === null) {
      let root = '?'
      for (const [name, type] of doc.share) if (type === parent) root = name
      parts.push(`root '${root}'`)
      break
    }
    parts.push(`→ ${holder.id.client}:${holder.id.clock}${holder.deleted ? ' (deleted)' : ''}`)
    current = holder
  }
  return parts.reverse().join(' ')
}
