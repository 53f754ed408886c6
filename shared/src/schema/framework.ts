// The value framework's records: criteria (benefit or cost, with the scale items are scored on),
// weights as 100 points over the criteria, and the framework the facilitator sets up.
import { cleanTextCheck } from './text.js'
import { z } from './zod.js'

/** Bounds of a framework, so no document or request grows without limit. */
export const FRAMEWORK_LIMITS = {
  criteria: 12,
  criterionName: 60,
  criterionDescription: 300,
  /** The widest score scale (min to max). */
  scaleSpan: 1000,
} as const

/** A criterion's id: short, lowercase, stable while its name is edited. */
export const criterionIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(40), z.regex(/^[a-z][a-z0-9-]*$/))

/** Whether a higher score is better (benefit) or worse (cost: risk, effort, price). */
export const criterionDirectionSchema = z.enum(['benefit', 'cost'])
export type CriterionDirection = z.infer<typeof criterionDirectionSchema>

const line = (max: number) =>
  z.string().check(cleanTextCheck(), z.trim(), z.minLength(1), z.maxLength(max))

/** The scale items are scored on for one criterion, both ends included. */
export const criterionScaleSchema = z
  .object({
    min: z.number().check(z.int(), z.gte(-FRAMEWORK_LIMITS.scaleSpan)),
    max: z.number().check(z.int(), z.lte(FRAMEWORK_LIMITS.scaleSpan)),
  })
  .check(z.refine((s) => s.max > s.min, 'The top of a scale must be above its bottom'))
export type CriterionScale = z.infer<typeof criterionScaleSchema>

export const criterionSchema = z.object({
  id: criterionIdSchema,
  name: line(FRAMEWORK_LIMITS.criterionName),
  description: z.optional(
    z.string().check(cleanTextCheck(), z.maxLength(FRAMEWORK_LIMITS.criterionDescription)),
  ),
  direction: criterionDirectionSchema,
  scale: criterionScaleSchema,
})
/** One criterion of a weighted framework. */
export type Criterion = z.infer<typeof criterionSchema>

/** Weights by criterion id: points (a proposal shares 100), or any non-negative numbers. */
export const weightsSchema = z.record(
  criterionIdSchema,
  z.number().check(z.gte(0), z.lte(1_000_000)),
)
export type Weights = z.infer<typeof weightsSchema>

/** A weighted framework: its criteria (ids unique) and the weights it starts from. */
export const frameworkSchema = z
  .object({
    /** The preset it came from, if any (`clinical-value`, …). */
    preset: z.optional(z.string().check(z.maxLength(40))),
    criteria: z
      .array(criterionSchema)
      .check(z.minLength(1), z.maxLength(FRAMEWORK_LIMITS.criteria)),
    /** Starting weights (points over the criteria), as the preset states them. */
    startingWeights: weightsSchema,
  })
  .check(
    z.refine(
      (f) => new Set(f.criteria.map((c) => c.id)).size === f.criteria.length,
      'Criterion ids must be unique',
    ),
  )
export type Framework = z.infer<typeof frameworkSchema>

/** How the overall weights count people: every stakeholder group equal, or every person. */
export const aggregationBasisSchema = z.enum(['groups', 'people'])

/** The weights the facilitator adopted, as the server records them in the control document. */
export const adoptedWeightsSchema = z.object({
  /** Whole points over the framework's criteria, summing to 100. */
  weights: weightsSchema,
  /** Which aggregate they started from. */
  basis: aggregationBasisSchema,
  /** Server time of the adoption. */
  at: z.number().check(z.nonnegative()),
  /** Proposals revealed when they were adopted (0 when adopted without a round). */
  proposals: z.number().check(z.int(), z.nonnegative()),
  /** The proposals' consensus (0–1), or null. */
  consensus: z.nullable(z.number().check(z.gte(0), z.lte(1))),
})
export type AdoptedWeights = z.infer<typeof adoptedWeightsSchema>
