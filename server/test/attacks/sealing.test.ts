// Sealed means sealed (issue 18, findings 5 and 6, and what held): closing a vote seals every
// participant's clamped dots and the context they were cast on; nothing done after close changes
// the revealed counts, and no hostile value makes closing or revealing fail.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  deleteIdea,
  ideaText,
  itemKey,
  mergeIdeas,
  moveIdea,
  parseDocName,
  readBoard,
  readRawVotes,
  readResults,
  setPhase,
  setVote,
  setVotingSettings,
  type VoteOn,
  type VoteResults,
} from '@triage/shared'
import { joinWorkshop, post, until } from '../helpers.js'
import {
  CLUSTER_ID,
  attack,
  canonical,
  converged,
  logOf,
  names,
  refused,
  replica,
  scene,
  serverUntil,
  serving,
  snapshot,
  stock,
  unchanged,
  updateOf,
  whenSynced,
  type Honest,
  type Scene,
} from './attack-kit.js'

/** The scene with voting open: 5 dots each, at most 3 on one item, anonymous. */
async function voting(voteOn: VoteOn = 'ideas'): Promise<Scene> {
  const s = await scene()
  await s.server.app.rooms.change(parseDocName(s.doc.control)!, (doc) => {
    setPhase(doc, 'vote')
    setVotingSettings(doc, { dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn })
  })
  expect((await step(s, 'open')).status).toBe(204)
  return s
}

function step(s: Scene, what: 'open' | 'close' | 'reveal') {
  return post<{ error?: { message: string } }>(
    s.server,
    `/api/workshops/${s.w.workshopId}/voting/${what}`,
    {},
    s.w.facilitatorToken,
  )
}

/** Places dots through a participant's own stock provider; resolves once the server has them. */
async function vote(s: Scene, client: Honest, name: string, dots: Record<string, number>) {
  client.doc.transact(() => {
    for (const [key, n] of Object.entries(dots)) setVote(client.doc, key, n)
  })
  await serverUntil(
    s,
    name,
    (d) => canonical(readRawVotes(d)) === canonical(readRawVotes(client.doc)),
    'the votes on the server',
  )
}

function malloryPhone(s: Scene): Honest {
  return stock(s.server, s.doc.malloryPrivate, s.mallory.token, "Mallory's phone")
}

/**
 * The revealed results, once the facilitator, Hana and a fresh client all see the same ones;
 * totals by item key.
 */
async function revealed(
  s: Scene,
): Promise<{ results: VoteResults; totals: Record<string, number> }> {
  await until(s.live.facControl.doc, () => readResults(s.live.facControl.doc) !== null, 'results')
  await converged(s, ['control'])
  const results = readResults(s.live.facControl.doc)!
  return {
    results,
    totals: Object.fromEntries(results.items.map((i) => [i.key, i.total])),
  }
}

const idea = (s: Scene) => ({
  theatre: itemKey.idea(s.items.theatre),
  bed: itemKey.idea(s.items.bed),
  ct: itemKey.idea(s.items.ct),
})

describe('sealed votes', () => {
  it('refuses a BigInt vote sent over the wire, and closing and revealing still work', async () => {
    const s = await voting()
    const { theatre, bed, ct } = idea(s)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 3 })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.malloryPrivate)
    const r = await replica(s, s.doc.malloryPrivate)
    // Finding 5: a value the server cannot serialise made every close fail.
    a.sendUpdate(updateOf(r, (d) => d.getMap('votes').set(bed, 3n)))
    await refused(a)
    await unchanged(s, before)
    expect((await step(s, 'close')).status).toBe(204)
    expect((await step(s, 'reveal')).status).toBe(204)
    expect((await revealed(s)).totals).toEqual({ [theatre]: 3, [bed]: 0, [ct]: 0 })
    await serving(s)
  })

  it('drops BigInt, NaN and garbage vote values stored before the fix when sealing and counting', async () => {
    const s = await voting()
    const { theatre, bed, ct } = idea(s)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 3 })
    // A document written before the bound check existed, never loaded since.
    const lee = await joinWorkshop(s.server, s.w.joinCode, 'Lee', 'g2')
    const legacy = new Y.Doc()
    const rows = [
      updateOf(legacy, (d) => d.getMap('votes').set(theatre, 2)),
      updateOf(legacy, (d) => {
        d.getMap('votes').set(bed, Number.NaN)
        d.getMap('votes').set(ct, 'lots')
        d.getMap('votes').set('i:nothing', { n: 3 })
      }),
      updateOf(legacy, (d) => d.getMap('votes').set(ct, 10n ** 20n)),
    ]
    const name = names.private(s.w.workshopId, lee)
    for (const row of rows) await s.faults.real.appendUpdate(s.w.workshopId, name, row)
    expect((await step(s, 'close')).status).toBe(204)
    expect((await step(s, 'reveal')).status).toBe(204)
    const { totals, results } = await revealed(s)
    expect(totals).toEqual({ [theatre]: 5, [bed]: 0, [ct]: 0 })
    expect(results.voters).toBe(2)
    await serving(s)
  })

  it('counts the sealed dots after the facilitator lowers the dots per person once voting closed', async () => {
    const s = await voting()
    const { theatre, bed, ct } = idea(s)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 3 })
    await vote(s, malloryPhone(s), s.doc.malloryPrivate, { [bed]: 3, [ct]: 2 })
    expect((await step(s, 'close')).status).toBe(204)
    // Finding 6a: "1 dot per person" saved after close turned sealed 3s into 1s.
    const console2 = await attack(s, s.doc.control, s.w.facilitatorToken)
    const r = await replica(s, s.doc.control)
    console2.sendUpdate(
      updateOf(r, (d) =>
        setVotingSettings(d, { dotBudget: 1, maxDotsPerItem: 1, anonymous: true, voteOn: 'ideas' }),
      ),
    )
    await console2.roundTrip()
    expect((await step(s, 'reveal')).status).toBe(204)
    const { totals, results } = await revealed(s)
    expect(totals).toEqual({ [theatre]: 3, [bed]: 3, [ct]: 2 })
    expect(results.settings).toMatchObject({ dotBudget: 5, maxDotsPerItem: 3 })
    await serving(s)
  })

  it('counts the sealed dots on an item a participant merged into another after close', async () => {
    const s = await voting()
    const { theatre, bed, ct } = idea(s)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [bed]: 3 })
    await vote(s, malloryPhone(s), s.doc.malloryPrivate, { [theatre]: 2 })
    expect((await step(s, 'close')).status).toBe(204)
    // Finding 6b: Mallory merges the item Hana voted for into her own favourite.
    const board = stock(s.server, s.doc.board, s.mallory.token, "Mallory's board")
    await whenSynced(board)
    mergeIdeas(board.doc, s.items.theatre, s.items.bed)
    await serverUntil(
      s,
      s.doc.board,
      (d) => readBoard(d).cards.every((c) => c.id !== s.items.bed),
      'the merge on the server',
    )
    expect((await step(s, 'reveal')).status).toBe(204)
    const { totals, results } = await revealed(s)
    expect(totals).toEqual({ [theatre]: 2, [bed]: 3, [ct]: 0 })
    expect(results.items.map((i) => i.label)).toEqual(['Theatre app', 'Bed board', 'CT triage'])
    await serving(s)
  })

  it('counts the sealed dots after cards are deleted and a cluster emptied after close', async () => {
    const s = await voting('both')
    const { theatre, bed, ct } = idea(s)
    const cluster = itemKey.cluster(CLUSTER_ID)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [cluster]: 2, [ct]: 3 })
    expect((await step(s, 'close')).status).toBe(204)
    const fac = s.live.facBoard.doc
    deleteIdea(fac, s.items.ct)
    moveIdea(fac, s.items.theatre, null)
    await serverUntil(
      s,
      s.doc.board,
      (d) => readBoard(d).cards.length === 2 && readBoard(d).clusters[0]!.cardIds.length === 0,
      'the deletion and the move on the server',
    )
    expect((await step(s, 'reveal')).status).toBe(204)
    const { totals } = await revealed(s)
    expect(totals).toEqual({ [cluster]: 2, [theatre]: 0, [bed]: 0, [ct]: 3 })
    await serving(s)
  })

  it('publishes the labels, participants and groups as sealed, not as changed after close', async () => {
    const s = await voting()
    const { theatre } = idea(s)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 3 })
    expect((await step(s, 'close')).status).toBe(204)
    ideaText(s.live.facBoard.doc, s.items.theatre)!.insert(0, 'Cancel the ')
    await joinWorkshop(s.server, s.w.joinCode, 'Late', 'g1')
    await serverUntil(
      s,
      s.doc.board,
      (d) => readBoard(d).cards[0]!.text.startsWith('Cancel the '),
      'the edit on the server',
    )
    expect((await step(s, 'reveal')).status).toBe(204)
    const { results } = await revealed(s)
    expect(results.items.map((i) => i.label)).toEqual(['Theatre app', 'Bed board', 'CT triage'])
    expect(results.groups).toEqual([
      { id: 'g1', name: 'Surgeons', voters: 1, members: 1, dots: 3 },
      { id: 'g2', name: 'Radiologists', voters: 0, members: 1, dots: 0 },
    ])
    await serving(s)
  })

  it('counts a ballot of 100 dots on every item within the budget', async () => {
    const s = await voting()
    const { theatre, bed, ct } = idea(s)
    const a = await attack(s, s.doc.malloryPrivate)
    const r = await replica(s, s.doc.malloryPrivate)
    a.sendUpdate(
      updateOf(r, (d) => {
        for (const key of [theatre, bed, ct, 'i:not-an-item']) d.getMap('votes').set(key, 100)
      }),
    )
    await a.roundTrip()
    expect((await step(s, 'close')).status).toBe(204)
    expect((await step(s, 'reveal')).status).toBe(204)
    const { totals, results } = await revealed(s)
    // Board order: 3 on the first item (the cap), the 2 left of the budget on the second.
    expect(totals).toEqual({ [theatre]: 3, [bed]: 2, [ct]: 0 })
    expect(results.totalDots).toBe(5)
    await serving(s)
  })

  it('does not count votes changed after close', async () => {
    const s = await voting()
    const { theatre, ct, bed } = idea(s)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 3 })
    expect((await step(s, 'close')).status).toBe(204)
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 0, [ct]: 3 })
    expect((await step(s, 'reveal')).status).toBe(204)
    expect((await revealed(s)).totals).toEqual({ [theatre]: 3, [bed]: 0, [ct]: 0 })
    await serving(s)
  })

  it('closes and reveals a vote when one private document cannot be read, and logs how many', async () => {
    const s = await voting()
    const { theatre, bed, ct } = idea(s)
    const una = await joinWorkshop(s.server, s.w.joinCode, 'Una', 'g1')
    s.faults.unreadable.add(names.private(s.w.workshopId, una))
    await vote(s, s.live.hanaPrivate, s.doc.hanaPrivate, { [theatre]: 3 })
    expect((await step(s, 'close')).status).toBe(204)
    await until(
      s.live.facControl.doc,
      () => logOf(s.live.facControl.doc).some((l) => /could not be read/.test(l)),
      'the log to say a document could not be read',
    )
    expect(logOf(s.live.facControl.doc).find((l) => /could not be read/.test(l))).toMatch(
      /\b1 participant\b/,
    )
    expect((await step(s, 'reveal')).status).toBe(204)
    expect((await revealed(s)).totals).toEqual({ [theatre]: 3, [bed]: 0, [ct]: 0 })
    await serving(s)
  })
})
