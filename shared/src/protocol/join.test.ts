import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinCodeSchema } from '../schema/ids.js'
import { joinInfoResponseSchema, joinResponseSchema } from './http.js'
import { normalizeJoinCode, parseJoinInfo, parseJoinResponse } from './join.js'

/** What the schema makes of a value: its output, or null when it refuses it. */
const viaSchema =
  (schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }) => (value: unknown) => {
    const result = schema.safeParse(value)
    return result.success ? result.data : null
  }

// Strings near the formats: id and token characters, join code letters with spaces and dashes,
// control and bidi characters that cleaning removes, and anything else.
const nearText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZ09_-'.split('')), maxLength: 110 }),
  fc.string({ unit: fc.constantFrom(...'23ABxz01OIl -\t'.split('')), maxLength: 10 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '\u202E', '\u0000', '\n', 'e\u0301'),
    maxLength: 50,
  }),
  fc.constantFrom('g1', 'g12', 'g123', 'g1234', 'G1', 'g', ''),
  fc.string(),
)
const anyValue = fc.oneof(nearText, fc.integer(), fc.constant(null), fc.constant(undefined))
const groupLike = fc.oneof(
  fc.record({ id: anyValue, name: anyValue }, { requiredKeys: [] }),
  fc.record({ id: anyValue, name: anyValue, extra: anyValue }),
  anyValue,
  fc.array(anyValue, { maxLength: 2 }),
)
const joinInfoLike = fc.oneof(
  fc.record(
    {
      title: anyValue,
      groups: fc.oneof(fc.array(groupLike, { maxLength: 4 }), anyValue),
      x: anyValue,
    },
    { requiredKeys: [] },
  ),
  anyValue,
  fc.array(anyValue, { maxLength: 2 }),
)
const joinResponseLike = fc.oneof(
  fc.record(
    { workshopId: anyValue, participantId: anyValue, token: anyValue, extra: anyValue },
    { requiredKeys: [] },
  ),
  anyValue,
)

describe('the join page checks without zod', () => {
  it('normalizes a join code as joinCodeSchema does', () => {
    fc.assert(
      fc.property(nearText, (raw) => {
        expect(normalizeJoinCode(raw)).toEqual(viaSchema(joinCodeSchema)(raw))
      }),
      { numRuns: 2000 },
    )
    expect(normalizeJoinCode(' ab-c 234 ')).toBe('ABC234')
    expect(normalizeJoinCode('ABC10O')).toBeNull()
  })

  it('reads the join information as joinInfoResponseSchema does', () => {
    fc.assert(
      fc.property(joinInfoLike, (value) => {
        expect(parseJoinInfo(value)).toEqual(viaSchema(joinInfoResponseSchema)(value))
      }),
      { numRuns: 3000 },
    )
    const ok = { title: 'Ward', groups: [{ id: 'g1', name: ' Nurses\u202E ' }], more: 1 }
    expect(parseJoinInfo(ok)).toEqual({ title: 'Ward', groups: [{ id: 'g1', name: 'Nurses' }] })
    expect(parseJoinInfo({ title: 'Ward', groups: [{ id: 'g1', name: '\u0000' }] })).toBeNull()
  })

  it('reads the answer to a join as joinResponseSchema does', () => {
    fc.assert(
      fc.property(joinResponseLike, (value) => {
        expect(parseJoinResponse(value)).toEqual(viaSchema(joinResponseSchema)(value))
      }),
      { numRuns: 3000 },
    )
    const ok = { workshopId: 'w1234567', participantId: 'p1234567', token: 't'.repeat(20) }
    expect(parseJoinResponse({ ...ok, x: 1 })).toEqual(ok)
    expect(parseJoinResponse({ ...ok, token: 'short' })).toBeNull()
  })
})
