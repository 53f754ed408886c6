// Where a point lies on the 2x2: the quadrant of an impact and an effort on the 1–9 scale, and
// the words the matrix uses before the facilitator renames them.
import {
  RATING_MIDPOINT,
  type MatrixAxis,
  type MatrixPoint,
  type Quadrant,
} from '../../schema/matrix.js'

/** The quadrants' names until the facilitator renames them. */
export const DEFAULT_QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  'quick-wins': 'Quick wins',
  'major-projects': 'Major projects',
  'fill-ins': 'Fill-ins',
  'thankless-tasks': 'Thankless tasks',
}

/** The axes' names until the facilitator renames them. */
export const DEFAULT_AXIS_NAMES: Readonly<Record<MatrixAxis, string>> = {
  impact: 'Impact',
  effort: 'Effort',
}

/** Whether a value is on the high side of an axis: the midpoint (5) itself counts as high. */
export function isHigh(value: number): boolean {
  return value >= RATING_MIDPOINT
}

/**
 * The quadrant of a point: high impact and low effort is a quick win, high and high a major
 * project, low and low a fill-in, low impact and high effort a thankless task. A value on the
 * midline (exactly 5) counts as high on its axis, the same rule for both axes, so every point
 * has exactly one quadrant and a median of 5 does not flicker between two.
 */
export function quadrantOf(point: MatrixPoint): Quadrant {
  const impact = isHigh(point.impact)
  const effort = isHigh(point.effort)
  if (impact) return effort ? 'major-projects' : 'quick-wins'
  return effort ? 'thankless-tasks' : 'fill-ins'
}
