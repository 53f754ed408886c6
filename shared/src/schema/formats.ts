// The wire formats of ids, tokens and join codes as plain patterns and functions (no zod), so
// that the join page checks a code and the server's answers without loading a schema library.
// ids.ts builds the schemas from the same patterns.

/** Workshop and participant ids, as the server mints them. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{8,40}$/
/** Opaque bearer tokens. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/

/** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const JOIN_CODE_LENGTH = 6
const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`)

/**
 * A typed join code as `joinCodeSchema` reads it: trimmed, upper-cased, spaces and dashes
 * removed; null when it is not a join code.
 */
export function normalizeJoinCode(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '')
  return code.length === JOIN_CODE_LENGTH && JOIN_CODE_PATTERN.test(code) ? code : null
}
