// Request and response bodies of the HTTP API (see DESIGN.md, "External contract").
import { z } from '../schema/zod.js'
import {
  joinCodeSchema,
  participantIdSchema,
  tokenSchema,
  workshopIdSchema,
} from '../schema/ids.js'
import { ideaTextSchema, timerOnZeroSchema, timerSecondsSchema } from '../schema/brainstorm.js'
import { cleanTextCheck } from '../schema/text.js'
import { votingSettingsSchema } from '../schema/voting.js'
import { LIMITS, groupSchema, workshopSettingsSchema } from '../schema/workshop.js'

/** A count: a whole number, zero or more. */
const count = z.number().check(z.int(), z.nonnegative())

export const createWorkshopBodySchema = z.object({
  title: workshopSettingsSchema.shape.title,
  objective: workshopSettingsSchema.shape.objective,
  /** Group names, in display order. */
  groups: z.array(groupSchema.shape.name).check(
    z.minLength(1, 'At least one stakeholder group is required'),
    z.maxLength(LIMITS.groups, `At most ${LIMITS.groups} groups`),
    z.refine(
      (names) => new Set(names.map((n) => n.toLowerCase())).size === names.length,
      'Group names must differ',
    ),
  ),
  dotBudget: workshopSettingsSchema.shape.dotBudget,
  maxDotsPerItem: workshopSettingsSchema.shape.maxDotsPerItem,
  anonymous: workshopSettingsSchema.shape.anonymous,
})
export type CreateWorkshopBody = z.input<typeof createWorkshopBodySchema>

export const createWorkshopResponseSchema = z.object({
  workshopId: workshopIdSchema,
  joinCode: z.string(),
  facilitatorToken: tokenSchema,
})
export type CreateWorkshopResponse = z.infer<typeof createWorkshopResponseSchema>

export const joinBodySchema = z.object({
  code: joinCodeSchema,
  name: z
    .string()
    .check(
      cleanTextCheck(),
      z.trim(),
      z.minLength(1, 'Your name is required'),
      z.maxLength(LIMITS.participantName, `A name is at most ${LIMITS.participantName} characters`),
    ),
  /** Group id (`g1`) or group name. */
  group: z
    .string()
    .check(
      cleanTextCheck(),
      z.trim(),
      z.minLength(1, 'Choose a group'),
      z.maxLength(LIMITS.groupName, `A group is at most ${LIMITS.groupName} characters`),
    ),
})
export type JoinBody = z.input<typeof joinBodySchema>

export const joinResponseSchema = z.object({
  workshopId: workshopIdSchema,
  participantId: participantIdSchema,
  token: tokenSchema,
})
export type JoinResponse = z.infer<typeof joinResponseSchema>

/** What anyone holding a join code may learn before joining. */
export const joinInfoResponseSchema = z.object({
  title: z.string(),
  groups: z.array(groupSchema),
})
export type JoinInfoResponse = z.infer<typeof joinInfoResponseSchema>

/** Public configuration the client needs (the address join links and QR codes carry). */
export const clientConfigSchema = z.object({ publicUrl: z.string() })
export type ClientConfig = z.infer<typeof clientConfigSchema>

/** Whether the join address answers as this server; when not, what is wrong and the fix. */
export const joinLinkHealthSchema = z.object({
  publicUrl: z.string(),
  ok: z.boolean(),
  problem: z.nullable(z.string()),
})
export type JoinLinkHealth = z.infer<typeof joinLinkHealthSchema>

/** What a token may learn about its own session. */
export const sessionResponseSchema = z.object({
  workshopId: workshopIdSchema,
  role: z.enum(['facilitator', 'participant', 'viewer']),
  participantId: z.nullable(participantIdSchema),
  joinCode: z.nullable(z.string()),
})
export type SessionResponse = z.infer<typeof sessionResponseSchema>

/** The server's clock, for countdowns that agree on every device. */
export const timeResponseSchema = z.object({ now: z.number() })
export type TimeResponse = z.infer<typeof timeResponseSchema>

/** Facilitator: start, extend or clear the brainstorm timer (server time decides). */
export const timerBodySchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('start'),
    seconds: timerSecondsSchema,
    onZero: z._default(timerOnZeroSchema, 'stop'),
  }),
  z.object({ action: z.literal('add'), seconds: timerSecondsSchema }),
  z.object({ action: z.literal('clear') }),
])
export type TimerBody = z.input<typeof timerBodySchema>

/** Facilitator: reveal every participant's drafts onto the board. */
export const revealResponseSchema = z.object({
  /** Ideas that went onto the board. */
  revealed: count,
  /** Drafts left out because the board is full. */
  skipped: count,
  /** Participants whose private document could not be read (skipped, and logged). */
  unreadable: z.optional(count),
})
export type RevealResponse = z.infer<typeof revealResponseSchema>

/** Facilitator: candidate items, pasted (one a line) or as CSV. */
export const importItemsBodySchema = z.object({
  format: z.enum(['lines', 'csv']),
  text: z
    .string()
    .check(
      cleanTextCheck({ multiline: true }),
      z.maxLength(
        LIMITS.importText,
        `A list is at most ${LIMITS.importText.toLocaleString('en')} characters`,
      ),
    ),
})
export type ImportItemsBody = z.infer<typeof importItemsBodySchema>

export const importItemsResponseSchema = z.object({
  added: count,
  /** Lines or rows left out (empty, too long, duplicates or over the board limit). */
  skipped: count,
})
export type ImportItemsResponse = z.infer<typeof importItemsResponseSchema>

/** Participant, during open adding: one idea straight onto the board. */
export const addIdeaBodySchema = z.object({ text: ideaTextSchema })
export type AddIdeaBody = z.infer<typeof addIdeaBodySchema>

export const addIdeaResponseSchema = z.object({ ideaId: z.string() })
export type AddIdeaResponse = z.infer<typeof addIdeaResponseSchema>

/** Facilitator: open voting, with the settings to use (written together with the status). */
export const openVotingBodySchema = z.object({ settings: z.optional(votingSettingsSchema) })
export type OpenVotingBody = z.infer<typeof openVotingBodySchema>
