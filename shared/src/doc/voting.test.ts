// Unit tests of dot voting in the documents: settings and status in control, the items of a
// vote read from the board, a participant's own dots, and the revealed results.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { VotingSettings } from '../schema/voting.js'
import type { WorkshopSettings } from '../schema/workshop.js'
import {
  addIdeas,
  createCluster,
  deleteIdea,
  mergeIdeas,
  readBoard,
  renameCluster,
  type NewIdea,
} from './board.js'
import {
  defaultVotingSettings,
  readRawVotes,
  readResults,
  readVoting,
  setResults,
  setVote,
  setVotingSettings,
  setVotingStatus,
} from './voting.js'
import { voteItems } from '../domain/items.js'
import type { VoteResults } from '../schema/voting.js'

const workshop: WorkshopSettings = {
  title: 'Which wards first?',
  objective: '',
  groups: [
    { id: 'g1', name: 'Surgeons' },
    { id: 'g2', name: 'Radiologists' },
  ],
  dotBudget: 7,
  maxDotsPerItem: 2,
  anonymous: false,
}

const chosen: VotingSettings = { dotBudget: 4, maxDotsPerItem: 4, anonymous: true, voteOn: 'ideas' }

function updates(doc: Y.Doc): unknown[] {
  const origins: unknown[] = []
  doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
  return origins
}

describe('defaultVotingSettings', () => {
  it('takes the workshop’s dots, cap and anonymity, voting on both', () => {
    expect(defaultVotingSettings(workshop)).toEqual({
      dotBudget: 7,
      maxDotsPerItem: 2,
      anonymous: false,
      voteOn: 'themes',
    })
  })

  it('uses 5 dots, 3 on one item, anonymous, without workshop settings', () => {
    expect(defaultVotingSettings(null)).toEqual({
      dotBudget: 5,
      maxDotsPerItem: 3,
      anonymous: true,
      voteOn: 'themes',
    })
  })

  it('keeps the cap within the budget when the workshop’s cap is above it', () => {
    // A cap of 5 with 3 dots would not validate: min(5, 3) = 3.
    expect(defaultVotingSettings({ ...workshop, dotBudget: 3, maxDotsPerItem: 5 })).toEqual({
      dotBudget: 3,
      maxDotsPerItem: 3,
      anonymous: false,
      voteOn: 'themes',
    })
  })
})

describe('readVoting', () => {
  it('reads an empty control document as set-up with the workshop’s settings', () => {
    expect(readVoting(new Y.Doc(), workshop)).toEqual({
      status: 'setup',
      settings: { dotBudget: 7, maxDotsPerItem: 2, anonymous: false, voteOn: 'themes' },
      openedAt: null,
      closedAt: null,
    })
  })

  it('reads the settings the facilitator wrote', () => {
    const doc = new Y.Doc()
    setVotingSettings(doc, chosen)
    expect(readVoting(doc, workshop).settings).toEqual(chosen)
  })

  it.each<[string, unknown]>([
    ['a cap above the budget', { ...chosen, dotBudget: 2, maxDotsPerItem: 3 }],
    ['no dots', { ...chosen, dotBudget: 0 }],
    ['too many dots', { ...chosen, dotBudget: 21 }],
    ['fractional dots', { ...chosen, dotBudget: 4.5 }],
    ['dots as text', { ...chosen, dotBudget: '4' }],
    ['an unknown kind of item', { ...chosen, voteOn: 'everything' }],
    ['anonymity as text', { ...chosen, anonymous: 'yes' }],
    ['a missing field', { dotBudget: 4, maxDotsPerItem: 2, anonymous: true }],
    ['text', '4 dots'],
    ['null', null],
  ])('falls back to the workshop’s settings when stored settings have %s', (_, stored) => {
    const doc = new Y.Doc()
    doc.getMap('voting').set('settings', stored)
    expect(readVoting(doc, workshop).settings).toEqual(defaultVotingSettings(workshop))
    expect(readVoting(doc, null).settings).toEqual(defaultVotingSettings(null))
  })

  it.each<[unknown, string]>([
    ['open', 'open'],
    ['closed', 'closed'],
    ['revealed', 'revealed'],
    ['OPEN', 'setup'],
    ['finished', 'setup'],
    [1, 'setup'],
    [null, 'setup'],
  ])('reads status %j as %s', (stored, expected) => {
    const doc = new Y.Doc()
    doc.getMap('voting').set('status', stored)
    expect(readVoting(doc, workshop).status).toBe(expected)
  })

  it.each<[string, unknown]>([
    ['text', '1700000000000'],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['null', null],
    ['an object', { at: 1 }],
  ])('reads a time stored as %s as null', (_, stored) => {
    const doc = new Y.Doc()
    doc.getMap('voting').set('openedAt', stored)
    doc.getMap('voting').set('closedAt', stored)
    const state = readVoting(doc, workshop)
    expect([state.openedAt, state.closedAt]).toEqual([null, null])
  })
})

describe('setVotingSettings', () => {
  it('writes a copy in one update with the origin given', () => {
    const doc = new Y.Doc()
    const origins = updates(doc)
    const given = { ...chosen }
    setVotingSettings(doc, given, 'facilitator')
    given.dotBudget = 20
    expect(readVoting(doc, workshop).settings).toEqual(chosen)
    expect(origins).toEqual(['facilitator'])
  })

  it('reaches another replica', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    setVotingSettings(a, chosen)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(readVoting(b, null).settings).toEqual(chosen)
  })
})

describe('setVotingStatus', () => {
  it('stamps when voting opened and when it closed', () => {
    const doc = new Y.Doc()
    setVotingStatus(doc, 'open', 1000)
    expect(readVoting(doc, workshop)).toMatchObject({
      status: 'open',
      openedAt: 1000,
      closedAt: null,
    })
    setVotingStatus(doc, 'closed', 2000)
    expect(readVoting(doc, workshop)).toMatchObject({
      status: 'closed',
      openedAt: 1000,
      closedAt: 2000,
    })
  })

  it('stamps the latest opening when voting reopens, and keeps both times on reveal', () => {
    const doc = new Y.Doc()
    setVotingStatus(doc, 'open', 1000)
    setVotingStatus(doc, 'closed', 2000)
    setVotingStatus(doc, 'open', 3000)
    expect(readVoting(doc, workshop)).toMatchObject({ status: 'open', openedAt: 3000 })
    setVotingStatus(doc, 'closed', 4000)
    setVotingStatus(doc, 'revealed', 5000)
    expect(readVoting(doc, workshop)).toMatchObject({
      status: 'revealed',
      openedAt: 3000,
      closedAt: 4000,
    })
  })

  it('writes one update per change, with the origin given', () => {
    const doc = new Y.Doc()
    const origins = updates(doc)
    setVotingStatus(doc, 'open', 1000, 'server')
    setVotingStatus(doc, 'closed', 2000, 'server')
    expect(origins).toEqual(['server', 'server'])
  })

  it('leaves the settings alone', () => {
    const doc = new Y.Doc()
    setVotingSettings(doc, chosen)
    setVotingStatus(doc, 'open', 1000)
    expect(readVoting(doc, workshop).settings).toEqual(chosen)
  })
})

const idea = (id: string, text: string, createdAt: number): NewIdea => ({
  id,
  text,
  createdAt,
  source: 'participant',
  round: 1,
})

/**
 * Cluster "Staffing" (oldest) holds Night shifts and Handover (with "Shift handover" merged
 * into it); an unnamed cluster holds Parking; cluster "Empty" holds nothing; Canteen and
 * Lighting are unclustered.
 */
function boardDoc(): Y.Doc {
  const doc = new Y.Doc()
  addIdeas(doc, [
    idea('n1', 'Night shifts', 1),
    idea('p1', 'Parking', 2),
    idea('c1', 'Canteen', 3),
    idea('h1', 'Handover', 4),
    idea('h2', 'Shift handover', 5),
    idea('l1', 'Lighting', 6),
  ])
  createCluster(doc, 'staff', 'Staffing', 10, ['n1', 'h1'])
  createCluster(doc, 'blank', '', 11, ['p1'])
  createCluster(doc, 'empty', 'Empty', 12)
  mergeIdeas(doc, 'h1', 'h2')
  return doc
}

describe('voteItems', () => {
  it('lists clusters with cards, in board order, for clusters', () => {
    expect(voteItems(readBoard(boardDoc()), 'clusters')).toEqual([
      { key: 'c:staff', kind: 'cluster', label: 'Staffing' },
      { key: 'c:blank', kind: 'cluster', label: 'Unnamed cluster' },
    ])
  })

  it('lists cards cluster by cluster, then the unclustered, for ideas', () => {
    // The merged "Shift handover" is inside Handover: one item, named by both texts.
    expect(voteItems(readBoard(boardDoc()), 'ideas')).toEqual([
      { key: 'i:n1', kind: 'idea', label: 'Night shifts' },
      { key: 'i:h1', kind: 'idea', label: 'Handover / Shift handover' },
      { key: 'i:p1', kind: 'idea', label: 'Parking' },
      { key: 'i:c1', kind: 'idea', label: 'Canteen' },
      { key: 'i:l1', kind: 'idea', label: 'Lighting' },
    ])
  })

  it('lists each cluster once and then the cards in no cluster for themes', () => {
    // Every card is on the ballot once: Night shifts, Handover and Parking through their cluster.
    expect(voteItems(readBoard(boardDoc()), 'themes').map((i) => i.key)).toEqual([
      'c:staff',
      'c:blank',
      'i:c1',
      'i:l1',
    ])
  })

  it('lists clusters and then every card for both', () => {
    expect(voteItems(readBoard(boardDoc()), 'both').map((i) => i.key)).toEqual([
      'c:staff',
      'c:blank',
      'i:n1',
      'i:h1',
      'i:p1',
      'i:c1',
      'i:l1',
    ])
  })

  it('names a cluster whose name is only spaces "Unnamed cluster", as the board does', () => {
    const doc = boardDoc()
    renameCluster(doc, 'staff', '   ')
    expect(voteItems(readBoard(doc), 'clusters')[0]).toEqual({
      key: 'c:staff',
      kind: 'cluster',
      label: 'Unnamed cluster',
    })
  })

  it('follows the board: a deleted idea is no longer an item, an emptied cluster neither', () => {
    const doc = boardDoc()
    deleteIdea(doc, 'p1')
    expect(voteItems(readBoard(doc), 'both').map((i) => i.key)).toEqual([
      'c:staff',
      'i:n1',
      'i:h1',
      'i:c1',
      'i:l1',
    ])
  })

  it('lists nothing for an empty board', () => {
    for (const on of ['clusters', 'ideas', 'both'] as const) {
      expect(voteItems(readBoard(new Y.Doc()), on)).toEqual([])
    }
  })

  it('keeps keys distinct when a cluster and a card share an id', () => {
    const doc = new Y.Doc()
    addIdeas(doc, [idea('same', 'Same id', 1)])
    createCluster(doc, 'same', 'Same id', 2, ['same'])
    const keys = voteItems(readBoard(doc), 'both').map((i) => i.key)
    expect(keys).toEqual(['c:same', 'i:same'])
  })
})

describe('setVote and readRawVotes', () => {
  it('reads an empty private document as no votes', () => {
    expect(readRawVotes(new Y.Doc())).toEqual({})
  })

  it('sets, changes and removes dots per item', () => {
    const doc = new Y.Doc()
    setVote(doc, 'i:n1', 2)
    setVote(doc, 'c:staff', 1)
    expect(readRawVotes(doc)).toEqual({ 'i:n1': 2, 'c:staff': 1 })
    setVote(doc, 'i:n1', 3)
    expect(readRawVotes(doc)).toEqual({ 'i:n1': 3, 'c:staff': 1 })
    setVote(doc, 'i:n1', 0)
    expect(readRawVotes(doc)).toEqual({ 'c:staff': 1 })
  })

  it.each<[string, number]>([
    ['0', 0],
    ['a negative number', -2],
    ['NaN', NaN],
    ['minus infinity', -Infinity],
  ])('removes the entry when given %s', (_, dots) => {
    const doc = new Y.Doc()
    setVote(doc, 'i:n1', 2)
    setVote(doc, 'i:n1', dots)
    expect(readRawVotes(doc)).toEqual({})
  })

  it('does nothing when removing an entry that is not there', () => {
    const doc = new Y.Doc()
    const origins = updates(doc)
    setVote(doc, 'i:n1', 0)
    expect(origins).toEqual([])
  })

  it('reads whatever a hostile writer put there, for the tally to clamp', () => {
    const doc = new Y.Doc()
    const votes = doc.getMap('votes')
    votes.set('i:n1', 100)
    votes.set('i:p1', '3')
    votes.set('i:c1', { dots: 2 })
    votes.set('i:l1', -1.5)
    expect(readRawVotes(doc)).toEqual({
      'i:n1': 100,
      'i:p1': '3',
      'i:c1': { dots: 2 },
      'i:l1': -1.5,
    })
  })

  it('survives a reload from the stored update (as y-indexeddb keeps it offline)', () => {
    const doc = new Y.Doc()
    setVote(doc, 'i:n1', 2)
    setVote(doc, 'c:staff', 1)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(doc))
    expect(readRawVotes(reloaded)).toEqual({ 'i:n1': 2, 'c:staff': 1 })
  })
})

const results: VoteResults = {
  revealedAt: 9000,
  settings: chosen,
  groups: [
    { id: 'g1', name: 'Surgeons', voters: 2, members: 2, dots: 8 },
    { id: 'g2', name: 'Radiologists', voters: 1, members: 1, dots: 4 },
  ],
  items: [
    {
      key: 'i:n1',
      kind: 'idea',
      label: 'Night shifts',
      total: 7,
      byGroup: { g1: 6, g2: 1 },
      normalized: 0.5,
      rank: 1,
      normalizedRank: 1,
    },
    {
      key: 'i:p1',
      kind: 'idea',
      label: 'Parking',
      total: 5,
      byGroup: { g1: 2, g2: 3 },
      normalized: 0.5,
      rank: 2,
      normalizedRank: 1,
    },
  ],
  totalDots: 12,
  voters: 3,
  ballots: null,
}

describe('readResults and setResults', () => {
  it('reads no results from an empty control document', () => {
    expect(readResults(new Y.Doc())).toBeNull()
  })

  it('reads back the results written, with the origin given', () => {
    const doc = new Y.Doc()
    const origins = updates(doc)
    setResults(doc, results, 'server')
    expect(readResults(doc)).toEqual(results)
    expect(origins).toEqual(['server'])
  })

  it('reads open ballots back', () => {
    const doc = new Y.Doc()
    const open: VoteResults = {
      ...results,
      settings: { ...chosen, anonymous: false },
      ballots: [{ name: 'Ada', group: 'g1', dots: { 'i:n1': 3, 'i:p1': 1 } }],
    }
    setResults(doc, open)
    expect(readResults(doc)).toEqual(open)
  })

  it('clears the results with null', () => {
    const doc = new Y.Doc()
    setResults(doc, results)
    const origins = updates(doc)
    setResults(doc, null, 'server')
    expect(readResults(doc)).toBeNull()
    expect(origins).toEqual(['server'])
  })

  it.each<[string, (r: VoteResults) => unknown]>([
    ['a share above 1', (r) => ({ ...r, items: [{ ...r.items[0]!, normalized: 1.5 }] })],
    ['a negative share', (r) => ({ ...r, items: [{ ...r.items[0]!, normalized: -0.1 }] })],
    ['rank 0', (r) => ({ ...r, items: [{ ...r.items[0]!, rank: 0 }] })],
    ['a fractional total', (r) => ({ ...r, items: [{ ...r.items[0]!, total: 1.5 }] })],
    ['an unknown kind', (r) => ({ ...r, items: [{ ...r.items[0]!, kind: 'card' }] })],
    ['negative group dots', (r) => ({ ...r, groups: [{ ...r.groups[0]!, dots: -1 }] })],
    ['invalid settings', (r) => ({ ...r, settings: { ...r.settings, maxDotsPerItem: 9 } })],
    ['no ballots field', ({ ballots: _, ...rest }) => rest],
    ['a ballot without a name', (r) => ({ ...r, ballots: [{ group: 'g1', dots: {} }] })],
    ['text', () => 'Night shifts won'],
    ['null', () => null],
  ])('reads results with %s as none', (_, spoil) => {
    const doc = new Y.Doc()
    doc.getMap('results').set('vote', spoil(results))
    expect(readResults(doc)).toBeNull()
  })
})
