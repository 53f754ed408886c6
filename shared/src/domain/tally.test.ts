// Unit tests of dot counting: the clamp over ordinary and hostile ballots (hand-computed), a
// seeded property test, the tally per group with normalisation, ranks and how ranks read.
import { createRandom, type Random } from './random.js'
import { describe, expect, it } from 'vitest'
import type { VoteItem } from '../schema/items.js'
import type { VotingSettings } from '../schema/voting.js'
import type { Group } from '../schema/workshop.js'
import {
  competitionRanks,
  countBallot,
  dotsUsed,
  rankedItems,
  rankLabel,
  tally,
  type Ballot,
  type TallyInput,
  type VoteRules,
} from './tally.js'

/** Five dots, at most three on one item; the board holds one cluster and three ideas. */
const rules: VoteRules = { budget: 5, cap: 3, items: ['c:x', 'i:a', 'i:b', 'i:c'] }

describe('countBallot', () => {
  it.each<[string, unknown, Record<string, number>]>([
    // 2 + 1 = 3 ≤ 5, each ≤ 3: counted as claimed.
    ['an ordinary ballot', { 'i:a': 2, 'i:b': 1 }, { 'i:a': 2, 'i:b': 1 }],
    // 3 + 2 = 5: exactly the budget.
    ['a ballot using the whole budget', { 'c:x': 3, 'i:a': 2 }, { 'c:x': 3, 'i:a': 2 }],
    ['an empty ballot', {}, {}],
    // Zero dots is no entry at all.
    ['zeros', { 'i:a': 0, 'i:b': 2 }, { 'i:b': 2 }],
    // c:x 3 (2 left), i:a min(3, 3, 2) = 2 (0 left), i:b nothing: 3 + 2 = 5.
    [
      'over budget: filled in board order',
      { 'c:x': 3, 'i:a': 3, 'i:b': 3 },
      { 'c:x': 3, 'i:a': 2 },
    ],
    // Board order, not the ballot's order: i:a 1 (4 left), i:b 3 (1 left), i:c min(3, 3, 1) = 1.
    [
      'over budget, written in reverse order',
      { 'i:c': 3, 'i:b': 3, 'i:a': 1 },
      { 'i:a': 1, 'i:b': 3, 'i:c': 1 },
    ],
    // 4 > cap 3 → 3.
    ['over the cap', { 'i:a': 4 }, { 'i:a': 3 }],
    // i:a min(100, 3) = 3 (2 left), i:b min(100, 3, 2) = 2: 5 in all, not 200.
    ['100 dots on two items', { 'i:a': 100, 'i:b': 100 }, { 'i:a': 3, 'i:b': 2 }],
    ['negative dots', { 'i:a': -2, 'i:b': 2 }, { 'i:b': 2 }],
    ['negative zero', { 'i:a': -0 }, {}],
    ['minus infinity', { 'i:a': -Infinity, 'i:b': 1 }, { 'i:b': 1 }],
    ['fractional dots', { 'i:a': 1.5, 'i:b': 0.999, 'i:c': 2 }, { 'i:c': 2 }],
    ['the smallest fraction', { 'i:a': Number.MIN_VALUE }, {}],
    ['NaN', { 'i:a': NaN, 'i:b': 1 }, { 'i:b': 1 }],
    ['Infinity', { 'i:a': Infinity, 'i:b': 1 }, { 'i:b': 1 }],
    ['numeric strings', { 'i:a': '2', 'i:b': ' 3', 'i:c': '1e1' }, {}],
    ['booleans', { 'i:a': true, 'i:b': false }, {}],
    ['bigints', { 'i:a': 2n }, {}],
    ['null and undefined values', { 'i:a': null, 'i:b': undefined }, {}],
    ['nested objects', { 'i:a': { dots: 3 }, 'i:b': { valueOf: () => 2 } }, {}],
    ['nested arrays', { 'i:a': [2], 'i:b': [] }, {}],
    ['a function', { 'i:a': () => 3 }, {}],
    // Neither i:zzz nor c:y is on the board; only i:a counts (1).
    ['unknown items', { 'i:zzz': 3, 'c:y': 2, 'i:a': 1 }, { 'i:a': 1 }],
    // An idea key is not a cluster key: `i:x` names no item even though cluster x exists.
    ['an idea key for a cluster id', { 'i:x': 2, x: 2 }, {}],
    // Dots on a deleted item free nothing: i:a 2 + i:b 2 = 4, i:gone's 3 are simply dropped.
    ['an item deleted after voting', { 'i:a': 2, 'i:gone': 3, 'i:b': 2 }, { 'i:a': 2, 'i:b': 2 }],
    // Number.MAX_VALUE is a whole number, so it is capped like any over-cap claim: 3.
    ['Number.MAX_VALUE', { 'i:a': Number.MAX_VALUE }, { 'i:a': 3 }],
    ['2 ** 53', { 'i:a': 2 ** 53 }, { 'i:a': 3 }],
    ['Number.MAX_SAFE_INTEGER', { 'i:a': Number.MAX_SAFE_INTEGER }, { 'i:a': 3 }],
    // 3 (2 left) then min(3, 3, 2) = 2: huge claims still respect the budget.
    ['huge numbers on two items', { 'i:a': 1e21, 'i:b': 2 ** 60 }, { 'i:a': 3, 'i:b': 2 }],
    ['-(2 ** 53)', { 'i:a': -(2 ** 53) }, {}],
  ])('counts %s', (_, votes, expected) => {
    const counted = countBallot(votes, rules)
    expect(counted).toEqual(expected)
    expect(Object.keys(counted)).toEqual(Object.keys(expected))
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['a string', 'i:a'],
    ['a boolean', true],
    ['an array of numbers', [3, 3]],
    ['an array of keys', ['i:a', 'i:b']],
    ['an array with item keys set on it', Object.assign([], { 'i:a': 2 })],
    ['a function', () => ({ 'i:a': 2 })],
    ['a Map', new Map([['i:a', 2]])],
  ])('counts nothing for a ballot that is %s', (_, votes) => {
    expect(countBallot(votes, rules)).toEqual({})
  })

  it('ignores a `__proto__` entry written as data (as JSON.parse keeps it)', () => {
    const votes: unknown = JSON.parse('{"__proto__": {"i:a": 3, "i:b": 3}, "i:c": 1}')
    expect(Object.prototype.hasOwnProperty.call(votes, '__proto__')).toBe(true)
    // Only i:c's 1 is an entry for an item on the board.
    expect(countBallot(votes, rules)).toEqual({ 'i:c': 1 })
  })

  it('ignores dots inherited from a prototype (as a `__proto__` key in a Y.Map reads)', () => {
    const votes = Object.create({ 'i:a': 3, 'i:b': 3 }) as Record<string, unknown>
    votes['i:c'] = 1
    expect(votes['i:a']).toBe(3)
    expect(countBallot(votes, rules)).toEqual({ 'i:c': 1 })
  })

  it('ignores `constructor` and other Object.prototype names', () => {
    const hostile = { constructor: 3, toString: 3, hasOwnProperty: 3, 'i:a': 1 }
    expect(countBallot(hostile, rules)).toEqual({ 'i:a': 1 })
    // Even when such names were items, a ballot that does not set them inherits nothing.
    const odd: VoteRules = { budget: 5, cap: 3, items: ['constructor', 'toString', 'i:a'] }
    expect(countBallot({ 'i:a': 2 }, odd)).toEqual({ 'i:a': 2 })
  })

  it('keeps an item keyed `__proto__` as its own entry', () => {
    const odd: VoteRules = { budget: 5, cap: 3, items: ['__proto__', 'i:a'] }
    // __proto__ 2 (3 left), i:a min(3, 3, 3) = 3: 5 in all.
    const counted = countBallot(JSON.parse('{"__proto__": 2, "i:a": 3}'), odd)
    expect(Object.entries(counted)).toEqual([
      ['__proto__', 2],
      ['i:a', 3],
    ])
    expect(Object.getPrototypeOf(counted)).toBe(Object.prototype)
    expect(dotsUsed(counted)).toBe(5)
  })

  it('counts an item listed twice once, without spending the budget twice', () => {
    const twice: VoteRules = { budget: 5, cap: 3, items: ['i:a', 'i:a', 'i:b'] }
    // i:a 3 (2 left), the second i:a skipped, i:b min(3, 3, 2) = 2.
    expect(countBallot({ 'i:a': 3, 'i:b': 3 }, twice)).toEqual({ 'i:a': 3, 'i:b': 2 })
  })

  it.each<[string, VoteRules, unknown, Record<string, number>]>([
    // A cap above the budget: the budget binds, min(10, 10, 5) = 5.
    ['a cap above the budget', { budget: 5, cap: 10, items: ['i:a'] }, { 'i:a': 10 }, { 'i:a': 5 }],
    ['a budget of 0', { budget: 0, cap: 3, items: ['i:a'] }, { 'i:a': 1 }, {}],
    ['a cap of 0', { budget: 5, cap: 0, items: ['i:a'] }, { 'i:a': 1 }, {}],
    ['a negative budget', { budget: -5, cap: 3, items: ['i:a'] }, { 'i:a': 1 }, {}],
    // floor(3.9) = 3 budget, floor(2.5) = 2 cap: i:a 2 (1 left), i:b 1.
    [
      'fractional rules',
      { budget: 3.9, cap: 2.5, items: ['i:a', 'i:b'] },
      { 'i:a': 3, 'i:b': 3 },
      { 'i:a': 2, 'i:b': 1 },
    ],
    ['a NaN budget', { budget: NaN, cap: 3, items: ['i:a'] }, { 'i:a': 2 }, {}],
    ['a NaN cap', { budget: 5, cap: NaN, items: ['i:a'] }, { 'i:a': 2 }, {}],
    ['an infinite budget', { budget: Infinity, cap: 3, items: ['i:a'] }, { 'i:a': 2 }, {}],
    ['no items on the board', { budget: 5, cap: 3, items: [] }, { 'i:a': 2 }, {}],
  ])('with %s', (_, odd, votes, expected) => {
    expect(countBallot(votes, odd)).toEqual(expected)
  })

  it('leaves the ballot as it was', () => {
    const votes = Object.freeze({ 'i:a': 9, 'i:b': -1, 'i:c': 'x' })
    expect(countBallot(votes, rules)).toEqual({ 'i:a': 3 })
    expect(votes).toEqual({ 'i:a': 9, 'i:b': -1, 'i:c': 'x' })
  })
})

describe('countBallot, property: whatever the ballot, the count stays within the rules', () => {
  const hostileValues: unknown[] = [
    NaN,
    Infinity,
    -Infinity,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    2 ** 53,
    -(2 ** 53),
    2 ** 31,
    -0,
    0.5,
    2.5,
    '3',
    '',
    true,
    false,
    null,
    undefined,
    {},
    { 'i:a': 3 },
    [2],
    [],
  ]
  const oddKeys = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '', 'x']

  function randomValue(gen: Random): unknown {
    return gen.bool() ? gen.int(-5, 30) : gen.oneOf(hostileValues)
  }

  function randomBallot(gen: Random, items: readonly string[]): unknown {
    const shape = gen.int(0, 19)
    if (shape === 0) return gen.oneOf([null, undefined, 7, 'i:a', true, () => 1])
    if (shape === 1) return Array.from({ length: gen.int(0, 5) }, () => randomValue(gen))
    const entries: [string, unknown][] = []
    for (let n = gen.int(0, 12); n > 0; n--) {
      const pick = gen.int(0, 9)
      const key =
        pick < 6 && items.length > 0
          ? gen.oneOf([...items])
          : pick < 8
            ? gen.oneOf(oddKeys)
            : `${gen.oneOf(['c:', 'i:'])}${gen.word(1, 3)}`
      entries.push([key, randomValue(gen)])
    }
    // fromEntries, like JSON.parse, keeps a `__proto__` key as data.
    const ballot = Object.fromEntries(entries)
    return shape === 2 ? Object.setPrototypeOf(ballot, { [items[0] ?? 'i:a']: 3 }) : ballot
  }

  function randomRules(gen: Random): VoteRules {
    const count = gen.int(0, 8)
    const items = Array.from(
      { length: count },
      (_, i) => `${gen.oneOf(['c:', 'i:'])}${gen.word(1, 3)}${i}`,
    )
    // Now and then an item listed twice, or an item named like an Object.prototype member.
    if (count > 0 && gen.int(0, 9) === 0) items.push(gen.oneOf(items))
    if (gen.int(0, 9) === 0) items.push(gen.oneOf(oddKeys))
    return { budget: gen.int(0, 20), cap: gen.int(0, 25), items }
  }

  it('holds for 5000 seeded random hostile ballots and rules', () => {
    const gen = createRandom(20240605)
    for (let run = 0; run < 5000; run++) {
      const r = randomRules(gen)
      const ballot = randomBallot(gen, r.items)
      const counted = countBallot(ballot, r)
      const context = JSON.stringify({ run, r, ballot: String(JSON.stringify(ballot)), counted })
      const entries = Object.entries(counted)
      const total = dotsUsed(counted)
      expect(total, context).toBeLessThanOrEqual(r.budget)
      for (const [key, dots] of entries) {
        expect(r.items, context).toContain(key)
        expect(Number.isInteger(dots) && dots > 0, context).toBe(true)
        expect(dots, context).toBeLessThanOrEqual(r.cap)
        // Never more than the ballot itself claimed, and only from its own entries.
        const own = ballot as Record<string, unknown>
        expect(Object.prototype.hasOwnProperty.call(own, key), context).toBe(true)
        expect(dots, context).toBeLessThanOrEqual(own[key] as number)
      }
      // Nothing is dropped needlessly: the total is min(budget, Σ min(claim, cap)) over the
      // distinct items the ballot validly claims.
      let wanted = 0
      if (typeof ballot === 'object' && ballot !== null && !Array.isArray(ballot)) {
        for (const key of new Set(r.items)) {
          if (!Object.prototype.hasOwnProperty.call(ballot, key)) continue
          const v = (ballot as Record<string, unknown>)[key]
          if (typeof v === 'number' && Number.isInteger(v) && v > 0) wanted += Math.min(v, r.cap)
        }
      }
      expect(total, context).toBe(Math.min(r.budget, wanted))
    }
  }, 60_000)
})

describe('dotsUsed', () => {
  it.each<[Record<string, number>, number]>([
    [{}, 0],
    [{ 'i:a': 2 }, 2],
    [{ 'i:a': 2, 'c:x': 3 }, 5],
  ])('sums %j to %i', (allocation, expected) => {
    expect(dotsUsed(allocation)).toBe(expected)
  })
})

describe('competitionRanks', () => {
  it.each<[number[], number[]]>([
    [[], []],
    [[7], [1]],
    [
      [5, 3, 3, 1],
      [1, 2, 2, 4],
    ],
    [
      [1, 2, 3],
      [3, 2, 1],
    ],
    [
      [0, 0, 0],
      [1, 1, 1],
    ],
    [
      [2, 9, 2, 9, 0],
      [3, 1, 3, 1, 5],
    ],
  ])('ranks %j as %j', (values, expected) => {
    expect(competitionRanks(values)).toEqual(expected)
  })
})

const surgeons: Group = { id: 'g1', name: 'Surgeons' }
const radiologists: Group = { id: 'g2', name: 'Radiologists' }
const nurses: Group = { id: 'g3', name: 'Nurses' }
const settings: VotingSettings = {
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: true,
  voteOn: 'ideas',
}
const idea = (id: string, label: string): VoteItem => ({ key: `i:${id}`, kind: 'idea', label })
const [nights, parking, canteen, lighting] = [
  idea('a', 'Night shifts'),
  idea('b', 'Parking'),
  idea('c', 'Canteen'),
  idea('d', 'Lighting'),
]
const ballot = (participantId: string, group: string, votes: unknown): Ballot => ({
  participantId,
  group,
  votes,
})

/**
 * Two surgeons, one radiologist and a nurse who placed nothing.
 * Ada (surgeon)   : Night shifts 3, Parking 2          → 5
 * Ben (surgeon)   : Night shifts 3, Canteen 2          → 5
 * Rui (radiologist): Parking 3, Canteen 1              → 4
 * Nia (nurse)     : nothing                            → 0
 */
const worked: TallyInput = {
  ballots: [
    ballot('p-ada', 'g1', { 'i:a': 3, 'i:b': 2 }),
    ballot('p-ben', 'g1', { 'i:a': 3, 'i:c': 2 }),
    ballot('p-rui', 'g2', { 'i:b': 3, 'i:c': 1 }),
    ballot('p-nia', 'g3', {}),
  ],
  items: [nights, parking, canteen, lighting],
  settings,
  groups: [surgeons, radiologists, nurses],
  members: { g1: 2, g2: 1, g3: 1 },
}

describe('tally', () => {
  it('totals a worked example where the normalised ranking differs from the raw one', () => {
    const result = tally(worked)
    // Totals: Night shifts 3 + 3 = 6, Parking 2 + 3 = 5, Canteen 2 + 1 = 3, Lighting 0.
    expect(result.items.map((i) => [i.label, i.total, i.rank])).toEqual([
      ['Night shifts', 6, 1],
      ['Parking', 5, 2],
      ['Canteen', 3, 3],
      ['Lighting', 0, 4],
    ])
    expect(result.items.map((i) => i.byGroup)).toEqual([
      { g1: 6 },
      { g1: 2, g2: 3 },
      { g1: 2, g2: 1 },
      {},
    ])
    // Surgeons placed 10 dots, radiologists 4; the nurses none, so they are not in the mean.
    // Night shifts (6/10 + 0/4) / 2 = 0.3
    // Parking      (2/10 + 3/4) / 2 = 0.95 / 2 = 0.475
    // Canteen      (2/10 + 1/4) / 2 = 0.45 / 2 = 0.225
    // Lighting     0
    const [a, b, c, d] = result.items
    expect(a!.normalized).toBeCloseTo(0.3, 12)
    expect(b!.normalized).toBeCloseTo(0.475, 12)
    expect(c!.normalized).toBeCloseTo(0.225, 12)
    expect(d!.normalized).toBe(0)
    // 0.3 + 0.475 + 0.225 + 0 = 1: every counted dot is in some group's share.
    expect(result.items.reduce((s, i) => s + i.normalized, 0)).toBeCloseTo(1, 12)
    // Raw: Night shifts first. Normalised (the lone radiologist weighs as much as two surgeons):
    // Parking 1st, Night shifts 2nd, Canteen 3rd, Lighting 4th.
    expect(result.items.map((i) => i.normalizedRank)).toEqual([2, 1, 3, 4])
    expect(result.totalDots).toBe(14)
    expect(result.voters).toBe(3)
  })

  it('reports per group who voted, how many members it has and the dots it placed', () => {
    expect(tally(worked).groups).toEqual([
      { id: 'g1', name: 'Surgeons', voters: 2, members: 2, dots: 10 },
      { id: 'g2', name: 'Radiologists', voters: 1, members: 1, dots: 4 },
      { id: 'g3', name: 'Nurses', voters: 0, members: 1, dots: 0 },
    ])
  })

  it('reads members from the roster, 0 for a group nobody joined', () => {
    const result = tally({ ...worked, members: { g1: 4, g2: 3 } })
    expect(result.groups.map((g) => [g.name, g.voters, g.members])).toEqual([
      ['Surgeons', 2, 4],
      ['Radiologists', 1, 3],
      ['Nurses', 0, 0],
    ])
  })

  it('returns each participant’s counted allocation', () => {
    expect(tally(worked).allocations).toEqual({
      'p-ada': { 'i:a': 3, 'i:b': 2 },
      'p-ben': { 'i:a': 3, 'i:c': 2 },
      'p-rui': { 'i:b': 3, 'i:c': 1 },
      'p-nia': {},
    })
  })

  it('counts a hostile ballot only as far as the rules allow', () => {
    // Rui claims 100 on Parking (capped to 3), 1 on Canteen, and 5 on an item not on the board:
    // exactly the worked example's 3 + 1.
    const hostile = worked.ballots.map((b) =>
      b.participantId === 'p-rui' ? ballot('p-rui', 'g2', { 'i:b': 100, 'i:c': 1, 'i:z': 5 }) : b,
    )
    const result = tally({ ...worked, ballots: hostile })
    expect(result).toEqual(tally(worked))
    expect(result.allocations['p-rui']).toEqual({ 'i:b': 3, 'i:c': 1 })
  })

  it('ignores ballots from participants in unknown groups', () => {
    const result = tally({
      ...worked,
      ballots: [...worked.ballots, ballot('p-eve', 'g9', { 'i:d': 3, 'i:c': 2 })],
    })
    expect(result.items.map((i) => i.total)).toEqual([6, 5, 3, 0])
    expect(result.totalDots).toBe(14)
    expect(result.voters).toBe(3)
    expect(result.allocations).not.toHaveProperty('p-eve')
  })

  it('counts a participant id given twice once, with the first ballot', () => {
    const result = tally({
      ...worked,
      ballots: [...worked.ballots, ballot('p-ada', 'g1', { 'i:d': 3, 'i:c': 2 })],
    })
    expect(result.items.map((i) => i.total)).toEqual([6, 5, 3, 0])
    expect(result.groups[0]).toEqual({
      id: 'g1',
      name: 'Surgeons',
      voters: 2,
      members: 2,
      dots: 10,
    })
    expect(result.allocations['p-ada']).toEqual({ 'i:a': 3, 'i:b': 2 })
  })

  it('counts participants whose ids read like Object.prototype names', () => {
    const result = tally({
      ...worked,
      ballots: [
        ballot('constructor', 'g1', { 'i:d': 2 }),
        ballot('__proto__', 'g2', { 'i:d': 1 }),
        ballot('toString', 'g3', { 'i:d': 1 }),
      ],
    })
    // 2 + 1 + 1 = 4 dots on Lighting from three voters.
    expect(result.items[3]!.total).toBe(4)
    expect(result.voters).toBe(3)
    expect(Object.keys(result.allocations)).toEqual(['constructor', '__proto__', 'toString'])
  })

  it('ignores dots on items that were deleted after voting', () => {
    // Canteen is gone: Ben's 2 and Rui's 1 on it count nothing and free nothing.
    const result = tally({ ...worked, items: [nights, parking, lighting] })
    expect(result.items.map((i) => [i.label, i.total])).toEqual([
      ['Night shifts', 6],
      ['Parking', 5],
      ['Lighting', 0],
    ])
    // Surgeons 3 + 2 + 3 = 8, radiologists 3.
    expect(result.groups.map((g) => g.dots)).toEqual([8, 3, 0])
    // Night shifts (6/8 + 0/3) / 2 = 0.375; Parking (2/8 + 3/3) / 2 = 0.625.
    expect(result.items[0]!.normalized).toBeCloseTo(0.375, 12)
    expect(result.items[1]!.normalized).toBeCloseTo(0.625, 12)
    expect(result.totalDots).toBe(11)
  })

  it('reads no votes at all as every item tied first with nothing', () => {
    const result = tally({
      ...worked,
      ballots: [ballot('p-ada', 'g1', {}), ballot('p-rui', 'g2', null)],
    })
    expect(result.items.map((i) => [i.total, i.normalized, i.rank, i.normalizedRank])).toEqual([
      [0, 0, 1, 1],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
      [0, 0, 1, 1],
    ])
    expect(result.totalDots).toBe(0)
    expect(result.voters).toBe(0)
    expect(result.groups.map((g) => [g.voters, g.dots])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ])
  })

  it('tallies an empty board and no ballots', () => {
    expect(tally({ ...worked, ballots: [], items: [] })).toEqual({
      items: [],
      groups: [
        { id: 'g1', name: 'Surgeons', voters: 0, members: 2, dots: 0 },
        { id: 'g2', name: 'Radiologists', voters: 0, members: 1, dots: 0 },
        { id: 'g3', name: 'Nurses', voters: 0, members: 1, dots: 0 },
      ],
      totalDots: 0,
      voters: 0,
      allocations: {},
    })
  })

  it('states equal totals as shared ranks (1, 2, 2, 4)', () => {
    const result = tally({
      ...worked,
      settings: { ...settings, maxDotsPerItem: 5 },
      ballots: [
        ballot('p-1', 'g1', { 'i:a': 5 }),
        ballot('p-2', 'g1', { 'i:b': 3, 'i:c': 2 }),
        ballot('p-3', 'g1', { 'i:c': 1, 'i:d': 1 }),
      ],
    })
    // Totals 5, 3, 2 + 1 = 3, 1 → ranks 1, 2, 2, 4; one group, so the same shares /12.
    expect(result.items.map((i) => i.total)).toEqual([5, 3, 3, 1])
    expect(result.items.map((i) => i.rank)).toEqual([1, 2, 2, 4])
    expect(result.items.map((i) => i.normalizedRank)).toEqual([1, 2, 2, 4])
    expect(result.items[1]!.normalized).toBeCloseTo(3 / 12, 12)
  })

  it('ties normalised shares that are equal fractions computed two ways (3/10)', () => {
    const result = tally({
      ...worked,
      settings: { ...settings, maxDotsPerItem: 4 },
      groups: [surgeons, radiologists],
      ballots: [
        // Surgeons 5 dots: Night shifts 1, Canteen 4. Radiologists 5: Night shifts 2, Parking 3.
        ballot('p-ada', 'g1', { 'i:a': 1, 'i:c': 4 }),
        ballot('p-rui', 'g2', { 'i:a': 2, 'i:b': 3 }),
      ],
    })
    const [a, b, c] = result.items
    // Night shifts (1/5 + 2/5) / 2 = 3/10; Parking (0/5 + 3/5) / 2 = 3/10; Canteen (4/5) / 2 = 4/10.
    // In floating point the first is 0.30000000000000004 and the second 0.3: still a tie.
    expect(a!.normalized).not.toBe(b!.normalized)
    expect(a!.normalized).toBeCloseTo(0.3, 12)
    expect(b!.normalized).toBeCloseTo(0.3, 12)
    expect(c!.normalized).toBeCloseTo(0.4, 12)
    // Raw totals 3, 3, 4, 0 → ranks 2, 2, 1, 4; normalised the same, stated as a tie.
    expect(result.items.map((i) => i.rank)).toEqual([2, 2, 1, 4])
    expect(result.items.map((i) => i.normalizedRank)).toEqual([2, 2, 1, 4])
  })

  it('ties normalised shares of 5/12 computed two ways, where raw totals differ', () => {
    const result = tally({
      ...worked,
      settings: { ...settings, dotBudget: 6, maxDotsPerItem: 5 },
      groups: [surgeons, radiologists],
      ballots: [
        // Surgeons 3 dots: Parking 2, Canteen 1. Radiologists 6: Night shifts 5, Parking 1.
        ballot('p-ada', 'g1', { 'i:b': 2, 'i:c': 1 }),
        ballot('p-rui', 'g2', { 'i:a': 5, 'i:b': 1 }),
      ],
    })
    const [a, b, c] = result.items
    // Night shifts (0/3 + 5/6) / 2 = 5/12; Parking (2/3 + 1/6) / 2 = 5/12; Canteen (1/3) / 2 = 1/6.
    expect(a!.normalized).not.toBe(b!.normalized)
    expect(a!.normalized).toBeCloseTo(5 / 12, 12)
    expect(b!.normalized).toBeCloseTo(5 / 12, 12)
    expect(c!.normalized).toBeCloseTo(1 / 6, 12)
    // Raw totals 5, 3, 1, 0 → 1, 2, 3, 4; normalised: tied 1st, tied 1st, 3rd, 4th.
    expect(result.items.map((i) => i.rank)).toEqual([1, 2, 3, 4])
    expect(result.items.map((i) => i.normalizedRank)).toEqual([1, 1, 3, 4])
  })

  it('keeps the kind and label of each item', () => {
    const cluster: VoteItem = { key: 'c:x', kind: 'cluster', label: 'Staffing' }
    const result = tally({
      ...worked,
      items: [cluster, nights],
      ballots: [ballot('p-ada', 'g1', { 'c:x': 2, 'i:a': 3 })],
    })
    expect(result.items.map((i) => [i.key, i.kind, i.label, i.total])).toEqual([
      ['c:x', 'cluster', 'Staffing', 2],
      ['i:a', 'idea', 'Night shifts', 3],
    ])
  })
})

describe('tally, property: totals add up whatever the ballots', () => {
  it('holds for 300 seeded random elections', () => {
    const gen = createRandom(7)
    const groups = [surgeons, radiologists, nurses]
    for (let run = 0; run < 300; run++) {
      const items = Array.from({ length: gen.int(1, 6) }, (_, i) => idea(`${i}`, `#${i}`))
      const budget = gen.int(1, 20)
      const s: VotingSettings = {
        ...settings,
        dotBudget: budget,
        maxDotsPerItem: gen.int(1, budget),
      }
      const ballots = Array.from({ length: gen.int(0, 8) }, (_, p) => {
        const votes: Record<string, unknown> = {}
        for (const item of items) {
          if (gen.bool()) votes[item.key] = gen.oneOf([gen.int(-3, 25), 1.5, '2', NaN])
        }
        return ballot(`p-${p % 6}`, gen.oneOf(['g1', 'g2', 'g3', 'g9']), votes)
      })
      const result = tally({ ballots, items, settings: s, groups, members: {} })
      const context = JSON.stringify({ run, ballots, s })
      for (const allocation of Object.values(result.allocations)) {
        expect(dotsUsed(allocation), context).toBeLessThanOrEqual(budget)
      }
      const totals = result.items.map((i) => i.total)
      expect(
        totals.reduce((x, y) => x + y, 0),
        context,
      ).toBe(result.totalDots)
      expect(
        result.groups.reduce((x, g) => x + g.dots, 0),
        context,
      ).toBe(result.totalDots)
      for (const item of result.items) {
        expect(
          Object.values(item.byGroup).reduce((x, y) => x + y, 0),
          context,
        ).toBe(item.total)
        expect(item.normalized, context).toBeGreaterThanOrEqual(0)
        expect(item.normalized, context).toBeLessThanOrEqual(1)
      }
      const shares = result.items.reduce((x, i) => x + i.normalized, 0)
      expect(shares, context).toBeCloseTo(result.totalDots > 0 ? 1 : 0, 9)
      expect(result.items.map((i) => i.rank)).toEqual(competitionRanks(totals))
      expect(result.voters).toBe(result.groups.reduce((x, g) => x + g.voters, 0))
    }
  })
})

describe('rankedItems', () => {
  it('orders the worked example by total and by normalised share', () => {
    const { items } = tally(worked)
    expect(rankedItems(items, 'total').map((i) => i.label)).toEqual([
      'Night shifts',
      'Parking',
      'Canteen',
      'Lighting',
    ])
    expect(rankedItems(items, 'normalized').map((i) => i.label)).toEqual([
      'Parking',
      'Night shifts',
      'Canteen',
      'Lighting',
    ])
  })

  it('keeps board order among ties and leaves its input as it was', () => {
    const { items } = tally({
      ...worked,
      ballots: [ballot('p-ada', 'g1', { 'i:d': 3, 'i:b': 1, 'i:c': 1 })],
    })
    // Totals 0, 1, 1, 3 → ranks 4, 2, 2, 1: Lighting, then Parking and Canteen in board order.
    expect(rankedItems(items, 'total').map((i) => i.label)).toEqual([
      'Lighting',
      'Parking',
      'Canteen',
      'Night shifts',
    ])
    expect(items.map((i) => i.label)).toEqual(['Night shifts', 'Parking', 'Canteen', 'Lighting'])
  })

  it('returns nothing for no items', () => {
    expect(rankedItems([], 'total')).toEqual([])
  })
})

describe('rankLabel', () => {
  it.each<[number, number[], string]>([
    [1, [1, 2, 3], '1st'],
    [2, [1, 2, 3], '2nd'],
    [3, [1, 2, 3], '3rd'],
    [4, [4], '4th'],
    [11, [11], '11th'],
    [12, [12], '12th'],
    [13, [13], '13th'],
    [14, [14], '14th'],
    [21, [21], '21st'],
    [22, [22], '22nd'],
    [23, [23], '23rd'],
    [101, [101], '101st'],
    [111, [111], '111th'],
    [112, [112], '112th'],
    [2, [1, 2, 2, 4], 'tied 2nd'],
    [4, [1, 2, 2, 4], '4th'],
    [1, [1, 1, 1], 'tied 1st'],
    [11, [11, 11], 'tied 11th'],
  ])('reads rank %i among %j as "%s"', (rank, ranks, expected) => {
    expect(rankLabel(rank, ranks)).toBe(expected)
  })
})
