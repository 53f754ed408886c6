// Branded identifiers and their wire formats. Ids are minted by the server; the
// formats here are what every request, document name and token must match.
import { z } from './zod.js'

const idPattern = /^[A-Za-z0-9_-]{8,40}$/

export const workshopIdSchema = z
  .string()
  .check(z.regex(idPattern, 'not a workshop id'))
  .brand<'WorkshopId'>()
export type WorkshopId = z.infer<typeof workshopIdSchema>

export const participantIdSchema = z
  .string()
  .check(z.regex(idPattern, 'not a participant id'))
  .brand<'ParticipantId'>()
export type ParticipantId = z.infer<typeof participantIdSchema>

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 6

export const joinCodeSchema = z.pipe(
  z.pipe(
    z.string().check(z.trim()),
    z.transform((s: string) => s.toUpperCase().replace(/[\s-]/g, '')),
  ),
  z
    .string()
    .check(
      z.length(JOIN_CODE_LENGTH, `A join code has ${JOIN_CODE_LENGTH} characters`),
      z.regex(
        new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`),
        'That is not a join code (letters and digits, no 0, O, 1, I or L)',
      ),
    ),
)

/** Opaque bearer token; only its hash is stored. */
export const tokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a token'))
