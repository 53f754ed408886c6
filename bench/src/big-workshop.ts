// Benchmark "big workshop" (issue 6): 1,000 ideas, 50 clusters, 200 participants. Times document
// load, the vote tally, the reveal and a phone's full resync against their goals; prints Markdown.
// Run: pnpm bench:big   (BENCH_LIVE=n workshops built by real devices, default 3; BENCH_QUICK=n
// built through server calls, default 8; BENCH_DATA_DIR keeps the database in that folder).
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import {
  docName,
  readBoard,
  readControl,
  readVoting,
  tally,
  voteItems,
  type Ballot,
  type DocRef,
  type TallyInput,
} from '@triage/shared'
import { openSqliteStore } from '../../server/src/store/sqlite-store.js'
import type { Store } from '../../server/src/store/store.js'
import { authorizeSync } from '../../server/src/sync/authorize.js'
import { encodeSyncStep1, encodeSyncStep2 } from '../../server/src/sync/protocol.js'
import { Rooms, type Lease } from '../../server/src/sync/rooms.js'
import { workshopAccessPolicy } from '../../server/src/workshop/access-policy.js'
import { IdeaService } from '../../server/src/workshop/ideas.js'
import {
  buildLiveWorkshop,
  buildQuickWorkshop,
  call,
  clusterAndVote,
  eventually,
  refs,
  since,
  startServer,
  type LiveWorkshop,
} from './big-workshop-fixture.js'
import { kib, machine, record, table, times } from './big-workshop-figures.js'
import { SIZE } from './big-workshop-model.js'

const QUICK_WORKSHOPS = Number(process.env.BENCH_QUICK ?? 8)
const LIVE_WORKSHOPS = Number(process.env.BENCH_LIVE ?? 3)
const ownDir = process.env.BENCH_DATA_DIR === undefined
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'triage-bench-'))

const now = () => performance.now()
const log = (line: string) => console.error(`[bench] ${line}`)

// ---- (1) document load ---------------------------------------------------------------------

/** A room manager of its own on `store`: it never unloads, so it never compacts what it loads. */
function freshRooms(store: Store): Rooms {
  return new Rooms(store, {
    graceMs: 3_600_000,
    compactAfter: 1_000_000_000,
    onError: (err) => {
      throw err
    },
    policy: workshopAccessPolicy(),
  })
}

async function measureLoad(store: Store, w: LiveWorkshop, label: string, n = 20): Promise<void> {
  const r = refs(w.id)
  // Participant 0 is the phone that slept (its document was unloaded, so compacted); take the next.
  const privateRef = r.private(w.participants[1]!.id)
  const stored = async (ref: DocRef) => {
    const updates = await store.loadDocument(docName(ref))
    return `${updates.length} update${updates.length === 1 ? '' : 's'}, ${kib(updates.reduce((a, u) => a + u.length, 0))}`
  }
  const shape = `board ${await stored(r.board)}; control ${await stored(r.control)}; private ${await stored(privateRef)}`
  log(`${label}: ${shape}`)
  const control: number[] = []
  const board: number[] = []
  const priv: number[] = []
  const set: number[] = []
  const sqlBoard: number[] = []
  for (let i = 0; i < n; i++) {
    // One by one: control alone, then board and private (each needs control, loaded already).
    const rooms = freshRooms(store)
    const leases: Lease[] = []
    let t = now()
    leases.push(await rooms.acquire(r.control))
    control.push(since(t))
    t = now()
    leases.push(await rooms.acquire(r.board))
    board.push(since(t))
    t = now()
    leases.push(await rooms.acquire(privateRef))
    priv.push(since(t))
    for (const l of leases) l.room.destroy(1001, 'bench')
    // A phone's whole set from cold, as the server loads it when the phone connects.
    const rooms2 = freshRooms(store)
    t = now()
    const all = await Promise.all(
      [r.board, r.control, privateRef].map((ref) => rooms2.acquire(ref)),
    )
    set.push(since(t))
    for (const l of all) l.room.destroy(1001, 'bench')
    t = now()
    await store.loadDocument(docName(r.board))
    sqlBoard.push(since(t))
  }
  record(`Load ${label}: board + control + private (a phone's set, cold)`, set, 50, shape)
  record(`Load ${label}: control alone`, control)
  record(`Load ${label}: board (control in memory)`, board, 50)
  record(`Load ${label}: private (control in memory)`, priv)
  record(`Load ${label}: of which reading the board's rows from SQLite`, sqlBoard)
}

// ---- (2) tally ---------------------------------------------------------------------------

async function measureTally(server: Awaited<ReturnType<typeof startServer>>, w: LiveWorkshop) {
  const { app } = server
  const r = refs(w.id)
  const bytes = await app.store.getSealed(w.id, 'votes')
  if (!bytes) throw new Error('no sealed votes')
  const sealed = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  const participants = await app.store.listParticipants(w.id)
  const { control, voting } = await app.rooms.read(r.control, (doc) => {
    const c = readControl(doc)
    return { control: c, voting: readVoting(doc, c.settings) }
  })
  const readItems = () =>
    app.rooms.read(r.board, (doc) => voteItems(readBoard(doc), voting.settings.voteOn))
  const items = await readItems()
  const members: Record<string, number> = {}
  for (const p of participants) members[p.groupId] = (members[p.groupId] ?? 0) + 1
  const ballots: Ballot[] = participants.map((p) => ({
    participantId: p.id,
    group: p.groupId,
    votes: sealed[p.id] ?? null,
  }))
  const input: TallyInput = {
    ballots,
    items,
    settings: voting.settings,
    groups: control.settings?.groups ?? [],
    members,
  }
  const check = tally(input)
  if (check.totalDots !== SIZE.participants * SIZE.dotsEach) {
    throw new Error(`tally counted ${check.totalDots} dots`)
  }
  record(
    'tally() — 200 ballots, 1,050 items (50 clusters + 1,000 ideas)',
    await times(200, () => tally(input)),
    20,
    `${check.voters} voters, ${check.totalDots} dots`,
  )
  record('Reading the vote items (readBoard + voteItems)', await times(50, () => readItems()))
}

// ---- (4) full resync -----------------------------------------------------------------------

async function measureResync(server: Awaited<ReturnType<typeof startServer>>, w: LiveWorkshop) {
  const { app } = server
  const r = refs(w.id)
  const phone = w.participants[0]!
  const privateRef = r.private(phone.id)
  const names = {
    board: `${w.id}/board`,
    control: `${w.id}/control`,
    private: `${w.id}/private/${phone.id}`,
  }
  // The phone goes to sleep: its connection drops.
  await w.devices.send({ type: 'drop', index: 0 })
  await eventually(() => !app.rooms.isLoaded(privateRef), 'the private document to unload')

  // Server side: what the room does on sync step 1 from an empty document (answer: step 2).
  const emptyVector = Y.encodeStateVector(new Y.Doc())
  const leases = await Promise.all(
    [r.board, r.control, privateRef].map((ref) => app.rooms.acquire(ref)),
  )
  const [board, control, priv] = leases.map((l) => l.room.doc) as [Y.Doc, Y.Doc, Y.Doc]
  const sizes = {
    board: encodeSyncStep2(board, emptyVector).length,
    control: encodeSyncStep2(control, emptyVector).length,
    private: encodeSyncStep2(priv, emptyVector).length,
  }
  const stepBoard = await times(50, () => encodeSyncStep2(board, emptyVector))
  const stepControl = await times(50, () => encodeSyncStep2(control, emptyVector))
  const stepPrivate = await times(50, () => encodeSyncStep2(priv, emptyVector))
  const step1 = await times(50, () => {
    encodeSyncStep1(board)
    encodeSyncStep1(control)
    encodeSyncStep1(priv)
  })
  const auth = await times(50, async () => {
    for (const name of Object.values(names)) {
      const a = await authorizeSync(app.store, name, phone.token)
      if (!a.ok) throw new Error(a.reason)
    }
  })
  for (const l of leases) l.release()
  record(
    'Resync server: sync step 2 of the board to an empty document',
    stepBoard,
    undefined,
    `${kib(sizes.board)} sent`,
  )
  record(
    'Resync server: sync step 2 of control',
    stepControl,
    undefined,
    `${kib(sizes.control)} sent`,
  )
  record(
    'Resync server: sync step 2 of the private document',
    stepPrivate,
    undefined,
    `${kib(sizes.private)} sent`,
  )
  record("Resync server: the server's three sync step 1 messages", step1)
  record('Resync server: authorising the three connections (token lookup)', auth)
  // A cold load of the private document from its snapshot (the phone slept past the grace).
  const privateLoad: number[] = []
  for (let i = 0; i < 10; i++) {
    await eventually(() => !app.rooms.isLoaded(privateRef), 'the private document to unload')
    const t = now()
    const l = await app.rooms.acquire(privateRef)
    privateLoad.push(since(t))
    l.release()
  }
  record('Resync server: loading the private document from its snapshot', privateLoad)
  // Per run, everything the server does for the three connections, one after another.
  const serverTime = stepBoard.map(
    (b, i) => b + stepControl[i]! + stepPrivate[i]! + step1[i]! + auth[i]!,
  )

  // End to end: a phone wakes with nothing in memory and opens its three documents.
  const wake = () =>
    w.devices.send<number>({
      type: 'wake',
      names: [names.board, names.control, names.private],
      token: phone.token,
    })
  const afterSleep: number[] = []
  for (let i = 0; i < 20; i++) {
    await eventually(() => !app.rooms.isLoaded(privateRef), 'the private document to unload')
    afterSleep.push(await wake())
  }
  const hold = await app.rooms.acquire(privateRef)
  const quick: number[] = []
  for (let i = 0; i < 20; i++) quick.push(await wake())
  hold.release()
  record(
    'Resync server time: auth + step 1 + step 2 of the three documents, private doc in memory',
    serverTime,
    100,
    'step 2 encoded in full each time (the room may serve a cached answer)',
  )
  record(
    'Resync server time: the same plus loading the private document (after sleep)',
    serverTime.map((t, i) => t + privateLoad[i % privateLoad.length]!),
    100,
  )
  record(
    'Resync end to end: 3 stock providers, empty docs, until all synced (after sleep: private doc unloaded)',
    afterSleep,
    undefined,
    'measured in the devices thread: includes that client applying the documents',
  )
  record('Resync end to end: the same, private doc still in memory', quick)
}

// ---- run -----------------------------------------------------------------------------------

async function main(): Promise<void> {
  log(`data in ${dataDir}`)
  const loadBefore = loadavg()
  if (loadBefore[0]! > 0.5)
    log(`the machine is busy (load ${loadBefore[0]!.toFixed(2)}): figures will be noisy`)
  // Nothing compacts while the workshop runs, so the uncompacted log holds its whole history.
  const server = await startServer(dataDir, { COMPACT_AFTER: '1000000', ROOM_GRACE_MS: '250' })

  // (3) reveal, and the voting reveal endpoint: one sample per workshop. First the quick ones
  // (documents held in memory as if every device were connected), then the live ones.
  const revealCold: number[] = []
  const revealHttp: number[] = []
  const revealDirect: number[] = []
  const votingReveal: number[] = []
  const ideas = new IdeaService({
    rooms: server.app.rooms,
    ownership: server.app.ownership,
    listParticipants: (id) => server.app.store.listParticipants(id),
  })
  for (let i = 1; i <= QUICK_WORKSHOPS; i++) {
    const { workshop: w, leases } = await buildQuickWorkshop(server, i * 1000)
    let t = now()
    if (i % 2 === 1) {
      const res = await call<{ revealed: number }>(
        server,
        `/api/workshops/${w.id}/reveal`,
        {},
        w.facilitatorToken,
      )
      // The first reveal since the server started runs before the JIT has seen any.
      ;(i === 1 ? revealCold : revealHttp).push(since(t))
      if (res.revealed !== 1000) throw new Error(`revealed ${res.revealed}`)
    } else {
      const res = await ideas.reveal(w.id, Date.now())
      revealDirect.push(since(t))
      if (res.revealed !== 1000) throw new Error(`revealed ${res.revealed}`)
      await server.app.progress.flush()
    }
    await clusterAndVote(server, w, i * 1000)
    t = now()
    await call(server, `/api/workshops/${w.id}/voting/reveal`, undefined, w.facilitatorToken)
    votingReveal.push(since(t))
    for (const l of leases) l.release()
    log(`quick workshop ${i} of ${QUICK_WORKSHOPS} done`)
  }
  const revealLive: number[] = []
  let live: LiveWorkshop | null = null
  for (let i = 1; i <= LIVE_WORKSHOPS; i++) {
    const t0 = now()
    if (live) await live.devices.close()
    live = await buildLiveWorkshop(server, log)
    revealLive.push(live.revealHttpMs)
    votingReveal.push(live.votingRevealHttpMs)
    log(`live workshop ${i} of ${LIVE_WORKSHOPS} built in ${((now() - t0) / 1000).toFixed(1)} s`)
  }
  if (!live) throw new Error('BENCH_LIVE must be at least 1')
  record(
    'Reveal: POST /reveal round trip, 200 phones + laptop connected',
    revealLive,
    100,
    'phones and laptop are stock providers in a worker thread',
  )
  record('Reveal: POST /reveal round trip, documents held in memory', revealHttp, 100)
  record('Reveal: IdeaService.reveal called directly', revealDirect, 100)
  if (revealCold.length > 0) {
    record('Reveal: the first POST /reveal since the server started (cold JIT)', revealCold)
  }

  await measureTally(server, live)
  record(
    'Voting reveal: POST /voting/reveal round trip (seal read, tally, results written)',
    votingReveal,
  )

  await measureResync(server, live)

  // (1) Document load from the uncompacted log: a second connection to the same database
  // while the server still runs (as after a crash, before any snapshot).
  const logStore = openSqliteStore(dataDir)
  await measureLoad(logStore, live, 'from the update log')
  await logStore.close()

  await live.devices.close()
  await server.close() // every document is compacted into one snapshot on the way out
  const snapshotStore = openSqliteStore(dataDir)
  await measureLoad(snapshotStore, live, 'from the snapshot')
  await snapshotStore.close()

  const loadAfter = loadavg()
  console.log(`Machine: ${machine()}`)
  console.log(
    `Load average (1 min) before and after: ${loadBefore[0]!.toFixed(2)}, ${loadAfter[0]!.toFixed(2)}\n`,
  )
  console.log(
    `Fixture: ${SIZE.participants} participants in 4 groups, ${SIZE.participants * SIZE.draftsEach} ideas (attributed), ${SIZE.clusters} clusters, ${SIZE.participants * SIZE.dotsEach} dots (open ballots, on clusters and ideas); ${LIVE_WORKSHOPS} live and ${QUICK_WORKSHOPS} quick workshops of that size.\n`,
  )
  console.log(table())
  if (ownDir) rmSync(dataDir, { recursive: true, force: true })
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
