// Scores the facilitator enters for the room (consensus scores), item by criterion, when the
// items are scored together rather than in a sealed round on phones; and how many places count
// as "the top" for the ranking's sensitivity.
import { MATRIX_MAX_ITEMS } from './matrix.js'
import { FRAMEWORK_LIMITS } from './framework.js'
import { z } from './zod.js'

/** Places that count as the top, at most. */
export const MAX_TOP_N = 10

/** The consensus scores: the items scored (with the labels they had), the scores, the top N. */
export const consensusScoresSchema = z.object({
  items: z
    .array(
      z.object({
        key: z.string().check(z.minLength(1), z.maxLength(80)),
        label: z.string().check(z.maxLength(500)),
      }),
    )
    .check(z.maxLength(MATRIX_MAX_ITEMS)),
  /** Item key → criterion id → score on the criterion's scale. */
  scores: z.record(
    z.string().check(z.maxLength(80)),
    z.record(
      z.string().check(z.maxLength(40)),
      z.number().check(z.gte(-FRAMEWORK_LIMITS.scaleSpan), z.lte(FRAMEWORK_LIMITS.scaleSpan)),
    ),
  ),
  topN: z.number().check(z.int(), z.gte(1), z.lte(MAX_TOP_N)),
})
export type ConsensusScores = z.infer<typeof consensusScoresSchema>
