// The reveal of a ratings round: per item, the medians with interquartile whiskers on both axes
// (every person counting the same, and every group), each group's own medians, the split flag
// and the quadrant's bootstrap stability. Pure and independent of the order of the raters.
import type { CandidateItem } from '../../schema/items.js'
import {
  MATRIX_AXES,
  type AxisSummary,
  type MatrixAxis,
  type MatrixItemResult,
  type MatrixRatings,
  type Placement,
  type Quadrant,
} from '../../schema/matrix.js'
import type { Group } from '../../schema/workshop.js'
import {
  countQuantile,
  emptyHistogram,
  groupEqualHistogram,
  histogramOf,
  histogramTotal,
  weightedQuantile,
  type Histogram,
} from './histogram.js'
import { quadrantOf } from './quadrant.js'
import { splitOf } from './split.js'
import {
  hashString,
  quadrantStabilities,
  type BootstrapDraws,
  type RaterPoint,
  type MatrixWeighting,
} from './stability.js'

/** Seed, size and draws of the bootstrap behind quadrant stability. */
export const MATRIX_BOOTSTRAP = { seed: 2024, resamples: 1000, draws: 'halves' } as const

/** One participant's clamped ratings, with the group they count for. */
export interface MatrixRater {
  readonly id: string
  readonly group: string
  readonly ratings: MatrixRatings
}

export interface MatrixAggregateRequest {
  readonly items: readonly CandidateItem[]
  readonly raters: readonly MatrixRater[]
  /** The workshop's groups, in order; groups of raters not listed follow, by id. */
  readonly groups: readonly Group[]
  readonly seed: number
  readonly resamples: number
  /** `single` when not given (results revealed before 2026-12-01). */
  readonly draws?: BootstrapDraws
}

/** Median and quartiles of a histogram, with people or groups weighing the same. */
export function summarizeAxis(
  groups: readonly Histogram[],
  weighting: MatrixWeighting,
): AxisSummary | null {
  let n = 0
  for (const h of groups) n += histogramTotal(h)
  if (n === 0) return null
  let q: (p: number) => number | null
  if (weighting === 'groups') {
    const weights = groupEqualHistogram(groups)
    q = (p) => weightedQuantile(weights, p)
  } else {
    const all = emptyHistogram()
    for (const h of groups) for (let v = 0; v < h.length; v++) all[v]! += h[v]!
    q = (p) => countQuantile(all, p)
  }
  return { n, median: q(0.5)!, q1: q(0.25)!, q3: q(0.75)! }
}

const quadrantOfSummaries = (impact: AxisSummary | null, effort: AxisSummary | null) =>
  impact && effort ? quadrantOf({ impact: impact.median, effort: effort.median }) : null

/** The groups in the results' order: the workshop's, then any other group of a rater, by id. */
export function matrixGroupOrder(
  groups: readonly Group[],
  raters: readonly MatrixRater[],
): Group[] {
  const known = new Set(groups.map((g) => g.id))
  const extra = [...new Set(raters.map((r) => r.group).filter((g) => !known.has(g)))].sort()
  return [...groups, ...extra.map((id) => ({ id, name: id }))]
}

/** Aggregates every item of the round (see the module comment). */
export function aggregateItems(request: MatrixAggregateRequest): MatrixItemResult[] {
  const groups = matrixGroupOrder(request.groups, request.raters)
  // Canonical order within each group, by what each rater gave the round's items (raters who
  // gave the same are interchangeable), so the bootstrap draws the same whatever order the
  // raters came in and whoever they are: the export recomputes it from pseudonymous ratings.
  const keyed = request.raters.map((r) => ({ r, key: ratingsKey(r.ratings, request.items) }))
  const byGroup = groups.map((g) =>
    keyed
      .filter(({ r }) => r.group === g.id)
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ r }) => r),
  )
  const collected = request.items.map((item) => collectItem(item, byGroup))
  // Every item's bootstrap in one pass: the reveal's hot loop, optimised once for them all.
  const stabilities = quadrantStabilities(
    collected.map((c, i) => ({
      groups: c.points,
      seed: (request.seed ^ hashString(request.items[i]!.key)) >>> 0,
      resamples: request.resamples,
      ...(request.draws ? { draws: request.draws } : {}),
    })),
  )
  return collected.map((c, i) => aggregateItem(request.items[i]!, groups, c, stabilities[i]!))
}

/** What a rater's ratings mean to the aggregate, as text: per item, skip or both axes. */
function ratingsKey(ratings: MatrixRatings, items: readonly CandidateItem[]): string {
  return JSON.stringify(
    items.map((item) => {
      const entry = Object.hasOwn(ratings, item.key) ? ratings[item.key] : undefined
      if (!entry) return 0
      return entry.skip === true ? 1 : [entry.impact ?? null, entry.effort ?? null]
    }),
  )
}

/** What the raters gave one item: counts, each group's points, ratings and histograms. */
interface CollectedItem {
  readonly n: number
  readonly skipped: number
  readonly points: RaterPoint[][]
  readonly ratings: Record<MatrixAxis, number[]>
  readonly hist: Record<MatrixAxis, Histogram[]>
  /** Entries (ratings or skips) per group. */
  readonly entries: number[]
}

function collectItem(
  item: CandidateItem,
  raters: readonly (readonly MatrixRater[])[],
): CollectedItem {
  let n = 0
  let skipped = 0
  const points: RaterPoint[][] = []
  const ratings: Record<MatrixAxis, number[]> = { impact: [], effort: [] }
  const hist: Record<MatrixAxis, Histogram[]> = { impact: [], effort: [] }
  const entries: number[] = []
  for (const members of raters) {
    const mine: RaterPoint[] = []
    let count = 0
    for (const r of members) {
      const entry = Object.hasOwn(r.ratings, item.key) ? r.ratings[item.key] : undefined
      if (!entry) continue
      count++
      if (entry.skip === true) {
        skipped++
        continue
      }
      const point = { impact: entry.impact ?? null, effort: entry.effort ?? null }
      if (point.impact === null && point.effort === null) continue
      mine.push(point)
    }
    n += count
    entries.push(count)
    points.push(mine)
    for (const axis of MATRIX_AXES) {
      const values = mine.flatMap((p) => (p[axis] === null ? [] : [p[axis]]))
      ratings[axis].push(...values)
      hist[axis].push(histogramOf(values))
    }
  }
  return { n, skipped, points, ratings, hist, entries }
}

function aggregateItem(
  item: CandidateItem,
  groups: readonly Group[],
  { n, skipped, ratings, hist, entries }: CollectedItem,
  stability: Record<MatrixWeighting, number | null>,
): MatrixItemResult {
  const placement = (weighting: MatrixWeighting): Placement => {
    const impact = summarizeAxis(hist.impact, weighting)
    const effort = summarizeAxis(hist.effort, weighting)
    return {
      impact,
      effort,
      quadrant: quadrantOfSummaries(impact, effort),
      stability: stability[weighting],
    }
  }
  const people = placement('people')
  const equal = placement('groups')
  const perGroup: [string, MatrixItemResult['byGroup'][string]][] = []
  const quadrants: { group: string; quadrant: Quadrant | null }[] = []
  groups.forEach((g, i) => {
    if (entries[i] === 0) return
    const impact = summarizeAxis([hist.impact[i]!], 'people')
    const effort = summarizeAxis([hist.effort[i]!], 'people')
    // A group that rated only one axis (the other restricted to other groups) is placed on the
    // other at the overall, group-equal median; one that rated neither has no place.
    const quadrant =
      impact || effort ? quadrantOfSummaries(impact ?? equal.impact, effort ?? equal.effort) : null
    perGroup.push([g.id, { n: entries[i]!, impact, effort, quadrant }])
    quadrants.push({ group: g.id, quadrant })
  })
  return {
    key: item.key,
    kind: item.kind,
    label: item.label,
    n,
    skipped,
    people,
    groups: equal,
    // fromEntries: a group id such as `__proto__` stays data.
    byGroup: Object.fromEntries(perGroup),
    split: splitOf(ratings, quadrants),
  }
}
