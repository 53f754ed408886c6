// The phone's 100-point allocation: each criterion holds whole points, and what is not shared
// yet is the remainder, so the criteria and the remainder always make exactly 100. A step takes
// from the remainder or gives back to it, and never past 0 or past what is left.
import type { Weights } from '../../schema/framework.js'
import { PROPOSAL_POINTS } from './proposals.js'

/** An allocation as the phone shows it: points per criterion (in order) and the remainder. */
export interface PointAllocation {
  readonly points: readonly number[]
  /** Points not shared yet: 100 minus the criteria's points, never negative. */
  readonly remainder: number
}

/**
 * The allocation a private document's raw entries stand for, for the criteria `ids`: whole
 * points from 0 to 100 (fractions rounded down; anything else 0), and, should the entries claim
 * more than 100 in all, criteria after the 100th point are cut back to what is left (in order).
 * So the criteria and the remainder always make 100, whatever the document holds.
 */
export function readAllocation(raw: unknown, ids: readonly string[]): PointAllocation {
  const rec = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
  let left = PROPOSAL_POINTS
  const points = ids.map((id) => {
    const v = Object.hasOwn(rec, id) ? rec[id] : undefined
    const whole = typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0
    const kept = Math.min(whole, left)
    left -= kept
    return kept
  })
  return { points, remainder: left }
}

/**
 * One step on criterion `index`: `delta` points added (taken from the remainder) or removed
 * (given back to it), bounded so that the criterion stays at 0 or more and the remainder too.
 * An index outside the criteria changes nothing.
 */
export function stepAllocation(a: PointAllocation, index: number, delta: number): PointAllocation {
  if (!Number.isInteger(index) || index < 0 || index >= a.points.length) return a
  const step = Number.isFinite(delta) ? Math.trunc(delta) : 0
  const current = a.points[index]!
  const moved = step >= 0 ? Math.min(step, a.remainder) : Math.max(step, -current)
  if (moved === 0) return a
  const points = a.points.map((p, i) => (i === index ? p + moved : p))
  return { points, remainder: a.remainder - moved }
}

/** How far a step of `delta` can go now: 0 when the button would do nothing. */
export function stepRoom(a: PointAllocation, index: number, delta: number): number {
  const next = stepAllocation(a, index, delta)
  return Math.abs((next.points[index] ?? 0) - (a.points[index] ?? 0))
}

/** The allocation from weights already summing to 100 or less (starting weights, say). */
export function allocationFrom(weights: Weights, ids: readonly string[]): PointAllocation {
  return readAllocation(weights, ids)
}

/** The entries to write into the private document: criterion id → points. */
export function allocationEntries(
  a: PointAllocation,
  ids: readonly string[],
): Record<string, number> {
  return Object.fromEntries(ids.map((id, i) => [id, a.points[i] ?? 0]))
}
