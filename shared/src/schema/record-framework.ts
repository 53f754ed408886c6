// The value framework in the workshop record: the criteria, the weights round as revealed (the
// proposals without names), the adopted weights, the scores (the facilitator's consensus scores
// and the scores round as revealed) and the sensitivity's seed and sample count, so that the
// ranking, each group's ranking and the sensitivity can be recomputed from the export alone.
//
// The revealed results' shapes are the record's own (schema/ imports no domain): the rounds'
// result schemas (domain/rounds/weight-proposals.ts, criterion-scores.ts) write the same
// shapes, and a test parses what they produce with these.
import { consensusScoresSchema } from './consensus-scores.js'
import { adoptedWeightsSchema, frameworkSchema, weightsSchema } from './framework.js'
import { moscowPlanSchema } from './moscow.js'
import { frameworkMethodSchema, riceEstimatesSchema } from './rice.js'
import { recordScoreSheetsSchema } from './record-sheets.js'
import { roundStatusSchema } from './rounds.js'
import { z } from './zod.js'

const named = z.object({ id: z.string(), name: z.string() })
const summary = z.nullable(
  z.object({
    n: z.number(),
    min: z.number(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    max: z.number(),
    iqr: z.number(),
    mean: z.number(),
  }),
)
const table = z.record(z.string(), z.record(z.string(), z.number()))

/** The weights round as revealed: means per group and overall, spread, consensus, proposals. */
export const recordWeightsResultSchema = z.object({
  revealedAt: z.number(),
  criteria: z.array(named),
  n: z.number(),
  groups: z.array(z.object({ group: z.string(), n: z.number(), mean: weightsSchema })),
  groupEqual: weightsSchema,
  personEqual: weightsSchema,
  spread: z.record(z.string(), summary),
  consensus: z.nullable(z.number()),
  proposals: z.array(z.object({ group: z.string(), weights: weightsSchema })),
})

/** The scores round as revealed: means per item and criterion, overall and per group. */
export const recordScoresResultSchema = z.object({
  revealedAt: z.number(),
  criteria: z.array(named),
  items: z.array(z.object({ key: z.string(), label: z.string() })),
  people: table,
  groupEqual: table,
  groups: z.array(z.object({ group: z.string(), raters: z.number(), scores: table })),
  cells: z.record(
    z.string(),
    z.record(z.string(), z.object({ n: z.number(), iqr: z.nullable(z.number()) })),
  ),
  raters: z.number(),
})

export const recordFrameworkSchema = z.object({
  /** The criteria and starting weights; null when none were set up. */
  framework: z.nullable(frameworkSchema),
  weights: z.object({
    status: roundStatusSchema,
    /** The aggregate and the counted proposals, without names; null before a reveal. */
    result: z.nullable(recordWeightsResultSchema),
  }),
  adopted: z.nullable(adoptedWeightsSchema),
  /** The facilitator's consensus scores and top N; null when none were entered. */
  consensusScores: z.nullable(consensusScoresSchema),
  scores: z.object({
    status: roundStatusSchema,
    result: z.nullable(recordScoresResultSchema),
    /**
     * Every sealed participant's counted scores under a pseudonym (`S001`, …), in columns, from
     * which the scores round's aggregate recomputes `result`; null before a reveal or when they
     * do not hold its counts; absent in a record from before it existed.
     */
    sheets: z.optional(z.nullable(recordScoreSheetsSchema)),
  }),
  /** The sensitivity's inputs besides the above: the seed and how many weight samples. */
  sensitivity: z.object({
    seed: z.number().check(z.int()),
    samples: z.number().check(z.int(), z.gte(1)),
  }),
  /** How the items were ranked (absent in older records: weighted). */
  method: z.optional(frameworkMethodSchema),
  /** The RICE estimates, ranked by `riceRankingOf`; absent or null when none were entered. */
  rice: z.optional(z.nullable(riceEstimatesSchema)),
  /**
   * The MoSCoW step, summed by `moscowPlanItems` (with the 2x2's `positions` when its effort
   * comes from there) and `moscowSummary`; absent or null when it was not used.
   */
  moscow: z.optional(z.nullable(moscowPlanSchema)),
})
export type RecordFramework = z.infer<typeof recordFrameworkSchema>
