// Sealed rounds: the records every round kind shares — its status, the progress count the
// facilitator sees while it is open, and the summary of what close sealed.
import { z } from './zod.js'

/** A round kind's id, as routes, documents and the decision log name it (`voting`, …). */
export const roundKindIdSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(40), z.regex(/^[a-z][a-z0-9-]*$/))
export type RoundKindId = z.infer<typeof roundKindIdSchema>

/** `setup` → `open` → `closed` (inputs sealed) → `revealed`; closed or revealed can reopen. */
export const ROUND_STATUSES = ['setup', 'open', 'closed', 'revealed'] as const
export const roundStatusSchema = z.enum(ROUND_STATUSES)
export type RoundStatus = z.infer<typeof roundStatusSchema>

const count = z.number().check(z.int(), z.nonnegative())

/** One participant's progress while a round is open: "4 of 12 rated", never what. */
export const roundProgressSchema = z.object({ done: count, of: count })
export type RoundProgress = z.infer<typeof roundProgressSchema>

/** What close sealed, in counts (the inputs themselves stay sealed until reveal). */
export const roundSealSummarySchema = z.object({
  /** Participants on the roster at close. */
  participants: count,
  /** Of them, those whose sealed input counts for something. */
  submitted: count,
  /** Participants whose private document could not be read at close (skipped). */
  unreadable: count,
})
export type RoundSealSummary = z.infer<typeof roundSealSummarySchema>
