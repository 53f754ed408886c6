// Workshop settings as the facilitator creates them, and the stakeholder groups.
import { LIMITS } from './limits.js'
import { cleanTextCheck } from './text.js'
import { z } from './zod.js'

export { LIMITS } from './limits.js'

/** One line of free text: cleaned (see text.ts), trimmed, then required and bounded. */
const text = (max: number, what: string) =>
  z
    .string()
    .check(
      cleanTextCheck(),
      z.trim(),
      z.minLength(1, `${what} is required`),
      z.maxLength(max, `${what} is at most ${max} characters`),
    )

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .check(
      z.int(`${what} must be a whole number`),
      z.gte(min, `${what} is at least ${min}`),
      z.lte(max, `${what} is at most ${max}`),
    )

export const groupSchema = z.object({
  /** Stable id (`g1`, `g2`, …) so renaming a group keeps its members. */
  id: z.string().check(z.regex(/^g[0-9]{1,3}$/)),
  /** Display name, such as "Surgeons". */
  name: text(LIMITS.groupName, 'A group name'),
})
export type Group = z.infer<typeof groupSchema>

export const workshopSettingsSchema = z.object({
  /** Shown on every screen and at the top of the rationale document. */
  title: text(LIMITS.title, 'The title'),
  /** What the group is deciding, in one or two sentences. */
  objective: z._default(
    z
      .string()
      .check(
        cleanTextCheck({ multiline: true }),
        z.trim(),
        z.maxLength(LIMITS.objective, `The objective is at most ${LIMITS.objective} characters`),
      ),
    '',
  ),
  /** Stakeholder groups; each participant joins exactly one. */
  groups: z.array(groupSchema).check(
    z.minLength(1),
    z.maxLength(LIMITS.groups),
    z.refine((gs) => new Set(gs.map((g) => g.id)).size === gs.length, 'Group ids must differ'),
  ),
  /** Dots each participant may place. */
  dotBudget: z._default(wholeNumber('Dots per person', 1, 20), 5),
  /** Most dots one participant may place on one item. */
  maxDotsPerItem: z._default(wholeNumber('Dots on one item', 1, 20), 3),
  /** When true, revealed ideas and votes carry no author. */
  anonymous: z._default(z.boolean(), true),
})
export type WorkshopSettings = z.infer<typeof workshopSettingsSchema>

/** Turns a list of group names into groups with ids g1…gN (callers refuse duplicates first). */
export function groupsFromNames(names: readonly string[]): Group[] {
  return names.map((name, i) => ({ id: `g${i + 1}`, name: name.trim() }))
}
