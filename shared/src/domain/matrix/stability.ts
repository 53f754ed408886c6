// Quadrant stability: how often an item's median stays in its quadrant when the raters are
// resampled with replacement (a seeded bootstrap, stratified by stakeholder group so that every
// resample keeps each group's size and a group that alone rates an axis is never left out).
import {
  MATRIX_AXES,
  RATING_MAX,
  RATING_MIDPOINT,
  RATING_MIN,
  type MatrixAxis,
  type Quadrant,
} from '../../schema/matrix.js'
import {
  EPSILON as WEIGHT_EPSILON,
  countQuantile,
  emptyHistogram,
  groupEqualHistogram,
  weightedQuantile,
  type Histogram,
} from './histogram.js'
import { isHigh, quadrantOf } from './quadrant.js'

// Module-local copies: imported bindings cost a getter call each in the hot loops when the
// server runs through a CommonJS transform (tsx).
const MIN = RATING_MIN
const MAX = RATING_MAX
const EPSILON = WEIGHT_EPSILON
const MIDPOINT = RATING_MIDPOINT
/** `isHigh`, on the module's own copy of the midpoint (the hot loop's). */
const high = (value: number) => value >= MIDPOINT
const SLOTS = RATING_MAX + 1
/** The raters a 16-bit half of a draw can pick among. */
const HALF_RANGE = 0x10000

/** One rater's ratings of one item (null where they gave none on that axis). */
export interface RaterPoint {
  readonly impact: number | null
  readonly effort: number | null
}

/** Every person counts the same, or every stakeholder group. */
export type MatrixWeighting = 'people' | 'groups'

/** Medians on both axes (null where nobody rated the axis). */
export interface MedianPoint {
  readonly impact: number | null
  readonly effort: number | null
}

/** Histograms of each axis for each group's raters. */
function histograms(groups: readonly (readonly RaterPoint[])[]): Record<MatrixAxis, Histogram[]> {
  const out: Record<MatrixAxis, Histogram[]> = { impact: [], effort: [] }
  for (const raters of groups) {
    for (const axis of MATRIX_AXES) {
      const h = emptyHistogram()
      for (const r of raters) {
        const v = r[axis]
        if (v !== null) h[v]!++
      }
      out[axis].push(h)
    }
  }
  return out
}

/** The median of one axis over groups' histograms, with people or groups weighing the same. */
export function axisMedian(
  groups: readonly Histogram[],
  weighting: MatrixWeighting,
): number | null {
  if (weighting === 'groups') return weightedQuantile(groupEqualHistogram(groups), 0.5)
  const all = emptyHistogram()
  for (const h of groups) for (let v = 0; v < h.length; v++) all[v]! += h[v]!
  return countQuantile(all, 0.5)
}

/** The medians of raters listed by group, with people or groups weighing the same. */
export function medianPoint(
  groups: readonly (readonly RaterPoint[])[],
  weighting: MatrixWeighting,
): MedianPoint {
  const h = histograms(groups)
  return { impact: axisMedian(h.impact, weighting), effort: axisMedian(h.effort, weighting) }
}

/** A median point's quadrant, or null unless both axes have a median. */
export function quadrantOfMedians(point: MedianPoint): Quadrant | null {
  return point.impact === null || point.effort === null
    ? null
    : quadrantOf({ impact: point.impact, effort: point.effort })
}

// Which side of the midline a resample's median falls on (1 high, 0 low, -1 nobody rated), from
// ten-slot count histograms laid end to end, one per group (slot 0, "no rating", ignored): the
// bootstrap needs only that, so these skip building the median itself. Each gives exactly what
// `isHigh` of `axisMedian` gives for the same groups (the same arithmetic, in the same order).

/** Every person counting the same: the type-7 median (`countQuantile`) against the midline. */
function peopleSide(flat: Int32Array, groups: number): number {
  let n = 0
  let low = 0
  let maxLow = 0
  let minHigh = 0
  for (let v = MIN; v <= MAX; v++) {
    let c = 0
    for (let g = 0; g < groups; g++) c += flat[g * SLOTS + v]!
    if (c === 0) continue
    n += c
    if (!high(v)) {
      low += c
      maxLow = v
    } else if (minHigh === 0) minHigh = v
  }
  if (n === 0) return -1
  // Odd: the middle rating. Even: the mean of the two middle ones, which straddle the midline
  // only when exactly half the ratings are low.
  if (n % 2 === 1) return low <= (n - 1) / 2 ? 1 : 0
  if (low < n / 2) return 1
  if (low > n / 2) return 0
  return high((maxLow + minHigh) / 2) ? 1 : 0
}

/**
 * Every group weighing the same: `weightedQuantile` of `groupEqualHistogram` against the
 * midline, its weights built in `weights` in the same order, so the same sums to the last bit.
 */
function groupsSide(flat: Int32Array, groups: number, weights: Histogram): number {
  weights.fill(0)
  for (let g = 0; g < groups; g++) {
    const base = g * SLOTS
    let n = 0
    for (let v = MIN; v <= MAX; v++) n += flat[base + v]!
    if (n === 0) continue
    for (let v = MIN; v <= MAX; v++) weights[v]! += flat[base + v]! / n
  }
  let total = 0
  for (let v = MIN; v <= MAX; v++) total += weights[v]!
  if (total <= EPSILON) return -1
  const target = 0.5 * total
  let cumulative = 0
  for (let v = MIN; v <= MAX; v++) {
    if (weights[v]! <= 0) continue
    cumulative += weights[v]!
    if (cumulative >= target - EPSILON * total) {
      if (Math.abs(cumulative - target) > EPSILON * total) return high(v) ? 1 : 0
      for (let next = v + 1; next <= MAX; next++) {
        if (weights[next]! > 0) return high((v + next) / 2) ? 1 : 0
      }
      return high(v) ? 1 : 0
    }
  }
  return high(MAX) ? 1 : 0
}

/** A quadrant as a number (high impact 2, high effort 1): the hot loop compares numbers only. */
const quadrantCode = (impact: number, effort: number) =>
  (isHigh(impact) ? 2 : 0) + (isHigh(effort) ? 1 : 0)

const NO_QUADRANT = -1

/** One item's bootstrap as the hot loop takes it: numbers and typed arrays only. */
interface BootstrapJob {
  /** Ratings 1–9 (0 for none), one array per group, the same raters in the same order. */
  readonly impacts: readonly Int8Array[]
  readonly efforts: readonly Int8Array[]
  readonly seed: number
  readonly resamples: number
  /** Two raters per generator output (see `BootstrapDraws`). */
  readonly halves: boolean
  /** The observed quadrant's code per weighting, or NO_QUADRANT. */
  readonly wantPeople: number
  readonly wantGroups: number
  /**
   * The observed medians' sides of the midline (1 high, 0 low; people impact, people effort,
   * groups impact, groups effort), kept by a resample in which nobody rated the axis.
   */
  readonly observed: Int8Array
}

/**
 * One group's resample: as many raters drawn with replacement as the group has, counted into
 * the histograms at `base`; returns the generator's state after. Small and on its own, so the
 * JIT optimises it within the first resamples of a reveal, long before the loop around it.
 */
function drawGroup(
  impact: Int8Array,
  effort: Int8Array,
  base: number,
  from: number,
  halves: boolean,
  sampledImpact: Int32Array,
  sampledEffort: Int32Array,
): number {
  let state = from
  const n = impact.length
  if (!halves || n > HALF_RANGE) {
    // A draw each: the older results' way, and groups of more raters than a half can pick among.
    for (let k = 0; k < n; k++) {
      state = (state + 0x6d2b79f5) | 0
      let t = Math.imul(state ^ (state >>> 15), state | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      const j = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
      sampledImpact[base + impact[j]!]!++
      sampledEffort[base + effort[j]!]!++
    }
    return state
  }
  // Two raters a draw: the high and the low 16 bits each pick one, scaled to the group's size
  // in integers (a bias below n / 65,536, a third of a per cent for 200 raters).
  for (let k = 0; k < n; k += 2) {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), state | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    const r = (t ^ (t >>> 14)) >>> 0
    const j = ((r >>> 16) * n) >>> 16
    sampledImpact[base + impact[j]!]!++
    sampledEffort[base + effort[j]!]!++
    if (k + 1 === n) break
    const i = ((r & 0xffff) * n) >>> 16
    sampledImpact[base + impact[i]!]!++
    sampledEffort[base + effort[i]!]!++
  }
  return state
}

/**
 * The hot loop of a reveal (1,000 resamples of every item): every item's bootstrap in one call,
 * resample by resample across the items (each item keeps its own generator state), so every
 * path of the loop runs within its first few turns and V8 optimises it once, early, and keeps
 * that code for the whole reveal instead of throwing it away at the first item's end. Numbers
 * and typed arrays only, no allocation per resample. Returns how many resamples stayed in the
 * observed quadrant, two figures per job (people, groups). createRandom's generator
 * (Mulberry32) is stepped in `drawGroup` with its state in a local, without a closure call per
 * draw.
 */
function bootstrapStays(jobs: readonly BootstrapJob[]): Int32Array {
  const stays = new Int32Array(jobs.length * 2)
  const states = Int32Array.from(jobs, (job) => job.seed | 0)
  let most = 0
  let rounds = 0
  for (const job of jobs) {
    most = Math.max(most, job.impacts.length)
    rounds = Math.max(rounds, job.resamples)
  }
  const sampledImpact = new Int32Array(most * SLOTS)
  const sampledEffort = new Int32Array(most * SLOTS)
  const scratch = emptyHistogram()
  for (let b = 0; b < rounds; b++) {
    for (let item = 0; item < jobs.length; item++) {
      const { impacts, efforts, resamples, halves, wantPeople, wantGroups, observed } = jobs[item]!
      if (b >= resamples) continue
      const groups = impacts.length
      sampledImpact.fill(0)
      sampledEffort.fill(0)
      let state = states[item]!
      for (let g = 0; g < groups; g++) {
        state = drawGroup(
          impacts[g]!,
          efforts[g]!,
          g * SLOTS,
          state,
          halves,
          sampledImpact,
          sampledEffort,
        )
      }
      states[item] = state
      // An axis nobody in the resample rated keeps the observed median's side.
      if (wantPeople !== NO_QUADRANT) {
        const impact = peopleSide(sampledImpact, groups)
        const effort = peopleSide(sampledEffort, groups)
        const code = (impact < 0 ? observed[0]! : impact) * 2 + (effort < 0 ? observed[1]! : effort)
        if (code === wantPeople) stays[item * 2]!++
      }
      if (wantGroups !== NO_QUADRANT) {
        const impact = groupsSide(sampledImpact, groups, scratch)
        const effort = groupsSide(sampledEffort, groups, scratch)
        const code = (impact < 0 ? observed[2]! : impact) * 2 + (effort < 0 ? observed[3]! : effort)
        if (code === wantGroups) stays[item * 2 + 1]!++
      }
    }
  }
  return stays
}

/**
 * How the bootstrap draws raters from the generator: one 32-bit output per rater (`single`, as
 * results revealed before 2026-12-01 were computed, kept so their exports still recompute), or
 * two raters per output by its 16-bit halves (`halves`, every reveal since: half the work).
 */
export type BootstrapDraws = 'single' | 'halves'

export interface StabilityRequest {
  /** The item's raters, one list per stakeholder group, each in a fixed (canonical) order. */
  readonly groups: readonly (readonly RaterPoint[])[]
  readonly seed: number
  readonly resamples: number
  /** `single` when not given. */
  readonly draws?: BootstrapDraws
}

/**
 * The share (0–1) of `resamples` bootstrap resamples in which the item's medians stay in the
 * quadrant of the observed medians, for each weighting; null where the observed medians have
 * no quadrant. Each resample draws, within each group, as many raters as the group has, with
 * replacement. An axis nobody in a resample rated keeps its observed median, so raters who all
 * agree give 1 (100%). Null when no group has two raters and they do not all agree: nothing
 * could vary. The same request and seed give the same figure on every machine.
 */
export function quadrantStability(
  request: StabilityRequest,
): Record<MatrixWeighting, number | null> {
  return quadrantStabilities([request])[0]!
}

type Stability = Record<MatrixWeighting, number | null>

/** `quadrantStability` of many items at once, the bootstraps in one pass (a reveal's items). */
export function quadrantStabilities(requests: readonly StabilityRequest[]): Stability[] {
  const out: Stability[] = []
  const jobs: BootstrapJob[] = []
  const pending: { at: number; resamples: number; people: boolean; groups: boolean }[] = []
  for (const request of requests) {
    const job = bootstrapJob(request)
    if ('people' in job) {
      out.push(job)
      continue
    }
    pending.push({
      at: out.length,
      resamples: request.resamples,
      people: job.wantPeople !== NO_QUADRANT,
      groups: job.wantGroups !== NO_QUADRANT,
    })
    out.push({ people: null, groups: null })
    jobs.push(job)
  }
  const stays = bootstrapStays(jobs)
  pending.forEach((p, i) => {
    out[p.at] = {
      people: p.people ? stays[i * 2]! / p.resamples : null,
      groups: p.groups ? stays[i * 2 + 1]! / p.resamples : null,
    }
  })
  return out
}

/** The figure itself where no resampling is needed, else the hot loop's job. */
function bootstrapJob(request: StabilityRequest): Stability | BootstrapJob {
  const observed = {
    people: medianPoint(request.groups, 'people'),
    groups: medianPoint(request.groups, 'groups'),
  }
  const target = {
    people: quadrantOfMedians(observed.people),
    groups: quadrantOfMedians(observed.groups),
  }
  // A resample varies raters only within their group: with no group holding two raters there is
  // nothing to vary, and a certain-looking 100% would claim more than lone ratings show, unless
  // they all agree (then every resample, of any raters, lands where they do).
  if (request.groups.every((raters) => raters.length < 2) && !allAgree(request.groups)) {
    return { people: null, groups: null }
  }
  if (request.resamples <= 0 || (target.people === null && target.groups === null)) {
    return { people: target.people === null ? null : 1, groups: target.groups === null ? null : 1 }
  }
  const values = (axis: MatrixAxis) =>
    request.groups.map((raters) => Int8Array.from(raters, (r) => r[axis] ?? 0))
  const side = (median: number | null) => (median !== null && isHigh(median) ? 1 : 0)
  const code = (point: MedianPoint) =>
    point.impact === null || point.effort === null
      ? NO_QUADRANT
      : quadrantCode(point.impact, point.effort)
  return {
    impacts: values('impact'),
    efforts: values('effort'),
    seed: request.seed,
    resamples: request.resamples,
    halves: request.draws === 'halves',
    wantPeople: code(observed.people),
    wantGroups: code(observed.groups),
    observed: Int8Array.of(
      side(observed.people.impact),
      side(observed.people.effort),
      side(observed.groups.impact),
      side(observed.groups.effort),
    ),
  }
}

/** Whether every rater gave the same ratings on both axes. */
function allAgree(groups: readonly (readonly RaterPoint[])[]): boolean {
  const all = groups.flat()
  const first = all[0]
  return all.every((r) => r.impact === first?.impact && r.effort === first.effort)
}

/** A 32-bit hash of a string (FNV-1a), to give each item its own seeded stream. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
