// The 2x2's hidden ratings on a real server: participants write hostile ratings straight into
// their private documents; the facilitator sees "n of m rated"; close seals exactly what the
// clamp counts (whole 1–9, known items, the axes a group rates, skips); nothing after close
// counts; the reveal publishes the hand-computed medians, whiskers, groups and split flags.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  docName,
  matrixRatings,
  movedByHand,
  parseDocName,
  readControl,
  readMatrixPlacement,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  setMatrixPosition,
  setRoundInputEntry,
  type AnyRoundKind,
  type JoinResponse,
  type MatrixRatingSettings,
} from '@triage/shared'
import { connect, post, roundScene, startServer, synced, until } from './helpers.js'

const kind = matrixRatings as AnyRoundKind
const KIND = matrixRatings.id

async function scene() {
  const s = await roundScene(await startServer(), 'Theatre app\nBed board\nCT triage')
  const { server, workshopId, facilitatorToken } = s
  const step = (action: string, body: unknown = {}) =>
    post<{ error?: { message: string } }>(
      server,
      `/api/workshops/${workshopId}/rounds/${KIND}/${action}`,
      body,
      facilitatorToken,
    )
  return {
    ...s,
    keys: s.cards.map((id) => `i:${id}`) as [string, string, string],
    step,
  }
}
type Scene = Awaited<ReturnType<typeof scene>>

/** Writes entries, whatever they hold, into a participant's ratings; resolves once stored. */
async function write(s: Scene, who: JoinResponse, entries: Record<string, unknown>) {
  const name = docName({
    workshopId: s.workshopId,
    kind: 'private',
    participantId: who.participantId,
  })
  const client = connect(s.server, name, who.token)
  await synced(client)
  client.doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) {
      setRoundInputEntry(client.doc, KIND, key, value)
    }
  })
  const lease = await s.server.app.rooms.acquire(parseDocName(name)!)
  try {
    const map = (d: Y.Doc) => JSON.stringify(d.getMap(`round:${KIND}`).toJSON())
    await until(lease.room.doc, () => map(lease.room.doc) === map(client.doc), 'ratings stored')
  } finally {
    lease.release()
  }
}

const state = (s: Scene) => readRoundState(s.control.doc, kind, null)
const log = (s: Scene) => readControl(s.control.doc).log.map((e) => e.text)

/** Every idea, effort rated by radiologists (g2) only. */
const settings: MatrixRatingSettings = {
  select: 'all',
  top: 10,
  picked: [],
  on: 'ideas',
  axes: { impact: null, effort: ['g2'] },
}

describe('the 2x2 ratings round', () => {
  it('counts hostile ratings exactly as the clamp does, and nothing written after close', async () => {
    const s = await scene()
    const [theatre, bed, ct] = s.keys

    // The top of the vote is the default, and there is no vote yet.
    expect((await s.step('open')).body.error?.message).toBe(
      'Reveal the dot vote first, or choose the items by hand',
    )
    expect((await s.step('open', { settings })).status).toBe(204)
    await until(s.control.doc, () => state(s).status === 'open', 'the round to open')
    expect(log(s)).toContain('2x2 rating opened: all ideas; effort rated by 1 group only')

    // Surgeons do not rate effort: Ana's effort, her 12, her 6.5 and her unknown item count
    // for nothing; Ben's "9" is text and his skip wins over his 9; Cy's effort 0 is out of range.
    await write(s, s.ana, {
      [theatre]: { impact: 8, effort: 2 },
      [bed]: { impact: 12 },
      [ct]: { impact: 6.5 },
      'i:unknown': { impact: 5 },
    })
    await write(s, s.ben, {
      [theatre]: { impact: '9', skip: 'yes' },
      [bed]: { impact: 3 },
      [ct]: { skip: true, impact: 9 },
    })
    await write(s, s.cy, {
      [theatre]: { impact: 2, effort: 8 },
      [bed]: { impact: 7, effort: 1 },
      [ct]: { effort: 0 },
    })
    await s.server.app.progress.flush()
    const progress = () => readRoundProgress(s.control.doc, kind, null)
    await until(s.control.doc, () => progress()[s.cy.participantId]?.done === 2, 'progress')
    // Ana rates impact only, so an item with impact is done for her; a skip is done.
    expect(progress()).toEqual({
      [s.ana.participantId]: { done: 1, of: 3 },
      [s.ben.participantId]: { done: 2, of: 3 },
      [s.cy.participantId]: { done: 2, of: 3 },
    })

    expect((await s.step('close')).status).toBe(204)
    await until(s.control.doc, () => state(s).status === 'closed', 'the round to close')
    expect(state(s).sealed).toEqual({ participants: 3, submitted: 3, unreadable: 0 })
    expect(log(s)).toContain('2x2 rating closed: 3 of 3 participants rated')

    // After close: late ratings and a new item change nothing.
    await write(s, s.ana, { [bed]: { impact: 9 } })
    await write(s, s.cy, { [ct]: { impact: 1, effort: 1 } })
    await post(
      s.server,
      `/api/workshops/${s.workshopId}/items`,
      { format: 'lines', text: 'Added after close' },
      s.facilitatorToken,
    )

    expect((await s.step('reveal')).status).toBe(204)
    await until(s.control.doc, () => state(s).status === 'revealed', 'the reveal')
    const result = readRoundResult(s.control.doc, matrixRatings)!
    expect(result.raters).toBe(3)
    expect(result.groups).toEqual([
      { id: 'g1', name: 'Surgeons', raters: 2 },
      { id: 'g2', name: 'Radiologists', raters: 1 },
    ])
    expect(result.items.map((i) => i.key)).toEqual([theatre, bed, ct])
    const [t, b, c] = result.items as [
      (typeof result.items)[0],
      (typeof result.items)[0],
      (typeof result.items)[0],
    ]

    // Theatre app: impact Ana 8, Cy 2; effort Cy 8.
    expect([t.n, t.skipped]).toEqual([2, 0])
    expect(t.people).toEqual({
      impact: { n: 2, median: 5, q1: 3.5, q3: 6.5 },
      effort: { n: 1, median: 8, q1: 8, q3: 8 },
      quadrant: 'major-projects',
      // One rater in each group: the bootstrap has nothing to vary, so no figure.
      stability: null,
    })
    expect(t.groups.impact).toEqual({ n: 2, median: 5, q1: 2, q3: 8 })
    expect(t.byGroup).toEqual({
      // Surgeons rate no effort: placed at the overall effort median, 8.
      g1: {
        n: 1,
        impact: { n: 1, median: 8, q1: 8, q3: 8 },
        effort: null,
        quadrant: 'major-projects',
      },
      g2: {
        n: 1,
        impact: { n: 1, median: 2, q1: 2, q3: 2 },
        effort: { n: 1, median: 8, q1: 8, q3: 8 },
        quadrant: 'thankless-tasks',
      },
    })
    expect(t.split).toEqual({
      axes: [{ axis: 'impact', n: 2, low: 1, high: 1 }],
      groups: [
        { group: 'g1', quadrant: 'major-projects' },
        { group: 'g2', quadrant: 'thankless-tasks' },
      ],
    })

    // Bed board: impact Ben 3, Cy 7; effort Cy 1 (Ana's late 9 is not counted).
    expect(b.people).toMatchObject({
      impact: { n: 2, median: 5, q1: 4, q3: 6 },
      effort: { n: 1, median: 1 },
      quadrant: 'quick-wins',
    })
    expect(b.byGroup.g1?.quadrant).toBe('fill-ins')
    expect(b.byGroup.g2?.quadrant).toBe('quick-wins')
    expect(b.split?.axes).toEqual([{ axis: 'impact', n: 2, low: 1, high: 1 }])

    // CT triage: Ben's skip only (Cy's late rating is not counted).
    expect([c.n, c.skipped, c.split]).toEqual([1, 1, null])
    expect(c.people).toEqual({ impact: null, effort: null, quadrant: null, stability: null })

    expect(log(s)).toContain(
      '2x2 ratings revealed: 2 of 3 items placed, 1 as quick wins, 2 split; 3 participants rated',
    )
  })

  it('adopts the revealed aggregate as the placement, logged, and sees hand moves after', async () => {
    const s = await scene()
    const [theatre, bed] = s.keys
    const adopt = (weighting: unknown, token = s.facilitatorToken) =>
      post<{ placed?: number; error?: { message: string } }>(
        s.server,
        `/api/workshops/${s.workshopId}/matrix/adopt`,
        { weighting },
        token,
      )
    const all = { ...settings, axes: { impact: null, effort: null } }
    expect((await s.step('open', { settings: all })).status).toBe(204)
    await write(s, s.ana, { [theatre]: { impact: 8, effort: 2 }, [bed]: { impact: 4 } })
    await write(s, s.cy, { [theatre]: { impact: 6, effort: 4 } })
    expect((await s.step('close')).status).toBe(204)
    expect((await adopt('groups')).body.error?.message).toBe(
      'Reveal the 2x2 ratings before adopting them',
    )
    expect((await s.step('reveal')).status).toBe(204)
    expect((await adopt('groups', s.ana.token)).status).toBe(403)
    expect((await adopt('loudest')).status).toBe(400)

    // Theatre: surgeons 8/2, radiologists 6/4, every group equal: 7/3. Bed has no effort.
    const adopted = await adopt('groups')
    expect([adopted.status, adopted.body.placed]).toEqual([200, 1])
    await until(s.control.doc, () => readMatrixPlacement(s.control.doc).adoption !== null, 'adopt')
    const placement = readMatrixPlacement(s.control.doc)
    expect(placement.positions).toEqual({ [theatre]: { impact: 7, effort: 3 } })
    expect(placement.adoption).toMatchObject({ weighting: 'groups' })
    expect(log(s)).toContain(
      '2x2 placement adopted from the revealed ratings, every group counting equally: 1 item placed',
    )

    // The facilitator drags by hand afterwards: the server holds it, and it shows as moved.
    setMatrixPosition(s.control.doc, bed, { impact: 3, effort: 7 })
    const lease = await s.server.app.rooms.acquire({ workshopId: s.workshopId, kind: 'control' })
    try {
      await until(
        lease.room.doc,
        () => bed in readMatrixPlacement(lease.room.doc).positions,
        'the drag on the server',
      )
    } finally {
      lease.release()
    }
    const held = await s.server.app.rooms.read(
      { workshopId: s.workshopId, kind: 'control' },
      readMatrixPlacement,
    )
    expect(held.positions[bed]).toEqual({ impact: 3, effort: 7 })
    expect(movedByHand(held.positions, held.adoption!.positions)).toEqual([bed])
    await until(
      s.control.doc,
      () => log(s).includes('2x2: "Bed board" placed by hand in Thankless tasks'),
      'the hand move logged',
    )
    // A move within its quadrant is not a decision: nothing more is logged.
    setMatrixPosition(s.control.doc, bed, { impact: 2, effort: 8 })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(log(s).filter((line) => line.startsWith('2x2: '))).toHaveLength(1)
  })
})
