// Random ids, tokens and join codes, and the one-way hash under which tokens are stored.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'

export const newWorkshopId = () => randomBytes(12).toString('base64url') as WorkshopId
export const newParticipantId = () => randomBytes(12).toString('base64url') as ParticipantId
/** 192 bits: unguessable, and short enough for a URL. */
export const newToken = () => randomBytes(24).toString('base64url')
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function newJoinCode(): string {
  let code = ''
  for (let i = 0; i < JOIN_CODE_LENGTH; i++)
    code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]
  return code
}
