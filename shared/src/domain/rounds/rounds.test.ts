// Round kinds: the laws every kind keeps (clamp never throws and is idempotent, the empty input
// counts for nothing, the aggregate ignores input order), and sealing and revealing a round for
// dot voting and for a tiny test-only kind.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BoardState } from '../../schema/board.js'
import type { VotingSettings } from '../../schema/voting.js'
import type { Group } from '../../schema/workshop.js'
import { z } from '../../schema/zod.js'
import { median } from '../stats.js'
import { defaultVotingSettings, dotVoting, type VotingContext } from './dot-voting.js'
import { matrixRatings, type MatrixRatingContext } from './matrix-ratings.js'
import { findRoundKind, ROUND_KINDS } from './registry.js'
import {
  defineRoundKind,
  type AnyRoundKind,
  type RoundKind,
  type RoundParticipant,
} from './round-kind.js'
import { parseSeal, revealRound, sealRound } from './seal.js'
import { weightProposals, type WeightsContext } from './weight-proposals.js'
import { criterionScores, type ScoresContext } from './criterion-scores.js'
import { consentRound, type ConsentContext } from './consent.js'

/** A tiny kind for tests: rate each card 1–max; the result is each card's median rating. */
const ratingSettings = z.object({ max: z.number().check(z.int(), z.gte(1), z.lte(9)) })
const ratingContext = z.object({ max: z.number(), items: z.array(z.string()) })
const ratingResult = z.object({
  items: z.array(z.object({ id: z.string(), n: z.number(), median: z.nullable(z.number()) })),
})
type RatingContext = z.infer<typeof ratingContext>
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
  settingsSchema: ratingSettings,
  contextSchema: ratingContext,
  inputSchema: z.record(z.string(), z.number()),
  resultSchema: ratingResult,
  defaultSettings: () => ({ max: 9 }),
  context: (settings, world): RatingContext => ({
    max: settings.max,
    items: world.board.cards.map((c) => c.id),
  }),
  cannotOpen: (context) => (context.items.length === 0 ? 'Nothing to rate' : null),
  clamp: (raw, context) => {
    if (typeof raw !== 'object' || raw === null) return {}
    const out: [string, number][] = []
    for (const id of context.items) {
      if (!Object.prototype.hasOwnProperty.call(raw, id)) continue
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
  headline: (r) => ({ headline: `${r.items.length} items rated`, took: 0 }),
})

const groups: Group[] = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Radiologists' },
]
const people: RoundParticipant[] = [
  { id: 'p1', name: 'Ana', group: 'g1' },
  { id: 'p2', name: 'Ben', group: 'g1' },
  { id: 'p3', name: 'Cy', group: 'g2' },
]

function board(cardIds: readonly string[]): BoardState {
  return {
    cards: cardIds.map((id) => ({
      id,
      text: `Idea ${id}`,
      clusterId: null,
      mergedInto: null,
      createdAt: 1,
      source: 'facilitator',
      author: null,
      round: 1,
      merged: [],
    })),
    clusters: [],
    unclustered: [...cardIds],
  }
}

// ---- arbitraries --------------------------------------------------------------------------

const keys = ['i:a', 'i:b', 'i:c', 'i:d', 'c:k']
const hostileValue = fc.oneof(
  fc.integer({ min: -3, max: 40 }),
  fc.double(),
  fc.constantFrom(2 ** 53, -0, NaN, Infinity, '3', null, true, 'accept', 'object'),
  fc.anything(),
)
// Entries shaped like ratings, hostile inside, so the clamp's paths are all taken.
const hostileRatings = fc.dictionary(
  fc.constantFrom(...keys, '__proto__'),
  fc.oneof(
    fc.record(
      { impact: hostileValue, effort: hostileValue, skip: fc.constantFrom(true, false, 'yes') },
      { requiredKeys: [] },
    ),
    hostileValue,
  ),
)

const hostileInput = fc.oneof(
  hostileRatings,
  fc.anything(),
  fc.dictionary(
    fc.oneof(fc.constantFrom(...keys, '__proto__', 'constructor'), fc.string()),
    hostileValue,
  ),
)
const votingContext: fc.Arbitrary<VotingContext> = fc
  .record({
    dotBudget: fc.integer({ min: 1, max: 20 }),
    capShare: fc.double({ min: 0, max: 1, noNaN: true }),
    anonymous: fc.boolean(),
    items: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }),
  })
  .map(({ dotBudget, capShare, anonymous, items }) => {
    const settings: VotingSettings = {
      dotBudget,
      maxDotsPerItem: Math.max(1, Math.ceil(capShare * dotBudget)),
      anonymous,
      voteOn: 'both',
    }
    return {
      settings,
      items: items.map((key) => ({
        key,
        kind: key.startsWith('c:') ? ('cluster' as const) : ('idea' as const),
        label: key,
      })),
    }
  })
const ratingContextArb: fc.Arbitrary<RatingContext> = fc.record({
  max: fc.integer({ min: 1, max: 9 }),
  items: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }),
})

const axisRaters = fc.option(fc.subarray(['g1', 'g2', 'g3']), { nil: null })
const matrixContext: fc.Arbitrary<MatrixRatingContext> = fc
  .record({
    items: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }),
    impact: axisRaters,
    effort: axisRaters,
  })
  .map(({ items, impact, effort }) => ({
    settings: {
      select: 'all' as const,
      top: 10,
      picked: [],
      on: 'both' as const,
      axes: { impact, effort },
    },
    items: items.map((key) => ({ key, kind: 'idea' as const, label: key })),
    votesRevealed: false,
  }))
// Criteria named like the hostile entries' keys, so the proposal clamp meets its own ids too.
const weightsContext: fc.Arbitrary<WeightsContext> = fc
  .uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length })
  .map((ids) => ({
    criteria: ids.map((id) => ({
      id,
      name: id,
      direction: 'benefit' as const,
      scale: { min: 1, max: 5 },
    })),
  }))
// Scores on criteria named like the hostile entries' keys, for items with those keys too.
const scoresContext: fc.Arbitrary<ScoresContext> = fc
  .record({
    criteria: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 3 }),
    items: fc.uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length }),
  })
  .map(({ criteria, items }) => ({
    settings: {
      select: 'all' as const,
      top: 10,
      picked: [],
      on: 'both' as const,
      axes: { impact: null, effort: null },
    },
    criteria: criteria.map((id) => ({
      id,
      name: id,
      direction: 'benefit' as const,
      scale: { min: 1, max: 9 },
    })),
    items: items.map((key) => ({ key, kind: 'idea' as const, label: key })),
    votesRevealed: false,
  }))
// Decisions with ids like the hostile entries' keys, so the consent clamp meets its own ids too.
const consentContext: fc.Arbitrary<ConsentContext> = fc
  .uniqueArray(fc.constantFrom(...keys), { maxLength: keys.length })
  .map((ids) => ({ decisions: ids.map((id) => ({ id, item: id, title: id })) }))
interface KindCase {
  readonly kind: AnyRoundKind
  readonly context: fc.Arbitrary<unknown>
}
const cases: KindCase[] = [
  { kind: dotVoting as AnyRoundKind, context: votingContext },
  { kind: ratings as AnyRoundKind, context: ratingContextArb },
  { kind: matrixRatings as AnyRoundKind, context: matrixContext },
  { kind: weightProposals as AnyRoundKind, context: weightsContext },
  { kind: criterionScores as AnyRoundKind, context: scoresContext },
  { kind: consentRound as AnyRoundKind, context: consentContext },
]

describe('the registry', () => {
  it('lists dot voting and the 2x2 ratings, once each, under their ids', () => {
    expect(ROUND_KINDS.map((k) => k.id)).toEqual([
      'voting',
      'matrix-ratings',
      'weights',
      'scores',
      'consent',
    ])
    expect(findRoundKind('voting')).toBe(dotVoting)
    expect(findRoundKind('constructor')).toBeNull()
  })

  it('has a property test case for every registered kind', () => {
    for (const kind of ROUND_KINDS) expect(cases.map((c) => c.kind)).toContain(kind)
  })
})

describe.each(cases)('the laws of round kind $kind.id', ({ kind, context }) => {
  const who = fc.constantFrom(...people)

  it('clamps anything without throwing, to an input its own schema accepts', () => {
    fc.assert(
      fc.property(context, hostileInput, who, (ctx, raw, p) => {
        const input = kind.clamp(raw, ctx, p)
        expect(kind.inputSchema.safeParse(input).success).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('is idempotent: clamping a clamped input changes nothing', () => {
    fc.assert(
      fc.property(context, hostileInput, who, (ctx, raw, p) => {
        const once = kind.clamp(raw, ctx, p)
        expect(kind.clamp(once, ctx, p)).toEqual(once)
        // A sealed input travels as JSON: it clamps to the same after the round trip.
        expect(kind.clamp(JSON.parse(JSON.stringify(once)), ctx, p)).toEqual(once)
      }),
      { numRuns: 500 },
    )
  })

  it('counts the empty input for nothing, and never more done than out of', () => {
    fc.assert(
      fc.property(context, hostileInput, who, (ctx, raw, p) => {
        expect(kind.progress(kind.clamp({}, ctx, p), ctx, p).done).toBe(0)
        const { done, of } = kind.progress(kind.clamp(raw, ctx, p), ctx, p)
        expect(done).toBeGreaterThanOrEqual(0)
        expect(done).toBeLessThanOrEqual(of)
      }),
      { numRuns: 300 },
    )
  })

  it('aggregates the same whatever order the inputs come in', () => {
    const inputs = fc.array(fc.tuple(who, hostileInput), { maxLength: 8 })
    fc.assert(
      fc.property(
        context,
        inputs.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
        ),
        (ctx, [xs, ys]) => {
          // Distinct participants: one input each, as a seal holds them.
          const of = (list: typeof xs) =>
            list.map(([p, raw], i) => {
              const participant = { ...p, id: `${p.id}-${xs.indexOf(list[i]!)}` }
              return { participant, input: kind.clamp(raw, ctx, participant) }
            })
          const settings = (ctx as { settings?: unknown }).settings ?? {}
          const reveal = (list: typeof xs) =>
            kind.aggregate({ settings, context: ctx, inputs: of(list), groups, revealedAt: 5 })
          const a = reveal(xs)
          const b = reveal(ys)
          if (kind === (dotVoting as AnyRoundKind)) {
            // Open ballots are listed in roster order; everything counted is order-free.
            const strip = (r: unknown) => ({ ...(r as object), ballots: null })
            const ballots = (r: unknown) =>
              JSON.stringify(
                ((r as { ballots: unknown[] | null }).ballots ?? [])
                  .map((x) => JSON.stringify(x))
                  .sort(),
              )
            expect(strip(b)).toEqual(strip(a))
            expect(ballots(b)).toBe(ballots(a))
          } else {
            expect(b).toEqual(a)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})

// ---- sealing and revealing ------------------------------------------------------------------

const votingSettings: VotingSettings = {
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: true,
  voteOn: 'ideas',
}
const world = { board: board(['a', 'b', 'c']), workshop: null }

describe('sealRound and revealRound', () => {
  it('seals each readable input clamped, counts who took part and who could not be read', () => {
    const context = dotVoting.context(votingSettings, world)
    const { seal, summary } = sealRound(dotVoting, {
      settings: votingSettings,
      context,
      closedAt: 100,
      participants: [
        { participant: people[0]!, found: { raw: { 'i:a': 100, 'i:zz': 4 } } },
        { participant: people[1]!, found: { raw: {} } },
        { participant: people[2]!, found: { unreadable: true } },
      ],
    })
    expect(summary).toEqual({ participants: 3, submitted: 1, unreadable: 1 })
    expect(seal).toMatchObject({ version: 3, round: 'voting', closedAt: 100, unreadable: 1 })
    // 100 dots on one item count as the cap; an unknown item counts nothing.
    expect(seal.inputs).toEqual({ p1: { 'i:a': 3 }, p2: {} })
    expect(seal.context.items.map((i) => i.key)).toEqual(['i:a', 'i:b', 'i:c'])
  })

  it('reveals from the seal alone, clamping sealed inputs again, as the tally counts them', () => {
    const context = dotVoting.context(votingSettings, world)
    const { seal } = sealRound(dotVoting, {
      settings: votingSettings,
      context,
      closedAt: 100,
      participants: [
        { participant: people[0]!, found: { raw: { 'i:a': 3, 'i:b': 2 } } },
        { participant: people[2]!, found: { raw: { 'i:c': 3 } } },
      ],
    })
    // A seal tampered with in storage still counts within the rules.
    const tampered = { ...seal, inputs: { ...seal.inputs, p3: { 'i:c': 50, 'i:new': 9 } } }
    const stored = parseSeal(dotVoting, JSON.parse(JSON.stringify(tampered)))!
    const results = revealRound(dotVoting, stored, groups, 200)
    expect(results.revealedAt).toBe(200)
    expect(results.items.map((i) => [i.key, i.total])).toEqual([
      ['i:a', 3],
      ['i:b', 2],
      ['i:c', 3],
    ])
    expect(results.groups.map((g) => [g.id, g.voters, g.members, g.dots])).toEqual([
      ['g1', 1, 1, 5],
      ['g2', 1, 1, 3],
    ])
    expect(dotVoting.headline(results)).toEqual({
      headline: '"Idea a", "Idea c" tied first with 3 dots',
      took: 2,
    })
  })

  it('reveals the test kind: medians per item from the sealed ratings', () => {
    const context = ratings.context({ max: 9 }, world)
    const { seal, summary } = sealRound(ratings, {
      settings: { max: 9 },
      context,
      closedAt: 1,
      participants: [
        { participant: people[0]!, found: { raw: { a: 2, b: 9, c: 10 } } },
        { participant: people[1]!, found: { raw: { a: 4, b: 'x' } } },
        { participant: people[2]!, found: { raw: { a: 9 } } },
      ],
    })
    expect(summary).toEqual({ participants: 3, submitted: 3, unreadable: 0 })
    expect(revealRound(ratings, seal, groups, 2)).toEqual({
      items: [
        { id: 'a', n: 3, median: 4 },
        { id: 'b', n: 1, median: 9 },
        { id: 'c', n: 0, median: null },
      ],
    })
  })

  it('reads a voting seal written before rounds were generic (version 2)', () => {
    const v2 = {
      version: 2,
      closedAt: 50,
      settings: votingSettings,
      items: [{ key: 'i:a', kind: 'idea', label: 'Idea a' }],
      participants: [{ id: 'p1', name: 'Ana', group: 'g1' }],
      allocations: { p1: { 'i:a': 3 } },
      unreadable: 0,
    }
    const seal = parseSeal(dotVoting, v2)!
    expect(seal).toMatchObject({ version: 3, round: 'voting', closedAt: 50 })
    expect(revealRound(dotVoting, seal, groups, 60).items[0]).toMatchObject({ total: 3 })
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['text', 'sealed'],
    ['another kind’s seal', { version: 3, round: 'ratings', closedAt: 1 }],
    ['a raw map of votes (the first shape)', { p1: { 'i:a': 2 } }],
  ])('reads %s as no seal', (_, json) => {
    expect(parseSeal(dotVoting, json)).toBeNull()
  })

  it('gives the kinds their default settings and their reasons not to open', () => {
    expect(dotVoting.defaultSettings(null)).toEqual(defaultVotingSettings(null))
    const empty = { board: board([]), workshop: null }
    expect(dotVoting.cannotOpen(dotVoting.context(votingSettings, empty))).toMatch(
      /nothing to vote on/,
    )
    expect(dotVoting.cannotOpen(dotVoting.context(votingSettings, world))).toBeNull()
    expect(dotVoting.describeSettings(votingSettings)).toBe(
      '5 dots each, at most 3 on one item, anonymous, on ideas',
    )
  })
})

// Type-level: a declared kind is an AnyRoundKind without a cast.
const _asAny: AnyRoundKind = ratings
const _typed: RoundKind<VotingSettings, VotingContext, Record<string, number>, unknown> = dotVoting
void _asAny
void _typed
