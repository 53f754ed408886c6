// The hot loop of a reveal's quadrant stability (stability.ts builds its jobs and reads its
// counts): seeded resamples of every item's raters, stratified by group, and on which side of
// the midline each resample's medians fall. Numbers and typed arrays only, kept apart from the
// rest so that V8 optimises it early and keeps that code (see bootstrapStays).
import { RATING_MAX, RATING_MIDPOINT, RATING_MIN } from '../../schema/matrix.js'
import { EPSILON as WEIGHT_EPSILON, emptyHistogram, type Histogram } from './histogram.js'
import { isHigh } from './quadrant.js'

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
export const quadrantCode = (impact: number, effort: number) =>
  (isHigh(impact) ? 2 : 0) + (isHigh(effort) ? 1 : 0)

export const NO_QUADRANT = -1

/** One item's bootstrap as the hot loop takes it: numbers and typed arrays only. */
export interface BootstrapJob {
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
export function bootstrapStays(jobs: readonly BootstrapJob[]): Int32Array {
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
