// Branded identifiers and their wire formats. Ids are minted by the server; the
// formats here are what every request, document name and token must match.
import {
  ID_PATTERN as idPattern,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  TOKEN_PATTERN,
} from './formats.js'
import { z } from './zod.js'

export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from './formats.js'

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
export const tokenSchema = z.string().check(z.regex(TOKEN_PATTERN, 'not a token'))
