// The sealed 2x2 ratings and criterion scores in the workshop record, in columns: the item keys
// and the criteria (or axes) once, then each sealed participant as a pseudonym, a group and one
// flat row of numbers, null where they gave none. A 200-participant workshop scoring 60 items on
// 8 criteria holds 96,000 scores; keyed by item and criterion they took 2.5 MB of the JSON and
// most of the time its schema took to read it (docs/performance.md). The rows are checked by a
// plain bounded loop rather than a schema per number, with a message that says what is wrong.
import { FRAMEWORK_LIMITS } from './framework.js'
import { MATRIX_AXES, MATRIX_MAX_ITEMS, RATING_MAX, RATING_MIN } from './matrix.js'
import { z } from './zod.js'

/** Sealed participants one round's sheets may list: far above any workshop's roster. */
export const RECORD_MAX_SHEETS = 10_000

/** One row: a number or null per column. */
export type NumberRow = (number | null)[]

/**
 * Whether `v` is a row of at most `maxLength` cells, each a whole number from `min` to `max` (or
 * null, when `nulls`). One loop over the row, no allocation: what makes a 96,000-score record
 * cheap to read.
 */
export function isWholeNumberRow(
  v: unknown,
  maxLength: number,
  min: number,
  max: number,
  nulls = true,
): boolean {
  if (!Array.isArray(v) || v.length > maxLength) return false
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i]
    if (x === null && nulls) continue
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) return false
  }
  return true
}

function wholeNumberRow(maxLength: number, min: number, max: number, error: string) {
  return z.custom<NumberRow>((v) => isWholeNumberRow(v, maxLength, min, max), { error })
}

/** Item positions in a list of `MATRIX_MAX_ITEMS` at most. */
const positions = z.custom<number[]>(
  (v) => isWholeNumberRow(v, MATRIX_MAX_ITEMS, 0, MATRIX_MAX_ITEMS - 1, false),
  { error: 'Skipped items must be a list of item positions' },
)

const pseudonym = z.string().check(z.maxLength(16))
const group = z.string().check(z.maxLength(40))
const itemKey = z.string().check(z.maxLength(80))
const itemKeys = z.array(itemKey).check(z.maxLength(MATRIX_MAX_ITEMS))

/**
 * The sealed criterion scores: `scores[i * criteria.length + c]` is the score of item `items[i]`
 * on criterion `criteria[c]`, null when not scored.
 */
export const recordScoreSheetsSchema = z
  .object({
    /** Item keys, in the result's order. */
    items: itemKeys,
    /** Criterion ids, in the result's order. */
    criteria: z
      .array(z.string().check(z.maxLength(40)))
      .check(z.maxLength(FRAMEWORK_LIMITS.criteria)),
    /** One per sealed participant, in pseudonym order (`S001`, …). */
    rows: z
      .array(
        z.object({
          scorer: pseudonym,
          group,
          scores: wholeNumberRow(
            MATRIX_MAX_ITEMS * FRAMEWORK_LIMITS.criteria,
            -FRAMEWORK_LIMITS.scaleSpan,
            FRAMEWORK_LIMITS.scaleSpan,
            `Scores must be a list of whole numbers from -${FRAMEWORK_LIMITS.scaleSpan} to ${FRAMEWORK_LIMITS.scaleSpan} or null`,
          ),
        }),
      )
      .check(z.maxLength(RECORD_MAX_SHEETS)),
  })
  .check(
    z.refine((s) => s.rows.every((r) => r.scores?.length === s.items.length * s.criteria.length), {
      error: 'Every score sheet has one score or null per item and criterion',
    }),
  )
export type RecordScoreSheets = z.infer<typeof recordScoreSheetsSchema>

/**
 * The sealed 2x2 ratings: `ratings[i * 2 + a]` is the rating of item `items[i]` on axis
 * `axes[a]` (impact, then effort), null when not rated; `skipped` lists the indices of the items
 * the rater skipped ("don't know"), whose ratings are null. An item neither rated nor skipped
 * has no entry.
 */
export const recordRatingSheetsSchema = z
  .object({
    /** Item keys, in the result's order. */
    items: itemKeys,
    /** The columns of each item: always impact, then effort. */
    axes: z.tuple([z.literal(MATRIX_AXES[0]), z.literal(MATRIX_AXES[1])]),
    /** One per sealed participant, in pseudonym order (`R001`, …). */
    rows: z
      .array(
        z.object({
          rater: pseudonym,
          group,
          ratings: wholeNumberRow(
            MATRIX_MAX_ITEMS * MATRIX_AXES.length,
            RATING_MIN,
            RATING_MAX,
            `Ratings must be a list of whole numbers from ${RATING_MIN} to ${RATING_MAX} or null`,
          ),
          skipped: positions,
        }),
      )
      .check(z.maxLength(RECORD_MAX_SHEETS)),
  })
  .check(
    z.refine(
      (s) => s.rows.every((r) => r.ratings?.length === s.items.length * MATRIX_AXES.length),
      {
        error: 'Every rating sheet has two ratings or nulls per item',
      },
    ),
    z.refine(
      (s) =>
        s.rows.every((r) =>
          (r.skipped ?? []).every(
            (i, at) =>
              i < s.items.length &&
              (at === 0 || i > r.skipped[at - 1]!) &&
              r.ratings?.[i * 2] === null &&
              r.ratings[i * 2 + 1] === null,
          ),
        ),
      { error: 'Skipped items are listed once each, in order, and carry no rating' },
    ),
  )
export type RecordRatingSheets = z.infer<typeof recordRatingSheetsSchema>
