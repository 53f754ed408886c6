// The attack suite's equipment (issue 18): a workshop with honest members on stock providers,
// hostile raw clients, hand-built Yjs updates, and the three checks every case makes:
//   1. the attempt was refused or neutralised (`refused`, `deferred`, `closedWith`, or the case's
//      own check of a neutralised result);
//   2. nothing an honest facilitator, an honest participant or a fresh client sees changed
//      (`unchanged`, against a `snapshot` taken just before the attack; `converged` where an
//      honest action was meant to change something);
//   3. the server keeps serving that workshop and another one (`serving`).
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { expect } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import {
  boardNotes,
  createCluster,
  docName,
  isBoardLocked,
  parseDocName,
  putDraft,
  readBoard,
  readBoardNotes,
  readControl,
  readDrafts,
  readPrivate,
  readRawVotes,
  readResults,
  readVoting,
  type CreateWorkshopResponse,
  type JoinResponse,
  type WorkshopId,
} from '@triage/shared'
import { openSqliteStore } from '../../src/store/sqlite-store.js'
import type { Store } from '../../src/store/store.js'
import {
  createWorkshop,
  joinWorkshop,
  onCleanup,
  post,
  startServer,
  synced,
  tempDir,
  until,
  type TestServer,
} from '../helpers.js'
import { rawConnect, type RawClient } from '../raw-client.js'

/** How long any single awaited event may take before the case fails with a clear message. */
export const EVENT_TIMEOUT_MS = 5000

/** Fails with `what` when `promise` does not settle within `ms`. */
export function within<T>(promise: Promise<T>, what: string, ms = EVENT_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

// ---------------------------------------------------------------------------------------------
// A store with injected faults: a document that cannot be read, authentication held back.

export interface FaultyStore {
  /** What the server uses. */
  readonly store: Store
  /** The SQLite store underneath, for the checks (never faulty). */
  readonly real: Store
  /** Names of documents whose stored rows cannot be read (loading them throws). */
  readonly unreadable: Set<string>
  /** Holds every token lookup (so every websocket stays unauthenticated) until released. */
  holdAuth(): () => void
}

export function faultyStore(dataDir: string): FaultyStore {
  const real = openSqliteStore(dataDir)
  const unreadable = new Set<string>()
  let gate: Promise<void> | null = null
  const store = new Proxy(real, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      const fn = value as (...args: unknown[]) => unknown
      if (prop === 'loadDocument' || prop === 'loadLog') {
        return async (name: string, ...rest: unknown[]) => {
          if (unreadable.has(name)) throw new Error(`injected fault: ${name} cannot be read`)
          return fn.call(target, name, ...rest)
        }
      }
      if (prop === 'findToken') {
        return async (...args: unknown[]) => {
          while (gate) await gate
          return fn.apply(target, args)
        }
      }
      return fn.bind(target)
    },
  })
  return {
    store,
    real,
    unreadable,
    holdAuth() {
      let release = () => {}
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null
          resolve()
        }
      })
      return release
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Honest members: stock WebsocketProviders that record refusals and closes.

export interface Honest {
  readonly label: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Reasons of the permission-denied messages this client received. */
  readonly denied: string[]
  /** Close codes of connections the server (or the network) closed. */
  readonly closes: number[]
  /** Sends sync step 1 and resolves on the answer: everything sent to it before has arrived. */
  probe(): Promise<void>
  destroy(): void
}

export interface StockOptions {
  /** Yjs client id to write under (default: random, as always). */
  readonly clientId?: number
  /** Reconnect after a 4430 (too many connections) instead of giving up. */
  readonly retryBusy?: boolean
}

/** A stock y-websocket provider, exactly as an outside client would use it. */
export function stock(
  server: TestServer,
  name: string,
  token: string,
  label: string,
  options: StockOptions = {},
): Honest {
  const doc = new Y.Doc()
  if (options.clientId !== undefined) doc.clientID = options.clientId
  const provider = new WebsocketProvider(server.wsUrl + '/sync', name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(options.retryBusy
      ? {
          shouldReconnect: (event: { code: number }) =>
            event.code === 4430 || !(event.code >= 4400 && event.code < 4500),
        }
      : {}),
  })
  const denied: string[] = []
  const closes: number[] = []
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) denied.push(decoding.readVarString(decoder))
  }
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code)
  })
  let destroyed = false
  const destroy = () => {
    if (destroyed) return
    destroyed = true
    provider.destroy()
    doc.destroy()
  }
  onCleanup(destroy)
  const probe = () => {
    const ws = provider.ws
    if (!ws || ws.readyState !== ws.OPEN) {
      return Promise.reject(new Error(`${label} is not connected (closes: ${closes.join(', ')})`))
    }
    return within(
      new Promise<void>((resolve) => {
        const onMessage = (event: MessageEvent) => {
          const data = new Uint8Array(event.data as ArrayBuffer)
          if (data[0] !== 0 || data[1] !== 1) return
          ws.removeEventListener('message', onMessage)
          resolve()
        }
        ws.addEventListener('message', onMessage)
        ws.send(syncStep1Of(doc))
      }),
      `${label}: the answer to a probe`,
    )
  }
  return { label, doc, provider, denied, closes, probe, destroy }
}

/** Resolves with the code of the first connection of `client` the server closed. */
export function closeOf(client: Honest): Promise<number> {
  if (client.closes.length > 0) return Promise.resolve(client.closes[0]!)
  return within(
    new Promise<number>((resolve) => {
      const handler = (event: { code: number } | null) => {
        if (!event) return
        client.provider.off('connection-close', handler)
        resolve(event.code)
      }
      client.provider.on('connection-close', handler)
    }),
    `${client.label} to be closed`,
  )
}

/** Resolves once the provider has synced (with a timeout). */
export function whenSynced(client: Honest): Promise<void> {
  return within(synced(client), `${client.label} to sync`)
}

// ---------------------------------------------------------------------------------------------
// The scene: a workshop with content, an honest facilitator and participant, an attacker, and
// another workshop on the same server.

export type DocKey = 'board' | 'control' | 'hanaPrivate' | 'malloryPrivate' | 'otherBoard'
export const ALL_DOCS: readonly DocKey[] = [
  'board',
  'control',
  'hanaPrivate',
  'malloryPrivate',
  'otherBoard',
]

type Kind = 'board' | 'control' | 'private'

export interface Live {
  facBoard: Honest
  facControl: Honest
  hanaBoard: Honest
  hanaControl: Honest
  hanaPrivate: Honest
  /** The other workshop's facilitator on its board. */
  otherBoard: Honest
}

export interface Scene {
  server: TestServer
  faults: FaultyStore
  readonly env: Record<string, string>
  readonly dataDir: string
  readonly options: SceneOptions
  readonly w: CreateWorkshopResponse
  /** The honest participant (Surgeons). */
  readonly hana: JoinResponse
  /** The attacker, a participant like any other (Radiologists). */
  readonly mallory: JoinResponse
  /** Another workshop on the same server, with its own participant. */
  readonly other: CreateWorkshopResponse
  readonly olu: JoinResponse
  /** Document names. */
  readonly doc: Record<DocKey, string>
  /** Card ids of the three items, in board order; the first sits in cluster `c1`. */
  readonly items: { readonly theatre: string; readonly bed: string; readonly ct: string }
  live: Live
}

export interface SceneOptions {
  /** Keep the data on disk (for the cases that restart the server); in memory otherwise. */
  readonly durable?: boolean
  /** Fresh clients of the checks retry after 4430 (only for the connection-cap cases). */
  readonly freshRetriesBusy?: boolean
}

export const CLUSTER_ID = 'c1'
export const HANA_NOTE = 'Bring the theatre list. '
export const HANA_DRAFT = 'Shorter theatre turnaround'

/** Names of a workshop's documents. */
export const names = {
  board: (workshopId: WorkshopId) => docName({ workshopId, kind: 'board' }),
  control: (workshopId: WorkshopId) => docName({ workshopId, kind: 'control' }),
  private: (workshopId: WorkshopId, p: JoinResponse) =>
    docName({ workshopId, kind: 'private', participantId: p.participantId }),
}

/** Starts a server (with `env`) and builds the scene every case starts from. */
export async function scene(
  env: Record<string, string> = {},
  options: SceneOptions = {},
): Promise<Scene> {
  const dataDir = tempDir()
  const faults = faultyStore(options.durable ? dataDir : ':memory:')
  const server = await startServer(env, dataDir, 0, { store: faults.store })
  const [w, other] = await Promise.all([
    createWorkshop(server),
    createWorkshop(server, ['Nurses', 'Porters']),
  ])
  const hana = await joinWorkshop(server, w.joinCode, 'Hana', 'g1')
  const [mallory, olu, added] = await Promise.all([
    joinWorkshop(server, w.joinCode, 'Mallory', 'g2'),
    joinWorkshop(server, other.joinCode, 'Olu', 'g1'),
    post(
      server,
      `/api/workshops/${w.workshopId}/items`,
      { format: 'lines', text: 'Theatre app\nBed board\nCT triage' },
      w.facilitatorToken,
    ),
  ])
  if (added.status !== 200) throw new Error(`items: ${JSON.stringify(added.body)}`)
  const doc: Record<DocKey, string> = {
    board: names.board(w.workshopId),
    control: names.control(w.workshopId),
    hanaPrivate: names.private(w.workshopId, hana),
    malloryPrivate: names.private(w.workshopId, mallory),
    otherBoard: names.board(other.workshopId),
  }
  const s: Scene = {
    server,
    faults,
    env,
    dataDir,
    options,
    w,
    hana,
    mallory,
    other,
    olu,
    doc,
    items: { theatre: '', bed: '', ct: '' },
    live: await connectLive(server, doc, w, hana, other),
  }
  const { live } = s
  const cards = readBoard(live.facBoard.doc).cards
  if (cards.length !== 3) throw new Error(`expected 3 items, the board has ${cards.length}`)
  Object.assign(s.items, { theatre: cards[0]!.id, bed: cards[1]!.id, ct: cards[2]!.id })
  createCluster(live.facBoard.doc, CLUSTER_ID, 'Quick wins', Date.now(), [s.items.theatre])
  boardNotes(live.hanaBoard.doc).insert(0, HANA_NOTE)
  putDraft(live.hanaPrivate.doc, 'd1', HANA_DRAFT, Date.now())
  boardNotes(live.otherBoard.doc).insert(0, 'Other workshop. ')
  // Loads (and migrates) Mallory's own document before anything is compared.
  await serverRead(s, doc.malloryPrivate, () => null)
  await settleHonest(s)
  return s
}

async function connectLive(
  server: TestServer,
  doc: Record<DocKey, string>,
  w: CreateWorkshopResponse,
  hana: JoinResponse,
  other: CreateWorkshopResponse,
): Promise<Live> {
  const live: Live = {
    facBoard: stock(server, doc.board, w.facilitatorToken, 'the facilitator on the board'),
    facControl: stock(server, doc.control, w.facilitatorToken, 'the facilitator on control'),
    hanaBoard: stock(server, doc.board, hana.token, 'Hana on the board'),
    hanaControl: stock(server, doc.control, hana.token, 'Hana on control'),
    hanaPrivate: stock(server, doc.hanaPrivate, hana.token, 'Hana on her private document'),
    otherBoard: stock(
      server,
      doc.otherBoard,
      other.facilitatorToken,
      "the other workshop's facilitator",
    ),
  }
  await Promise.all(Object.values(live).map((h: Honest) => whenSynced(h)))
  return live
}

export function liveClients(s: Scene): Honest[] {
  return Object.values(s.live)
}

/** Which live clients watch which document, and who a fresh client of it connects as. */
function watched(s: Scene, key: DocKey): { kind: Kind; token: string; live: Honest[] } {
  switch (key) {
    case 'board':
      return {
        kind: 'board',
        token: s.w.facilitatorToken,
        live: [s.live.facBoard, s.live.hanaBoard],
      }
    case 'control':
      return {
        kind: 'control',
        token: s.w.facilitatorToken,
        live: [s.live.facControl, s.live.hanaControl],
      }
    case 'hanaPrivate':
      return { kind: 'private', token: s.hana.token, live: [s.live.hanaPrivate] }
    case 'malloryPrivate':
      return { kind: 'private', token: s.mallory.token, live: [] }
    case 'otherBoard':
      return { kind: 'board', token: s.other.facilitatorToken, live: [s.live.otherBoard] }
  }
}

/**
 * Closes the server and starts it again on the same data folder; `beforeClients` runs on the new
 * server before anyone connects. The live clients reconnect with fresh documents.
 */
export async function restart(
  s: Scene,
  beforeClients?: (s: Scene) => Promise<unknown>,
): Promise<void> {
  for (const h of liveClients(s)) h.destroy()
  await s.server.close()
  if (!s.options.durable) throw new Error('restart needs scene(env, { durable: true })')
  s.faults = faultyStore(s.dataDir)
  s.server = await startServer(s.env, s.dataDir, 0, { store: s.faults.store })
  if (beforeClients) await beforeClients(s)
  s.live = await connectLive(s.server, s.doc, s.w, s.hana, s.other)
  await settleHonest(s)
}

// ---------------------------------------------------------------------------------------------
// What a document looks like to whoever holds it.

export interface View {
  /** State vector: client id → clock. */
  readonly sv: Record<string, number>
  /** Deleted ranges per client, merged. */
  readonly ds: Record<string, [number, number][]>
  /** What the app reads out of it. */
  readonly content: unknown
}

export function viewOf(doc: Y.Doc, kind: Kind): View {
  const sv: Record<string, number> = {}
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
    sv[String(client)] = clock
  }
  const ds: Record<string, [number, number][]> = {}
  for (const [client, items] of Y.snapshot(doc).ds.clients) {
    if (items.length > 0) ds[String(client)] = items.map((i) => [i.clock, i.len])
  }
  let content: unknown
  if (kind === 'board') content = { board: readBoard(doc), notes: readBoardNotes(doc) }
  else if (kind === 'control') {
    content = {
      control: readControl(doc),
      voting: readVoting(doc, null),
      results: readResults(doc),
    }
  } else {
    content = {
      drafts: readDrafts(doc),
      mine: [...readPrivate(doc).mine].sort(),
      votes: readRawVotes(doc),
    }
  }
  return { sv, ds, content }
}

const kindOf = (name: string): Kind => parseDocName(name)!.kind

/** JSON with object keys sorted (replicas may list map entries in different orders). */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    )
  })
}

/** Reads the server's copy of a document (loading it for the moment if nobody holds it). */
export function serverRead<T>(s: Scene, name: string, fn: (doc: Y.Doc) => T): Promise<T> {
  return s.server.app.rooms.read(parseDocName(name)!, fn)
}

/** The server's whole copy of a document, as one update. */
export function serverState(s: Scene, name: string): Promise<Uint8Array> {
  return serverRead(s, name, (d) => Y.encodeStateAsUpdate(d))
}

/** Resolves once every update the server accepted for the document is stored and sent. */
export async function flushed(s: Scene, name: string): Promise<void> {
  const lease = await s.server.app.rooms.acquire(parseDocName(name)!)
  try {
    await lease.room.flushed()
  } finally {
    lease.release()
  }
}

/** Resolves once the server's copy of a document satisfies `predicate`. */
export async function serverUntil(
  s: Scene,
  name: string,
  predicate: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  const lease = await s.server.app.rooms.acquire(parseDocName(name)!)
  try {
    await until(lease.room.doc, () => predicate(lease.room.doc), what)
  } finally {
    lease.release()
  }
}

/** The document as the store holds it (every stored row must still apply). */
export async function storedView(s: Scene, name: string): Promise<View> {
  await flushed(s, name)
  const doc = new Y.Doc()
  const rows = await s.faults.real.loadDocument(name)
  rows.forEach((row, i) => {
    try {
      Y.applyUpdate(doc, row)
    } catch (err) {
      throw new Error(`stored row ${i} of ${name} does not apply: ${String(err)}`)
    }
  })
  const view = viewOf(doc, kindOf(name))
  doc.destroy()
  return view
}

/** What a stock provider connecting now sees of the document. */
export async function freshView(
  s: Scene,
  name: string,
  token: string,
  label = `a fresh client of ${name}`,
): Promise<View> {
  const fresh = stock(s.server, name, token, label, { retryBusy: s.options.freshRetriesBusy })
  try {
    await whenSynced(fresh)
    return viewOf(fresh.doc, kindOf(name))
  } finally {
    fresh.destroy()
  }
}

/**
 * Waits until every live honest client holds what the server holds: their own edits stored,
 * brainstorm progress written, and everything broadcast received.
 */
export async function settleHonest(s: Scene): Promise<void> {
  const connected = liveClients(s).filter((h) => h.provider.wsconnected)
  await Promise.all(connected.map((h) => h.probe()))
  await s.server.app.progress.flush()
  await Promise.all(connected.map((h) => h.probe()))
}

export type Snapshot = Map<DocKey, View>

/** What every watched document looks like now, to the server and to every live client. */
export async function snapshot(s: Scene, keys: readonly DocKey[] = ALL_DOCS): Promise<Snapshot> {
  await settleHonest(s)
  const out: Snapshot = new Map()
  for (const key of keys) {
    const name = s.doc[key]
    const view = await serverRead(s, name, (d) => viewOf(d, kindOf(name)))
    for (const h of watched(s, key).live) {
      await until(
        h.doc,
        () => canonical(viewOf(h.doc, kindOf(name))) === canonical(view),
        `${h.label} to hold what the server holds`,
      )
    }
    out.set(key, view)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Check 2: nothing an honest member or a fresh client sees changed.

export interface UnchangedOptions {
  /** Live clients that the case itself disconnected or that were meant to be refused. */
  readonly except?: readonly Honest[]
}

/**
 * Every document of `before` is, to the server, to its store, to every live honest client and
 * to a fresh stock provider connecting now, exactly as it was; no honest client was refused or
 * disconnected.
 */
export async function unchanged(
  s: Scene,
  before: Snapshot,
  options: UnchangedOptions = {},
): Promise<void> {
  const except = new Set(options.except ?? [])
  for (const h of liveClients(s)) {
    if (except.has(h)) continue
    expect(h.closes, `${h.label} was disconnected`).toEqual([])
    expect(h.denied, `${h.label} was refused`).toEqual([])
  }
  await settleHonest(s)
  await Promise.all(
    [...before].map(async ([key, view]) => {
      const name = s.doc[key]
      const w = watched(s, key)
      expect(
        await serverRead(s, name, (d) => viewOf(d, w.kind)),
        `the server's copy of ${name}`,
      ).toEqual(view)
      expect(await storedView(s, name), `the stored copy of ${name}`).toEqual(view)
      for (const h of w.live) {
        if (except.has(h)) continue
        expect(viewOf(h.doc, w.kind), `what ${h.label} sees`).toEqual(view)
      }
      expect(await freshView(s, name, w.token), `what a fresh client of ${name} sees`).toEqual(view)
    }),
  )
}

/**
 * Every live honest client of the documents, a fresh client and the server hold the same
 * content, and it satisfies `expected` (for cases where an honest action changed something).
 */
export async function converged(
  s: Scene,
  keys: readonly DocKey[],
  expected?: (view: View, key: DocKey) => void,
): Promise<void> {
  const now = await snapshot(s, keys)
  for (const [key, view] of now) {
    const w = watched(s, key)
    for (const h of w.live) expect(h.closes, `${h.label} was disconnected`).toEqual([])
    expect(await freshView(s, s.doc[key], w.token), `a fresh client of ${key}`).toEqual(view)
    expect(await storedView(s, s.doc[key]), `the stored copy of ${key}`).toEqual(view)
    expected?.(view, key)
  }
}

// ---------------------------------------------------------------------------------------------
// Check 3: the server keeps serving the workshop and another one.

export interface ServingOptions {
  /** False when the workshop itself is gone (deleted by the case). */
  readonly workshop?: boolean
}

export async function serving(s: Scene, options: ServingOptions = {}): Promise<void> {
  const health = await fetch(s.server.url + '/healthz')
  expect(health.status, 'GET /healthz').toBe(200)
  if (options.workshop !== false) {
    const locked = await serverRead(s, s.doc.control, isBoardLocked)
    await editsRoundTrip(s, s.doc.board, s.w.facilitatorToken, s.live.hanaBoard, !locked)
  }
  await editsRoundTrip(s, s.doc.otherBoard, s.other.facilitatorToken, s.live.otherBoard, true)
}

/** A fresh client's edit reaches a live client; the live client's edit reaches the fresh one. */
async function editsRoundTrip(
  s: Scene,
  name: string,
  token: string,
  watcher: Honest,
  watcherWrites: boolean,
): Promise<void> {
  const fresh = stock(s.server, name, token, `a fresh client of ${name}`, {
    retryBusy: s.options.freshRetriesBusy,
  })
  try {
    await whenSynced(fresh)
    const there = `[served ${randomBytes(4).toString('hex')}]`
    boardNotes(fresh.doc).insert(0, there)
    await until(
      watcher.doc,
      () => readBoardNotes(watcher.doc).includes(there),
      `${watcher.label} to receive an honest edit`,
    )
    if (watcherWrites) {
      const back = `[back ${randomBytes(4).toString('hex')}]`
      boardNotes(watcher.doc).insert(0, back)
      await until(
        fresh.doc,
        () => readBoardNotes(fresh.doc).includes(back),
        `an edit of ${watcher.label} to arrive`,
      )
    }
    expect(fresh.denied, 'refusals of an honest edit').toEqual([])
    expect(watcher.denied, `refusals of ${watcher.label}`).toEqual([])
  } finally {
    fresh.destroy()
  }
}

/** An edit of `from` to the board notes reaches every one of `to`, with no refusal. */
export async function noteReaches(from: Honest, ...to: Honest[]): Promise<void> {
  const marker = `[${from.label} ${randomBytes(4).toString('hex')}]`
  boardNotes(from.doc).insert(0, marker)
  for (const h of to) {
    await until(h.doc, () => readBoardNotes(h.doc).includes(marker), `${h.label} to see ${marker}`)
  }
  expect(from.denied, `refusals of ${from.label}`).toEqual([])
}

// ---------------------------------------------------------------------------------------------
// The attacker: a raw websocket client that speaks the protocol by hand.

export interface Attacker extends RawClient {
  /** Reasons of every permission-denied message received so far. */
  denials(): string[]
  /** State vectors of every sync step 1 the server sent. */
  serverStep1s(): Uint8Array[]
  sendUpdate(update: Uint8Array): void
  sendStep2(update: Uint8Array): void
  /** Resolves once the server has handled everything sent so far (or closed the connection). */
  roundTrip(): Promise<void>
  isOpen(): boolean
  /** The close code, or null while open. */
  code(): number | null
}

function parseDenial(frame: Buffer): string | null {
  if (frame[0] !== 2) return null
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  if (decoding.readVarUint(d) !== 0) return null
  return decoding.readVarString(d)
}

/** Wraps a raw client with the attacker's tools. */
export function asAttacker(raw: RawClient): Attacker {
  let code: number | null = null
  void raw.closed.then((c) => (code = c))
  const isOpen = () => code === null && raw.ws.readyState === WebSocket.OPEN
  return {
    ...raw,
    denials: () => raw.frames.map(parseDenial).filter((r): r is string => r !== null),
    serverStep1s: () =>
      raw.frames
        .filter((f) => f[0] === 0 && f[1] === 0)
        .map((f) => {
          const d = decoding.createDecoder(f)
          decoding.readVarUint(d)
          decoding.readVarUint(d)
          return decoding.readVarUint8Array(d)
        }),
    sendUpdate: (update) => raw.send(syncMessage(2, update)),
    sendStep2: (update) => raw.send(syncMessage(1, update)),
    isOpen,
    code: () => code,
    roundTrip: () => {
      if (!isOpen()) return raw.closed.then(() => {})
      const from = raw.frames.length
      const answered = new Promise<void>((resolve) => {
        const check = () => {
          if (raw.frames.slice(from).some((f) => f[0] === 0 && f[1] === 1)) {
            raw.ws.off('message', check)
            resolve()
          }
        }
        raw.ws.on('message', check)
      })
      raw.send(syncStep1Of(new Y.Doc()))
      return within(
        Promise.race([answered, raw.closed.then(() => {})]),
        'the attacker to get an answer',
      )
    },
  }
}

/** Opens a raw connection as the attacker (Mallory unless told) and waits until it is in. */
export async function attack(s: Scene, name: string, token = s.mallory.token): Promise<Attacker> {
  const a = asAttacker(rawConnect(s.server, name, token))
  await within(a.opened, 'the attacker to connect')
  await within(
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (a.frames.length > 0) {
          a.ws.off('message', check)
          resolve()
        }
      }
      a.ws.on('message', check)
      void a.closed.then((c) => reject(new Error(`the attacker was closed with ${c}`)))
      check()
    }),
    'the attacker to join',
  )
  return a
}

// ---------------------------------------------------------------------------------------------
// Check 1: the attempt was refused or neutralised.

/** The server refused exactly `count` updates, telling the attacker each time; returns why. */
export async function refused(a: Attacker, count = 1): Promise<string[]> {
  await a.roundTrip()
  const reasons = a.denials()
  expect(reasons, 'one permission-denied message per refused update').toHaveLength(count)
  return reasons
}

/**
 * The server applied nothing and refused nothing: it asked the sender for what it lacks with
 * its own sync step 1 (after the `before`-th one it had sent).
 */
export async function deferred(a: Attacker, step1sBefore: number): Promise<void> {
  await a.roundTrip()
  expect(a.denials(), 'refusals of a deferred update').toEqual([])
  expect(a.isOpen(), 'the connection stays open').toBe(true)
  expect(a.serverStep1s().length, 'the server asks the sender for what is missing').toBeGreaterThan(
    step1sBefore,
  )
}

/**
 * Neutralised either way: refused with one permission-denied, or deferred (nothing applied, no
 * refusal, the sender asked for what is missing). For attempts that are both out of order (a gap
 * in clocks) and forbidden, where either answer keeps everything intact.
 */
export async function refusedOrDeferred(a: Attacker, step1sBefore: number): Promise<void> {
  await a.roundTrip()
  const reasons = a.denials()
  if (reasons.length === 1) return
  expect(reasons, 'refusals').toEqual([])
  expect(a.serverStep1s().length, 'the server asks for what is missing').toBeGreaterThan(
    step1sBefore,
  )
}

/** The server closed the attacker's connection with `code`. */
export async function closedWith(a: RawClient, code: number): Promise<void> {
  expect(await within(a.closed, `the connection to be closed with ${code}`)).toBe(code)
}

// ---------------------------------------------------------------------------------------------
// Messages.

export function syncStep1Of(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeSyncStep1(e, doc)
  return encoding.toUint8Array(e)
}

/** A sync message (1 = step 2, 2 = update) carrying `update` as is. */
export function syncMessage(sub: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, sub)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export function queryAwareness(): Uint8Array {
  return Uint8Array.of(3)
}

export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: Record<string, unknown> | null
}

export function awarenessMessage(entries: readonly AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, JSON.stringify(entry.state))
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/** Resolves once `client`'s awareness satisfies `predicate`. */
export function untilAwareness(
  client: Honest,
  predicate: (states: Map<number, Record<string, unknown>>) => boolean,
  what: string,
): Promise<void> {
  const states = () => client.provider.awareness.getStates() as Map<number, Record<string, unknown>>
  if (predicate(states())) return Promise.resolve()
  return within(
    new Promise<void>((resolve) => {
      const check = () => {
        if (!predicate(states())) return
        client.provider.awareness.off('change', check)
        resolve()
      }
      client.provider.awareness.on('change', check)
    }),
    what,
  )
}

// ---------------------------------------------------------------------------------------------
// Updates: built with Yjs where an honest-looking document can make them, by hand otherwise.

/** A document holding what the server holds, writing under `clientId` if given. */
export async function replica(s: Scene, name: string, clientId?: number): Promise<Y.Doc> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, await serverState(s, name))
  if (clientId !== undefined) doc.clientID = clientId
  onCleanup(() => doc.destroy())
  return doc
}

/** The update `change` makes to `doc`, as a provider would send it. */
export function updateOf(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const out: Uint8Array[] = []
  const onUpdate = (u: Uint8Array) => out.push(u)
  doc.on('update', onUpdate)
  try {
    doc.transact(() => change(doc))
  } finally {
    doc.off('update', onUpdate)
  }
  if (out.length === 0) throw new Error('the change made no update')
  return out.length === 1 ? out[0]! : Y.mergeUpdates(out)
}

export interface StructId {
  readonly client: number
  readonly clock: number
}

export type ContentSpec =
  | { readonly deleted: number }
  | { readonly string: string }
  | { readonly any: readonly unknown[] }
  | { readonly doc: string }

export interface ItemSpec {
  readonly origin?: StructId
  readonly rightOrigin?: StructId
  /** A root type's name, or the id of the item holding the parent type. */
  readonly parent?: string | StructId
  readonly parentSub?: string
  readonly content: ContentSpec
}

export type StructSpec =
  { readonly gc: number } | { readonly skip: number } | { readonly item: ItemSpec }

export interface ClientSpec {
  readonly client: number
  /** Clock of the first struct. */
  readonly clock: number
  readonly structs: readonly StructSpec[]
}

export interface DeleteSpec {
  readonly client: number
  readonly ranges: readonly (readonly [clock: number, len: number])[]
}

/** Encodes a Yjs update (format v1) exactly as described, however hostile. */
export function encodeUpdate(
  clients: readonly ClientSpec[],
  deletes: readonly DeleteSpec[] = [],
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, clients.length)
  for (const c of clients) {
    encoding.writeVarUint(e, c.structs.length)
    encoding.writeVarUint(e, c.client)
    encoding.writeVarUint(e, c.clock)
    for (const s of c.structs) writeStruct(e, s)
  }
  encoding.writeVarUint(e, deletes.length)
  for (const d of deletes) {
    encoding.writeVarUint(e, d.client)
    encoding.writeVarUint(e, d.ranges.length)
    for (const [clock, len] of d.ranges) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
    }
  }
  return encoding.toUint8Array(e)
}

function writeId(e: encoding.Encoder, id: StructId): void {
  encoding.writeVarUint(e, id.client)
  encoding.writeVarUint(e, id.clock)
}

function writeStruct(e: encoding.Encoder, s: StructSpec): void {
  if ('gc' in s) {
    encoding.writeUint8(e, 0)
    encoding.writeVarUint(e, s.gc)
    return
  }
  if ('skip' in s) {
    encoding.writeUint8(e, 10)
    encoding.writeVarUint(e, s.skip)
    return
  }
  const { origin, rightOrigin, parent, parentSub, content } = s.item
  const ref = 'deleted' in content ? 1 : 'string' in content ? 4 : 'any' in content ? 8 : 9
  encoding.writeUint8(
    e,
    ref | (origin ? 0x80 : 0) | (rightOrigin ? 0x40 : 0) | (parentSub !== undefined ? 0x20 : 0),
  )
  if (origin) writeId(e, origin)
  if (rightOrigin) writeId(e, rightOrigin)
  if (!origin && !rightOrigin) {
    if (typeof parent === 'string') {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, parent)
    } else if (parent) {
      encoding.writeVarUint(e, 0)
      writeId(e, parent)
    } else {
      throw new Error('an item without neighbours needs a parent')
    }
    if (parentSub !== undefined) encoding.writeVarString(e, parentSub)
  }
  if ('deleted' in content) encoding.writeVarUint(e, content.deleted)
  else if ('string' in content) encoding.writeVarString(e, content.string)
  else if ('any' in content) {
    encoding.writeVarUint(e, content.any.length)
    for (const v of content.any) encoding.writeAny(e, v as Parameters<typeof encoding.writeAny>[1])
  } else {
    encoding.writeVarString(e, content.doc)
    encoding.writeAny(e, {})
  }
}

/** A fresh Yjs client id nobody has used (random, like Yjs's own). */
export function newClientId(): number {
  return randomBytes(4).readUInt32LE(0)
}

/** One new item under a root map `root`, key `key`, for a client id nobody has used. */
export function rootMapItem(
  client: number,
  root: string,
  key: string,
  value: unknown,
  clock = 0,
): ClientSpec {
  return {
    client,
    clock,
    structs: [{ item: { parent: root, parentSub: key, content: { any: [value] } } }],
  }
}

// ---------------------------------------------------------------------------------------------
// A websocket client at the TCP level: it sends exactly what it is told (a path as written, no
// answer to a close) and records how and when the server ends the connection.

export interface TcpWebSocket {
  /** HTTP status of the upgrade answer. */
  readonly status: Promise<number>
  /** Resolves with the code of the server's close frame (0 if the socket ended without one). */
  readonly closeFrame: Promise<number>
  /** Resolves when the TCP connection is gone, with the time since the upgrade answer (ms). */
  readonly ended: Promise<number>
  /** Close code of the server's close frame, if one came. */
  closeCode(): number | null
  /** Binary payloads of the data frames received. */
  readonly messages: Buffer[]
  isEnded(): boolean
  /** Sends one masked frame; false when the socket is gone. */
  send(payload: Uint8Array, opcode?: number): boolean
  destroy(): void
}

export function tcpWebSocket(
  server: TestServer,
  path: string,
  headers: Record<string, string> = {},
  /** Answer the server's close frame, as every websocket client does (a hostile one does not). */
  answerClose = true,
): TcpWebSocket {
  const { port, hostname } = new URL(server.url)
  const socket = net.connect(Number(port), hostname)
  socket.on('error', () => {})
  onCleanup(() => {
    socket.destroy()
  })
  let upgradedAt = 0
  let buffer = Buffer.alloc(0)
  let upgraded = false
  let code: number | null = null
  let ended = false
  const messages: Buffer[] = []
  let resolveStatus: (status: number) => void = () => {}
  const status = new Promise<number>((resolve) => (resolveStatus = resolve))
  let resolveClose: (code: number) => void = () => {}
  const closeFrame = new Promise<number>((resolve) => (resolveClose = resolve))
  const endedPromise = new Promise<number>((resolve) =>
    socket.on('close', () => {
      ended = true
      resolveStatus(0)
      resolveClose(0)
      resolve(Date.now() - upgradedAt)
    }),
  )
  socket.on('connect', () => {
    const lines = [
      `GET ${path} HTTP/1.1`,
      `Host: ${hostname}:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ]
    socket.write(lines.join('\r\n') + '\r\n\r\n')
  })
  function sendFrame(payload: Uint8Array, opcode = 2): boolean {
    if (ended || socket.destroyed || !socket.writable) return false
    const mask = randomBytes(4)
    const n = payload.length
    let header: Buffer
    if (n < 126) header = Buffer.from([0x80 | opcode, 0x80 | n])
    else if (n < 65536) header = Buffer.from([0x80 | opcode, 0x80 | 126, n >> 8, n & 0xff])
    else {
      header = Buffer.alloc(10)
      header[0] = 0x80 | opcode
      header[1] = 0x80 | 127
      header.writeBigUInt64BE(BigInt(n), 2)
    }
    const body = Buffer.alloc(n)
    for (let i = 0; i < n; i++) body[i] = payload[i]! ^ mask[i & 3]!
    socket.write(Buffer.concat([header, mask, body]))
    return true
  }
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk])
    if (!upgraded) {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      const statusCode = Number(buffer.subarray(0, end).toString('latin1').split(' ')[1])
      buffer = buffer.subarray(end + 4)
      upgraded = true
      upgradedAt = Date.now()
      resolveStatus(statusCode)
      if (statusCode !== 101) {
        // An HTTP answer, not a websocket: nothing after it is a frame.
        socket.destroy()
        return
      }
    }
    for (;;) {
      if (buffer.length < 2) return
      const opcode = buffer[0]! & 0x0f
      let length = buffer[1]! & 0x7f
      let offset = 2
      if (length === 126) {
        if (buffer.length < 4) return
        length = buffer.readUInt16BE(2)
        offset = 4
      } else if (length === 127) {
        if (buffer.length < 10) return
        length = Number(buffer.readBigUInt64BE(2))
        offset = 10
      }
      if (buffer.length < offset + length) return
      const payload = buffer.subarray(offset, offset + length)
      buffer = buffer.subarray(offset + length)
      if (opcode === 8) {
        code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005
        resolveClose(code)
        if (answerClose) {
          sendFrame(Buffer.from(payload.subarray(0, 2)), 8)
          socket.end()
        }
      } else if (opcode === 2) messages.push(Buffer.from(payload))
    }
  })
  return {
    status,
    closeFrame,
    ended: endedPromise,
    closeCode: () => code,
    messages,
    isEnded: () => ended,
    send: sendFrame,
    destroy: () => socket.destroy(),
  }
}

/** A control document's decision log as the facilitator's live client sees it. */
export function logOf(doc: Y.Doc): string[] {
  return readControl(doc).log.map((e) => e.text)
}
