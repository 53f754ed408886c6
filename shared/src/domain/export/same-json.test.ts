// `sameJson` says what comparing the two values' JSON with sorted keys says, on generated JSON-like
// values with their keys in any order, numbers JSON cannot write and keys holding undefined.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sameJson } from './same-json.js'

/** JSON text with object keys sorted: the comparison `sameJson` replaces. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  )

const leaf = fc.oneof(
  fc.constantFrom(0, -0, 1, 2.5, NaN, Infinity, -Infinity, null, true, false, 'a', 'b', ''),
  fc.integer({ min: -3, max: 3 }),
)
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom('x', 'y', 'z', 'rank'),
      fc.oneof(tie('value'), fc.constant(undefined)),
      {
        maxKeys: 4,
      },
    ),
  ),
}))

/** The same value with every object's keys in reverse order. */
function reversed(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversed)
  if (typeof v !== 'object' || v === null) return v
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reversed(x)]),
  )
}

describe('sameJson', () => {
  it('agrees with comparing sorted JSON text', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(sameJson(a, b)).toBe(canonical(a) === canonical(b))
      }),
      { numRuns: 2000 },
    )
  })

  it('holds for a value and itself with its keys in another order', () => {
    fc.assert(fc.property(value, (a) => sameJson(a, reversed(a)) && sameJson(reversed(a), a)))
  })

  it('tells apart what differs only in a nested number or a missing key', () => {
    expect(sameJson({ a: [{ r: 1 }] }, { a: [{ r: 2 }] })).toBe(false)
    expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false)
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameJson([1, 2], [2, 1])).toBe(false)
    expect(sameJson({ 0: 'x' }, ['x'])).toBe(false)
  })
})
