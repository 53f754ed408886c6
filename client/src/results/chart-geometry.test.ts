// Chart geometry: stacked segments per group, bars on one dot scale, whole-number ticks.
import { describe, expect, it } from 'vitest'
import { rankedItems } from '@triage/shared'
import { chartLayout, wrapLabel } from './chart-geometry'
import { surgeonsAndNurse } from './fixtures.test-data'

const groups = [
  { id: 'g1', name: 'Surgeons' },
  { id: 'g2', name: 'Nurses' },
]
const items = rankedItems(surgeonsAndNurse.items, 'total')

describe('chartLayout', () => {
  const layout = chartLayout(items, groups, { width: 720, labelWidth: 220, rowHeight: 44 })
  const unit = (layout.plotRight - layout.plotLeft) / 10 // the scale is niced to 0–10

  it('draws one bar per item, in the order given, top to bottom', () => {
    expect(layout.bars.map((b) => b.key)).toEqual(['i:a', 'i:b', 'i:c'])
    const ys = layout.bars.map((b) => b.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
    for (const bar of layout.bars) {
      expect(bar.y).toBeGreaterThanOrEqual(layout.plotTop)
      expect(bar.y + bar.height).toBeLessThanOrEqual(layout.axisY)
    }
  })

  it('stacks each group’s dots left to right in group order, leaving out empty groups', () => {
    const [theatre, bed, discharge] = layout.bars
    expect(theatre!.segments.map((s) => [s.groupId, s.dots])).toEqual([['g1', 9]])
    expect(bed!.segments.map((s) => [s.groupId, s.groupIndex, s.dots])).toEqual([
      ['g1', 0, 3],
      ['g2', 1, 4],
    ])
    expect(discharge!.segments.map((s) => s.dots)).toEqual([3, 1])
    const [a, b] = bed!.segments
    expect(a!.x).toBeCloseTo(layout.plotLeft)
    expect(a!.width).toBeCloseTo(3 * unit)
    expect(b!.x).toBeCloseTo(a!.x + a!.width)
    expect(b!.width).toBeCloseTo(4 * unit)
  })

  it('puts the total just after the end of each bar', () => {
    for (const bar of layout.bars) {
      expect(bar.totalX).toBeCloseTo(layout.plotLeft + bar.total * unit + 6)
    }
  })

  it('writes a count inside a segment only when it fits', () => {
    const narrow = chartLayout(items, groups, { width: 400, labelWidth: 200 })
    const discharge = narrow.bars[2]!
    // 152 units for 10 dots: 3 dots (45.6) take a label, 1 dot (15.2) is too narrow.
    expect(discharge.segments.map((s) => s.labelled)).toEqual([true, false])
    expect(layout.bars[2]!.segments.every((s) => s.labelled)).toBe(true)
  })

  it('marks whole-number ticks from zero on the dot axis', () => {
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8, 10])
    expect(layout.ticks[0]!.x).toBeCloseTo(layout.plotLeft)
    expect(layout.ticks.at(-1)!.x).toBeCloseTo(layout.plotRight)
  })

  it('never divides by zero when nobody voted, and never shows half-dot ticks', () => {
    const empty = chartLayout(
      items.map((i) => ({ ...i, total: 0, byGroup: {} })),
      groups,
    )
    expect(empty.bars.every((b) => b.segments.length === 0)).toBe(true)
    expect(empty.bars.every((b) => Number.isFinite(b.totalX))).toBe(true)
    expect(empty.ticks.map((t) => t.value)).toEqual([0, 1])
  })

  it('grows with the number of items', () => {
    const one = chartLayout(items.slice(0, 1), groups, { rowHeight: 44 })
    expect(layout.height - one.height).toBeCloseTo(2 * 44)
  })
})

describe('wrapLabel', () => {
  it('keeps short labels on one line and wraps long ones between words, never cutting them', () => {
    expect(wrapLabel('Bed board', 28)).toEqual(['Bed board'])
    expect(wrapLabel('A very long idea about the discharge letters', 20)).toEqual([
      'A very long idea',
      'about the discharge',
      'letters',
    ])
    expect(wrapLabel('Line\n  break', 28)).toEqual(['Line break'])
  })

  it('cuts only a word longer than a whole line, and counts characters, not code units', () => {
    expect(wrapLabel('Screening for Pneumonoultramicroscopic', 10)).toEqual([
      'Screening',
      'for',
      'Pneumonoul',
      'tramicrosc',
      'opic',
    ])
    expect(wrapLabel('😀'.repeat(12), 10).map((l) => Array.from(l).length)).toEqual([10, 2])
  })

  it('gives every word back, in order, when each fits a line', () => {
    const text = 'Shared on-call rota across both theatre suites with one clear escalation contact'
    for (const max of [10, 12, 20, 35, 80]) {
      const lines = wrapLabel(text, max)
      expect(lines.join(' ')).toBe(text)
      expect(lines.every((l) => Array.from(l).length <= max)).toBe(true)
    }
  })
})

describe('chartLayout with long labels', () => {
  const long = items.map((i, n) =>
    n === 0 ? { ...i, label: 'A very long idea about the discharge letters of the ward' } : i,
  )

  it('gives a label wrapped beside its bar the rows it needs', () => {
    const layout = chartLayout(long, groups, { width: 720, maxLabelChars: 20, rowHeight: 44 })
    expect(layout.bars[0]!.lines.length).toBe(3)
    expect(layout.bars[0]!.label).toBe(long[0]!.label)
    const [first, second] = layout.bars
    expect(second!.y - first!.y).toBeGreaterThan(44)
    expect(first!.labelX).toBeLessThan(layout.plotLeft)
  })

  it('puts labels above the bars on a narrow screen, the bars using the whole width', () => {
    const layout = chartLayout(long, groups, {
      width: 320,
      maxLabelChars: 35,
      labels: 'above',
    })
    expect(layout.plotLeft).toBeLessThan(10)
    for (const bar of layout.bars) {
      expect(bar.labelX).toBe(layout.plotLeft)
      // The label's last line ends above its bar.
      expect(bar.labelY + (bar.lines.length - 1) * 18).toBeLessThan(bar.y)
    }
    const ys = layout.bars.map((b) => b.y)
    expect([...ys].sort((a, b) => a - b)).toEqual(ys)
  })
})
