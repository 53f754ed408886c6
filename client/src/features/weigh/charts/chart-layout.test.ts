import { describe, expect, it } from 'vitest'
import { groupedBarsLayout, shortLabel, spreadLayout, stackLayout } from './chart-layout'

const CRITERIA = [
  { id: 'safety', name: 'Safety' },
  { id: 'revenue', name: 'Revenue' },
]
const SIZE = { width: 416, labelWidth: 100 }

describe('the weigh charts’ geometry', () => {
  it('stacks each item’s contributions end to end, in the criteria’s order', () => {
    const layout = stackLayout(
      [
        { key: 'a', label: 'Rota', contributions: [30, 20] },
        { key: 'b', label: 'Lounge', contributions: [10, 0] },
      ],
      SIZE,
    )
    // 0–100 over 100–400: 3 units a point.
    const [a, b] = layout.bars
    expect(a!.segments.map((s) => [s.x, s.width])).toEqual([
      [100, 90],
      [190, 60],
    ])
    expect(a!.total).toBe(50)
    expect(b!.segments[1]!.width).toBe(0)
    expect(b!.y).toBeGreaterThan(a!.y)
    expect(layout.height).toBeGreaterThan(layout.axisY)
  })

  it('draws one bar per series in each criterion’s row, on an axis up to the largest value', () => {
    const layout = groupedBarsLayout(CRITERIA, [{ safety: 40, revenue: 60 }, { safety: 50 }], SIZE)
    expect(layout.ticks.at(-1)!.value).toBe(60)
    const [safety, revenue] = layout.rows
    expect(safety!.bars).toHaveLength(2)
    expect(safety!.bars[0]!.width).toBeCloseTo(200, 6)
    expect(revenue!.bars[1]!.value).toBe(0)
    expect(revenue!.bars[1]!.width).toBe(0)
    expect(safety!.bars[1]!.y).toBeGreaterThan(safety!.bars[0]!.y)
  })

  it('places the spread’s five numbers on 0–100 points, and leaves a criterion nobody weighed empty', () => {
    const layout = spreadLayout(
      CRITERIA,
      { safety: { min: 0, q1: 25, median: 50, q3: 75, max: 100 }, revenue: null },
      SIZE,
    )
    expect(layout.rows[0]!.box).toEqual({ min: 100, q1: 175, median: 250, q3: 325, max: 400 })
    expect(layout.rows[1]!.box).toBeNull()
  })

  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('Radiology request triage', 10)).toBe('Radiology…')
    expect(shortLabel('Rota', 10)).toBe('Rota')
  })
})
