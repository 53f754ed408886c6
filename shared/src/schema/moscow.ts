// MoSCoW as an optional step of the weigh phase: the facilitator tags items Must, Should, Could
// or Won't with an effort estimate (or takes each item's effort from the 2x2), kept in the
// control document's framework root (key `moscow`).
import { MATRIX_MAX_ITEMS } from './matrix.js'
import { z } from './zod.js'

export const MOSCOW_CATEGORIES = ['must', 'should', 'could', 'wont'] as const
export const moscowCategorySchema = z.enum(MOSCOW_CATEGORIES)
export type MoscowCategory = z.infer<typeof moscowCategorySchema>

/** The categories' names as people say them. */
export const MOSCOW_LABELS: Readonly<Record<MoscowCategory, string>> = {
  must: 'Must',
  should: 'Should',
  could: 'Could',
  wont: 'Won’t',
}

/** The largest effort estimate typed in (any one unit: days, sprints, person-months). */
export const MOSCOW_EFFORT_MAX = 10_000

/** Where each item's effort comes from: typed in here, or the 2x2's effort (1–9). */
export const moscowEffortSourceSchema = z.enum(['entered', 'matrix'])
export type MoscowEffortSource = z.infer<typeof moscowEffortSourceSchema>

export const moscowTagSchema = z.object({
  category: moscowCategorySchema,
  /** Used when effort is entered; absent means not estimated (counts 0). */
  effort: z.optional(z.number().check(z.gte(0), z.lte(MOSCOW_EFFORT_MAX))),
})
export type MoscowTag = z.infer<typeof moscowTagSchema>

/** The MoSCoW step: the items offered (with their labels), the effort source and the tags. */
export const moscowPlanSchema = z
  .object({
    items: z
      .array(
        z.object({
          key: z.string().check(z.minLength(1), z.maxLength(80)),
          label: z.string().check(z.maxLength(500)),
        }),
      )
      .check(z.maxLength(MATRIX_MAX_ITEMS)),
    effortFrom: moscowEffortSourceSchema,
    tags: z.record(z.string().check(z.maxLength(80)), moscowTagSchema),
  })
  .check(
    z.refine((p) => {
      const keys = new Set(p.items.map((i) => i.key))
      return keys.size === p.items.length && Object.keys(p.tags).every((k) => keys.has(k))
    }, 'Tags only for the items listed, each listed once'),
  )
export type MoscowPlan = z.infer<typeof moscowPlanSchema>
