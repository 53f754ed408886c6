// Decides, before a connection joins a room, whom it speaks for and whether it may open the document.
import {
  CLOSE,
  documentAccess,
  parseDocName,
  tokenSchema,
  type DocRef,
  type Identity,
} from '@triage/shared'
import { hashToken } from '../auth/tokens.js'
import type { Directory } from '../store/store.js'

export type Authorization =
  | { readonly ok: true; readonly identity: Identity; readonly ref: DocRef }
  | { readonly ok: false; readonly code: number; readonly reason: string }

export async function authorizeSync(
  directory: Pick<Directory, 'findToken'>,
  documentName: string,
  token: unknown,
): Promise<Authorization> {
  const parsedToken = tokenSchema.safeParse(token)
  if (!parsedToken.success) return { ok: false, code: CLOSE.unauthorized, reason: 'token required' }
  const identity = await directory.findToken(hashToken(parsedToken.data))
  if (!identity) return { ok: false, code: CLOSE.unauthorized, reason: 'unknown token' }
  const ref = parseDocName(documentName)
  if (!ref) return { ok: false, code: CLOSE.notFound, reason: 'no such document' }
  // Opening needs read access; writes are checked again on every update.
  if (documentAccess(identity, ref, { boardLocked: true }) === 'none') {
    return { ok: false, code: CLOSE.forbidden, reason: 'not allowed' }
  }
  return { ok: true, identity, ref }
}
