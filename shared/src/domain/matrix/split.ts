// Split opinion on an item, by two rules, and the plain words that say which and why:
// (a) the RAND/UCLA disagreement rule on an axis — at least a third of the ratings in 1–3 and at
// least a third in 7–9; (b) two stakeholder groups' medians in different quadrants.
import type { MatrixAxis, Quadrant, Split } from '../../schema/matrix.js'
import { DEFAULT_AXIS_NAMES, DEFAULT_QUADRANT_LABELS } from './quadrant.js'

/** The low third of the scale (1–3) and the high third (7–9), as RAND/UCLA panels read it. */
export const LOW_BAND_MAX = 3
export const HIGH_BAND_MIN = 7

/**
 * The RAND/UCLA rule on one axis's ratings: split when at least a third lie in 1–3 and at least
 * a third in 7–9 (counted exactly: 3 × low ≥ n). Null when not split (nor with no ratings).
 */
export function axisSplit(
  axis: MatrixAxis,
  ratings: readonly number[],
): Split['axes'][number] | null {
  const n = ratings.length
  const low = ratings.filter((v) => v <= LOW_BAND_MAX).length
  const high = ratings.filter((v) => v >= HIGH_BAND_MIN).length
  return n > 0 && 3 * low >= n && 3 * high >= n ? { axis, n, low, high } : null
}

/**
 * The groups whose medians fall in different quadrants: every group with a quadrant, in the
 * order given, when at least two quadrants occur; else none.
 */
export function groupSplit(
  groups: readonly { readonly group: string; readonly quadrant: Quadrant | null }[],
): Split['groups'] {
  const placed = groups.flatMap(({ group, quadrant }) => (quadrant ? [{ group, quadrant }] : []))
  return new Set(placed.map((g) => g.quadrant)).size >= 2 ? placed : []
}

/** Both rules together: null when neither finds the item split. */
export function splitOf(
  ratings: Readonly<Record<MatrixAxis, readonly number[]>>,
  groups: readonly { readonly group: string; readonly quadrant: Quadrant | null }[],
): Split | null {
  const axes = (['impact', 'effort'] as const).flatMap((axis) => {
    const s = axisSplit(axis, ratings[axis])
    return s ? [s] : []
  })
  const apart = groupSplit(groups)
  return axes.length === 0 && apart.length === 0 ? null : { axes, groups: apart }
}

/** The names a split is described with: the facilitator's, or the defaults. */
export interface SplitWords {
  readonly groupName: (id: string) => string
  readonly axisNames?: Readonly<Record<MatrixAxis, string>>
  readonly quadrantLabels?: Readonly<Record<Quadrant, string>>
}

/**
 * Why an item is split, in plain words, e.g. "Split on impact: 2 of 5 ratings are 1–3 and 2
 * are 7–9. The groups disagree: Surgeons place it in Quick wins, Managers in Thankless tasks."
 */
export function describeSplit(split: Split, words: SplitWords): string {
  const axisNames = words.axisNames ?? DEFAULT_AXIS_NAMES
  const labels = words.quadrantLabels ?? DEFAULT_QUADRANT_LABELS
  const sentences = split.axes.map(
    (a) =>
      `Split on ${axisNames[a.axis].toLowerCase()}: ${a.low} of ${a.n} ratings are 1–3 and ${a.high} are 7–9.`,
  )
  if (split.groups.length > 0) {
    const places = split.groups.map(
      (g, i) => `${words.groupName(g.group)}${i === 0 ? ' place it' : ''} in ${labels[g.quadrant]}`,
    )
    sentences.push(`The groups disagree: ${places.join(', ')}.`)
  }
  return sentences.join(' ')
}
