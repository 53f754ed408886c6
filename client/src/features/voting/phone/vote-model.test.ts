// The phone's ballot: what counts is what shows, and which taps the rules allow.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readRawVotes, setVote, type VoteItem, type VotingSettings } from '@triage/shared'
import {
  ballotView,
  dotLabel,
  dotsAfterTap,
  dotsLeftLabel,
  mixedKinds,
  tapNews,
  voteRules,
  votingNotice,
} from './vote-model'

const items: VoteItem[] = [
  { key: 'c:k1', kind: 'cluster', label: 'Scheduling' },
  { key: 'i:a', kind: 'idea', label: 'Alpha' },
  { key: 'i:b', kind: 'idea', label: 'Beta' },
]
const settings: VotingSettings = {
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: true,
  voteOn: 'both',
}
const rules = voteRules(items, settings)

const summary = (raw: unknown, open = true) => {
  const view = ballotView(items, raw, settings, open)
  return {
    dots: view.rows.map((r) => r.dots),
    add: view.rows.map((r) => r.canAdd),
    remove: view.rows.map((r) => r.canRemove),
    used: view.used,
    left: view.left,
  }
}

describe('ballotView', () => {
  it.each([
    ['an empty ballot', {}, [0, 0, 0], [true, true, true], [false, false, false], 0, 5],
    ['some dots', { 'i:a': 2 }, [0, 2, 0], [true, true, true], [false, true, false], 2, 3],
    [
      'an item at the cap',
      { 'i:a': 3 },
      [0, 3, 0],
      [true, false, true],
      [false, true, false],
      3,
      2,
    ],
    [
      'the budget used up',
      { 'c:k1': 3, 'i:b': 2 },
      [3, 0, 2],
      [false, false, false],
      [true, false, true],
      5,
      0,
    ],
    // Hostile or stale documents show only what counts.
    ['over the cap', { 'i:a': 9 }, [0, 3, 0], [true, false, true], [false, true, false], 3, 2],
    [
      // In board order: the cluster's 3, then 2 of Alpha's 3; Beta's dot does not count.
      'over the budget',
      { 'c:k1': 3, 'i:a': 3, 'i:b': 1 },
      [3, 2, 0],
      [false, false, false],
      [true, true, false],
      5,
      0,
    ],
    [
      'unknown, negative, fractional and non-numeric entries',
      { 'i:gone': 3, 'i:a': -1, 'i:b': 1.5, 'c:k1': '2' },
      [0, 0, 0],
      [true, true, true],
      [false, false, false],
      0,
      5,
    ],
    ['not an object', 'lots', [0, 0, 0], [true, true, true], [false, false, false], 0, 5],
  ])('%s', (_what, raw, dots, add, remove, used, left) => {
    expect(summary(raw)).toEqual({ dots, add, remove, used, left })
  })

  it('offers no buttons unless voting is open', () => {
    const view = summary({ 'i:a': 2 }, false)
    expect(view.dots).toEqual([0, 2, 0])
    expect(view.add).toEqual([false, false, false])
    expect(view.remove).toEqual([false, false, false])
    expect(view.left).toBe(3)
  })

  it('keeps the budget and cap of the settings', () => {
    const view = ballotView(items, {}, { ...settings, dotBudget: 7, maxDotsPerItem: 2 }, true)
    expect([view.budget, view.cap, view.left]).toEqual([7, 2, 7])
  })
})

describe('dotsAfterTap', () => {
  it.each([
    ['adds to an empty item', {}, 'i:a', 1, 1],
    ['adds up to the cap', { 'i:a': 2 }, 'i:a', 1, 3],
    ['stops at the cap', { 'i:a': 3 }, 'i:a', 1, null],
    ['stops at the budget', { 'c:k1': 3, 'i:b': 2 }, 'i:a', 1, null],
    ['removes one', { 'i:a': 2 }, 'i:a', -1, 1],
    ['removes the last', { 'i:a': 1 }, 'i:a', -1, 0],
    ['has nothing to remove', {}, 'i:a', -1, null],
    ['ignores an unknown item', {}, 'i:gone', 1, null],
    // Counted from what counts: a claimed 9 is 3, so removing one leaves 2.
    ['removes from the counted value', { 'i:a': 9 }, 'i:a', -1, 2],
    ['repairs a bad entry on add', { 'i:a': 'x' }, 'i:a', 1, 1],
  ] as const)('%s', (_what, raw, key, delta, expected) => {
    expect(dotsAfterTap(raw, rules, key, delta)).toBe(expected)
  })

  it('never lets taps place more than the budget or the cap', () => {
    const doc = new Y.Doc()
    let writes = 0
    for (let i = 0; i < 20; i++) {
      for (const key of ['i:a', 'c:k1', 'i:b']) {
        const next = dotsAfterTap(readRawVotes(doc), rules, key, 1)
        if (next === null) continue
        setVote(doc, key, next)
        writes++
      }
    }
    const view = ballotView(items, readRawVotes(doc), settings, true)
    expect(writes).toBe(5)
    expect(view.used).toBe(5)
    expect(Math.max(...view.rows.map((r) => r.dots))).toBeLessThanOrEqual(3)
    expect(readRawVotes(doc)).toEqual({ 'i:a': 2, 'c:k1': 2, 'i:b': 1 })
  })
})

describe('mixedKinds', () => {
  it('is true only when clusters and ideas are voted on side by side', () => {
    expect(mixedKinds(items)).toBe(true)
    expect(mixedKinds(items.slice(1))).toBe(false)
    expect(mixedKinds(items.slice(0, 1))).toBe(false)
    expect(mixedKinds([])).toBe(false)
  })
})

describe('labels', () => {
  it.each([
    [5, 5, '5 of 5 dots left'],
    [1, 5, '1 of 5 dots left'],
    [0, 3, '0 of 3 dots left'],
  ])('%i of %i', (left, budget, text) => expect(dotsLeftLabel(left, budget)).toBe(text))

  it.each([
    [0, '0 dots'],
    [1, '1 dot'],
    [3, '3 dots'],
  ])('%i', (n, text) => expect(dotLabel(n)).toBe(text))

  it.each([
    ['setup', 'Voting has not opened yet'],
    ['open', null],
    ['closed', 'Voting is closed'],
    ['revealed', 'Voting is closed'],
  ] as const)('%s', (status, text) => expect(votingNotice(status)).toBe(text))
})

describe('tapNews', () => {
  it.each([
    [1, 2, 3, 'Dot added to Bed board: 2 on it, 3 dots left.'],
    [-1, 0, 5, 'Dot taken off Bed board: 0 on it, 5 dots left.'],
    [1, 1, 1, 'Dot added to Bed board: 1 on it, 1 dot left.'],
  ] as const)('%i → %s', (delta, onItem, left, said) => {
    expect(tapNews('Bed board', delta, onItem, left)).toBe(said)
  })

  it('is worded apart from the budget line on screen', () => {
    expect(tapNews('Bed board', 1, 1, 3)).not.toContain(dotsLeftLabel(3, 5))
  })
})
