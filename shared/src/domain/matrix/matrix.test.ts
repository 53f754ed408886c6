// The 2x2's pure rules against hand-computed examples — quadrants on their boundaries, medians
// and quartiles with skips, group-equal against person-equal, both split rules and their words,
// restricted axes, the item choice — and the laws they keep (fast-check), including a bootstrap
// that is reproducible from its seed and certain when every rater agrees.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BoardState } from '../../schema/board.js'
import type { MatrixRatingSettings } from '../../schema/matrix.js'
import type { VoteResults } from '../../schema/voting.js'
import { createRandom, type Random } from '../random.js'
import { median, quantile } from '../stats.js'
import { aggregateItems, type MatrixRater } from './aggregate.js'
import { countQuantile, groupEqualHistogram, histogramOf, weightedQuantile } from './histogram.js'
import { matrixItems, noMatrixItems } from './items.js'
import { handMoves } from './placement.js'
import { quadrantOf } from './quadrant.js'
import { axesFor, clampRatings, ratingProgress } from './ratings.js'
import { axisSplit, describeSplit, splitOf } from './split.js'
import {
  quadrantStabilities,
  quadrantStability,
  type BootstrapDraws,
  type RaterPoint,
} from './stability.js'

const item = (key: string) => ({ key, kind: 'idea' as const, label: `Item ${key}` })
const groups = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Radiologists' },
]
const everyone: MatrixRatingSettings['axes'] = { impact: null, effort: null }

describe('quadrantOf', () => {
  it.each([
    [9, 1, 'quick-wins'],
    [9, 9, 'major-projects'],
    [1, 1, 'fill-ins'],
    [1, 9, 'thankless-tasks'],
    // On the midline a value counts as high, on both axes alike.
    [5, 5, 'major-projects'],
    [5, 4.5, 'quick-wins'],
    [4.5, 5, 'thankless-tasks'],
    [4.5, 4.5, 'fill-ins'],
    [4.999, 4.999, 'fill-ins'],
  ] as const)('impact %d, effort %d is %s', (impact, effort, quadrant) => {
    expect(quadrantOf({ impact, effort })).toBe(quadrant)
  })
})

describe('histogram quantiles', () => {
  it('are type 7, as stats.quantile gives them, for odd and even counts', () => {
    const odd = histogramOf([3, 1, 2, 5, 4])
    const even = histogramOf([4, 1, 3, 2])
    expect([0.25, 0.5, 0.75].map((p) => countQuantile(odd, p))).toEqual([2, 3, 4])
    expect([0.25, 0.5, 0.75].map((p) => countQuantile(even, p))).toEqual([1.75, 2.5, 3.25])
    expect(countQuantile(histogramOf([]), 0.5)).toBeNull()
  })

  it('agree with stats.quantile on any ratings', () => {
    const ratings = fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 60 })
    fc.assert(
      fc.property(ratings, fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        expect(countQuantile(histogramOf(xs), p)).toBe(quantile(xs, p))
      }),
    )
  })

  it('weigh every group the same: four surgeons at 2 and one radiologist at 8 meet at 5', () => {
    const weights = groupEqualHistogram([histogramOf([2, 2, 2, 2]), histogramOf([8])])
    expect(weightedQuantile(weights, 0.5)).toBe(5)
    expect(weightedQuantile(weights, 0.25)).toBe(2)
    expect(weightedQuantile(weights, 0.75)).toBe(8)
    // Every person the same: the surgeons' 2 is the median.
    expect(countQuantile(histogramOf([2, 2, 2, 2, 8]), 0.5)).toBe(2)
  })

  it('give the person median when every group is the same size', () => {
    const sized = fc.integer({ min: 1, max: 6 }).chain((m) =>
      fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: m, maxLength: m }), {
        minLength: 1,
        maxLength: 5,
      }),
    )
    fc.assert(
      fc.property(sized, (gs) => {
        const equal = weightedQuantile(groupEqualHistogram(gs.map(histogramOf)), 0.5)
        expect(equal).toBe(quantile(gs.flat(), 0.5))
      }),
    )
  })
})

describe('split opinion', () => {
  it.each<[number[], boolean]>([
    [[1, 2, 9, 8, 5], true], // 2 of 5 low, 2 of 5 high
    [[3, 7, 5], true], // a third each, exactly
    [[1, 9, 5, 5, 5, 5], false], // 1 of 6 is less than a third
    [[1, 1, 1, 1], false], // nobody high
    [[4, 6, 5], false], // nothing in either band
    [[], false],
  ])('the RAND/UCLA rule on %j says split: %s', (ratings, split) => {
    expect(axisSplit('impact', ratings) !== null).toBe(split)
  })

  it('flags groups whose medians fall in different quadrants, and says why in plain words', () => {
    const split = splitOf({ impact: [5, 5], effort: [4, 6] }, [
      { group: 'g1', quadrant: 'quick-wins' },
      { group: 'g2', quadrant: 'major-projects' },
      { group: 'g3', quadrant: null },
    ])!
    expect(split).toEqual({
      axes: [],
      groups: [
        { group: 'g1', quadrant: 'quick-wins' },
        { group: 'g2', quadrant: 'major-projects' },
      ],
    })
    const name = (id: string) => groups.find((g) => g.id === id)?.name ?? id
    expect(describeSplit(split, { groupName: name })).toBe(
      'The groups disagree: Surgeons place it in Quick wins, Radiologists in Major projects.',
    )
    expect(
      describeSplit(
        { axes: [{ axis: 'effort', n: 5, low: 2, high: 2 }], groups: [] },
        { groupName: name, axisNames: { impact: 'Benefit', effort: 'Cost' } },
      ),
    ).toBe('Split on cost: 2 of 5 ratings are 1–3 and 2 are 7–9.')
    expect(
      splitOf({ impact: [5], effort: [5] }, [
        { group: 'g1', quadrant: 'fill-ins' },
        { group: 'g2', quadrant: 'fill-ins' },
      ]),
    ).toBeNull()
  })
})

describe('clamping one participant’s ratings', () => {
  const items = [item('i:a'), item('i:b'), item('i:c'), item('i:d')]

  it('keeps whole ratings 1–9 on known items, and a skip over anything else', () => {
    const raw = {
      'i:a': { impact: 10, effort: 2.5 },
      'i:b': { impact: '3', effort: 4 },
      'i:c': { skip: true, impact: 4 },
      'i:d': { impact: 0, effort: 9, extra: 1 },
      'i:zz': { impact: 5 },
    }
    expect(clampRatings(raw, items, ['impact', 'effort'])).toEqual({
      'i:b': { effort: 4 },
      'i:c': { skip: true },
      'i:d': { effort: 9 },
    })
    expect(clampRatings('text', items, ['impact'])).toEqual({})
    expect(clampRatings([{ impact: 3 }], items, ['impact'])).toEqual({})
  })

  it('drops the axes the participant’s group does not rate, and counts progress on the rest', () => {
    const axes = { impact: null, effort: ['g2'] }
    expect(axesFor(axes, 'g1')).toEqual(['impact'])
    expect(axesFor({ impact: ['g2'], effort: ['g2'] }, 'g1')).toEqual([])
    const mine = clampRatings(
      { 'i:a': { impact: 7, effort: 3 }, 'i:b': { effort: 3 } },
      items,
      axesFor(axes, 'g1'),
    )
    expect(mine).toEqual({ 'i:a': { impact: 7 } })
    expect(ratingProgress(mine, items, ['impact'])).toEqual({ done: 1, of: 4 })
    // Rated on one of two axes is not yet done; a skip is.
    const both = clampRatings(
      { 'i:a': { impact: 7 }, 'i:b': { skip: true }, 'i:c': { impact: 2, effort: 8 } },
      items,
      ['impact', 'effort'],
    )
    expect(ratingProgress(both, items, ['impact', 'effort'])).toEqual({ done: 2, of: 4 })
    expect(ratingProgress({}, items, [])).toEqual({ done: 0, of: 0 })
  })
})

const rater = (id: string, group: string, ratings: MatrixRater['ratings']): MatrixRater => ({
  id,
  group,
  ratings,
})
const aggregate = (raters: MatrixRater[], resamples = 200) =>
  aggregateItems({ items: [item('i:a')], raters, groups, seed: 7, resamples })[0]!

describe('aggregating an item', () => {
  it('gives medians, whiskers, n and skips per person and per group, as hand-computed', () => {
    const result = aggregate([
      rater('ana', 'g1', { 'i:a': { impact: 8, effort: 2 } }),
      rater('ben', 'g1', { 'i:a': { impact: 8, effort: 2 } }),
      rater('cy', 'g2', { 'i:a': { impact: 2, effort: 8 } }),
      rater('di', 'g2', { 'i:a': { skip: true } }),
      rater('ed', 'g2', {}),
    ])
    expect([result.n, result.skipped]).toEqual([4, 1])
    // Every person: impact 2, 8, 8; effort 2, 2, 8.
    expect(result.people.impact).toEqual({ n: 3, median: 8, q1: 5, q3: 8 })
    expect(result.people.effort).toEqual({ n: 3, median: 2, q1: 2, q3: 5 })
    expect(result.people.quadrant).toBe('quick-wins')
    // Every group: the surgeons' 8 and the radiologist's 2 weigh the same, and meet at 5.
    expect(result.groups.impact).toEqual({ n: 3, median: 5, q1: 2, q3: 8 })
    expect(result.groups.effort).toEqual({ n: 3, median: 5, q1: 2, q3: 8 })
    expect(result.groups.quadrant).toBe('major-projects')
    expect(result.byGroup).toEqual({
      g1: {
        n: 2,
        impact: { n: 2, median: 8, q1: 8, q3: 8 },
        effort: { n: 2, median: 2, q1: 2, q3: 2 },
        quadrant: 'quick-wins',
      },
      g2: {
        n: 2,
        impact: { n: 1, median: 2, q1: 2, q3: 2 },
        effort: { n: 1, median: 8, q1: 8, q3: 8 },
        quadrant: 'thankless-tasks',
      },
    })
    expect(result.split).toEqual({
      axes: [
        { axis: 'impact', n: 3, low: 1, high: 2 },
        { axis: 'effort', n: 3, low: 2, high: 1 },
      ],
      groups: [
        { group: 'g1', quadrant: 'quick-wins' },
        { group: 'g2', quadrant: 'thankless-tasks' },
      ],
    })
  })

  it('places a group that rates one axis at the overall median of the other', () => {
    // Only radiologists rate effort: surgeons are placed at the group-equal effort median.
    const result = aggregate([
      rater('ana', 'g1', { 'i:a': { impact: 9 } }),
      rater('cy', 'g2', { 'i:a': { impact: 7, effort: 2 } }),
    ])
    expect(result.byGroup.g1).toMatchObject({ effort: null, quadrant: 'quick-wins' })
    // One rater per group: nothing to resample, so no stability figure.
    expect(result.groups).toMatchObject({ quadrant: 'quick-wins', stability: null })
    expect(result.split).toBeNull()
  })

  it('gives no stability when no group has two raters, however far apart they are', () => {
    const apart = aggregate([
      rater('ana', 'g1', { 'i:a': { impact: 9, effort: 1 } }),
      rater('cy', 'g2', { 'i:a': { impact: 1, effort: 9 } }),
    ])
    expect(apart.people.stability).toBeNull()
    expect(apart.groups.stability).toBeNull()
    // A second surgeon gives the bootstrap something to vary.
    const more = aggregate([
      rater('ana', 'g1', { 'i:a': { impact: 9, effort: 1 } }),
      rater('bo', 'g1', { 'i:a': { impact: 2, effort: 1 } }),
      rater('cy', 'g2', { 'i:a': { impact: 1, effort: 9 } }),
    ])
    expect(more.people.stability).toBeGreaterThan(0)
    expect(more.people.stability).toBeLessThan(1)
    // Lone raters who agree: every resample lands where they do.
    const same = aggregate([
      rater('ana', 'g1', { 'i:a': { impact: 8, effort: 2 } }),
      rater('cy', 'g2', { 'i:a': { impact: 8, effort: 2 } }),
    ])
    expect(same.people.stability).toBe(1)
    expect(same.groups.stability).toBe(1)
  })

  it('has no place, stability or split with nobody rating', () => {
    const result = aggregate([rater('ana', 'g1', { 'i:a': { skip: true } })])
    expect(result).toMatchObject({ n: 1, skipped: 1, split: null, byGroup: { g1: { n: 1 } } })
    expect(result.people).toEqual({ impact: null, effort: null, quadrant: null, stability: null })
  })

  it('is 100% stable when every rater agrees, and reproducible from the seed', () => {
    const agree = ['a', 'b', 'c', 'd'].map((id, i) =>
      rater(id, i % 2 ? 'g2' : 'g1', { 'i:a': { impact: 5, effort: 5 } }),
    )
    expect(aggregate(agree).people.stability).toBe(1)
    expect(aggregate(agree).groups.stability).toBe(1)
    const spread: RaterPoint[][] = [
      [
        { impact: 6, effort: 4 },
        { impact: 3, effort: 7 },
        { impact: 8, effort: null },
      ],
      [
        { impact: 5, effort: 5 },
        { impact: 2, effort: 3 },
      ],
    ]
    const once = quadrantStability({ groups: spread, seed: 42, resamples: 500 })
    expect(quadrantStability({ groups: spread, seed: 42, resamples: 500 })).toEqual(once)
    expect(once.people).toBeGreaterThan(0)
    expect(once.people).toBeLessThan(1)
  })

  // The generator's outputs as a plain bootstrap takes them: one rater each (`single`), or two
  // raters of a group each by the output's 16-bit halves (`halves`).
  const picks: Record<BootstrapDraws, (random: Random) => <T>(raters: readonly T[]) => T[]> = {
    single: (random) => (raters) => raters.map(() => raters[random.int(0, raters.length - 1)]!),
    halves: (random) => (raters) => {
      const out: (typeof raters)[number][] = []
      while (out.length < raters.length) {
        const r = random.next() * 4294967296
        for (const half of [r >>> 16, r & 0xffff]) {
          if (out.length < raters.length) out.push(raters[(half * raters.length) >>> 16]!)
        }
      }
      return out
    },
  }

  it.each(['single', 'halves'] as const)(
    'counts resamples as a plain bootstrap with the same draws would (%s, people weighing)',
    (draws) => {
      const point = fc.record({
        impact: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
        effort: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      })
      const lists = fc.array(fc.array(point, { maxLength: 6 }), { minLength: 1, maxLength: 3 })
      fc.assert(
        fc.property(lists, fc.nat(), (gs, seed) => {
          const medians = (ps: RaterPoint[]) => ({
            impact: median(ps.flatMap((p) => (p.impact === null ? [] : [p.impact]))),
            effort: median(ps.flatMap((p) => (p.effort === null ? [] : [p.effort]))),
          })
          const observed = medians(gs.flat())
          if (observed.impact === null || observed.effort === null) return
          const want = quadrantOf({ impact: observed.impact, effort: observed.effort })
          const request = { groups: gs, seed, resamples: 40, draws }
          // With no group of two there is nothing to resample, and no figure (unless all agree).
          const flat = gs.flat()
          const agree = flat.every(
            (r) => r.impact === flat[0]?.impact && r.effort === flat[0]?.effort,
          )
          if (gs.every((raters) => raters.length < 2) && !agree) {
            expect(quadrantStability(request).people).toBeNull()
            return
          }
          const pick = picks[draws](createRandom(seed))
          let stays = 0
          for (let b = 0; b < 40; b++) {
            const sample = gs.flatMap((raters) => pick(raters))
            const m = medians(sample)
            const p = { impact: m.impact ?? observed.impact, effort: m.effort ?? observed.effort }
            if (quadrantOf(p) === want) stays++
          }
          expect(quadrantStability(request).people).toBe(stays / 40)
        }),
        { numRuns: 200 },
      )
    },
  )

  it('gives many items at once what it gives each alone', () => {
    const point = fc.record({
      impact: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
      effort: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
    })
    const request = fc.record({
      groups: fc.array(fc.array(point, { maxLength: 7 }), { minLength: 1, maxLength: 3 }),
      seed: fc.nat(),
      resamples: fc.integer({ min: 0, max: 60 }),
      draws: fc.constantFrom('single' as const, 'halves' as const),
    })
    fc.assert(
      fc.property(fc.array(request, { maxLength: 5 }), (requests) => {
        expect(quadrantStabilities(requests)).toEqual(requests.map((r) => quadrantStability(r)))
      }),
      { numRuns: 200 },
    )
  })

  it('does not depend on the order the raters come in', () => {
    const entry = fc.oneof(
      fc.record({ skip: fc.constant(true as const) }),
      fc.record(
        { impact: fc.integer({ min: 1, max: 9 }), effort: fc.integer({ min: 1, max: 9 }) },
        { requiredKeys: [] },
      ),
    )
    const raters = fc.uniqueArray(
      fc.record({ id: fc.string(), group: fc.constantFrom('g1', 'g2', 'g9'), entry }),
      { selector: (r) => r.id, maxLength: 8 },
    )
    fc.assert(
      fc.property(
        raters.chain((xs) =>
          fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
        ),
        ([xs, ys]) => {
          const of = (list: typeof xs) => list.map((r) => rater(r.id, r.group, { 'i:a': r.entry }))
          expect(aggregate(of(ys), 50)).toEqual(aggregate(of(xs), 50))
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe('which items go onto the matrix', () => {
  const board: BoardState = {
    cards: ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      text: `Idea ${id}`,
      clusterId: null,
      mergedInto: null,
      createdAt: 1,
      source: 'facilitator' as const,
      author: null,
      round: 1,
      merged: [],
    })),
    clusters: [],
    unclustered: ['a', 'b', 'c', 'd'],
  }
  const settings = (s: Partial<MatrixRatingSettings>): MatrixRatingSettings => ({
    select: 'all',
    top: 10,
    picked: [],
    on: 'both',
    axes: everyone,
    ...s,
  })
  const votes = {
    items: [
      { key: 'i:a', total: 2 },
      { key: 'i:b', total: 5 },
      { key: 'i:c', total: 2 },
      { key: 'i:d', total: 0 },
      { key: 'i:gone', total: 9 },
    ],
  } as unknown as VoteResults

  it('takes all, the top N with ties at N, or the picked items in their order', () => {
    const keys = (s: Partial<MatrixRatingSettings>, v: VoteResults | null = votes) =>
      matrixItems(settings(s), board, v).map((i) => i.key)
    expect(keys({})).toEqual(['i:a', 'i:b', 'i:c', 'i:d'])
    expect(keys({ select: 'top', top: 1 })).toEqual(['i:b'])
    expect(keys({ select: 'top', top: 2 })).toEqual(['i:b', 'i:a', 'i:c'])
    // An item without a dot, or gone from the board, is not in the top.
    expect(keys({ select: 'top', top: 10 })).toEqual(['i:b', 'i:a', 'i:c'])
    expect(keys({ select: 'top' }, null)).toEqual([])
    expect(keys({ select: 'picked', picked: ['i:c', 'i:gone', 'i:a', 'i:c'] })).toEqual([
      'i:c',
      'i:a',
    ])
  })

  it('says why there is nothing to place', () => {
    expect(noMatrixItems(settings({ select: 'top' }), [], false)).toBe(
      'Reveal the dot vote first, or choose the items by hand',
    )
    expect(noMatrixItems(settings({ select: 'picked' }), [], true)).toMatch(/Pick at least one/)
    expect(noMatrixItems(settings({}), [item('i:a')], false)).toBeNull()
  })
})

describe('hand moves for the log', () => {
  it('logs a change of quadrant, an item placed and one taken off; not a move within a quadrant', () => {
    const label = (key: string) => (key === 'i:a' ? 'Theatre app' : key)
    const before = {
      'i:a': { impact: 7, effort: 3 },
      'i:b': { impact: 2, effort: 2 },
      'i:c': { impact: 8, effort: 8 },
    }
    const after = {
      'i:a': { impact: 4, effort: 3 },
      'i:b': { impact: 3, effort: 4.5 },
      'i:d': { impact: 5, effort: 5 },
    }
    expect(handMoves(before, after, label, 9)).toEqual([
      { type: 'matrix-placed', at: 9, item: 'i:a', label: 'Theatre app', quadrant: 'fill-ins' },
      { type: 'matrix-placed', at: 9, item: 'i:c', label: 'i:c', quadrant: null },
      { type: 'matrix-placed', at: 9, item: 'i:d', label: 'i:d', quadrant: 'major-projects' },
    ])
    expect(handMoves(after, after, label, 9)).toEqual([])
  })
})
