// Grouping the board for the phone list, own ideas, presence counting and labels.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addIdeas, createCluster, mergeIdeas, readBoard, type NewIdea } from '@triage/shared'
import { boardLists, countLabel, nextClusterName, ownIdeas, presenceCount } from './board-lists'

const idea = (id: string, text: string, createdAt: number): NewIdea => ({
  id,
  text,
  createdAt,
  source: 'participant',
  round: 1,
})

function board() {
  const doc = new Y.Doc()
  addIdeas(doc, [idea('a1', 'Alpha', 1), idea('b2', 'Beta', 2), idea('c3', 'Gamma', 3)])
  createCluster(doc, 'k1', 'Scheduling', 10, ['b2'])
  createCluster(doc, 'k2', '  ', 11)
  mergeIdeas(doc, 'a1', 'c3')
  return readBoard(doc)
}

describe('boardLists', () => {
  it('lists unclustered cards first, then each cluster with its cards', () => {
    const lists = boardLists(board())
    expect(lists.map((l) => [l.id, l.name, l.cards.map((c) => c.text)])).toEqual([
      [null, 'Unclustered', ['Alpha']],
      ['k1', 'Scheduling', ['Beta']],
      ['k2', 'Unnamed cluster', []],
    ])
    expect(lists[0]!.cards[0]!.merged.map((m) => m.text)).toEqual(['Gamma'])
  })

  it('has only the unclustered list on an empty board', () => {
    expect(boardLists({ cards: [], clusters: [], unclustered: [] })).toEqual([
      { id: null, name: 'Unclustered', cards: [] },
    ])
  })
})

describe('ownIdeas', () => {
  it.each([
    [[], []],
    [['b2'], ['Beta']],
    [
      ['c3', 'a1'],
      ['Alpha', 'Gamma'],
    ],
    [['gone'], []],
  ])('mine %j → %j', (mine, texts) => {
    expect(ownIdeas(board(), new Set(mine)).map((i) => i.text)).toEqual(texts)
  })
})

describe('nextClusterName', () => {
  it('takes the first free number', () => {
    expect(nextClusterName({ cards: [], clusters: [], unclustered: [] })).toBe('Cluster 1')
    const named = (name: string) => ({ id: name, name, createdAt: 0, cardIds: [] })
    expect(
      nextClusterName({
        cards: [],
        clusters: [named('Cluster 2'), named('Cluster 3')],
        unclustered: [],
      }),
    ).toBe('Cluster 4')
  })
})

describe('presenceCount', () => {
  const entry = (clientId: number, identity: unknown) => ({
    clientId,
    state: identity === undefined ? {} : { identity },
  })
  it.each([
    [[], 0],
    [[entry(1, { role: 'participant', participantId: 'p1' })], 1],
    [
      [
        entry(1, { role: 'participant', participantId: 'p1' }),
        entry(2, { role: 'participant', participantId: 'p1' }),
        entry(3, { role: 'participant', participantId: 'p2' }),
      ],
      2,
    ],
    [[entry(1, { role: 'facilitator' }), entry(2, { role: 'facilitator' })], 1],
    [[entry(1, undefined), entry(2, null), entry(3, { role: 'facilitator' })], 1],
    [[{ clientId: 1, state: { user: { name: 'Me' } } }], 1],
    [
      [
        { clientId: 1, state: { user: { name: 'Me' } } },
        entry(2, { role: 'participant', participantId: 'me' }),
        entry(3, { role: 'participant', participantId: 'p2' }),
      ],
      2,
    ],
  ])('%#: %j people', (entries, n) => {
    expect(presenceCount(entries, 'me')).toBe(n)
  })
})

describe('countLabel', () => {
  it.each([
    [0, 'draft', undefined, '0 drafts'],
    [1, 'draft', undefined, '1 draft'],
    [3, 'idea', undefined, '3 ideas'],
    [2, 'person', 'people', '2 people'],
  ])('%i %s', (n, one, many, label) => {
    expect(countLabel(n, one, many)).toBe(label)
  })
})
