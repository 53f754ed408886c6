// RICE with a clinical-impact multiplier as the facilitator enters it for the room: the scales
// (Impact, Confidence, the clinical multiplier), the bounds of reach and effort, and the estimates
// kept in the control document's framework root (key `rice`), item by item.
import { MATRIX_MAX_ITEMS } from './matrix.js'
import { z } from './zod.js'

/** Impact per person reached: massive 3, high 2, medium 1, low 0.5, minimal 0.25. */
export const RICE_IMPACT = [
  { value: 3, label: 'Massive' },
  { value: 2, label: 'High' },
  { value: 1, label: 'Medium' },
  { value: 0.5, label: 'Low' },
  { value: 0.25, label: 'Minimal' },
] as const

/** How sure the estimates are: high 100 %, medium 80 %, low 50 %. */
export const RICE_CONFIDENCE = [
  { value: 1, label: 'High (100 %)' },
  { value: 0.8, label: 'Medium (80 %)' },
  { value: 0.5, label: 'Low (50 %)' },
] as const

/**
 * The clinical-impact multiplier: how much the item changes patient safety or outcome, on top of
 * its reach and impact (none 1, moderate 1.5, major 2, critical 3).
 */
export const RICE_CLINICAL_MULTIPLIER = [
  { value: 1, label: 'None' },
  { value: 1.5, label: 'Moderate' },
  { value: 2, label: 'Major' },
  { value: 3, label: 'Critical' },
] as const

/** Bounds of the numbers typed in: reach (people or events per period) and effort (person-months). */
export const RICE_LIMITS = { reach: 1_000_000_000, effort: 1000 } as const

const onScale = (scale: readonly { readonly value: number }[]) =>
  z.number().check(z.refine((v) => scale.some((s) => s.value === v), 'A value on the scale'))

/** One item's estimates, every value on its scale and within its bounds. */
export const riceEstimateSchema = z.object({
  reach: z.number().check(z.int(), z.gte(0), z.lte(RICE_LIMITS.reach)),
  impact: onScale(RICE_IMPACT),
  confidence: onScale(RICE_CONFIDENCE),
  clinical: onScale(RICE_CLINICAL_MULTIPLIER),
  effort: z.number().check(z.gt(0), z.lte(RICE_LIMITS.effort)),
})
export type RiceEstimate = z.infer<typeof riceEstimateSchema>

const itemSchema = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(80)),
  label: z.string().check(z.maxLength(500)),
})

/**
 * The RICE estimates: the items estimated (with the labels they had) and, by item key, the
 * estimates of those that have them; an item without estimates has no score (ranked last).
 */
export const riceEstimatesSchema = z
  .object({
    items: z.array(itemSchema).check(z.maxLength(MATRIX_MAX_ITEMS)),
    estimates: z.record(z.string().check(z.maxLength(80)), riceEstimateSchema),
  })
  .check(
    z.refine((r) => {
      const keys = new Set(r.items.map((i) => i.key))
      return keys.size === r.items.length && Object.keys(r.estimates).every((k) => keys.has(k))
    }, 'Estimates only for the items listed, each listed once'),
  )
export type RiceEstimates = z.infer<typeof riceEstimatesSchema>

/** How the ranking is made: weighted criteria (the default), or the RICE formula. */
export const frameworkMethodSchema = z.enum(['weighted', 'rice'])
export type FrameworkMethod = z.infer<typeof frameworkMethodSchema>
