// The impact-vs-effort 2x2: the rating scale and its quadrants, what a participant writes for one
// item in the ratings round, the facilitator's settings for that round, and the revealed result.
import { candidateItemSchema } from './items.js'
import { voteOnSchema } from './voting.js'
import { z } from './zod.js'

/** Ratings run 1–9 on each axis, as clinical consensus panels rate (RAND/UCLA). */
export const RATING_MIN = 1
export const RATING_MAX = 9
/** The middle of the scale: a median of exactly 5 counts as high (see `quadrantOf`). */
export const RATING_MIDPOINT = 5

/** Impact runs up the matrix, effort to the right. */
export const MATRIX_AXES = ['impact', 'effort'] as const
export const matrixAxisSchema = z.enum(MATRIX_AXES)
export type MatrixAxis = z.infer<typeof matrixAxisSchema>

/** The four quadrants: high impact and low effort are quick wins, and so on. */
export const QUADRANTS = ['quick-wins', 'major-projects', 'fill-ins', 'thankless-tasks'] as const
export const quadrantSchema = z.enum(QUADRANTS)
export type Quadrant = z.infer<typeof quadrantSchema>

/** A place on the matrix, in rating units (1–9 on each axis, fractions allowed). */
export const matrixPointSchema = z.object({
  impact: z.number().check(z.gte(RATING_MIN), z.lte(RATING_MAX)),
  effort: z.number().check(z.gte(RATING_MIN), z.lte(RATING_MAX)),
})
export type MatrixPoint = z.infer<typeof matrixPointSchema>

const rating = z.number().check(z.int(), z.gte(RATING_MIN), z.lte(RATING_MAX))

/**
 * One participant's entry for one item: a rating on either axis, or "skip / don't know".
 * A skip carries no rating; an entry with neither is no entry.
 */
export const ratingEntrySchema = z.object({
  impact: z.optional(rating),
  effort: z.optional(rating),
  skip: z.optional(z.literal(true)),
})
export type RatingEntry = z.infer<typeof ratingEntrySchema>

/** One participant's ratings: item key → entry. */
export const matrixRatingsSchema = z.record(z.string(), ratingEntrySchema)
export type MatrixRatings = z.infer<typeof matrixRatingsSchema>

/** Which items go onto the matrix. */
export const MATRIX_SELECTIONS = ['all', 'top', 'picked'] as const

/** At most this many items are hand-picked, or taken from the top of the vote. */
export const MATRIX_MAX_ITEMS = 60

/** The groups that rate an axis: null for every group, else their ids. */
const axisRaters = z.nullable(
  z.array(z.string().check(z.regex(/^g[0-9]{1,3}$/))).check(z.maxLength(12)),
)

export const matrixRatingSettingsSchema = z.object({
  /** All candidate items, the top N by the dot vote, or those the facilitator picked. */
  select: z.enum(MATRIX_SELECTIONS),
  /** N for `top`; ties at N all go on. */
  top: z
    .number({ error: 'The number of items must be a number' })
    .check(
      z.int('The number of items must be a whole number'),
      z.gte(1, 'Take at least 1 item'),
      z.lte(MATRIX_MAX_ITEMS, `Take at most ${MATRIX_MAX_ITEMS} items`),
    ),
  /** Item keys for `picked`, in the facilitator's order. */
  picked: z.array(z.string().check(z.maxLength(80))).check(z.maxLength(MATRIX_MAX_ITEMS)),
  /** For `all` and `picked`: clusters, ideas or both, as voting offers them. */
  on: voteOnSchema,
  /** Which groups rate each axis (the facilitator may let only engineers rate effort). */
  axes: z.object({ impact: axisRaters, effort: axisRaters }),
})
export type MatrixRatingSettings = z.infer<typeof matrixRatingSettingsSchema>

const count = z.number().check(z.int(), z.nonnegative())

/** The most bootstrap resamples a result may name (the round uses 1,000). */
export const MATRIX_MAX_RESAMPLES = 10_000
const value = z.number().check(z.gte(RATING_MIN), z.lte(RATING_MAX))

/** The spread of one axis's ratings of one item: median and interquartile whiskers. */
export const axisSummarySchema = z.object({
  /** Ratings on this axis. */
  n: count,
  median: value,
  q1: value,
  q3: value,
})
export type AxisSummary = z.infer<typeof axisSummarySchema>

/** A position on the matrix with its spread and how stable its quadrant is. */
export const placementSchema = z.object({
  impact: z.nullable(axisSummarySchema),
  effort: z.nullable(axisSummarySchema),
  /** The quadrant of the medians; null unless both axes have ratings. */
  quadrant: z.nullable(quadrantSchema),
  /** Share (0–1) of bootstrap resamples of the raters whose medians stay in `quadrant`. */
  stability: z.nullable(z.number().check(z.gte(0), z.lte(1))),
})
export type Placement = z.infer<typeof placementSchema>

/** Why an item is split: the RAND/UCLA rule on an axis, or groups in different quadrants. */
export const splitSchema = z.object({
  /** Axes where at least a third of the ratings are 1–3 and at least a third 7–9. */
  axes: z.array(z.object({ axis: matrixAxisSchema, n: count, low: count, high: count })),
  /** Groups whose medians fall in different quadrants (each group's id and quadrant). */
  groups: z.array(z.object({ group: z.string(), quadrant: quadrantSchema })),
})
export type Split = z.infer<typeof splitSchema>

export const matrixItemResultSchema = z.object({
  ...candidateItemSchema.shape,
  /** Participants with an entry for the item, ratings or skip. */
  n: count,
  /** Of them, those who skipped ("don't know"). */
  skipped: count,
  /** Every person counts equally. */
  people: placementSchema,
  /** Every group counts equally (each group's ratings weigh 1 in all). */
  groups: placementSchema,
  /** Each group's own medians, by group id (only groups that rated the item). */
  byGroup: z.record(
    z.string(),
    z.object({
      n: count,
      impact: z.nullable(axisSummarySchema),
      effort: z.nullable(axisSummarySchema),
      quadrant: z.nullable(quadrantSchema),
    }),
  ),
  /** Null when opinion is not split. */
  split: z.nullable(splitSchema),
})
export type MatrixItemResult = z.infer<typeof matrixItemResultSchema>

export const matrixResultsSchema = z.object({
  revealedAt: z.number(),
  settings: matrixRatingSettingsSchema,
  groups: z.array(z.object({ id: z.string(), name: z.string(), raters: count })),
  items: z.array(matrixItemResultSchema),
  /** Participants with at least one counted entry. */
  raters: count,
  /**
   * The bootstrap behind `stability`, so anyone can reproduce it: `draws` 'halves' when each
   * generator output picks two raters (every reveal since 2026-12-01), absent when it picked one
   * (results revealed before). Resamples are bounded so a hostile record cannot stall a
   * recompute.
   */
  bootstrap: z.object({
    seed: count,
    resamples: z.number().check(z.int(), z.nonnegative(), z.lte(MATRIX_MAX_RESAMPLES)),
    draws: z.optional(z.literal('halves')),
  }),
})
export type MatrixResults = z.infer<typeof matrixResultsSchema>

/** The longest axis name or quadrant label the facilitator may give. */
export const MATRIX_LABEL_MAX = 40

/** Axis names and quadrant labels as the facilitator set them (either may be left unset). */
export interface MatrixLabels {
  readonly axes: Readonly<Record<MatrixAxis, string>>
  readonly quadrants: Readonly<Record<Quadrant, string>>
}

/** The aggregate the facilitator adopted as the group placement, and how it was weighed. */
export const matrixAdoptionSchema = z.object({
  at: z.number(),
  weighting: z.enum(['people', 'groups']),
  /** The positions adopted, by item key (items without both medians are not placed). */
  positions: z.record(z.string(), matrixPointSchema),
})
export type MatrixAdoption = z.infer<typeof matrixAdoptionSchema>
