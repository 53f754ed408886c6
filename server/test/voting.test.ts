// Dot voting on a real server: votes stay in private documents, a hostile ballot counts within
// the rules, closing seals the votes, and the reveal publishes counted results.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  docName,
  itemKey,
  parseDocName,
  readBoard,
  readControl,
  readResults,
  readVoting,
  setPhase,
  setVote,
  setVotingSettings,
  type JoinResponse,
  type WorkshopId,
} from '@triage/shared'
import {
  connect,
  joinWorkshop,
  post,
  startServer,
  synced,
  until,
  type TestServer,
} from './helpers.js'
import { rawConnect, updateMessage } from './raw-client.js'

interface Setup {
  workshopId: WorkshopId
  facilitatorToken: string
  ana: JoinResponse
  ben: JoinResponse
  cy: JoinResponse
  items: string[]
}

const controlName = (workshopId: WorkshopId) => docName({ workshopId, kind: 'control' })
const privateName = (workshopId: WorkshopId, p: JoinResponse) =>
  docName({ workshopId, kind: 'private', participantId: p.participantId })

function read<T>(server: TestServer, name: string, fn: (doc: Y.Doc) => T): Promise<T> {
  return server.app.rooms.read(parseDocName(name)!, fn)
}

/** Three items, Surgeons Ana and Ben, Radiologist Cy; voting on ideas, 5 dots, 3 per item. */
async function setup(server: TestServer, anonymous = true): Promise<Setup> {
  const created = await post<{
    workshopId: WorkshopId
    joinCode: string
    facilitatorToken: string
  }>(server, '/api/workshops', {
    title: 'Imaging roadmap',
    groups: ['Surgeons', 'Radiologists'],
    anonymous,
  })
  const { workshopId, joinCode, facilitatorToken } = created.body
  const ana = await joinWorkshop(server, joinCode, 'Ana', 'g1')
  const ben = await joinWorkshop(server, joinCode, 'Ben', 'g1')
  const cy = await joinWorkshop(server, joinCode, 'Cy', 'g2')
  const added = await post(
    server,
    `/api/workshops/${workshopId}/items`,
    { format: 'lines', text: 'Theatre app\nBed board\nCT triage' },
    facilitatorToken,
  )
  expect(added.status).toBe(200)
  await server.app.rooms.change(parseDocName(controlName(workshopId))!, (doc) => {
    setPhase(doc, 'vote')
    setVotingSettings(doc, { dotBudget: 5, maxDotsPerItem: 3, anonymous, voteOn: 'ideas' })
  })
  const board = await read(server, docName({ workshopId, kind: 'board' }), readBoard)
  return {
    workshopId,
    facilitatorToken,
    ana,
    ben,
    cy,
    items: board.cards.map((c) => itemKey.idea(c.id)),
  }
}

const action = (server: TestServer, s: Setup, what: string, token = s.facilitatorToken) =>
  post<{ error?: { message: string } }>(
    server,
    `/api/workshops/${s.workshopId}/voting/${what}`,
    {},
    token,
  )

/** Votes through a stock provider and waits until the server has them. */
async function vote(server: TestServer, s: Setup, who: JoinResponse, dots: Record<string, number>) {
  const client = connect(server, privateName(s.workshopId, who), who.token)
  await synced(client)
  client.doc.transact(() => {
    for (const [key, n] of Object.entries(dots)) setVote(client.doc, key, n)
  })
  const lease = await server.app.rooms.acquire(parseDocName(privateName(s.workshopId, who))!)
  try {
    await until(
      lease.room.doc,
      () =>
        JSON.stringify(lease.room.doc.getMap('votes').toJSON()) ===
        JSON.stringify(client.doc.getMap('votes').toJSON()),
      'votes on the server',
    )
  } finally {
    lease.release()
  }
  return client
}

describe('dot voting', () => {
  it('counts a raw client that writes 100 dots with at most the budget', async () => {
    const server = await startServer()
    const s = await setup(server)
    expect((await action(server, s, 'open')).status).toBe(204)

    // A raw websocket client, no provider: one update putting 100 dots on every item.
    const hostile = new Y.Doc()
    hostile.transact(() => {
      for (const key of s.items) hostile.getMap('votes').set(key, 100)
      hostile.getMap('votes').set('i:not-an-item', 100)
    })
    const raw = rawConnect(server, privateName(s.workshopId, s.ana), s.ana.token)
    await raw.opened
    raw.send(updateMessage(Y.encodeStateAsUpdate(hostile)))
    const control = connect(server, controlName(s.workshopId), s.facilitatorToken)
    await synced(control)
    // The facilitator's progress counts the ballot as it would count: within the budget.
    await until(
      control.doc,
      () => readControl(control.doc).progress[s.ana.participantId]?.dots === 5,
      'progress',
    )

    expect((await action(server, s, 'close')).status).toBe(204)
    expect((await action(server, s, 'reveal')).status).toBe(204)
    const results = await read(server, controlName(s.workshopId), readResults)
    expect(results!.totalDots).toBe(5)
    // Board order: 3 on the first item (the cap), the 2 left of the budget on the second.
    expect(results!.items.map((i) => i.total)).toEqual([3, 2, 0])
    expect(results!.voters).toBe(1)
  })

  it('keeps where dots went out of every shared document until the reveal, then publishes per-group and normalised results', async () => {
    const server = await startServer()
    const s = await setup(server)
    const [theatre, bed, ct] = s.items as [string, string, string]
    const watcher = rawConnect(server, controlName(s.workshopId), s.cy.token)
    await watcher.opened
    expect((await action(server, s, 'open')).status).toBe(204)

    // Surgeons (2 people): Ana 3 theatre + 2 bed, Ben 3 theatre + 2 ct → theatre 6, bed 2, ct 2.
    // Radiologists (1 person): Cy 3 ct + 2 bed → ct 3, bed 2.
    await vote(server, s, s.ana, { [theatre]: 3, [bed]: 2 })
    await vote(server, s, s.ben, { [theatre]: 3, [ct]: 2 })
    const late = await vote(server, s, s.cy, { [ct]: 3, [bed]: 2 })
    await server.app.progress.flush()
    const progress = await read(server, controlName(s.workshopId), (d) => readControl(d).progress)
    expect([s.ana, s.ben, s.cy].map((p) => progress[p.participantId]?.dots)).toEqual([5, 5, 5])

    expect((await action(server, s, 'close')).status).toBe(204)
    // A change after closing is not counted: Cy moves everything to theatre.
    late.doc.transact(() => {
      setVote(late.doc, ct, 0)
      setVote(late.doc, bed, 0)
      setVote(late.doc, theatre, 3)
    })
    const reveal = await action(server, s, 'reveal')
    expect(reveal.status).toBe(204)

    const results = (await read(server, controlName(s.workshopId), readResults))!
    // Totals: theatre 6, bed 2 + 2 = 4, ct 2 + 3 = 5 → raw ranking theatre, ct, bed.
    expect(results.items.map((i) => [i.total, i.byGroup])).toEqual([
      [6, { g1: 6 }],
      [4, { g1: 2, g2: 2 }],
      [5, { g1: 2, g2: 3 }],
    ])
    expect(results.items.map((i) => i.rank)).toEqual([1, 3, 2])
    // Normalised: Surgeons' 10 dots and Radiologists' 5 weigh the same.
    // theatre (6/10 + 0/5)/2 = 0.3; bed (2/10 + 2/5)/2 = 0.3; ct (2/10 + 3/5)/2 = 0.4.
    expect(results.items.map((i) => i.normalized)).toEqual([
      expect.closeTo(0.3, 9),
      expect.closeTo(0.3, 9),
      expect.closeTo(0.4, 9),
    ])
    // ct leads once groups count equally; theatre and bed tie for second.
    expect(results.items.map((i) => i.normalizedRank)).toEqual([2, 2, 1])
    expect(results.groups).toEqual([
      { id: 'g1', name: 'Surgeons', voters: 2, members: 2, dots: 10 },
      { id: 'g2', name: 'Radiologists', voters: 1, members: 1, dots: 5 },
    ])
    expect(results.ballots).toBeNull()
    const log = await read(server, controlName(s.workshopId), (d) =>
      readControl(d).log.map((e) => e.text),
    )
    expect(log).toContain('Voting closed: 3 of 3 participants placed dots')
    expect(log).toContain('Results revealed: "Theatre app" first with 6 dots; 3 participants voted')
    expect(await read(server, controlName(s.workshopId), (d) => readVoting(d, null).status)).toBe(
      'revealed',
    )

    // Nothing the control document sent before the reveal said where a dot went.
    const beforeReveal = watcher.frames.slice(0, watcher.frames.length)
    const revealedAt = beforeReveal.findIndex((f) => f.includes(Buffer.from('normalized')))
    expect(revealedAt).toBeGreaterThan(0)
    for (const frame of beforeReveal.slice(0, revealedAt)) {
      for (const key of s.items) expect(frame.includes(Buffer.from(key))).toBe(false)
    }
  })

  it('names who voted where only when voting is open, not anonymous', async () => {
    const server = await startServer()
    const s = await setup(server, false)
    await action(server, s, 'open')
    await vote(server, s, s.cy, { [s.items[0]!]: 1 })
    await action(server, s, 'close')
    await action(server, s, 'reveal')
    const results = (await read(server, controlName(s.workshopId), readResults))!
    expect(results.ballots).toEqual([{ name: 'Cy', group: 'g2', dots: { [s.items[0]!]: 1 } }])
  })

  it('says why a step is out of order, and only the facilitator takes steps', async () => {
    const server = await startServer()
    const s = await setup(server)
    expect((await action(server, s, 'open', s.ana.token)).status).toBe(403)
    const early = await action(server, s, 'reveal')
    expect(early.status).toBe(409)
    expect(early.body.error!.message).toBe('Close voting before revealing the results')
    expect((await action(server, s, 'close')).body.error!.message).toBe('Voting is not open')
    expect((await action(server, s, 'open')).status).toBe(204)
    expect((await action(server, s, 'open')).body.error!.message).toBe('Voting is already open')
    await action(server, s, 'close')
    expect((await action(server, s, 'open')).status).toBe(204)
    const log = await read(server, controlName(s.workshopId), (d) =>
      readControl(d).log.map((e) => e.text),
    )
    expect(log).toContain(
      'Voting reopened: 5 dots each, at most 3 on one item, anonymous, on ideas',
    )
  })

  it('adopts the settings sent with "open" and logs them; refuses invalid ones with the reason', async () => {
    const server = await startServer()
    const s = await setup(server)
    const path = `/api/workshops/${s.workshopId}/voting/open`
    const bad = await post<{ error: { message: string } }>(
      server,
      path,
      { settings: { dotBudget: 2, maxDotsPerItem: 3, anonymous: true, voteOn: 'ideas' } },
      s.facilitatorToken,
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/Dots on one item cannot be more than dots per person/)
    const settings = { dotBudget: 3, maxDotsPerItem: 1, anonymous: false, voteOn: 'ideas' }
    expect((await post(server, path, { settings }, s.facilitatorToken)).status).toBe(204)
    const state = await read(server, controlName(s.workshopId), (d) => ({
      voting: readVoting(d, null),
      log: readControl(d).log.map((e) => e.text),
    }))
    expect(state.voting).toMatchObject({ status: 'open', settings })
    expect(state.log).toContain('Voting opened: 3 dots each, at most 1 on one item, open, on ideas')
  })

  it('refuses to open a vote with nothing to vote on', async () => {
    const server = await startServer()
    const s = await setup(server)
    await server.app.rooms.change(parseDocName(controlName(s.workshopId))!, (doc) =>
      setVotingSettings(doc, {
        dotBudget: 5,
        maxDotsPerItem: 3,
        anonymous: true,
        voteOn: 'clusters',
      }),
    )
    const res = await action(server, s, 'open')
    expect(res.status).toBe(409)
    expect(res.body.error!.message).toMatch(/nothing to vote on/)
  })
})
