// The group placement: positions the facilitator drags (kept on the scale), the positions an
// adopted aggregate gives, and which items were moved by hand away from it since.
import {
  RATING_MAX,
  RATING_MIN,
  type MatrixPoint,
  type MatrixResults,
} from '../../schema/matrix.js'
import type { LogEvent } from '../../schema/log.js'
import { quadrantOf } from './quadrant.js'
import type { MatrixWeighting } from './stability.js'

const onScale = (v: number) => Math.min(RATING_MAX, Math.max(RATING_MIN, v))

/** A point kept on the 1–9 scale; null when either value is not a finite number. */
export function clampPoint(point: { impact: unknown; effort: unknown }): MatrixPoint | null {
  const { impact, effort } = point
  if (typeof impact !== 'number' || typeof effort !== 'number') return null
  if (!Number.isFinite(impact) || !Number.isFinite(effort)) return null
  return { impact: onScale(impact), effort: onScale(effort) }
}

/**
 * The positions a revealed aggregate gives, by item key: each item's medians under the
 * weighting. An item without a median on both axes gets no position.
 */
export function adoptedPositions(
  result: MatrixResults,
  weighting: MatrixWeighting,
): Record<string, MatrixPoint> {
  return Object.fromEntries(
    result.items.flatMap((item) => {
      const { impact, effort } = item[weighting]
      return impact && effort
        ? [[item.key, { impact: impact.median, effort: effort.median }] as const]
        : []
    }),
  )
}

/** How far (in rating units, on either axis) a position may drift and still count as adopted. */
export const MOVED_TOLERANCE = 0.05

/**
 * The items whose position now differs from the adopted one (moved by hand), or that were
 * placed by hand though the aggregate gave them no position, in the order of `positions`.
 */
export function movedByHand(
  positions: Readonly<Record<string, MatrixPoint>>,
  adopted: Readonly<Record<string, MatrixPoint>>,
): string[] {
  return Object.keys(positions).filter((key) => {
    const now = positions[key]!
    const then = Object.hasOwn(adopted, key) ? adopted[key] : undefined
    return (
      !then ||
      Math.abs(now.impact - then.impact) > MOVED_TOLERANCE ||
      Math.abs(now.effort - then.effort) > MOVED_TOLERANCE
    )
  })
}

/**
 * The log events for the facilitator's hand moves between two states of the placement: one
 * per item that changed quadrant, came onto the matrix or went off it. Moves within a quadrant
 * are not decisions and are not logged. `label` names an item (its key when unknown).
 */
export function handMoves(
  before: Readonly<Record<string, MatrixPoint>>,
  after: Readonly<Record<string, MatrixPoint>>,
  label: (key: string) => string,
  at: number,
): Extract<LogEvent, { type: 'matrix-placed' }>[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  const quadrant = (m: Readonly<Record<string, MatrixPoint>>, key: string) =>
    Object.hasOwn(m, key) ? quadrantOf(m[key]!) : null
  return [...keys].flatMap((item) => {
    const from = quadrant(before, item)
    const to = quadrant(after, item)
    return from === to
      ? []
      : [{ type: 'matrix-placed' as const, at, item, label: label(item), quadrant: to }]
  })
}
