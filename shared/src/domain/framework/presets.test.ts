import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { frameworkSchema } from '../../schema/framework.js'
import { FRAMEWORK_PRESETS, findPreset, largestRemainder, weightsFromLevels } from './presets.js'

describe('largestRemainder', () => {
  it.each([
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [1, 2],
      [33, 67],
    ],
    [
      [30, 30, 60],
      [25, 25, 50],
    ],
    [
      [3, 2, 2, 3, 1, 1],
      [25, 17, 17, 25, 8, 8],
    ],
    [
      [0, 0],
      [0, 0],
    ],
    [
      [29, 71],
      [29, 71],
    ],
  ])('shares %j as %j', (parts, expected) => {
    expect(largestRemainder(parts)).toEqual(expected)
  })

  it('always gives whole points summing to the total, and keeps whole shares as they are', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 12 }), (parts) => {
        const out = largestRemainder(parts)
        const sum = parts.reduce((a, b) => a + b, 0)
        expect(out.reduce((a, b) => a + b, 0)).toBe(sum === 0 ? 0 : 100)
        expect(out.every((x) => Number.isInteger(x) && x >= 0)).toBe(true)
        // Idempotent: shares already summing to 100 are left alone.
        expect(largestRemainder(out)).toEqual(out)
      }),
    )
  })
})

describe('presets', () => {
  it('states the healthcare levels as starting weights: critical 3, high 2, medium 1', () => {
    const preset = findPreset('healthcare-prioritisation')!
    expect(preset.framework.startingWeights).toEqual({
      'patient-safety': 25,
      'clinical-efficacy': 17,
      'workflow-integration': 17,
      'regulatory-viability': 25,
      'financial-impact': 8,
      'user-adoption-risk': 8,
    })
    expect(preset.framework.criteria.find((c) => c.id === 'user-adoption-risk')!.direction).toBe(
      'cost',
    )
    expect(
      weightsFromLevels([
        { id: 'a', level: 'critical' },
        { id: 'b', level: 'medium' },
      ]),
    ).toEqual({ a: 75, b: 25 })
  })

  it('gives the clinical value framework four equal criteria', () => {
    const preset = findPreset('clinical-value')!
    expect(preset.framework.criteria.map((c) => c.name)).toEqual([
      'Clinical Impact',
      'Workflow Efficiency',
      'Adoption Barrier Reduction',
      'Revenue Enablement',
    ])
    expect(Object.values(preset.framework.startingWeights)).toEqual([25, 25, 25, 25])
  })

  it('validates every preset against the framework schema', () => {
    for (const preset of FRAMEWORK_PRESETS) {
      expect(frameworkSchema.safeParse(preset.framework).success).toBe(true)
    }
  })
})
