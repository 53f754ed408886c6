// Branded identifiers and their wire formats. Ids are minted by the server; the
// formats here are what every request, document name and token must match.
import { z } from 'zod'

const idPattern = /^[A-Za-z0-9_-]{8,40}$/

export const workshopIdSchema = z
  .string()
  .regex(idPattern, 'not a workshop id')
  .brand<'WorkshopId'>()
export type WorkshopId = z.infer<typeof workshopIdSchema>

export const participantIdSchema = z
  .string()
  .regex(idPattern, 'not a participant id')
  .brand<'ParticipantId'>()
export type ParticipantId = z.infer<typeof participantIdSchema>

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 6

export const joinCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .length(JOIN_CODE_LENGTH, `A join code has ${JOIN_CODE_LENGTH} characters`)
      .regex(
        new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`),
        'That is not a join code (letters and digits, no 0, O, 1, I or L)',
      ),
  )

/** Opaque bearer token; only its hash is stored. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a token')
