// "I'm done": a participant's own mark that they have finished the input step in progress (a
// brainstorm round, an open sealed round). The server writes it into the control document on
// the participant's request; it counts only while the step it names is still the current one.
import { z } from './zod.js'

/**
 * The input step a mark belongs to, as `inputStep` (domain/done.ts) names it:
 * `brainstorm:3`, `voting@1733000000000`, `weights@…+scores@…`.
 */
export const doneStepSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(200), z.regex(/^[a-z0-9:@+-]+$/))
export type DoneStep = z.infer<typeof doneStepSchema>

/** One participant's mark in the control document's `done` root. */
export const doneMarkSchema = z.object({
  step: doneStepSchema,
  /** Server time of the mark, ms since the epoch. */
  at: z.number(),
})
export type DoneMark = z.infer<typeof doneMarkSchema>
