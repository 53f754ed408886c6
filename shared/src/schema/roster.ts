// A participant as the roster in the control document lists them.
import { z } from './zod.js'
import { LIMITS } from './workshop.js'

export const rosterEntrySchema = z.object({
  /** Display name the participant typed when joining. */
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.participantName)),
  /** Id of the stakeholder group they joined. */
  group: z.string(),
  /** Server time of joining, in ms since the epoch. */
  joinedAt: z.number(),
})
export type RosterEntry = z.infer<typeof rosterEntrySchema>
