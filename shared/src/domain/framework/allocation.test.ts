import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clampProposal } from './proposals.js'
import {
  allocationEntries,
  readAllocation,
  stepAllocation,
  stepRoom,
  type PointAllocation,
} from './allocation.js'

const IDS = ['safety', 'workflow', 'revenue']
const total = (a: PointAllocation) => a.points.reduce((s, p) => s + p, 0) + a.remainder

describe('the 100-point allocation', () => {
  it('starts with every point in the remainder', () => {
    expect(readAllocation({}, IDS)).toEqual({ points: [0, 0, 0], remainder: 100 })
  })

  it('takes a step from the remainder and gives it back', () => {
    const a = stepAllocation(readAllocation({}, IDS), 1, 5)
    expect(a).toEqual({ points: [0, 5, 0], remainder: 95 })
    expect(stepAllocation(a, 1, -5)).toEqual({ points: [0, 0, 0], remainder: 100 })
  })

  it('stops at what is left and at zero', () => {
    const full = readAllocation({ safety: 60, workflow: 38 }, IDS)
    expect(full.remainder).toBe(2)
    expect(stepAllocation(full, 2, 5)).toEqual({ points: [60, 38, 2], remainder: 0 })
    expect(stepRoom(full, 2, 5)).toBe(2)
    expect(stepAllocation(full, 2, -5)).toBe(full)
    expect(stepRoom(full, 2, -5)).toBe(0)
  })

  it('reads hostile entries as whole points within 100, cut back in order', () => {
    expect(
      readAllocation({ safety: 70, workflow: 50, revenue: Number.NaN, other: 5 }, IDS),
    ).toEqual({ points: [70, 30, 0], remainder: 0 })
    expect(readAllocation({ safety: -3, workflow: 12.9, revenue: '40' }, IDS)).toEqual({
      points: [0, 12, 0],
      remainder: 88,
    })
    expect(readAllocation(null, IDS)).toEqual({ points: [0, 0, 0], remainder: 100 })
  })

  it('a full allocation counts as itself under the round clamp', () => {
    const a = readAllocation({ safety: 50, workflow: 30, revenue: 20 }, IDS)
    expect(clampProposal(allocationEntries(a, IDS), IDS)).toEqual({
      safety: 50,
      workflow: 30,
      revenue: 20,
    })
  })

  const raw = fc.dictionary(
    fc.constantFrom(...IDS, 'other'),
    fc.oneof(fc.integer({ min: -50, max: 200 }), fc.double(), fc.constant('x')),
  )
  const steps = fc.array(
    fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: -120, max: 120 })),
    { maxLength: 40 },
  )

  it('criteria and remainder always make exactly 100, every part whole and not negative', () => {
    fc.assert(
      fc.property(raw, steps, (start, taps) => {
        let a = readAllocation(start, IDS)
        const ok = (x: PointAllocation) =>
          total(x) === 100 &&
          x.remainder >= 0 &&
          x.points.every((p) => Number.isInteger(p) && p >= 0 && p <= 100)
        if (!ok(a)) return false
        for (const [index, delta] of taps) {
          a = stepAllocation(a, index, delta)
          if (!ok(a)) return false
        }
        return true
      }),
    )
  })

  it('a step that is not cut short is undone by the opposite step', () => {
    fc.assert(
      fc.property(
        raw,
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 10 }),
        (r, i, d) => {
          const a = readAllocation(r, IDS)
          const up = stepAllocation(a, i, d)
          fc.pre(stepRoom(a, i, d) === d)
          expect(stepAllocation(up, i, -d)).toEqual(a)
        },
      ),
    )
  })

  it('reading what it writes gives the same allocation', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const a = readAllocation(r, IDS)
        expect(readAllocation(allocationEntries(a, IDS), IDS)).toEqual(a)
      }),
    )
  })
})
