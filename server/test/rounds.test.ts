// The sealed-round lifecycle on a real server, for a tiny test-only kind: open with settings,
// inputs written by stock providers, close seals them, late input and board edits are ignored,
// reveal publishes the kind's aggregate, reopen withdraws it and counts again.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  defineRoundKind,
  docName,
  median,
  parseDocName,
  readControl,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  setRoundInputEntry,
  type AnyRoundKind,
  type JoinResponse,
} from '@triage/shared'
import { z } from 'zod/mini'
import { faultyStore } from './attacks/attack-kit.js'
import {
  connect,
  createWorkshop,
  post,
  roundScene,
  startServer,
  synced,
  tempDir,
  until,
  type TestServer,
} from './helpers.js'

/** Rate each card 1 to `max`; the result is each card's median rating and how many rated it. */
const ratings = defineRoundKind({
  id: 'ratings',
  words: {
    name: 'Rating',
    round: 'rating',
    submitted: 'rated',
    took: 'rated',
    results: 'Ratings revealed',
    inputs: 'ratings',
  },
  settingsSchema: z.object({
    max: z.number().check(z.int(), z.gte(2), z.lte(9, 'The scale goes up to 9 at most')),
  }),
  contextSchema: z.object({ max: z.number(), items: z.array(z.string()) }),
  inputSchema: z.record(z.string(), z.number()),
  resultSchema: z.object({
    items: z.array(z.object({ id: z.string(), n: z.number(), median: z.nullable(z.number()) })),
  }),
  defaultSettings: () => ({ max: 9 }),
  context: (settings, world) => ({
    max: settings.max,
    items: world.board.cards.map((c) => c.id),
  }),
  cannotOpen: (context) => (context.items.length === 0 ? 'There is nothing to rate' : null),
  clamp: (raw, context) => {
    if (typeof raw !== 'object' || raw === null) return {}
    const out: [string, number][] = []
    for (const id of context.items) {
      if (!Object.hasOwn(raw, id)) continue
      const v = (raw as Record<string, unknown>)[id]
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= context.max) {
        out.push([id, v])
      }
    }
    return Object.fromEntries(out) as Record<string, number>
  },
  progress: (input, context) => ({ done: Object.keys(input).length, of: context.items.length }),
  aggregate: ({ context, inputs }) => ({
    items: context.items.map((id) => {
      const values = inputs.flatMap(({ input }) => (id in input ? [input[id]!] : []))
      return { id, n: values.length, median: median(values) }
    }),
  }),
  describeSettings: (s) => `1 to ${s.max}`,
  headline: (r) => ({
    headline: `${r.items.filter((i) => i.n > 0).length} items rated`,
    took: 0,
  }),
})
const kind = ratings as AnyRoundKind

type Scene = Awaited<ReturnType<typeof roundScene>>

async function scene(server: TestServer): Promise<Scene> {
  server.app.rounds.register(kind)
  return roundScene(server, 'Theatre app\nBed board\nCT triage')
}

const step = (s: Scene, action: string, body: unknown = {}, token = s.facilitatorToken) =>
  post<{ error?: { code: string; message: string } }>(
    s.server,
    `/api/workshops/${s.workshopId}/rounds/ratings/${action}`,
    body,
    token,
  )

/** Writes entries into a participant's input through a stock provider; resolves once stored. */
async function rate(s: Scene, who: JoinResponse, entries: Record<string, unknown>) {
  const name = docName({
    workshopId: s.workshopId,
    kind: 'private',
    participantId: who.participantId,
  })
  const client = connect(s.server, name, who.token)
  await synced(client)
  client.doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) {
      setRoundInputEntry(client.doc, 'ratings', key, value)
    }
  })
  const lease = await s.server.app.rooms.acquire(parseDocName(name)!)
  try {
    const map = (d: Y.Doc) => JSON.stringify(d.getMap('round:ratings').toJSON())
    await until(lease.room.doc, () => map(lease.room.doc) === map(client.doc), 'input stored')
  } finally {
    lease.release()
  }
}

const state = (s: Scene) => readRoundState(s.control.doc, kind, null)
const log = (s: Scene) => readControl(s.control.doc).log.map((e) => e.text)
const inControl = (s: Scene, predicate: () => boolean, what: string) =>
  until(s.control.doc, predicate, what)

describe('a sealed round of any kind', () => {
  it('runs open, inputs, close, late input ignored, reveal and reopen', async () => {
    const s = await scene(await startServer())
    const [theatre, bed, ct] = s.cards as [string, string, string]

    // Open, with the kind's own settings, logged.
    expect((await step(s, 'open', { settings: { max: 5 } })).status).toBe(204)
    await inControl(s, () => state(s).status === 'open', 'the round to open')
    expect(state(s).settings).toEqual({ max: 5 })
    expect(log(s)).toContain('Round ratings opened: 1 to 5')

    // Inputs: the facilitator sees counts, never values; hostile entries count for nothing.
    await rate(s, s.ana, { [theatre]: 4, [bed]: 2 })
    await rate(s, s.ben, { [theatre]: 5, [bed]: 99, 'not-a-card': 3, [ct]: 2.5 })
    await s.server.app.progress.flush()
    await inControl(
      s,
      () => readRoundProgress(s.control.doc, kind, null)[s.ben.participantId]?.done === 1,
      'progress',
    )
    expect(readRoundProgress(s.control.doc, kind, null)).toEqual({
      [s.ana.participantId]: { done: 2, of: 3 },
      [s.ben.participantId]: { done: 1, of: 3 },
    })
    // No value of Ben's reached control: of its numbers (times aside), none is 99 or 2.5.
    const numbers: number[] = []
    const walk = (v: unknown): void => {
      if (typeof v === 'number' && v < 1e12) numbers.push(v)
      else if (v && typeof v === 'object') Object.values(v).forEach(walk)
    }
    walk(s.control.doc.toJSON())
    expect(numbers).not.toContain(99)
    expect(numbers).not.toContain(2.5)

    // Close seals the inputs and the context.
    expect((await step(s, 'close')).status).toBe(204)
    await inControl(s, () => state(s).status === 'closed', 'the round to close')
    expect(state(s).sealed).toEqual({ participants: 3, submitted: 2, unreadable: 0 })
    expect(log(s)).toContain('Round ratings closed: 2 of 3 participants took part')

    // Late input and a board edit after close change nothing.
    await rate(s, s.cy, { [theatre]: 1, [bed]: 1 })
    await rate(s, s.ana, { [theatre]: 1 })
    await post(
      s.server,
      `/api/workshops/${s.workshopId}/items`,
      { format: 'lines', text: 'Added after close' },
      s.facilitatorToken,
    )

    // Reveal: the aggregate of the seal alone.
    expect((await step(s, 'reveal')).status).toBe(204)
    await inControl(s, () => state(s).status === 'revealed', 'the reveal')
    expect(readRoundResult(s.control.doc, ratings)).toEqual({
      items: [
        { id: theatre, n: 2, median: 4.5 },
        { id: bed, n: 1, median: 2 },
        { id: ct, n: 0, median: null },
      ],
    })
    expect(log(s)).toContain('Round ratings revealed: 2 items rated; 0 participants took part')

    // Out of order.
    expect((await step(s, 'reveal')).body.error?.message).toBe(
      'Close rating before revealing the results',
    )
    expect((await step(s, 'close')).body.error?.message).toBe('Rating is not open')
    expect((await step(s, 'open')).body.error?.message).toBe(
      'The results are revealed; this rating is over',
    )

    // Reopen: the result is withdrawn, and the next close counts what is there now.
    expect((await step(s, 'reopen')).status).toBe(204)
    await inControl(s, () => state(s).status === 'open', 'the round to reopen')
    expect(readRoundResult(s.control.doc, ratings)).toBeNull()
    expect(state(s).sealed).toBeNull()
    expect(log(s)).toContain('Round ratings reopened: 1 to 5')
    expect((await step(s, 'reopen')).body.error?.message).toBe('Rating is already open')
    expect((await step(s, 'close')).status).toBe(204)
    expect((await step(s, 'reveal')).status).toBe(204)
    await inControl(s, () => state(s).status === 'revealed', 'the second reveal')
    const second = readRoundResult(s.control.doc, ratings)!
    // Theatre: Ana 1, Ben 5, Cy 1; bed: Ana 2, Cy 1; the card added after the first close counts.
    expect(second.items.map((i) => [i.n, i.median])).toEqual([
      [3, 1],
      [2, 1.5],
      [0, null],
      [0, null],
    ])
  })

  it('refuses what is not the facilitator’s, an unknown kind, bad settings and an empty board', async () => {
    const server = await startServer()
    const s = await scene(server)
    expect((await step(s, 'open', {}, s.ana.token)).status).toBe(403)
    expect((await step(s, 'open', {}, 'not-a-token')).status).toBe(401)
    const unknown = await post<{ error: { code: string } }>(
      server,
      `/api/workshops/${s.workshopId}/rounds/constructor/open`,
      {},
      s.facilitatorToken,
    )
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found'])
    const bad = await step(s, 'open', { settings: { max: 12 } })
    expect(bad.status).toBe(400)
    expect(bad.body.error?.message).toBe('settings.max: The scale goes up to 9 at most')
    expect((await step(s, 'reopen')).body.error?.message).toBe('Rating has not been opened yet')
    expect(state(s).status).toBe('setup')

    const empty = await createWorkshop(server)
    const res = await post<{ error: { message: string } }>(
      server,
      `/api/workshops/${empty.workshopId}/rounds/ratings/open`,
      {},
      empty.facilitatorToken,
    )
    expect([res.status, res.body.error.message]).toEqual([409, 'There is nothing to rate'])
  })

  it('keeps the facilitator from writing the status, the seal counts or the result itself', async () => {
    const s = await scene(await startServer())
    expect((await step(s, 'open')).status).toBe(204)
    await inControl(s, () => state(s).status === 'open', 'the round to open')
    s.control.doc.transact(() => {
      s.control.doc.getMap('round:ratings').set('status', 'revealed')
      s.control.doc.getMap('results').set('round:ratings', { items: [] })
    })
    // The server refused the update (the connection is closed for it): its own state is open.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const onServer = await s.server.app.rooms.read(
      { workshopId: s.workshopId, kind: 'control' },
      (doc) => ({
        status: readRoundState(doc, kind, null).status,
        result: readRoundResult(doc, ratings),
      }),
    )
    expect(onServer).toEqual({ status: 'open', result: null })
  })

  it('seals around a private document that cannot be read, and says how many', async () => {
    const dataDir = tempDir()
    const faults = faultyStore(dataDir)
    const server = await startServer({}, dataDir, 0, { store: faults.store })
    const s = await scene(server)
    const [theatre] = s.cards as [string]
    expect((await step(s, 'open')).status).toBe(204)
    await rate(s, s.ana, { [theatre]: 7 })
    faults.unreadable.add(
      docName({ workshopId: s.workshopId, kind: 'private', participantId: s.cy.participantId }),
    )
    expect((await step(s, 'close')).status).toBe(204)
    await inControl(s, () => state(s).status === 'closed', 'the round to close')
    expect(state(s).sealed).toEqual({ participants: 3, submitted: 1, unreadable: 1 })
    expect(log(s)).toContain(
      'Round ratings closed: 1 of 3 participants took part; the inputs of 1 participant could not be read',
    )
    expect((await step(s, 'reveal')).status).toBe(204)
    await inControl(s, () => state(s).status === 'revealed', 'the reveal')
    expect(readRoundResult(s.control.doc, ratings)!.items[0]).toEqual({
      id: theatre,
      n: 1,
      median: 7,
    })
  })
})
