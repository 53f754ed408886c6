// The one error shape every HTTP error uses, and the websocket close codes.
import { z } from '../schema/zod.js'

export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'closed',
  /** The request is valid but the workshop's state does not allow it now (409). */
  'conflict',
  'payload_too_large',
  'rate_limited',
  'internal',
  /** The server cannot take this now (a node at its connection cap, 503); try again shortly. */
  'unavailable',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

/** Websocket close codes (4000–4999 are the application's own range). */
export const CLOSE = {
  /** No token, or a token the server does not know. */
  unauthorized: 4401,
  /** A valid token that may not open this document. */
  forbidden: 4403,
  /** The document name is not one of this server's documents. */
  notFound: 4404,
  /** The connection sent messages faster than its budget. */
  rateLimited: 4429,
  /** A message could not be decoded. */
  badMessage: 4400,
  /** The workshop was deleted while connected. */
  gone: 4410,
  /** The facilitator removed this participant: their token no longer opens anything. */
  removed: 4411,
  /**
   * The document reached its quota (encoded size, or distinct writers): the update that would
   * pass it was refused. Reads still work; the client says "This board is full…".
   */
  documentFull: 4413,
  /** Too many open connections for this token or this address. */
  tooManyConnections: 4430,
} as const

/**
 * Close codes after which reconnecting cannot help; clients stop retrying on these.
 * (The stock WebsocketProvider retries on any close; the client checks this list.)
 */
export const FINAL_CLOSE_CODES: readonly number[] = [
  CLOSE.unauthorized,
  CLOSE.forbidden,
  CLOSE.notFound,
  CLOSE.gone,
  CLOSE.removed,
]
