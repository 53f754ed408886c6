// Assembling the workshop record from real Yjs documents: what each document holds lands in the
// record, names only when the workshop is not anonymous, ballots only under pseudonyms and only
// when they recount the revealed results, and whatever does not validate is left out.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { itemKey, type VotingSettings } from '../schema/voting.js'
import { workshopRecordSchema } from '../schema/record.js'
import { voteItems } from '../domain/items.js'
import { tally } from '../domain/tally.js'
import { addIdeas, createCluster, mergeIdeas, readBoard } from './board.js'
import { addRosterEntry, appendLogEvent, initControl, setPhase } from './control.js'
import { assembleWorkshopRecord } from './record.js'
import { setResults, setVotingSettings, setVotingStatus } from './voting.js'

const VOTING: VotingSettings = { dotBudget: 3, maxDotsPerItem: 2, anonymous: true, voteOn: 'ideas' }

function workshop(anonymous: boolean) {
  const control = new Y.Doc()
  const board = new Y.Doc()
  initControl(control, {
    title: 'Imaging roadmap',
    objective: 'Pick one',
    groups: [
      { id: 'g1', name: 'Surgeons' },
      { id: 'g2', name: 'Radiologists' },
    ],
    dotBudget: 3,
    maxDotsPerItem: 2,
    anonymous,
  })
  addRosterEntry(control, 'p-ana', { name: 'Ana Secret', group: 'g1', joinedAt: 10 })
  addRosterEntry(control, 'p-ben', { name: 'Ben Hidden', group: 'g1', joinedAt: 11 })
  addRosterEntry(control, 'p-cy', { name: 'Cy Private', group: 'g2', joinedAt: 12 })
  // A roster entry a bug or an old client left behind: not a valid entry, so not in the record.
  control.getMap('roster').set('p-bad', { name: 42 })
  const author = (participantId: string, name: string, group: string) =>
    anonymous ? null : { participantId, name, group }
  addIdeas(board, [
    {
      id: 'a',
      text: 'CT triage',
      createdAt: 100,
      source: 'participant',
      round: 1,
      author: author('p-ana', 'Ana Secret', 'g1'),
    },
    {
      id: 'b',
      text: 'AI triage of CT',
      createdAt: 101,
      source: 'participant',
      round: 1,
      author: author('p-cy', 'Cy Private', 'g2'),
    },
    {
      id: 'c',
      text: 'Bed board',
      createdAt: 102,
      source: 'participant',
      round: 1,
      author: author('p-ben', 'Ben Hidden', 'g1'),
    },
    { id: 'd', text: 'Pager', createdAt: 103, source: 'facilitator', round: 1 },
  ])
  createCluster(board, 'k1', 'Imaging', 200, ['a'])
  mergeIdeas(board, 'a', 'b')
  setPhase(control, 'vote')
  appendLogEvent(control, [
    { type: 'phase', at: 50, to: 'brainstorm' },
    { type: 'reveal', at: 60, revealed: 3, round: 1, skipped: 0, unreadable: 0 },
  ])
  return { control, board }
}

/** Votes, closes and reveals as the server does; returns the sealed ballots. */
function reveal(control: Y.Doc, board: Y.Doc) {
  const items = voteItems(readBoard(board), VOTING.voteOn)
  const [a, c, d] = [itemKey.idea('a'), itemKey.idea('c'), itemKey.idea('d')]
  const sealed = [
    { participantId: 'p-ana', group: 'g1', votes: { [a]: 2, [c]: 1 } },
    { participantId: 'p-ben', group: 'g1', votes: { [c]: 5 } },
    { participantId: 'p-cy', group: 'g2', votes: { [a]: 1, [d]: 2 } },
  ]
  const counted = tally({
    ballots: sealed,
    items,
    settings: VOTING,
    groups: [
      { id: 'g1', name: 'Surgeons' },
      { id: 'g2', name: 'Radiologists' },
    ],
    members: { g1: 2, g2: 1 },
  })
  setVotingSettings(control, VOTING)
  setVotingStatus(control, 'closed', 300)
  setResults(control, {
    revealedAt: 310,
    settings: VOTING,
    groups: counted.groups,
    items: counted.items,
    totalDots: counted.totalDots,
    voters: counted.voters,
    ballots: null,
  })
  setVotingStatus(control, 'revealed', 310)
  return sealed.map(({ group, votes }) => ({ group, votes }))
}

describe('assembleWorkshopRecord', () => {
  it('records settings, roster, board, voting and log, and validates', () => {
    const { control, board } = workshop(false)
    const sealedBallots = reveal(control, board)
    const record = assembleWorkshopRecord(control, board, {
      workshopId: 'w-1',
      exportedAt: 1000,
      createdAt: 5,
      sealedBallots,
    })
    expect(workshopRecordSchema.parse(record)).toEqual(record)
    expect(record.workshop).toMatchObject({ id: 'w-1', title: 'Imaging roadmap', phase: 'vote' })
    expect(record.participants).toEqual([
      { group: 'g1', name: 'Ana Secret' },
      { group: 'g1', name: 'Ben Hidden' },
      { group: 'g2', name: 'Cy Private' },
    ])
    expect(
      record.board.ideas.map((i) => [i.id, i.mergedInto, i.clusterId, i.group, i.author]),
    ).toEqual([
      ['a', null, 'k1', 'g1', 'Ana Secret'],
      ['b', 'a', null, 'g2', 'Cy Private'],
      ['c', null, null, 'g1', 'Ben Hidden'],
      ['d', null, null, null, null],
    ])
    expect(record.log.map((e) => e.type)).toEqual(['phase', 'reveal'])
    expect(record.voting.status).toBe('revealed')
    expect(record.voting.results?.totalDots).toBe(8)
    // Ben's 5 dots on one item count as the cap of 2; pseudonyms in group-then-content order.
    expect(record.voting.ballots).toEqual([
      { voter: 'V001', group: 'g1', dots: { 'i:a': 2, 'i:c': 1 } },
      { voter: 'V002', group: 'g1', dots: { 'i:c': 2 } },
      { voter: 'V003', group: 'g2', dots: { 'i:a': 1, 'i:d': 2 } },
    ])
  })

  it('keeps every name and participant id out of an anonymous workshop’s record', () => {
    const { control, board } = workshop(true)
    const sealedBallots = reveal(control, board)
    const record = assembleWorkshopRecord(control, board, {
      workshopId: 'w-1',
      exportedAt: 1000,
      sealedBallots,
    })
    const json = JSON.stringify(record)
    for (const secret of ['Ana', 'Ben', 'Cy', 'p-ana', 'p-ben', 'p-cy', 'participantId']) {
      expect(json).not.toContain(secret)
    }
    expect(record.participants).toEqual([
      { group: 'g1', name: null },
      { group: 'g1', name: null },
      { group: 'g2', name: null },
    ])
    expect(record.voting.ballots).toHaveLength(3)
  })

  it('leaves the ballots out when they do not recount the revealed results', () => {
    const { control, board } = workshop(true)
    reveal(control, board)
    const record = assembleWorkshopRecord(control, board, {
      workshopId: 'w-1',
      exportedAt: 1000,
      sealedBallots: [{ group: 'g1', votes: { 'i:a': 1 } }],
    })
    expect(record.voting.results).not.toBeNull()
    expect(record.voting.ballots).toBeNull()
  })

  it('records a workshop that has not started: no results, no ballots, nothing logged', () => {
    const control = new Y.Doc()
    const board = new Y.Doc()
    const record = assembleWorkshopRecord(control, board, { workshopId: 'w-2', exportedAt: 1 })
    expect(workshopRecordSchema.parse(record)).toEqual(record)
    expect(record.workshop.title).toBe('Untitled workshop')
    expect(record.voting).toMatchObject({ status: 'setup', results: null, ballots: null })
    expect(record.log).toEqual([])
  })
})
