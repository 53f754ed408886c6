// Stored sessions: validation of what localStorage holds and lookup by join code.
import { describe, expect, it } from 'vitest'
import { findParticipantSession, normaliseCode, parseStoredSession } from './session-store'

const token = 'tok_abcdefghijklmnopqrstuvwxyz'

describe('parseStoredSession', () => {
  it.each([
    [null, null],
    ['', null],
    ['not json', null],
    ['"a string"', null],
    [JSON.stringify({ role: 'admin', token }), null],
    [JSON.stringify({ role: 'facilitator', token: 'short' }), null],
    [JSON.stringify({ role: 'participant', token }), null],
  ])('refuses %j', (raw, expected) => {
    expect(parseStoredSession(raw)).toBe(expected)
  })

  it('reads a facilitator session and drops unknown or oversized fields', () => {
    expect(
      parseStoredSession(
        JSON.stringify({
          role: 'facilitator',
          token,
          joinCode: 'K7M2PQ',
          extra: 1,
          title: 'x'.repeat(300),
        }),
      ),
    ).toEqual({ role: 'facilitator', token, joinCode: 'K7M2PQ' })
  })

  it('reads a participant session', () => {
    const session = { role: 'participant', token, participantId: 'p-dana-01', title: 'Theatre' }
    expect(parseStoredSession(JSON.stringify(session))).toEqual(session)
  })
})

describe('findParticipantSession', () => {
  const sessions = [
    { workshopId: 'w-fac-0001', session: { role: 'facilitator', token, joinCode: 'K7M2PQ' } },
    {
      workshopId: 'w-par-0001',
      session: { role: 'participant', token, participantId: 'p1', joinCode: 'K7M2PQ' },
    },
  ] as const

  it('finds the participant session that joined with a code, in any spelling', () => {
    expect(findParticipantSession(sessions, 'k7m-2pq')?.workshopId).toBe('w-par-0001')
    expect(findParticipantSession(sessions, 'ZZZZZZ')).toBeNull()
  })

  it('normalises codes', () => {
    expect(normaliseCode(' ab c-12 ')).toBe('ABC12')
  })
})
