// The value framework's weights on a real server: the facilitator sets up criteria, phones propose
// 100 points through stock providers (hostile ones clamped as docs/value-framework.md says), close
// seals them so late proposals do not count, the reveal publishes the hand-computed aggregates,
// and adopting the weights is the server's logged record that no client can write itself; items
// are then scored per criterion in a sealed round of their own, clamped to each criterion's scale.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  docName,
  parseDocName,
  readAdoptedWeights,
  readControl,
  readFramework,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  setFramework,
  setRoundInputEntry,
  weightProposals,
  criterionScores,
  readBoard,
  voteItems,
  type AnyRoundKind,
  type Framework,
  type JoinResponse,
} from '@triage/shared'
import {
  connect,
  createWorkshop,
  joinWorkshop,
  post,
  startServer,
  synced,
  until,
  type TestServer,
} from './helpers.js'

const kind = weightProposals as AnyRoundKind
const scale = { min: 1, max: 5 }
const framework: Framework = {
  criteria: [
    { id: 'safety', name: 'Safety', direction: 'benefit', scale },
    { id: 'workflow', name: 'Workflow', direction: 'benefit', scale },
    { id: 'revenue', name: 'Revenue', direction: 'benefit', scale },
  ],
  startingWeights: { safety: 34, workflow: 33, revenue: 33 },
}

async function scene(server: TestServer) {
  const { workshopId, joinCode, facilitatorToken } = await createWorkshop(server)
  const people = {
    ana: await joinWorkshop(server, joinCode, 'Ana', 'g1'),
    ben: await joinWorkshop(server, joinCode, 'Ben', 'g1'),
    cy: await joinWorkshop(server, joinCode, 'Cy', 'g2'),
    dee: await joinWorkshop(server, joinCode, 'Dee', 'g2'),
  }
  const control = connect(server, docName({ workshopId, kind: 'control' }), facilitatorToken)
  await synced(control)
  const onServer = <T>(fn: (doc: Y.Doc) => T) =>
    server.app.rooms.read({ workshopId, kind: 'control' }, fn)
  const step = (action: string, token = facilitatorToken) =>
    post<{ error?: { message: string } }>(
      server,
      `/api/workshops/${workshopId}/rounds/weights/${action}`,
      {},
      token,
    )
  const adopt = (body: unknown, token = facilitatorToken) =>
    post<{ weights?: Record<string, number>; error?: { message: string } }>(
      server,
      `/api/workshops/${workshopId}/framework/adopt`,
      body,
      token,
    )
  /** Writes a proposal through a stock provider; resolves once the server stored it. */
  const write = async (who: JoinResponse, round: string, entries: Record<string, unknown>) => {
    const name = docName({ workshopId, kind: 'private', participantId: who.participantId })
    const client = connect(server, name, who.token)
    await synced(client)
    client.doc.transact(() => {
      for (const [key, value] of Object.entries(entries)) {
        setRoundInputEntry(client.doc, round, key, value)
      }
    })
    const lease = await server.app.rooms.acquire(parseDocName(name)!)
    try {
      const map = (d: Y.Doc) => JSON.stringify(d.getMap(`round:${round}`).toJSON())
      await until(
        lease.room.doc,
        () => map(lease.room.doc) === map(client.doc),
        `${JSON.stringify(entries)} stored`,
      )
    } finally {
      lease.release()
    }
  }
  const propose = (who: JoinResponse, entries: Record<string, unknown>) =>
    write(who, 'weights', entries)
  return {
    server,
    workshopId,
    facilitatorToken,
    control,
    onServer,
    step,
    adopt,
    write,
    propose,
    ...people,
  }
}

const log = (doc: Y.Doc) => readControl(doc).log.map((e) => e.text)

describe('weights proposed together', () => {
  it('clamps hostile proposals, ignores late ones, reveals hand-computed aggregates, adopts', async () => {
    const s = await scene(await startServer())

    // No criteria, no round.
    expect((await s.step('open')).body.error?.message).toBe(
      'Set up the criteria before weights are proposed',
    )
    setFramework(s.control.doc, framework)
    for (let i = 0; i < 100 && (await s.onServer(readFramework)) === null; i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(await s.onServer(readFramework)).toEqual(framework)
    expect((await s.step('open')).status).toBe(204)
    await until(
      s.control.doc,
      () => readRoundState(s.control.doc, kind, null).status === 'open',
      'open',
    )
    expect(log(s.control.doc)).toContain('Weighting opened: 100 points over the criteria each')

    // Ana honest; Ben sums to 120 and names an unknown criterion (25 / 25 / 50); Cy negative
    // and text (0 / 0 / 100); Dee nothing positive (refused). NaN and infinities never reach a
    // document (the update check refuses them); the clamp drops them too (unit tests).
    await s.propose(s.ana, { safety: 50, workflow: 30, revenue: 20 })
    await s.propose(s.ben, { safety: 30, workflow: 30, revenue: 60, hacked: 500 })
    await s.propose(s.cy, { safety: -50, workflow: 'lots', revenue: 10 })
    await s.propose(s.dee, { safety: -1, workflow: 0 })
    await s.server.app.progress.flush()
    await until(
      s.control.doc,
      () => readRoundProgress(s.control.doc, kind, null)[s.cy.participantId]?.done === 1,
      'progress',
    )
    const progress = readRoundProgress(s.control.doc, kind, null)
    expect(progress).toMatchObject({
      [s.ana.participantId]: { done: 1, of: 1 },
      [s.ben.participantId]: { done: 1, of: 1 },
    })
    // Dee's proposal counts for nothing (her count may not be written at all yet).
    expect(progress[s.dee.participantId]?.done ?? 0).toBe(0)
    // The facilitator cannot change the criteria while proposals are open.
    const before = await s.onServer(readFramework)
    setFramework(s.control.doc, { ...framework, criteria: framework.criteria.slice(0, 1) })
    await new Promise((r) => setTimeout(r, 200))
    expect(await s.onServer(readFramework)).toEqual(before)

    expect((await s.step('close')).status).toBe(204)
    // After close: new and changed proposals do not count.
    await s.propose(s.dee, { safety: 100 })
    await s.propose(s.ana, { safety: 0, workflow: 0, revenue: 100 })
    expect((await s.step('reveal')).status).toBe(204)
    const result = await s.onServer((d) => readRoundResult(d, weightProposals))
    expect(result).toMatchObject({
      n: 3,
      groups: [
        { group: 'g1', n: 2, mean: { safety: 37.5, workflow: 27.5, revenue: 35 } },
        { group: 'g2', n: 1, mean: { safety: 0, workflow: 0, revenue: 100 } },
      ],
      groupEqual: { safety: 18.75, workflow: 13.75, revenue: 67.5 },
      proposals: [
        { group: 'g1', weights: { safety: 25, workflow: 25, revenue: 50 } },
        { group: 'g1', weights: { safety: 50, workflow: 30, revenue: 20 } },
        { group: 'g2', weights: { safety: 0, workflow: 0, revenue: 100 } },
      ],
    })
    expect(result!.personEqual.safety).toBeCloseTo(25, 9)
    expect(result!.personEqual.revenue).toBeCloseTo(170 / 3, 9)
    // PS: (Ana, Ben) 0.7, (Ana, Cy) 0.2, (Ben, Cy) 0.5 → 1.4 / 3.
    expect(result!.consensus).toBeCloseTo(1.4 / 3, 9)
    const lines = await s.onServer(log)
    expect(lines).toContain(
      'Weight proposals revealed: Revenue weighted highest (68 points, groups equal); consensus 47 %; 3 participants proposed weights',
    )

    // Adoption: only the facilitator, at least one positive weight, rescaled like a proposal.
    expect((await s.adopt({ weights: { safety: 1 }, basis: 'groups' }, s.ana.token)).status).toBe(
      403,
    )
    expect((await s.adopt({ weights: { safety: 0, bogus: 9 }, basis: 'groups' })).status).toBe(400)
    const adopted = await s.adopt({
      weights: { safety: 20, workflow: 15, revenue: 70, bogus: 3 },
      basis: 'groups',
    })
    expect(adopted.status).toBe(200)
    expect(adopted.body.weights).toEqual({ safety: 19, workflow: 14, revenue: 67 })
    expect(await s.onServer(readAdoptedWeights)).toMatchObject({
      weights: { safety: 19, workflow: 14, revenue: 67 },
      basis: 'groups',
      proposals: 3,
    })
    expect(await s.onServer(log)).toContain(
      'Weights adopted (from 3 proposals, every group counted equally, consensus 47 %): Safety 19, Workflow 14, Revenue 67',
    )
  })

  it('keeps the facilitator’s client from writing the adopted weights itself', async () => {
    const s = await scene(await startServer())
    setFramework(s.control.doc, framework)
    await new Promise((r) => setTimeout(r, 100))
    s.control.doc.transact(() =>
      s.control.doc.getMap('framework').set('adopted', {
        weights: { safety: 100 },
        basis: 'people',
        at: 1,
        proposals: 0,
        consensus: null,
      }),
    )
    await new Promise((r) => setTimeout(r, 200))
    expect(await s.onServer(readAdoptedWeights)).toBeNull()
  })
})

describe('items scored per criterion', () => {
  it('clamps hostile scores to the scales, ignores late ones, reveals the means', async () => {
    const s = await scene(await startServer())
    const items = await post(
      s.server,
      `/api/workshops/${s.workshopId}/items`,
      { format: 'lines', text: 'Pager\nRota' },
      s.facilitatorToken,
    )
    expect(items.status).toBe(200)
    const [pager, rota] = voteItems(
      await s.server.app.rooms.read({ workshopId: s.workshopId, kind: 'board' }, readBoard),
      'both',
    ).map((i) => i.key) as [string, string]
    setFramework(s.control.doc, framework)
    for (let i = 0; i < 100 && (await s.onServer(readFramework)) === null; i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
    const step = (action: string) =>
      post(
        s.server,
        `/api/workshops/${s.workshopId}/rounds/scores/${action}`,
        {},
        s.facilitatorToken,
      )
    expect((await step('open')).status).toBe(204)
    const score = (who: JoinResponse, entries: Record<string, unknown>) =>
      s.write(who, 'scores', entries)
    // Ana: one score off the scale (7), one not whole, one on an unknown item.
    await score(s.ana, {
      [pager]: { safety: 5, workflow: 7, revenue: 2 },
      [rota]: { safety: 2.5 },
      'idea:nope': { safety: 3 },
    })
    await score(s.cy, { [pager]: { safety: 1, revenue: 4 } })
    expect((await step('close')).status).toBe(204)
    await score(s.ben, { [pager]: { safety: 5 } })
    expect((await step('reveal')).status).toBe(204)
    const result = await s.onServer((d) => readRoundResult(d, criterionScores))
    expect(result).toMatchObject({
      raters: 2,
      people: { [pager]: { safety: 3, revenue: 3 } },
      groupEqual: { [pager]: { safety: 3, revenue: 3 } },
    })
    expect(result!.people[rota]).toBeUndefined()
    expect(result!.cells[pager]!.workflow).toEqual({ n: 0, iqr: null })
  })
})
