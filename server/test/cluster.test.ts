// Several real server processes, one PostgreSQL, one Redis: stock providers on different nodes
// converge, the rules and seals hold across nodes, and nothing accepted is lost when a node is
// killed, when Redis restarts, or when messages between nodes are dropped on purpose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CLOSE,
  boardNotes,
  docName,
  dotVoting,
  itemKey,
  readBoard,
  readControl,
  readRawVotes,
  readResults,
  readRoundState,
  readVoting,
  setPhase,
  setVote,
  setVotingSettings,
  type WorkshopId,
} from '@triage/shared'
import { openPgStore } from '../src/store/pg-store.js'
import { TestRedis, startNode } from './cluster-nodes.js'
import {
  closeCode,
  connect,
  createWorkshop,
  joinWorkshop,
  post,
  synced,
  until,
  type Client,
} from './helpers.js'
import { createDatabase, dropDatabases } from './pg-database.js'
import { onCleanup } from './helpers.js'

let redis: TestRedis
beforeAll(async () => {
  redis = await TestRedis.start()
})
afterAll(async () => {
  await redis?.kill()
  await dropDatabases()
})

const boardOf = (workshopId: WorkshopId) => docName({ workshopId, kind: 'board' })
const controlOf = (workshopId: WorkshopId) => docName({ workshopId, kind: 'control' })

/** `until` with room for several processes on a busy machine. */
const eventually = (doc: Y.Doc, predicate: () => boolean, what: string) =>
  until(doc, predicate, what, 15_000)

/** Polls an async condition until it holds (counters read over HTTP), or fails. */
async function poll(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  for (;;) {
    if (await check()) return
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function twoNodes(env: [Record<string, string>, Record<string, string>] = [{}, {}]) {
  const db = await createDatabase()
  const [a, b] = await Promise.all([
    startNode(db, redis.url, env[0]),
    startNode(db, redis.url, env[1]),
  ])
  return { db, a, b }
}

const notes = (c: Client) => boardNotes(c.doc).toString()

/** Whether the client sees someone present under this name. */
const seesPresence = (c: Client, name: string) =>
  [...c.provider.awareness.getStates().values()].some(
    (s) => (s as { user?: { name?: string } }).user?.name === name,
  )

/**
 * Two nodes, a workshop with two items and voting set up, three phones spread over the nodes
 * (each with a second page on the other node, which sees a vote once it is stored), a
 * facilitator's control document on each node, and the store read directly.
 */
async function roundScene(env?: [Record<string, string>, Record<string, string>]) {
  const { db, a, b } = await twoNodes(env)
  const w = await createWorkshop(a)
  const { workshopId } = w
  await post(
    a,
    `/api/workshops/${workshopId}/items`,
    { format: 'lines', text: 'Theatre app\nBed board' },
    w.facilitatorToken,
  )
  // Three phones, on both nodes; each votes through its node, and a second page of the same
  // phone on the other node sees the vote only once it is stored.
  const phones = await Promise.all(
    (
      [
        ['Ana', a, b],
        ['Ben', b, a],
        ['Cy', a, b],
      ] as const
    ).map(async ([name, on, echoOn]) => {
      const joined = await joinWorkshop(on, w.joinCode, name, 'g1')
      const doc = docName({ workshopId, kind: 'private', participantId: joined.participantId })
      const page = connect(on, doc, joined.token)
      const echo = connect(echoOn, doc, joined.token)
      await Promise.all([synced(page), synced(echo)])
      return { id: joined.participantId, page, echo }
    }),
  )
  const facA = connect(a, controlOf(workshopId), w.facilitatorToken)
  const facB = connect(b, controlOf(workshopId), w.facilitatorToken)
  await Promise.all([synced(facA), synced(facB)])
  facA.doc.transact(() => {
    setPhase(facA.doc, 'vote')
    setVotingSettings(facA.doc, {
      dotBudget: 3,
      maxDotsPerItem: 3,
      anonymous: false,
      voteOn: 'ideas',
    })
  })
  const board = connect(a, boardOf(workshopId), w.facilitatorToken)
  await synced(board)
  await eventually(board.doc, () => readBoard(board.doc).cards.length === 2, 'the two items')
  const items = readBoard(board.doc).cards.map((card) => itemKey.idea(card.id))

  const store = await openPgStore({ connectionString: db, poolMax: 2 })
  onCleanup(() => store.close())
  /** The control document as PostgreSQL holds it, and its log's events of one type. */
  const stored = async () => {
    const doc = new Y.Doc()
    for (const u of await store.loadDocument(controlOf(workshopId))) Y.applyUpdate(doc, u)
    const count = (type: string) => readControl(doc).log.filter((e) => e.event.type === type).length
    return { state: readRoundState(doc, dotVoting, readControl(doc).settings), count }
  }
  const both = async (action: string) => {
    const path = `/api/workshops/${workshopId}/rounds/voting/${action}`
    const answers = await Promise.all([
      post<{ error?: { message: string } }>(a, path, {}, w.facilitatorToken),
      post<{ error?: { message: string } }>(b, path, {}, w.facilitatorToken),
    ])
    return answers
      .map((r) => [r.status, r.body?.error?.message ?? null] as const)
      .sort((x, y) => x[0] - y[0])
  }
  const statusOn = (c: Client) => readRoundState(c.doc, dotVoting, null).status
  const agree = async (status: string) => {
    const expected = (await stored()).state
    expect(expected.status).toBe(status)
    for (const fac of [facA, facB]) {
      await eventually(
        fac.doc,
        () =>
          JSON.stringify(readRoundState(fac.doc, dotVoting, null).sealed) ===
            JSON.stringify(expected.sealed) && statusOn(fac) === status,
        `${status} on both nodes`,
      )
    }
  }
  return { a, b, w, workshopId, phones, facA, facB, items, store, stored, both, agree }
}

describe('several nodes, one workshop', { timeout: 60_000 }, () => {
  it('stock providers on two nodes converge on the board, with presence across nodes', async () => {
    const { a, b } = await twoNodes()
    const w = await createWorkshop(a)
    const onA = connect(a, boardOf(w.workshopId), w.facilitatorToken)
    const onB = connect(b, boardOf(w.workshopId), w.facilitatorToken)
    await Promise.all([synced(onA), synced(onB)])
    boardNotes(onA.doc).insert(0, 'from A;')
    await eventually(onB.doc, () => notes(onB).includes('from A;'), 'A → B')
    boardNotes(onB.doc).insert(0, 'from B;')
    await eventually(onA.doc, () => notes(onA).includes('from B;'), 'B → A')
    expect(notes(onA)).toBe(notes(onB))

    onA.provider.awareness.setLocalStateField('user', { name: 'Facilitator on A' })
    await poll(async () => seesPresence(onB, 'Facilitator on A'), 'A’s presence on B')
    const stats = await b.stats()
    expect(stats.store).toBe('postgresql')
    expect(stats.cluster?.redis).toBe('up')
    expect(stats.cluster?.received).toBeGreaterThan(0)
  })

  it('a write refused on one node is never seen on the other; a seal on one is a seal on all', async () => {
    const { a, b } = await twoNodes()
    const w = await createWorkshop(a)
    const ana = await joinWorkshop(b, w.joinCode, 'Ana', 'g1')
    await post(
      a,
      `/api/workshops/${w.workshopId}/items`,
      { format: 'lines', text: 'Theatre app\nBed board' },
      w.facilitatorToken,
    )
    const fac = connect(a, controlOf(w.workshopId), w.facilitatorToken)
    await synced(fac)
    fac.doc.transact(() => {
      setPhase(fac.doc, 'vote')
      setVotingSettings(fac.doc, {
        dotBudget: 3,
        maxDotsPerItem: 3,
        anonymous: true,
        voteOn: 'ideas',
      })
    })
    // Ana, on B, tries to change the phase: refused there, never seen by A. Her presence, sent
    // after it on the same socket, reaching A proves B has dealt with the write by then.
    const anaControl = connect(b, controlOf(w.workshopId), ana.token)
    await synced(anaControl)
    await eventually(
      anaControl.doc,
      () => readControl(anaControl.doc).phase === 'vote',
      'vote on B',
    )
    setPhase(anaControl.doc, 'decide')
    anaControl.provider.awareness.setLocalStateField('user', { name: 'Ana' })
    await poll(async () => seesPresence(fac, 'Ana'), 'Ana’s presence on A')
    expect(readControl(fac.doc).phase).toBe('vote')

    const open = await post(a, `/api/workshops/${w.workshopId}/voting/open`, {}, w.facilitatorToken)
    expect(open.status).toBe(204)
    // Ana votes through B; A closes as soon as B has stored the dots: the seal holds them.
    const anaPrivate = connect(
      b,
      docName({ workshopId: w.workshopId, kind: 'private', participantId: ana.participantId }),
      ana.token,
    )
    await synced(anaPrivate)
    await eventually(
      anaControl.doc,
      () => readVoting(anaControl.doc, null).status === 'open',
      'open on B',
    )
    const board = connect(a, boardOf(w.workshopId), w.facilitatorToken)
    await synced(board)
    const items = readBoard(board.doc).cards.map((card) => itemKey.idea(card.id))
    expect(items.length).toBe(2)
    const before = (await b.stats()).cluster!.published
    setVote(anaPrivate.doc, items[0]!, 2)
    await poll(async () => (await b.stats()).cluster!.published > before, 'B stored the dots')
    const action = (what: string) =>
      post(a, `/api/workshops/${w.workshopId}/voting/${what}`, {}, w.facilitatorToken)
    expect((await action('close')).status).toBe(204)
    expect((await action('reveal')).status).toBe(204)
    await eventually(fac.doc, () => readResults(fac.doc) !== null, 'results on A')
    expect(readResults(fac.doc)!.totalDots).toBe(2)
    expect((await a.stats()).cluster!.fences).toBeGreaterThan(0)
  })

  it('two facilitators closing, revealing or reopening one round on two nodes at once: one wins', async () => {
    const { a, w, workshopId, phones, facB, items, store, stored, both, agree } = await roundScene()
    const opened = await post(
      a,
      `/api/workshops/${workshopId}/rounds/voting/open`,
      {},
      w.facilitatorToken,
    )
    expect(opened.status).toBe(204)
    await agree('open')
    for (let round = 0; round < 3; round++) {
      // Every phone votes, differently each round, and its vote is stored.
      const votes = phones.map((_, i) => ({ [items[(i + round) % 2]!]: 1 + ((i + round) % 3) }))
      phones.forEach((p, i) => {
        p.page.doc.transact(() => {
          for (const item of items) setVote(p.page.doc, item, votes[i]![item] ?? 0)
        })
      })
      for (const [i, p] of phones.entries()) {
        const want = JSON.stringify(votes[i])
        await eventually(
          p.echo.doc,
          () => JSON.stringify(readRawVotes(p.echo.doc)) === want,
          'the vote stored',
        )
      }

      expect(await both('close')).toEqual([
        [204, null],
        [409, 'Voting is not open'],
      ])
      const closed = await stored()
      expect(closed.count('round-closed')).toBe(round + 1)
      const sealBytes = await store.getSealed(workshopId, 'votes')
      const seal = JSON.parse(new TextDecoder().decode(sealBytes!)) as {
        closedAt: number
        inputs: Record<string, unknown>
      }
      // The seal the round says it has, holding every phone's vote.
      expect(seal.closedAt).toBe(closed.state.closedAt)
      expect(closed.state.sealed).toEqual({ participants: 3, submitted: 3, unreadable: 0 })
      phones.forEach((p, i) => expect(seal.inputs[p.id]).toEqual(votes[i]))
      await agree('closed')

      expect(await both('reveal')).toEqual([
        [204, null],
        [409, 'Close voting before revealing the results'],
      ])
      expect((await stored()).count('round-revealed')).toBe(round + 1)
      await agree('revealed')
      await eventually(facB.doc, () => readResults(facB.doc) !== null, 'results on B')

      expect(await both('reopen')).toEqual([
        [204, null],
        [409, 'Voting is already open'],
      ])
      expect((await stored()).count('round-opened')).toBe(round + 2)
      await agree('open')
    }
  })

  it('with Redis away, two closes at once on two nodes still seal once', async () => {
    // No sweep during the test: what the loser knows of the round comes from the store alone.
    const slow = { CLUSTER_SWEEP_MS: '600000' }
    const { a, b, w, workshopId, phones, items, store, stored, both, agree } = await roundScene([
      slow,
      slow,
    ])
    const open = await post(
      a,
      `/api/workshops/${workshopId}/rounds/voting/open`,
      {},
      w.facilitatorToken,
    )
    expect(open.status).toBe(204)
    await agree('open')
    phones.forEach((p, i) => setVote(p.page.doc, items[i % 2]!, 1))
    for (const [i, p] of phones.entries()) {
      const want = JSON.stringify({ [items[i % 2]!]: 1 })
      await eventually(
        p.echo.doc,
        () => JSON.stringify(readRawVotes(p.echo.doc)) === want,
        'the vote stored',
      )
    }
    await redis.kill()
    try {
      for (const node of [a, b]) {
        await poll(async () => (await node.stats()).cluster!.redis === 'down', 'Redis down')
      }
      expect(await both('close')).toEqual([
        [204, null],
        [409, 'Voting is not open'],
      ])
    } finally {
      await redis.restart()
    }
    const closed = await stored()
    expect(closed.count('round-closed')).toBe(1)
    const seal = JSON.parse(
      new TextDecoder().decode((await store.getSealed(workshopId, 'votes'))!),
    ) as { closedAt: number; inputs: Record<string, unknown> }
    expect(seal.closedAt).toBe(closed.state.closedAt)
    phones.forEach((p, i) => expect(seal.inputs[p.id]).toEqual({ [items[i % 2]!]: 1 }))
    await agree('closed')
  })

  it('kill -9 of a node during a storm loses nothing accepted; its clients go on at the other', async () => {
    const { a, b } = await twoNodes()
    const w = await createWorkshop(a)
    const name = boardOf(w.workshopId)
    const writersA = [connect(a, name, w.facilitatorToken), connect(a, name, w.facilitatorToken)]
    const writersB = [connect(b, name, w.facilitatorToken), connect(b, name, w.facilitatorToken)]
    const watcher = connect(b, name, w.facilitatorToken)
    await Promise.all([...writersA, ...writersB, watcher].map(synced))
    const all = [...writersA, ...writersB]
    // Each writer adds its own tokens; the watcher on B records what it saw before the kill:
    // B broadcasts only what is stored, so every one of those is accepted.
    const write = (round: number) =>
      all.forEach((c, i) => boardNotes(c.doc).insert(boardNotes(c.doc).length, `w${i}r${round};`))
    for (let round = 0; round < 20; round++) write(round)
    await eventually(watcher.doc, () => notes(watcher).includes('w1r10;'), 'storm from A seen on B')
    await a.kill()
    const seenBeforeKill = notes(watcher).split(';').filter(Boolean)
    for (let round = 20; round < 30; round++) write(round)
    // A's clients reconnect through the other node (the load balancer's job), same documents.
    const moved = writersA.map((c) => {
      c.provider.destroy()
      const again = connect(b, name, w.facilitatorToken)
      Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(c.doc))
      return again
    })
    await Promise.all(moved.map(synced))
    const expected = 4 * 30
    const complete = (c: Client) => notes(c).split(';').filter(Boolean).length === expected
    for (const c of [...moved, ...writersB, watcher]) {
      await eventually(c.doc, () => complete(c), 'every token on every client')
    }
    const fresh = connect(b, name, w.facilitatorToken)
    await synced(fresh)
    const stored = new Set(notes(fresh).split(';').filter(Boolean))
    for (const token of seenBeforeKill) expect(stored.has(token)).toBe(true)
    expect(stored.size).toBe(expected)
  })

  it('Redis restarted mid-session: each node serves its own, then all reconcile', async () => {
    const { a, b } = await twoNodes([{ CLUSTER_SWEEP_MS: '300' }, { CLUSTER_SWEEP_MS: '300' }])
    const w = await createWorkshop(a)
    const onA = connect(a, boardOf(w.workshopId), w.facilitatorToken)
    const onB = connect(b, boardOf(w.workshopId), w.facilitatorToken)
    await Promise.all([synced(onA), synced(onB)])
    boardNotes(onA.doc).insert(0, 'before;')
    await eventually(onB.doc, () => notes(onB).includes('before;'), 'before the outage')
    await redis.kill()
    await poll(async () => (await a.stats()).cluster!.redis === 'down', 'A sees Redis down')
    boardNotes(onA.doc).insert(0, 'during-A;')
    boardNotes(onB.doc).insert(0, 'during-B;')
    // With Redis away, the sweep reads the other node's rows from PostgreSQL.
    await eventually(onB.doc, () => notes(onB).includes('during-A;'), 'A’s write on B, Redis down')
    await eventually(onA.doc, () => notes(onA).includes('during-B;'), 'B’s write on A, Redis down')
    // A document first opened during the outage loads and syncs all the same.
    const dana = await joinWorkshop(a, w.joinCode, 'Dana', 'g1')
    const danaPrivate = connect(
      b,
      docName({ workshopId: w.workshopId, kind: 'private', participantId: dana.participantId }),
      dana.token,
    )
    await synced(danaPrivate)
    await redis.restart()
    await poll(async () => (await a.stats()).cluster!.redis === 'up', 'A sees Redis back')
    await poll(async () => (await b.stats()).cluster!.redis === 'up', 'B sees Redis back')
    boardNotes(onA.doc).insert(0, 'after;')
    await eventually(onB.doc, () => notes(onB).includes('after;'), 'after the outage')
    expect(notes(onA)).toBe(notes(onB))
    const stats = await b.stats()
    expect(stats.cluster!.updatesReplayed).toBeGreaterThan(0)
  })

  it('messages dropped between nodes are repaired from the store, and counted', async () => {
    // A drops every third update it publishes: B sees the gap at the next one and repairs it
    // from the store; a dropped last update has no next one, so B's sweep finds it.
    const { a, b } = await twoNodes([{ CLUSTER_DROP_EVERY: '3' }, { CLUSTER_SWEEP_MS: '2000' }])
    const w = await createWorkshop(a)
    const onA = connect(a, boardOf(w.workshopId), w.facilitatorToken)
    const onB = connect(b, boardOf(w.workshopId), w.facilitatorToken)
    const echo = connect(a, boardOf(w.workshopId), w.facilitatorToken)
    await Promise.all([synced(onA), synced(onB), synced(echo)])
    for (let i = 0; i < 10; i++) {
      boardNotes(onA.doc).insert(boardNotes(onA.doc).length, `n${i};`)
      // One stored batch each: A's other client gets it only once A has stored and sent it on.
      await eventually(echo.doc, () => notes(echo).includes(`n${i};`), `n${i} stored on A`)
    }
    await eventually(onB.doc, () => notes(onB) === notes(onA), 'B has all ten')
    const [sa, sb] = await Promise.all([a.stats(), b.stats()])
    expect(sa.cluster!.droppedOnPurpose).toBeGreaterThanOrEqual(3)
    expect(sb.cluster!.gapsDetected).toBeGreaterThan(0)
    expect(sb.cluster!.gapsRepaired).toBeGreaterThan(0)
    expect(sb.cluster!.updatesReplayed).toBeGreaterThanOrEqual(3)
  })

  it('three nodes: deleting a workshop or removing a participant on one closes connections on all', async () => {
    const db = await createDatabase()
    const [a, b, c] = await Promise.all([
      startNode(db, redis.url),
      startNode(db, redis.url),
      startNode(db, redis.url),
    ])
    const w = await createWorkshop(a)
    const ana = await joinWorkshop(b, w.joinCode, 'Ana', 'g1')
    const onB = connect(b, boardOf(w.workshopId), ana.token)
    const onC = connect(c, boardOf(w.workshopId), w.facilitatorToken)
    const onA = connect(a, boardOf(w.workshopId), w.facilitatorToken)
    await Promise.all([synced(onA), synced(onB), synced(onC)])
    boardNotes(onC.doc).insert(0, 'from C;')
    await eventually(onA.doc, () => notes(onA).includes('from C;'), 'C → A')
    await eventually(onB.doc, () => notes(onB).includes('from C;'), 'C → B')

    const anaClosed = closeCode(onB)
    const removed = await fetch(
      `${a.url}/api/workshops/${w.workshopId}/participants/${ana.participantId}`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${w.facilitatorToken}` },
      },
    )
    expect(removed.status).toBe(204)
    expect(await anaClosed).toBe(CLOSE.removed)
    onB.provider.disconnect()

    const cClosed = closeCode(onC)
    const deleted = await fetch(`${a.url}/api/workshops/${w.workshopId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    })
    expect(deleted.status).toBe(204)
    expect(await cClosed).toBe(CLOSE.gone)
    onC.provider.disconnect()
    onA.provider.disconnect()
  })
})
