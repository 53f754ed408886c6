// Unit tests of the board accessors: notes, ideas, clusters, merges, and replicas converging.
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LIMITS } from '../schema/workshop.js'
import {
  addIdeas,
  boardNotes,
  CLUSTERS,
  createCluster,
  deleteIdea,
  dissolveCluster,
  hasIdea,
  ideaCount,
  ideaTag,
  ideaText,
  IDEAS,
  mergeIdeas,
  moveIdea,
  readBoard,
  readBoardNotes,
  renameCluster,
  rootOf,
  unmergeIdea,
  type NewIdea,
} from './board.js'
import type { Card, Idea, IdeaAuthor } from '../schema/board.js'

describe('boardNotes and readBoardNotes', () => {
  it('reads an empty board as no notes', () => {
    expect(readBoardNotes(new Y.Doc())).toBe('')
  })

  it('returns the same shared text every time', () => {
    const doc = new Y.Doc()
    expect(boardNotes(doc)).toBe(boardNotes(doc))
    expect(boardNotes(doc)).toBeInstanceOf(Y.Text)
  })

  it.each<[string, (t: Y.Text) => void, string]>([
    ['an insert', (t) => t.insert(0, 'Hello'), 'Hello'],
    [
      'inserts in the middle',
      (t) => {
        t.insert(0, 'Hlo')
        t.insert(1, 'el')
      },
      'Hello',
    ],
    [
      'a deletion',
      (t) => {
        t.insert(0, 'Hello, world')
        t.delete(5, 7)
      },
      'Hello',
    ],
    ['multi-line text', (t) => t.insert(0, 'a\nb\n'), 'a\nb\n'],
  ])('reads back %s', (_, edit, expected) => {
    const doc = new Y.Doc()
    edit(boardNotes(doc))
    expect(readBoardNotes(doc)).toBe(expected)
  })

  it('merges concurrent edits of two replicas', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    boardNotes(a).insert(0, 'middle')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    boardNotes(a).insert(0, 'start ')
    boardNotes(b).insert(boardNotes(b).length, ' end')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(readBoardNotes(a)).toBe('start middle end')
    expect(readBoardNotes(b)).toBe('start middle end')
  })
})

const T0 = 1_700_000_000_000
const ada: IdeaAuthor = { participantId: 'participant-ada', name: 'Ada', group: 'g1' }

/** A new idea `id` with text "Idea <id>", written `age` ms after T0. */
function newIdea(id: string, age: number, extra: Partial<NewIdea> = {}): NewIdea {
  return { id, text: `Idea ${id}`, createdAt: T0 + age, source: 'participant', round: 1, ...extra }
}

/** A board holding ideas with these ids, oldest first in the order given. */
function boardWith(...ids: string[]): Y.Doc {
  const doc = new Y.Doc()
  addIdeas(
    doc,
    ids.map((id, i) => newIdea(id, i)),
  )
  return doc
}

/** The board as plain values: each card with its merged ideas, and the clusters. */
function layout(doc: Y.Doc) {
  const board = readBoard(doc)
  return {
    cards: board.cards.map((c) => [c.id, c.merged.map((m) => m.id)]),
    clusters: board.clusters.map((c) => [c.name, c.cardIds]),
    unclustered: board.unclustered,
  }
}

/** The stored map of one idea, for writing what a hostile member could write. */
const rawIdea = (doc: Y.Doc, id: string) => doc.getMap<unknown>(IDEAS).get(id) as Y.Map<unknown>

function countUpdates(doc: Y.Doc): { count: number } {
  const counter = { count: 0 }
  doc.on('update', () => counter.count++)
  return counter
}

/** Exchanges what each document lacks, both ways. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** Two replicas of one board, with fixed client ids so runs are repeatable. */
function replicas(...ids: string[]): [Y.Doc, Y.Doc] {
  const a = boardWith(...ids)
  a.clientID = 1
  const b = new Y.Doc()
  b.clientID = 2
  sync(a, b)
  return [a, b]
}

describe('addIdeas and readBoard', () => {
  it('reads an empty board as nothing at all', () => {
    expect(readBoard(new Y.Doc())).toEqual({ cards: [], clusters: [], unclustered: [] })
  })

  it('reads back every field of the ideas it added, oldest first', () => {
    const doc = new Y.Doc()
    addIdeas(doc, [
      newIdea('b', 5, { author: ada, tag: 'tag-ada', round: 2 }),
      newIdea('a', 10, { source: 'facilitator', text: 'From the list' }),
    ])
    expect(readBoard(doc)).toEqual({
      cards: [
        {
          id: 'b',
          text: 'Idea b',
          clusterId: null,
          mergedInto: null,
          createdAt: T0 + 5,
          source: 'participant',
          author: ada,
          round: 2,
          merged: [],
        },
        {
          id: 'a',
          text: 'From the list',
          clusterId: null,
          mergedInto: null,
          createdAt: T0 + 10,
          source: 'facilitator',
          author: null,
          round: 1,
          merged: [],
        },
      ],
      clusters: [],
      unclustered: ['b', 'a'],
    })
  })

  it('orders ideas written at the same moment by id', () => {
    const doc = new Y.Doc()
    addIdeas(doc, [newIdea('c', 0), newIdea('a', 0), newIdea('b', 0)])
    expect(readBoard(doc).unclustered).toEqual(['a', 'b', 'c'])
  })

  it('writes all ideas in one update, with the origin given', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    addIdeas(doc, [newIdea('a', 0), newIdea('b', 1), newIdea('c', 2)], 'reveal')
    expect(origins).toEqual(['reveal'])
    expect(ideaCount(doc)).toBe(3)
  })

  it('stores author and tag only when given', () => {
    const doc = new Y.Doc()
    addIdeas(doc, [newIdea('a', 0), newIdea('b', 1, { author: ada, tag: 'tag-b' })])
    expect([...rawIdea(doc, 'a').keys()].sort()).toEqual(
      ['cluster', 'createdAt', 'mergedInto', 'round', 'source', 'text'].sort(),
    )
    expect(rawIdea(doc, 'b').get('author')).toEqual(ada)
    expect(ideaTag(rawIdea(doc, 'a'))).toBeNull()
    expect(ideaTag(rawIdea(doc, 'b'))).toBe('tag-b')
  })

  it('keeps at most the board limit of ideas, the oldest', () => {
    const doc = new Y.Doc()
    const ideas = Array.from({ length: LIMITS.boardIdeas + 1 }, (_, i) =>
      newIdea(`i${String(i).padStart(5, '0')}`, LIMITS.boardIdeas - i),
    )
    addIdeas(doc, ideas)
    const board = readBoard(doc)
    expect(board.cards).toHaveLength(LIMITS.boardIdeas)
    // The first idea given is the newest (age 2000), so it is the one left out.
    expect(board.cards.some((c) => c.id === 'i00000')).toBe(false)
    expect(ideaCount(doc)).toBe(LIMITS.boardIdeas + 1)
  })
})

describe('readBoard on a board holding garbage', () => {
  /** Writes one stored value the way a hostile or buggy writer could. */
  const hostile: [string, (doc: Y.Doc) => void][] = [
    ['a plain string as an idea', (d) => d.getMap(IDEAS).set('x', 'Just text')],
    ['a plain object as an idea', (d) => d.getMap(IDEAS).set('x', { text: 'Sneaky' })],
    ['null as an idea', (d) => d.getMap(IDEAS).set('x', null)],
    ['an idea without text', (d) => d.getMap(IDEAS).set('x', new Y.Map())],
    [
      'an idea whose text is a string, not shared text',
      (d) => {
        const m = new Y.Map<unknown>()
        m.set('text', 'Plain')
        d.getMap(IDEAS).set('x', m)
      },
    ],
    [
      'an idea whose text is an array',
      (d) => {
        const m = new Y.Map<unknown>()
        m.set('text', new Y.Array())
        d.getMap(IDEAS).set('x', m)
      },
    ],
  ]

  it.each(hostile)('ignores %s', (_, write) => {
    const doc = boardWith('a')
    write(doc)
    expect(layout(doc)).toEqual({ cards: [['a', []]], clusters: [], unclustered: ['a'] })
    expect(hasIdea(doc, 'x')).toBe(true)
    expect(ideaText(doc, 'x')).toBeNull()
  })

  it.each<[string, string, unknown, Partial<Card>]>([
    ['a createdAt that is text', 'createdAt', 'yesterday', { createdAt: 0 }],
    ['a createdAt that is not finite', 'createdAt', Infinity, { createdAt: 0 }],
    ['an unknown source', 'source', 'robot', { source: 'participant' }],
    ['the facilitator as source', 'source', 'facilitator', { source: 'facilitator' }],
    ['an author without group', 'author', { participantId: 'p', name: 'Eve' }, { author: null }],
    ['an author that is text', 'author', 'Eve', { author: null }],
    ['a round of zero', 'round', 0, { round: 1 }],
    ['a fractional round', 'round', 1.5, { round: 1 }],
    ['a round that is text', 'round', '3', { round: 1 }],
    ['a later round', 'round', 3, { round: 3 }],
    ['a cluster that is a number', 'cluster', 7, { clusterId: null }],
    ['a cluster id that is too long', 'cluster', 'c'.repeat(65), { clusterId: null }],
    ['a cluster that does not exist', 'cluster', 'nowhere', { clusterId: null }],
    ['a mergedInto that is a number', 'mergedInto', 3, { mergedInto: null }],
    ['a mergedInto naming no idea', 'mergedInto', 'gone', { mergedInto: null }],
  ])('reads an idea with %s safely', (_, key, value, expected) => {
    const doc = boardWith('a', 'b')
    rawIdea(doc, 'b').set(key, value)
    const card = readBoard(doc).cards.find((c) => c.id === 'b')
    expect(card).toMatchObject(expected)
    expect(readBoard(doc).cards).toHaveLength(2)
  })

  it('cuts an overlong text to twice the idea limit', () => {
    const doc = boardWith('a')
    ideaText(doc, 'a')!.insert(0, 'x'.repeat(LIMITS.ideaText * 3))
    expect(readBoard(doc).cards[0]!.text).toHaveLength(LIMITS.ideaText * 2)
  })

  it.each<[string, unknown]>([
    ['text', 'Cluster'],
    ['a number', 4],
    ['a name that is too long', { name: 'n'.repeat(LIMITS.clusterName + 1), createdAt: 1 }],
    ['no createdAt', { name: 'Named' }],
    ['a name that is a number', { name: 5, createdAt: 1 }],
    ['a shared map', new Y.Map()],
  ])('drops a cluster stored as %s, and its cards become unclustered', (_, value) => {
    const doc = boardWith('a', 'b')
    doc.getMap(CLUSTERS).set('bad', value)
    moveIdea(doc, 'a', 'bad')
    expect(layout(doc)).toEqual({
      cards: [
        ['a', []],
        ['b', []],
      ],
      clusters: [],
      unclustered: ['a', 'b'],
    })
  })
})

describe('clusters', () => {
  it('creates a cluster with cards in it, in one update', () => {
    const doc = boardWith('a', 'b', 'c')
    const updates = countUpdates(doc)
    createCluster(doc, 'k1', 'Staffing', T0, ['a', 'c'])
    expect(updates.count).toBe(1)
    expect(readBoard(doc).clusters).toEqual([
      { id: 'k1', name: 'Staffing', createdAt: T0, cardIds: ['a', 'c'] },
    ])
    expect(readBoard(doc).unclustered).toEqual(['b'])
  })

  it('lists clusters oldest first and cards in board order', () => {
    const doc = boardWith('a', 'b', 'c', 'd')
    createCluster(doc, 'k2', 'Later', T0 + 50)
    createCluster(doc, 'k1', 'Earlier', T0 + 10)
    moveIdea(doc, 'd', 'k1')
    moveIdea(doc, 'b', 'k1')
    moveIdea(doc, 'c', 'k2')
    expect(layout(doc).clusters).toEqual([
      ['Earlier', ['b', 'd']],
      ['Later', ['c']],
    ])
    expect(layout(doc).unclustered).toEqual(['a'])
  })

  it('moves a card from one cluster to another and back out', () => {
    const doc = boardWith('a')
    createCluster(doc, 'k1', 'One', T0)
    createCluster(doc, 'k2', 'Two', T0 + 1)
    moveIdea(doc, 'a', 'k1')
    expect(readBoard(doc).cards[0]!.clusterId).toBe('k1')
    moveIdea(doc, 'a', 'k2')
    expect(layout(doc).clusters).toEqual([
      ['One', []],
      ['Two', ['a']],
    ])
    moveIdea(doc, 'a', null)
    expect(layout(doc).unclustered).toEqual(['a'])
  })

  it('ignores a move of an idea that is not there', () => {
    const doc = boardWith('a')
    const updates = countUpdates(doc)
    moveIdea(doc, 'nobody', null)
    expect(updates.count).toBe(0)
  })

  it('renames a cluster, keeping its age and cards', () => {
    const doc = boardWith('a')
    createCluster(doc, 'k1', 'Old name', T0 + 3, ['a'])
    renameCluster(doc, 'k1', 'New name')
    expect(readBoard(doc).clusters).toEqual([
      { id: 'k1', name: 'New name', createdAt: T0 + 3, cardIds: ['a'] },
    ])
  })

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['stored as garbage', 'garbage'],
  ])('does not rename a cluster that is %s', (_, stored) => {
    const doc = boardWith('a')
    if (stored !== undefined) doc.getMap(CLUSTERS).set('k1', stored)
    renameCluster(doc, 'k1', 'Name')
    expect(doc.getMap(CLUSTERS).get('k1')).toBe(stored)
  })

  it('dissolves a cluster: its cards go back to unclustered, others stay', () => {
    const doc = boardWith('a', 'b', 'c')
    createCluster(doc, 'k1', 'One', T0, ['a', 'b'])
    createCluster(doc, 'k2', 'Two', T0 + 1, ['c'])
    const updates = countUpdates(doc)
    dissolveCluster(doc, 'k1')
    expect(updates.count).toBe(1)
    expect(layout(doc)).toEqual({
      cards: [
        ['a', []],
        ['b', []],
        ['c', []],
      ],
      clusters: [['Two', ['c']]],
      unclustered: ['a', 'b'],
    })
    expect(rawIdea(doc, 'a').get('cluster')).toBeNull()
    expect(doc.getMap(CLUSTERS).has('k1')).toBe(false)
  })

  it('shows a card moved into a cluster dissolved at the same time as unclustered', () => {
    const [a, b] = replicas('x', 'y')
    createCluster(a, 'k1', 'One', T0, ['x'])
    sync(a, b)
    dissolveCluster(a, 'k1')
    moveIdea(b, 'y', 'k1')
    sync(a, b)
    expect(layout(a)).toEqual(layout(b))
    expect(layout(a).clusters).toEqual([])
    expect(layout(a).unclustered).toEqual(['x', 'y'])
  })
})

describe('mergeIdeas', () => {
  it('puts the duplicate inside the card; together they count as one', () => {
    const doc = boardWith('a', 'b', 'c')
    mergeIdeas(doc, 'a', 'b')
    const board = readBoard(doc)
    expect(layout(doc).cards).toEqual([
      ['a', ['b']],
      ['c', []],
    ])
    expect(board.unclustered).toEqual(['a', 'c'])
    expect(board.cards[0]!.merged[0]).toMatchObject({ id: 'b', text: 'Idea b', mergedInto: 'a' })
  })

  it('moves whatever was merged into the duplicate along with it', () => {
    const doc = boardWith('a', 'b', 'c')
    mergeIdeas(doc, 'a', 'b')
    mergeIdeas(doc, 'c', 'a')
    expect(layout(doc).cards).toEqual([['c', ['a', 'b']]])
    // Flat: everything points at the card itself.
    expect(rawIdea(doc, 'a').get('mergedInto')).toBe('c')
    expect(rawIdea(doc, 'b').get('mergedInto')).toBe('c')
  })

  it('merging into a merged idea goes to its card', () => {
    const doc = boardWith('a', 'b', 'c')
    mergeIdeas(doc, 'a', 'b')
    mergeIdeas(doc, 'b', 'c')
    expect(layout(doc).cards).toEqual([['a', ['b', 'c']]])
    expect(rawIdea(doc, 'c').get('mergedInto')).toBe('a')
  })

  it.each<[string, string, string]>([
    ['an idea into itself', 'a', 'a'],
    ['a card into an idea merged into it', 'b', 'a'],
    ['an idea merged into a card into that card', 'a', 'b'],
    ['into an idea that is not there', 'nobody', 'a'],
    ['an idea that is not there', 'a', 'nobody'],
  ])('does nothing when merging %s', (_, target, duplicate) => {
    const doc = boardWith('a', 'b', 'c')
    mergeIdeas(doc, 'a', 'b')
    const updates = countUpdates(doc)
    mergeIdeas(doc, target, duplicate)
    expect(updates.count).toBe(0)
    expect(layout(doc).cards).toEqual([
      ['a', ['b']],
      ['c', []],
    ])
  })

  it('keeps the card in its cluster; the duplicate leaves its own', () => {
    const doc = boardWith('a', 'b')
    createCluster(doc, 'k1', 'One', T0, ['a'])
    createCluster(doc, 'k2', 'Two', T0 + 1, ['b'])
    mergeIdeas(doc, 'a', 'b')
    expect(layout(doc).clusters).toEqual([
      ['One', ['a']],
      ['Two', []],
    ])
  })

  it('changes everything in one update', () => {
    const doc = boardWith('a', 'b', 'c')
    mergeIdeas(doc, 'a', 'b')
    const updates = countUpdates(doc)
    mergeIdeas(doc, 'c', 'a')
    expect(updates.count).toBe(1)
  })
})

describe('unmergeIdea', () => {
  it('takes an idea out of its card into the card’s cluster', () => {
    const doc = boardWith('a', 'b', 'c')
    createCluster(doc, 'k1', 'One', T0, ['a'])
    mergeIdeas(doc, 'a', 'b')
    mergeIdeas(doc, 'a', 'c')
    unmergeIdea(doc, 'b')
    expect(layout(doc)).toEqual({
      cards: [
        ['a', ['c']],
        ['b', []],
      ],
      clusters: [['One', ['a', 'b']]],
      unclustered: [],
    })
  })

  it.each([
    ['a card', 'a'],
    ['an idea that is not there', 'nobody'],
  ])('does nothing for %s', (_, id) => {
    const doc = boardWith('a', 'b')
    mergeIdeas(doc, 'a', 'b')
    const updates = countUpdates(doc)
    unmergeIdea(doc, id)
    expect(updates.count).toBe(0)
  })
})

describe('deleteIdea', () => {
  it('deletes a card; ideas merged into it become cards in its cluster', () => {
    const doc = boardWith('a', 'b', 'c', 'd')
    createCluster(doc, 'k1', 'One', T0, ['a'])
    mergeIdeas(doc, 'a', 'b')
    mergeIdeas(doc, 'a', 'c')
    const updates = countUpdates(doc)
    deleteIdea(doc, 'a')
    expect(updates.count).toBe(1)
    expect(hasIdea(doc, 'a')).toBe(false)
    expect(layout(doc)).toEqual({
      cards: [
        ['b', []],
        ['c', []],
        ['d', []],
      ],
      clusters: [['One', ['b', 'c']]],
      unclustered: ['d'],
    })
  })

  it('deletes an idea merged into a card; the card keeps the rest', () => {
    const doc = boardWith('a', 'b', 'c')
    mergeIdeas(doc, 'a', 'b')
    mergeIdeas(doc, 'a', 'c')
    deleteIdea(doc, 'b')
    expect(layout(doc).cards).toEqual([['a', ['c']]])
  })

  it('keeps ideas merged into a deleted merged idea in the same card', () => {
    // A chain c → b → a arises only from concurrent merges; build it directly.
    const doc = boardWith('a', 'b', 'c')
    rawIdea(doc, 'b').set('mergedInto', 'a')
    rawIdea(doc, 'c').set('mergedInto', 'b')
    expect(layout(doc).cards).toEqual([['a', ['b', 'c']]])
    deleteIdea(doc, 'b')
    expect(layout(doc).cards).toEqual([['a', ['c']]])
    expect(rawIdea(doc, 'c').get('mergedInto')).toBe('a')
  })

  it('does nothing for an idea that is not there', () => {
    const doc = boardWith('a')
    const updates = countUpdates(doc)
    deleteIdea(doc, 'nobody')
    expect(updates.count).toBe(0)
    expect(layout(doc).cards).toEqual([['a', []]])
  })
})

describe('rootOf', () => {
  const idea = (id: string, mergedInto: string | null, createdAt: number): Idea => ({
    id,
    text: id,
    clusterId: null,
    mergedInto,
    createdAt,
    source: 'participant',
    author: null,
    round: 1,
  })
  const ideas = (...list: Idea[]) => new Map(list.map((i) => [i.id, i]))

  it.each<[string, Map<string, Idea>, string, string]>([
    ['a card', ideas(idea('a', null, 1)), 'a', 'a'],
    ['an unknown id', ideas(idea('a', null, 1)), 'x', 'x'],
    ['a direct merge', ideas(idea('a', null, 1), idea('b', 'a', 2)), 'b', 'a'],
    ['a chain', ideas(idea('a', null, 1), idea('b', 'a', 2), idea('c', 'b', 3)), 'c', 'a'],
    ['a missing target', ideas(idea('b', 'gone', 2)), 'b', 'b'],
    ['a self-merge', ideas(idea('a', 'a', 1)), 'a', 'a'],
    ['a two-cycle, younger side', ideas(idea('a', 'b', 1), idea('b', 'a', 2)), 'b', 'a'],
    ['a two-cycle, older side', ideas(idea('a', 'b', 1), idea('b', 'a', 2)), 'a', 'a'],
    [
      'a tail into a cycle',
      ideas(idea('a', 'b', 5), idea('b', 'c', 2), idea('c', 'a', 3), idea('t', 'a', 1)),
      't',
      'b',
    ],
  ])('%s', (_, map, id, root) => {
    expect(rootOf(map, id)).toBe(root)
  })

  it('reads a long chain of merges (each chain is walked once)', () => {
    const n = LIMITS.boardIdeas
    const doc = new Y.Doc()
    addIdeas(
      doc,
      Array.from({ length: n }, (_, i) => newIdea(`i${i}`, i)),
    )
    doc.transact(() => {
      for (let i = 0; i < n - 1; i++) rawIdea(doc, `i${i}`).set('mergedInto', `i${i + 1}`)
    })
    // Linear reading is what makes this finish at all; its speed is measured in bench/.
    const board = readBoard(doc)
    expect(board.cards.map((c) => c.id)).toEqual([`i${n - 1}`])
    expect(board.cards[0]!.merged).toHaveLength(n - 1)
  })
})

describe('two replicas', () => {
  it('settle on the same card after merging two ideas into each other', () => {
    const [a, b] = replicas('x', 'y', 'z')
    mergeIdeas(a, 'y', 'x')
    mergeIdeas(b, 'x', 'y')
    sync(a, b)
    // A cycle: the older idea, x, stays the card.
    expect(layout(a).cards).toEqual([
      ['x', ['y']],
      ['z', []],
    ])
    expect(readBoard(b)).toEqual(readBoard(a))
    expect(readBoard(a).cards[0]!.mergedInto).toBeNull()
  })

  it('settle on the same card after a three-way cycle', () => {
    const [a, b] = replicas('x', 'y', 'z')
    const c = new Y.Doc()
    c.clientID = 3
    sync(a, c)
    mergeIdeas(a, 'y', 'x')
    mergeIdeas(b, 'z', 'y')
    mergeIdeas(c, 'x', 'z')
    sync(a, b)
    sync(b, c)
    sync(a, c)
    expect(layout(a).cards).toEqual([['x', ['y', 'z']]])
    expect(readBoard(b)).toEqual(readBoard(a))
    expect(readBoard(c)).toEqual(readBoard(a))
  })

  it('take an idea out of a card that came from a cycle without swallowing the card', () => {
    const [a, b] = replicas('x', 'y', 'z')
    mergeIdeas(a, 'y', 'x')
    mergeIdeas(b, 'x', 'y')
    sync(a, b)
    unmergeIdea(b, 'y')
    sync(a, b)
    expect(layout(a).cards).toEqual([
      ['x', []],
      ['y', []],
      ['z', []],
    ])
    expect(readBoard(b)).toEqual(readBoard(a))
  })

  it('merge a card away on one replica while the other merges into it', () => {
    const [a, b] = replicas('x', 'y', 'z')
    mergeIdeas(a, 'x', 'y')
    mergeIdeas(b, 'y', 'z')
    sync(a, b)
    expect(layout(a).cards).toEqual([['x', ['y', 'z']]])
    expect(readBoard(b)).toEqual(readBoard(a))
  })

  it('show an idea merged into a card deleted at the same time as its own card', () => {
    const [a, b] = replicas('x', 'y')
    mergeIdeas(a, 'x', 'y')
    deleteIdea(b, 'x')
    sync(a, b)
    expect(layout(a).cards).toEqual([['y', []]])
    expect(readBoard(a).cards[0]!.mergedInto).toBeNull()
    expect(readBoard(b)).toEqual(readBoard(a))
  })

  it('converge on concurrent edits of one idea’s text', () => {
    const [a, b] = replicas('x')
    ideaText(a, 'x')!.insert(0, 'Shorter ')
    const tb = ideaText(b, 'x')!
    tb.insert(tb.length, ' waits')
    tb.delete(0, 5)
    sync(a, b)
    expect(readBoard(a).cards[0]!.text).toBe('Shorter x waits')
    expect(readBoard(b).cards[0]!.text).toBe('Shorter x waits')
  })

  it('converge on moves of one card to different clusters', () => {
    const [a, b] = replicas('x')
    createCluster(a, 'k1', 'One', T0)
    createCluster(a, 'k2', 'Two', T0 + 1)
    sync(a, b)
    moveIdea(a, 'x', 'k1')
    moveIdea(b, 'x', 'k2')
    sync(a, b)
    expect(readBoard(a)).toEqual(readBoard(b))
    expect(['k1', 'k2']).toContain(readBoard(a).cards[0]!.clusterId)
  })
})

describe('random concurrent edits (seeded)', () => {
  const OPS = ['move', 'merge', 'unmerge', 'delete', 'cluster', 'dissolve', 'edit'] as const

  function randomOp(
    gen: ReturnType<typeof prng.create>,
    doc: Y.Doc,
    ids: readonly string[],
    step: number,
  ): void {
    const pick = <T>(list: readonly T[]): T => list[prng.uint32(gen, 0, list.length - 1)]!
    const clusters = readBoard(doc).clusters.map((c) => c.id)
    const id = pick(ids)
    switch (pick(OPS)) {
      case 'move':
        return moveIdea(doc, id, clusters.length > 0 && prng.bool(gen) ? pick(clusters) : null)
      case 'merge':
        return mergeIdeas(doc, pick(ids), id)
      case 'unmerge':
        return unmergeIdea(doc, id)
      case 'delete':
        return prng.uint32(gen, 0, 3) === 0 ? deleteIdea(doc, id) : undefined
      case 'cluster':
        return createCluster(doc, `k${doc.clientID}-${step}`, `Cluster ${step}`, T0 + step, [id])
      case 'dissolve':
        return clusters.length > 0 ? dissolveCluster(doc, pick(clusters)) : undefined
      case 'edit': {
        const text = ideaText(doc, id)
        return text ? text.insert(prng.uint32(gen, 0, text.length), 'z') : undefined
      }
    }
  }

  it.each(Array.from({ length: 40 }, (_, seed) => [seed]))('seed %i converges', (seed) => {
    const gen = prng.create(seed)
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const [a, b] = replicas(...ids)
    for (let step = 0; step < 30; step++) {
      randomOp(gen, prng.bool(gen) ? a : b, ids, step)
      if (prng.uint32(gen, 0, 3) === 0) sync(a, b)
    }
    sync(a, b)
    const board = readBoard(a)
    expect(readBoard(b)).toEqual(board)
    // Every idea still there shows exactly once: as a card or inside one.
    const shown = board.cards.flatMap((c) => [c.id, ...c.merged.map((m) => m.id)])
    expect(shown.sort()).toEqual(ids.filter((id) => hasIdea(a, id)))
    // Every card sits in exactly one place, and cards never point anywhere.
    const placed = [...board.unclustered, ...board.clusters.flatMap((c) => c.cardIds)]
    expect(placed.sort()).toEqual(board.cards.map((c) => c.id).sort())
    expect(board.cards.every((c) => c.mergedInto === null)).toBe(true)
  })
})
