import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeClusterMessage, encodeClusterMessage, type ClusterMessage } from './codec.js'

const samples: ClusterMessage[] = [
  {
    type: 'update',
    node: 'n1',
    doc: 'workshop-1/board',
    from: 7,
    to: 9,
    update: new Uint8Array([1, 2, 3]),
    claims: [{ clientId: 42, owner: 'participant:p-1' }],
  },
  {
    type: 'awareness',
    node: 'n2',
    doc: 'workshop-1/control',
    update: new Uint8Array([0]),
    owners: [{ clientId: 5, owner: 'facilitator' }],
  },
  {
    type: 'event',
    node: 'n3',
    event: {
      type: 'close-connections',
      filter: { workshopId: 'w', role: 'participant', participantId: 'p' },
      code: 4411,
      reason: 'removed by the facilitator',
    },
  },
  { type: 'event', node: 'n3', event: { type: 'fence-ack', id: 'f1', to: 'n1' } },
]

describe('cluster messages', () => {
  it('read back what was written', () => {
    for (const m of samples) expect(decodeClusterMessage(encodeClusterMessage(m))).toEqual(m)
  })

  it('refuse a sequence range that runs backwards or starts at zero', () => {
    const base = samples[0] as Extract<ClusterMessage, { type: 'update' }>
    expect(decodeClusterMessage(encodeClusterMessage({ ...base, from: 9, to: 7 }))).toBeNull()
    expect(decodeClusterMessage(encodeClusterMessage({ ...base, from: 0, to: 0 }))).toBeNull()
  })

  it('refuse events that do not validate, and trailing bytes', () => {
    const bad = encodeClusterMessage({
      type: 'event',
      node: 'n',
      event: { type: 'fence', id: 'x' },
    })
    const withTail = new Uint8Array([...bad, 0])
    expect(decodeClusterMessage(withTail)).toBeNull()
    const text = new TextDecoder().decode(bad).replace('fence', 'fenc!')
    expect(decodeClusterMessage(new TextEncoder().encode(text))).toBeNull()
  })

  it('never throw on arbitrary bytes, and every truncation of a message is refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(() => decodeClusterMessage(bytes)).not.toThrow()
      }),
    )
    for (const m of samples) {
      const full = encodeClusterMessage(m)
      for (let n = 0; n < full.length; n++) {
        expect(decodeClusterMessage(full.subarray(0, n))).toBeNull()
      }
    }
  })
})
