// The brainstorm on a real server: the timer in server time, drafts that stay private until
// the reveal, what the board lets a participant do, the facilitator's items and open adding.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addIdeas,
  createCluster,
  deleteIdea,
  docName,
  ideaText,
  moveIdea,
  parseDocName,
  putDraft,
  readBoard,
  readControl,
  readPrivate,
  setBoardLocked,
  setCollectMode,
  setPhase,
  setTimer,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import {
  connect,
  joinWorkshop,
  post,
  startServer,
  synced,
  tempDir,
  until,
  type Client,
  type TestServer,
} from './helpers.js'

const ref = {
  board: (workshopId: WorkshopId) => docName({ workshopId, kind: 'board' }),
  control: (workshopId: WorkshopId) => docName({ workshopId, kind: 'control' }),
  private: (workshopId: WorkshopId, participantId: ParticipantId) =>
    docName({ workshopId, kind: 'private', participantId }),
}

function serverDoc<T>(server: TestServer, name: string, fn: (doc: Y.Doc) => T): Promise<T> {
  return server.app.rooms.read(parseDocName(name)!, fn)
}

async function flushed(server: TestServer, name: string): Promise<void> {
  const lease = await server.app.rooms.acquire(parseDocName(name)!)
  await lease.room.flushed()
  lease.release()
}

/** Resolves once the server has answered a permission-denied for this client's document. */
function refused(client: Client): Promise<string> {
  return new Promise((resolve) => {
    const original = client.provider.messageHandlers[2]!
    client.provider.messageHandlers[2] = (encoder, decoder, provider, emitSynced, type) => {
      const reason = decoder.arr.slice(decoder.pos)
      original(encoder, decoder, provider, emitSynced, type)
      resolve(new TextDecoder().decode(reason))
    }
  })
}

async function connected(server: TestServer, name: string, token: string): Promise<Client> {
  const client = connect(server, name, token)
  await synced(client)
  return client
}

async function setup(server: TestServer, { anonymous = true } = {}) {
  const created = await post<{
    workshopId: WorkshopId
    joinCode: string
    facilitatorToken: string
  }>(server, '/api/workshops', {
    title: 'Theatre scheduling',
    groups: ['Surgeons', 'Radiologists'],
    anonymous,
  })
  expect(created.status).toBe(201)
  const { workshopId, joinCode, facilitatorToken } = created.body
  const dana = await joinWorkshop(server, joinCode, 'Dana', 'g1')
  const eli = await joinWorkshop(server, joinCode, 'Eli', 'g2')
  await serverChange(server, ref.control(workshopId), (d) => setPhase(d, 'brainstorm'))
  return { workshopId, joinCode, facilitatorToken, dana, eli }
}

/** A change made by the server itself (stored and broadcast when this resolves). */
function serverChange(server: TestServer, name: string, fn: (doc: Y.Doc) => void): Promise<void> {
  return server.app.rooms.change(parseDocName(name)!, fn)
}

/** Resolves once the server's copy of a document satisfies `predicate`. */
async function serverUntil(
  server: TestServer,
  name: string,
  predicate: (doc: Y.Doc) => boolean,
  what: string,
): Promise<void> {
  const lease = await server.app.rooms.acquire(parseDocName(name)!)
  try {
    await until(lease.room.doc, () => predicate(lease.room.doc), what)
  } finally {
    lease.release()
  }
}

describe('server time and the timer', () => {
  it('tells the time', async () => {
    const server = await startServer()
    const before = Date.now()
    const res = await fetch(`${server.url}/api/time`)
    const { now } = (await res.json()) as { now: number }
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('starts, extends and clears the timer in server time; only the facilitator may', async () => {
    const server = await startServer()
    const { workshopId, facilitatorToken, dana } = await setup(server)
    const path = `/api/workshops/${workshopId}/timer`
    expect((await post(server, path, { action: 'start', seconds: 60 })).status).toBe(401)
    expect((await post(server, path, { action: 'start', seconds: 60 }, dana.token)).status).toBe(
      403,
    )
    const bad = await post<{ error: { message: string } }>(
      server,
      path,
      { action: 'start', seconds: 0 },
      facilitatorToken,
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/at least 1 second/)
    const none = await post<{ error: { message: string } }>(
      server,
      path,
      { action: 'add', seconds: 60 },
      facilitatorToken,
    )
    expect(none.status).toBe(409)
    expect(none.body.error.message).toMatch(/No timer/)

    const before = Date.now()
    const start = await post(
      server,
      path,
      { action: 'start', seconds: 300, onZero: 'notify' },
      facilitatorToken,
    )
    expect(start.status).toBe(204)
    const timer = await serverDoc(server, ref.control(workshopId), (d) => readControl(d).timer)
    expect(timer).toMatchObject({ durationMs: 300_000, onZero: 'notify' })
    expect(timer!.endsAt).toBeGreaterThanOrEqual(before + 300_000)
    expect(timer!.endsAt).toBeLessThanOrEqual(Date.now() + 300_000)

    expect(
      (await post(server, path, { action: 'add', seconds: 60 }, facilitatorToken)).status,
    ).toBe(204)
    const extended = await serverDoc(server, ref.control(workshopId), (d) => readControl(d).timer)
    expect(extended!.endsAt).toBe(timer!.endsAt + 60_000)
    expect(extended!.durationMs).toBe(360_000)
    const log = await serverDoc(server, ref.control(workshopId), (d) => readControl(d).log)
    expect(log.map((e) => e.text)).toContain('Timer started: 5 min, notify only at zero')

    expect((await post(server, path, { action: 'clear' }, facilitatorToken)).status).toBe(204)
    expect(await serverDoc(server, ref.control(workshopId), (d) => readControl(d).timer)).toBeNull()
  })

  it('keeps the timer across a server restart', async () => {
    const dataDir = tempDir()
    const first = await startServer({}, dataDir)
    const { workshopId, facilitatorToken } = await setup(first)
    await post(
      first,
      `/api/workshops/${workshopId}/timer`,
      { action: 'start', seconds: 600 },
      facilitatorToken,
    )
    const timer = await serverDoc(first, ref.control(workshopId), (d) => readControl(d).timer)
    await first.close()

    const second = await startServer({}, dataDir)
    const client = await connected(second, ref.control(workshopId), facilitatorToken)
    expect(readControl(client.doc).timer).toEqual(timer)
    expect(readControl(client.doc).phase).toBe('brainstorm')
  })
})

describe('drafts stay private until the reveal', () => {
  it('refuses draft changes once a stop timer ran out, and takes them again when cleared', async () => {
    const server = await startServer()
    const { workshopId, dana } = await setup(server)
    const name = ref.private(workshopId, dana.participantId)
    const phone = await connected(server, name, dana.token)
    putDraft(phone.doc, 'd1', 'Before time is up', 1)
    await serverUntil(server, name, (d) => readPrivate(d).drafts.length === 1, 'first draft')

    await serverChange(server, ref.control(workshopId), (d) =>
      setTimer(d, { endsAt: Date.now() - 1, durationMs: 60_000, onZero: 'stop' }),
    )
    const denial = refused(phone)
    putDraft(phone.doc, 'd2', 'After time is up', 2)
    expect(await denial).toMatch(/read-only/)
    await flushed(server, name)
    expect((await serverDoc(server, name, readPrivate)).drafts.map((d) => d.text)).toEqual([
      'Before time is up',
    ])

    // "Only notify" leaves input open even after zero.
    await serverChange(server, ref.control(workshopId), (d) =>
      setTimer(d, { endsAt: Date.now() - 1, durationMs: 60_000, onZero: 'notify' }),
    )
    const fresh = await connected(server, name, dana.token)
    putDraft(fresh.doc, 'd3', 'Notify only', 3)
    await serverUntil(server, name, (d) => readPrivate(d).drafts.length === 2, 'notify draft')
  })

  it("reveals drafts as anonymous ideas, records them as the author's own, and counts progress", async () => {
    const server = await startServer()
    const { workshopId, facilitatorToken, dana, eli } = await setup(server)
    const danaPhone = await connected(
      server,
      ref.private(workshopId, dana.participantId),
      dana.token,
    )
    const eliPhone = await connected(server, ref.private(workshopId, eli.participantId), eli.token)
    const controlView = await connected(server, ref.control(workshopId), facilitatorToken)
    putDraft(danaPhone.doc, 'a', 'Shorter theatre turnaround', 1)
    putDraft(danaPhone.doc, 'b', 'Digital consent forms', 2)
    putDraft(eliPhone.doc, 'c', 'PACS on tablets', 3)
    await until(
      controlView.doc,
      () =>
        readControl(controlView.doc).progress[dana.participantId]?.drafts === 2 &&
        readControl(controlView.doc).progress[eli.participantId]?.drafts === 1,
      'progress counts',
    )
    // Progress says how many, never what.
    expect(JSON.stringify(Y.encodeStateAsUpdate(controlView.doc))).not.toContain('turnaround')
    expect(await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards)).toEqual([])

    const res = await post<{ revealed: number; skipped: number }>(
      server,
      `/api/workshops/${workshopId}/reveal`,
      {},
      facilitatorToken,
    )
    expect(res).toEqual({ status: 200, body: { revealed: 3, skipped: 0 } })
    const cards = await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards)
    expect(cards.map((c) => c.text).sort()).toEqual([
      'Digital consent forms',
      'PACS on tablets',
      'Shorter theatre turnaround',
    ])
    expect(cards.every((c) => c.author === null && c.source === 'participant')).toBe(true)
    const board = await serverDoc(server, ref.board(workshopId), (d) => Y.encodeStateAsUpdate(d))
    const wire = Buffer.from(board).toString('latin1')
    for (const id of [dana.participantId, eli.participantId, 'Dana', 'Eli']) {
      expect(wire).not.toContain(id)
    }
    await until(danaPhone.doc, () => readPrivate(danaPhone.doc).mine.size === 2, 'Dana owns two')
    const mine = readPrivate(danaPhone.doc)
    expect(mine.drafts).toEqual([])
    expect(
      cards
        .filter((c) => mine.mine.has(c.id))
        .map((c) => c.text)
        .sort(),
    ).toEqual(['Digital consent forms', 'Shorter theatre turnaround'])
    await until(
      controlView.doc,
      () => readControl(controlView.doc).progress[dana.participantId]?.revealed === 2,
      'revealed count',
    )
    expect(readControl(controlView.doc).progress[dana.participantId]).toEqual({
      drafts: 0,
      revealed: 2,
      dots: 0,
    })
    expect(readControl(controlView.doc).log.at(-1)?.text).toBe('Revealed 3 ideas (round 1)')

    // A second reveal with nothing new adds nothing.
    const again = await post(server, `/api/workshops/${workshopId}/reveal`, {}, facilitatorToken)
    expect(again.body).toEqual({ revealed: 0, skipped: 0 })
    expect(await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards.length)).toBe(3)
  })

  it('attributes revealed ideas when the workshop is not anonymous', async () => {
    const server = await startServer()
    const { workshopId, facilitatorToken, dana } = await setup(server, { anonymous: false })
    const phone = await connected(server, ref.private(workshopId, dana.participantId), dana.token)
    putDraft(phone.doc, 'a', 'Attributed idea', 1)
    await serverUntil(
      server,
      ref.private(workshopId, dana.participantId),
      (d) => readPrivate(d).drafts.length === 1,
      'draft',
    )
    await post(server, `/api/workshops/${workshopId}/reveal`, {}, facilitatorToken)
    const cards = await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards)
    expect(cards).toHaveLength(1)
    expect(cards[0]!.author).toEqual({
      participantId: dana.participantId,
      name: 'Dana',
      group: 'g1',
    })
  })

  it('only the facilitator reveals', async () => {
    const server = await startServer()
    const { workshopId, dana } = await setup(server)
    const res = await post(server, `/api/workshops/${workshopId}/reveal`, {}, dana.token)
    expect(res.status).toBe(403)
  })
})

describe('what a participant may do to the board', () => {
  async function revealed(server: TestServer) {
    const s = await setup(server)
    for (const [who, text] of [
      [s.dana, 'Dana idea'],
      [s.eli, 'Eli idea'],
    ] as const) {
      const phone = await connected(server, ref.private(s.workshopId, who.participantId), who.token)
      putDraft(phone.doc, 'x', text, 1)
      await serverUntil(
        server,
        ref.private(s.workshopId, who.participantId),
        (d) => readPrivate(d).drafts.length === 1,
        'draft',
      )
    }
    await post(server, `/api/workshops/${s.workshopId}/reveal`, {}, s.facilitatorToken)
    const cards = await serverDoc(server, ref.board(s.workshopId), (d) => readBoard(d).cards)
    const idOf = (text: string) => cards.find((c) => c.text === text)!.id
    return { ...s, dana: s.dana, danaIdea: idOf('Dana idea'), eliIdea: idOf('Eli idea') }
  }

  it('moves, clusters and edits text together, and deletes only its own ideas', async () => {
    const server = await startServer()
    const { workshopId, dana, danaIdea, eliIdea, facilitatorToken } = await revealed(server)
    const board = await connected(server, ref.board(workshopId), dana.token)
    createCluster(board.doc, 'k1', 'Theatre', 1)
    moveIdea(board.doc, eliIdea, 'k1')
    ideaText(board.doc, eliIdea)!.insert(0, 'Edited: ')
    await serverUntil(
      server,
      ref.board(workshopId),
      (d) =>
        readBoard(d).clusters[0]?.cardIds.includes(eliIdea) === true &&
        readBoard(d).cards.some((c) => c.text === 'Edited: Eli idea'),
      'move and edit',
    )

    const denial = refused(board)
    deleteIdea(board.doc, eliIdea)
    expect(await denial).toMatch(/only your own ideas/)
    await flushed(server, ref.board(workshopId))
    expect(await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards.length)).toBe(2)

    // A fresh connection (the refused change poisons the old document's later updates).
    const again = await connected(server, ref.board(workshopId), dana.token)
    deleteIdea(again.doc, danaIdea)
    await serverUntil(
      server,
      ref.board(workshopId),
      (d) => readBoard(d).cards.length === 1,
      'own idea deleted',
    )

    // The facilitator may delete any idea.
    const facilitator = await connected(server, ref.board(workshopId), facilitatorToken)
    deleteIdea(facilitator.doc, eliIdea)
    await serverUntil(
      server,
      ref.board(workshopId),
      (d) => readBoard(d).cards.length === 0,
      'deleted by facilitator',
    )
  })

  it('refuses ideas written straight onto the board by a participant', async () => {
    const server = await startServer()
    const { workshopId, dana } = await setup(server)
    const board = await connected(server, ref.board(workshopId), dana.token)
    const denial = refused(board)
    addIdeas(board.doc, [
      { id: 'forged', text: 'Sneaked in', createdAt: 1, source: 'facilitator', round: 1 },
    ])
    expect(await denial).toMatch(/only the server adds ideas/)
    await flushed(server, ref.board(workshopId))
    expect(await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards)).toEqual([])
  })

  it('refuses every change while the board is locked', async () => {
    const server = await startServer()
    const { workshopId, dana, eliIdea } = await revealed(server)
    await serverChange(server, ref.control(workshopId), (d) => setBoardLocked(d, true))
    const board = await connected(server, ref.board(workshopId), dana.token)
    const denial = refused(board)
    moveIdea(board.doc, eliIdea, null)
    createCluster(board.doc, 'k9', 'Locked out', 1, [eliIdea])
    expect(await denial).toMatch(/read-only/)
    await flushed(server, ref.board(workshopId))
    expect(await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).clusters)).toEqual([])
  })
})

describe("the facilitator's items", () => {
  it('adds a pasted list and a CSV as candidate items, in order, skipping blanks and duplicates', async () => {
    const server = await startServer()
    const { workshopId, facilitatorToken } = await setup(server)
    const path = `/api/workshops/${workshopId}/items`
    const lines = await post(
      server,
      path,
      { format: 'lines', text: '- Theatre app\n\n2. Bed board\ntheatre app\n' },
      facilitatorToken,
    )
    expect(lines).toEqual({ status: 200, body: { added: 2, skipped: 1 } })
    const csv = await post(
      server,
      path,
      { format: 'csv', text: 'Owner,Title\nAnn,"Discharge, faster"\nBo,=HYPERLINK("x")\n' },
      facilitatorToken,
    )
    expect(csv).toEqual({ status: 200, body: { added: 2, skipped: 0 } })
    const cards = await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards)
    expect(cards.map((c) => c.text)).toEqual([
      'Theatre app',
      'Bed board',
      'Discharge, faster',
      '=HYPERLINK("x")',
    ])
    expect(cards.every((c) => c.source === 'facilitator' && c.author === null)).toBe(true)
  })

  it('says what is wrong with an empty or oversized list', async () => {
    const server = await startServer()
    const { workshopId, facilitatorToken, dana } = await setup(server)
    const path = `/api/workshops/${workshopId}/items`
    const empty = await post<{ error: { message: string } }>(
      server,
      path,
      { format: 'lines', text: '\n \n' },
      facilitatorToken,
    )
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toBe('The list has no items')
    const huge = await post<{ error: { message: string } }>(
      server,
      path,
      { format: 'lines', text: 'x'.repeat(100_001) },
      facilitatorToken,
    )
    expect(huge.status).toBe(400)
    expect(huge.body.error.message).toMatch(/at most 100,000 characters/)
    expect((await post(server, path, { format: 'lines', text: 'A' }, dana.token)).status).toBe(403)
  })
})

describe('open adding', () => {
  it('is refused during silent drafting and adds straight to the board once opened', async () => {
    const server = await startServer()
    const { workshopId, dana, facilitatorToken } = await setup(server, { anonymous: false })
    const path = `/api/workshops/${workshopId}/ideas`
    const silent = await post<{ error: { message: string } }>(
      server,
      path,
      { text: 'Too early' },
      dana.token,
    )
    expect(silent.status).toBe(409)
    expect(silent.body.error.message).toMatch(/not opened adding/)

    await serverChange(server, ref.control(workshopId), (d) => setCollectMode(d, 'open'))
    const empty = await post<{ error: { message: string } }>(
      server,
      path,
      { text: '   ' },
      dana.token,
    )
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toMatch(/cannot be empty/)
    expect((await post(server, path, { text: 'Facilitator?' }, facilitatorToken)).status).toBe(403)

    const added = await post<{ ideaId: string }>(server, path, { text: 'Open idea' }, dana.token)
    expect(added.status).toBe(201)
    const cards = await serverDoc(server, ref.board(workshopId), (d) => readBoard(d).cards)
    expect(cards).toMatchObject([
      { id: added.body.ideaId, text: 'Open idea', author: { name: 'Dana' } },
    ])
    const mine = await serverDoc(server, ref.private(workshopId, dana.participantId), readPrivate)
    expect(mine.mine.has(added.body.ideaId)).toBe(true)

    await serverChange(server, ref.control(workshopId), (d) => setBoardLocked(d, true))
    const locked = await post<{ error: { message: string } }>(
      server,
      path,
      { text: 'Locked' },
      dana.token,
    )
    expect(locked.status).toBe(409)
    expect(locked.body.error.message).toBe('The facilitator has locked the board')
  })
})
