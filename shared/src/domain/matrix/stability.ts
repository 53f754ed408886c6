// Quadrant stability: how often an item's median stays in its quadrant when the raters are
// resampled with replacement (a seeded bootstrap, stratified by stakeholder group so that every
// resample keeps each group's size and a group that alone rates an axis is never left out).
import { MATRIX_AXES, type MatrixAxis, type Quadrant } from '../../schema/matrix.js'
import {
  countQuantile,
  emptyHistogram,
  groupEqualHistogram,
  weightedQuantile,
  type Histogram,
} from './histogram.js'
import { bootstrapStays, NO_QUADRANT, quadrantCode, type BootstrapJob } from './bootstrap-kernel.js'
import { isHigh, quadrantOf } from './quadrant.js'

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
