import { describe, expect, it } from 'vitest'
import { participantIdSchema, workshopIdSchema } from '../schema/ids.js'
import type { DocRef } from '../schema/doc-ref.js'
import { docName, parseDocName } from './doc-names.js'

const W = 'workshop-0001'
const P = 'participant_01'
const workshopId = workshopIdSchema.parse(W)
const participantId = participantIdSchema.parse(P)

describe('docName and parseDocName', () => {
  it.each<[DocRef, string]>([
    [{ workshopId, kind: 'board' }, `${W}/board`],
    [{ workshopId, kind: 'control' }, `${W}/control`],
    [{ workshopId, kind: 'private', participantId }, `${W}/private/${P}`],
  ])('%j ⇄ %j', (ref, name) => {
    expect(docName(ref)).toBe(name)
    expect(parseDocName(name)).toEqual(ref)
    expect(parseDocName(docName(ref))).toEqual(ref)
  })
})

describe('parseDocName', () => {
  it.each([
    ['', 'empty'],
    ['/', 'only a slash'],
    [W, 'no kind'],
    [`${W}/`, 'an empty kind'],
    [`${W}/board/`, 'a trailing slash'],
    [`${W}/control/`, 'a trailing slash'],
    [`${W}/private/${P}/`, 'a trailing slash'],
    [`/${W}/board`, 'a leading slash'],
    [`${W}//board`, 'a doubled slash'],
    [`${W}/board/x`, 'an extra segment'],
    [`${W}/control/${P}`, 'a participant on the control document'],
    [`${W}/private/${P}/extra`, 'an extra segment'],
    [`${W}/private`, 'a private document without participant'],
    [`${W}/private/`, 'an empty participant'],
    [`${W}/ideas`, 'an unknown kind'],
    [`${W}/Board`, 'a kind in the wrong case'],
    [`${W}/board `, 'a trailing space'],
    [`abc/board`, 'a too-short workshop id'],
    [`${'w'.repeat(41)}/board`, 'a too-long workshop id'],
    [`work.shop01/board`, 'a dot in the workshop id'],
    [`${W}/private/abc`, 'a too-short participant id'],
    [`${W}/private/part.icipant`, 'a dot in the participant id'],
    [`../${W}/board`, 'a parent segment first'],
    [`${W}/../board`, 'a parent segment inside'],
    [`${W}/private/../${P}`, 'a parent segment as participant'],
    [`${W}/private/../../${W}/board`, 'a path escape'],
    [`${W}%2Fboard`, 'an encoded slash'],
  ])('rejects %j (%s)', (name) => {
    expect(parseDocName(name)).toBeNull()
  })
})
