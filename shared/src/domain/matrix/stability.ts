// Quadrant stability: how often an item's median stays in its quadrant when the raters are
// resampled with replacement (a seeded bootstrap, stratified by stakeholder group so that every
// resample keeps each group's size and a group that alone rates an axis is never left out).
import {
  MATRIX_AXES,
  RATING_MAX,
  RATING_MIN,
  type MatrixAxis,
  type Quadrant,
} from '../../schema/matrix.js'
import {
  countQuantile,
  emptyHistogram,
  groupEqualHistogram,
  weightedQuantile,
  type Histogram,
} from './histogram.js'
import { quadrantOf } from './quadrant.js'

// Module-local copies: imported bindings cost a getter call each in the hot loops when the
// server runs through a CommonJS transform (tsx).
const MIN = RATING_MIN
const MAX = RATING_MAX

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

/**
 * The median of ten-slot histograms laid end to end, one per group (slot 0, "no rating", is
 * ignored), computed in `scratch`: what `axisMedian` gives for the same groups.
 */
function flatMedian(
  flat: Float64Array,
  groups: number,
  weighting: MatrixWeighting,
  scratch: Histogram,
): number | null {
  const slots = MAX + 1
  scratch.fill(0)
  for (let g = 0; g < groups; g++) {
    const base = g * slots
    let n = 1
    if (weighting === 'groups') {
      n = 0
      for (let v = MIN; v <= MAX; v++) n += flat[base + v]!
      if (n === 0) continue
    }
    for (let v = MIN; v <= MAX; v++) scratch[v]! += flat[base + v]! / n
  }
  return weighting === 'groups' ? weightedQuantile(scratch, 0.5) : countQuantile(scratch, 0.5)
}

export interface StabilityRequest {
  /** The item's raters, one list per stakeholder group, each in a fixed (canonical) order. */
  readonly groups: readonly (readonly RaterPoint[])[]
  readonly seed: number
  readonly resamples: number
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
  // The hot loop of a reveal (1,000 resamples of every item): ratings in typed arrays (0 for
  // none), one flat histogram per axis with ten slots per group, no allocation per resample.
  // createRandom's generator (Mulberry32), stepped here with its state in a local: the same
  // draws, without a closure call per draw in the hottest loop of a reveal.
  let state = request.seed >>> 0
  const sizes = request.groups.map((raters) => raters.length)
  const values = (axis: MatrixAxis) =>
    request.groups.map((raters) => Int8Array.from(raters, (r) => r[axis] ?? 0))
  const impacts = values('impact')
  const efforts = values('effort')
  const slots = MAX + 1
  const sampledImpact = new Float64Array(sizes.length * slots)
  const sampledEffort = new Float64Array(sizes.length * slots)
  const scratch = emptyHistogram()
  const stays = { people: 0, groups: 0 }
  for (let b = 0; b < request.resamples; b++) {
    sampledImpact.fill(0)
    sampledEffort.fill(0)
    for (let g = 0; g < sizes.length; g++) {
      const n = sizes[g]!
      const impact = impacts[g]!
      const effort = efforts[g]!
      const base = g * slots
      for (let k = 0; k < n; k++) {
        state = (state + 0x6d2b79f5) >>> 0
        let t = Math.imul(state ^ (state >>> 15), state | 1)
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
        const j = Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)
        sampledImpact[base + impact[j]!]!++
        sampledEffort[base + effort[j]!]!++
      }
    }
    for (const weighting of ['people', 'groups'] as const) {
      const want = target[weighting]
      if (want === null) continue
      const point = {
        impact:
          flatMedian(sampledImpact, sizes.length, weighting, scratch) ??
          observed[weighting].impact!,
        effort:
          flatMedian(sampledEffort, sizes.length, weighting, scratch) ??
          observed[weighting].effort!,
      }
      if (quadrantOf(point) === want) stays[weighting]++
    }
  }
  return {
    people: target.people === null ? null : stays.people / request.resamples,
    groups: target.groups === null ? null : stays.groups / request.resamples,
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
