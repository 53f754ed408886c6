// Presence from awareness: only the server-stamped identity counts.
import { describe, expect, it } from 'vitest'
import { awarenessEntries, onlineParticipantIds } from './awareness'

describe('onlineParticipantIds', () => {
  it('collects participant ids from the identity the server stamped', () => {
    const entries = awarenessEntries(
      new Map<number, unknown>([
        [
          3,
          { user: { name: 'Dana' }, identity: { role: 'participant', participantId: 'p-dana-01' } },
        ],
        [
          1,
          { user: { name: 'Dana' }, identity: { role: 'participant', participantId: 'p-dana-01' } },
        ],
        [2, { identity: { role: 'facilitator', participantId: null } }],
        [4, { user: { name: 'forged' }, participantId: 'p-eli-0001' }],
        [5, { identity: 'nonsense' }],
        [6, null],
        [7, { identity: { role: 'participant', participantId: 42 } }],
      ]),
    )
    expect(entries.map((e) => e.clientId)).toEqual([1, 2, 3, 4, 5, 7])
    expect([...onlineParticipantIds(entries)]).toEqual(['p-dana-01'])
  })

  it('is empty when nobody is there', () => {
    expect(onlineParticipantIds([]).size).toBe(0)
  })
})
