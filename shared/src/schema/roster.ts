// A participant as the roster in the control document lists them.
import { cleanTextCheck } from './text.js'
import { z } from './zod.js'
import { LIMITS } from './workshop.js'

export const rosterEntrySchema = z.object({
  /** Display name the participant typed when joining (cleaned again on reading: see text.ts). */
  name: z.string().check(cleanTextCheck(), z.minLength(1), z.maxLength(LIMITS.participantName)),
  /** Id of the stakeholder group they joined. */
  group: z.string(),
  /** Server time of joining, in ms since the epoch. */
  joinedAt: z.number(),
  /**
   * Server time the facilitator removed them: their token no longer opens anything, what they
   * contributed stays. Absent while they take part.
   */
  removedAt: z.optional(z.number()),
})
export type RosterEntry = z.infer<typeof rosterEntrySchema>
