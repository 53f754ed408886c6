// Request and response bodies of the HTTP API (see DESIGN.md, "External contract").
import { z } from 'zod'
import {
  joinCodeSchema,
  participantIdSchema,
  tokenSchema,
  workshopIdSchema,
} from '../schema/ids.js'
import { LIMITS, groupSchema, workshopSettingsSchema } from '../schema/workshop.js'

export const createWorkshopBodySchema = z.object({
  title: workshopSettingsSchema.shape.title,
  objective: workshopSettingsSchema.shape.objective,
  /** Group names, in display order. */
  groups: z
    .array(groupSchema.shape.name)
    .min(1, 'At least one stakeholder group is required')
    .max(LIMITS.groups, `At most ${LIMITS.groups} groups`)
    .refine(
      (names) => new Set(names.map((n) => n.toLowerCase())).size === names.length,
      'Group names must differ',
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
    .trim()
    .min(1, 'Your name is required')
    .max(LIMITS.participantName, `A name is at most ${LIMITS.participantName} characters`),
  /** Group id (`g1`) or group name. */
  group: z
    .string()
    .trim()
    .min(1, 'Choose a group')
    .max(LIMITS.groupName, `A group is at most ${LIMITS.groupName} characters`),
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

/** What a token may learn about its own session. */
export const sessionResponseSchema = z.object({
  workshopId: workshopIdSchema,
  role: z.enum(['facilitator', 'participant']),
  participantId: participantIdSchema.nullable(),
  joinCode: z.string().nullable(),
})
export type SessionResponse = z.infer<typeof sessionResponseSchema>
