// One participant's ratings as they count: the clamp of whatever their private document holds
// (whole ratings 1–9 on items of the round, only on the axes their group rates, or a skip), and
// the progress it makes ("7 of 10 rated").
import type { CandidateItem } from '../../schema/items.js'
import {
  MATRIX_AXES,
  RATING_MAX,
  RATING_MIN,
  type MatrixAxis,
  type MatrixRatingSettings,
  type MatrixRatings,
  type RatingEntry,
} from '../../schema/matrix.js'
import type { RoundProgress } from '../../schema/rounds.js'

/** Whether a member of `group` rates `axis` under these settings. */
export function ratesAxis(
  axes: MatrixRatingSettings['axes'],
  group: string,
  axis: MatrixAxis,
): boolean {
  const allowed = axes[axis]
  return allowed === null || allowed.includes(group)
}

/** The axes a member of `group` rates, in order. */
export function axesFor(axes: MatrixRatingSettings['axes'], group: string): MatrixAxis[] {
  return MATRIX_AXES.filter((axis) => ratesAxis(axes, group, axis))
}

const isRating = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= RATING_MIN && v <= RATING_MAX

/**
 * What a raw entry counts as: a skip (whatever else it says), else the whole ratings 1–9 on the
 * axes given; fractions, text, out-of-range numbers and axes not rated are dropped, not
 * rounded. Null when nothing counts.
 */
export function clampEntry(raw: unknown, axes: readonly MatrixAxis[]): RatingEntry | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const entry = raw as Record<string, unknown>
  if (Object.hasOwn(entry, 'skip') && entry.skip === true) return { skip: true }
  const out: { impact?: number; effort?: number } = {}
  for (const axis of axes) {
    const v = Object.hasOwn(entry, axis) ? entry[axis] : undefined
    if (isRating(v)) out[axis] = v
  }
  return Object.keys(out).length > 0 ? out : null
}

/**
 * Clamps one participant's ratings: entries only for the round's items (unknown keys dropped),
 * each clamped by `clampEntry` on the axes their group rates. Never throws; idempotent.
 */
export function clampRatings(
  raw: unknown,
  items: readonly CandidateItem[],
  axes: readonly MatrixAxis[],
): MatrixRatings {
  if (typeof raw !== 'object' || raw === null || axes.length === 0) return {}
  const source = raw as Record<string, unknown>
  const out: [string, RatingEntry][] = []
  for (const { key } of items) {
    if (!Object.hasOwn(source, key)) continue
    const entry = clampEntry(source[key], axes)
    if (entry) out.push([key, entry])
  }
  // fromEntries defines own properties: a key such as `__proto__` stays data.
  return Object.fromEntries(out)
}

/**
 * Progress: an item is done when skipped or rated on every axis the participant rates; out of
 * the round's items, or 0 when their group rates no axis.
 */
export function ratingProgress(
  ratings: MatrixRatings,
  items: readonly CandidateItem[],
  axes: readonly MatrixAxis[],
): RoundProgress {
  if (axes.length === 0) return { done: 0, of: 0 }
  let done = 0
  for (const { key } of items) {
    const entry = Object.hasOwn(ratings, key) ? ratings[key] : undefined
    if (!entry) continue
    if (entry.skip === true || axes.every((axis) => entry[axis] !== undefined)) done++
  }
  return { done, of: items.length }
}
