// Geometry of the stacked bar chart, computed by d3 (scales and the stack layout) as plain
// numbers; React draws it. One horizontal bar per item, one segment per stakeholder group; each
// item's label whole, wrapped over lines, beside its bar or (on a narrow screen) above it.
import { scaleLinear } from 'd3-scale'
import { stack } from 'd3-shape'
import type { ItemResult } from '@triage/shared'

export interface ChartGroup {
  readonly id: string
  readonly name: string
}

export interface Segment {
  readonly groupId: string
  /** Position of the group in the legend: picks its colour and pattern. */
  readonly groupIndex: number
  readonly x: number
  readonly width: number
  readonly dots: number
  /** Whether the count fits inside the segment (otherwise colour and pattern tell it). */
  readonly labelled: boolean
}

export interface Bar {
  readonly key: string
  /** The item's full label. */
  readonly label: string
  /** The label wrapped to the room it has, one entry a line (never cut short). */
  readonly lines: readonly string[]
  /** Where the label's first line sits (its middle, in the chart's units), and its x. */
  readonly labelY: number
  readonly labelX: number
  readonly y: number
  readonly height: number
  readonly total: number
  /** Where the total is written, just after the bar. */
  readonly totalX: number
  readonly segments: readonly Segment[]
}

export interface Tick {
  readonly value: number
  readonly x: number
}

export interface ChartLayout {
  readonly width: number
  readonly height: number
  /** Left edge of the bars (labels end here) and the baseline of the axis. */
  readonly plotLeft: number
  readonly plotRight: number
  readonly plotTop: number
  readonly axisY: number
  readonly bars: readonly Bar[]
  readonly ticks: readonly Tick[]
  /** Labels beside the bars (ending at `plotLeft`) or above them (starting at `plotLeft`). */
  readonly labels: LabelPlacement
}

export type LabelPlacement = 'beside' | 'above'

export interface ChartOptions {
  readonly width?: number
  readonly labelWidth?: number
  readonly rowHeight?: number
  /** How many characters fit on one line of a label. */
  readonly maxLabelChars?: number
  readonly labels?: LabelPlacement
}

const DEFAULTS = {
  width: 720,
  labelWidth: 220,
  rowHeight: 44,
  maxLabelChars: 28,
  labels: 'beside' as LabelPlacement,
}
/** A label's line height and the room between a label above its bar and the bar. */
export const LINE_HEIGHT = 18
const GAP = 4
/** Left margin when the labels sit above the bars. */
const INSET = 2
const TOP = 8
const RIGHT = 48
const AXIS = 44
/** Room a count needs inside a segment: a digit is about 8 units wide at the chart's size. */
const labelRoom = (dots: number) => String(dots).length * 8 + 14

/**
 * Wraps a label into lines of at most `max` characters, breaking between words; only a word
 * longer than a whole line is cut, into pieces of `max` characters.
 */
export function wrapLabel(label: string, max: number): string[] {
  const width = Math.max(1, Math.floor(max))
  const lines: string[] = []
  let line: string[] = []
  const push = () => {
    if (line.length > 0) lines.push(line.join(''))
    line = []
  }
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const chars = Array.from(word)
    const room = line.length === 0 ? width : width - line.length - 1
    if (chars.length <= room) {
      if (line.length > 0) line.push(' ')
      line.push(...chars)
      continue
    }
    push()
    for (let i = 0; i < chars.length; i += width) {
      line = chars.slice(i, i + width)
      if (i + width < chars.length) push()
    }
  }
  push()
  return lines.length > 0 ? lines : ['']
}

/**
 * Lays out one bar per item (in the order given: the caller ranks them), each split into
 * its groups' dots in group order, on a shared linear dot scale with whole-number ticks.
 */
export function chartLayout(
  items: readonly ItemResult[],
  groups: readonly ChartGroup[],
  options: ChartOptions = {},
): ChartLayout {
  const { width, labelWidth, rowHeight, maxLabelChars, labels } = { ...DEFAULTS, ...options }
  const above = labels === 'above'
  const plotLeft = above ? INSET : labelWidth
  const plotRight = width - RIGHT
  const wrapped = items.map((i) => wrapLabel(i.label.replace(/\s+/g, ' ').trim(), maxLabelChars))
  // Each row is as tall as its label needs: one line beside a bar takes no more room than the
  // bar's own row; more lines, or a label above the bar, add their height.
  const barHeight = rowHeight * 0.7
  const pitches = wrapped.map((lines) =>
    above
      ? lines.length * LINE_HEIGHT + GAP + barHeight + rowHeight * 0.3
      : Math.max(rowHeight, lines.length * LINE_HEIGHT + rowHeight * 0.3),
  )
  const tops = pitches.map((_, i) => TOP + pitches.slice(0, i).reduce((a, b) => a + b, 0))
  const plotBottom = TOP + (items.length === 0 ? rowHeight : pitches.reduce((a, b) => a + b, 0))
  const maxTotal = Math.max(1, ...items.map((i) => i.total))
  const x = scaleLinear()
    .domain([0, maxTotal])
    .range([plotLeft, plotRight])
    .nice(Math.min(maxTotal, 5))
  const series = stack<ItemResult, string>()
    .keys(groups.map((g) => g.id))
    .value((item, groupId) => item.byGroup[groupId] ?? 0)([...items])
  const bars = items.map((item, i): Bar => {
    const segments: Segment[] = []
    series.forEach((s, groupIndex) => {
      const [from, to] = s[i]!
      const dots = to - from
      if (dots <= 0) return
      const left = x(from)
      const segWidth = x(to) - left
      segments.push({
        groupId: groups[groupIndex]!.id,
        groupIndex,
        x: left,
        width: segWidth,
        dots,
        labelled: segWidth >= labelRoom(dots),
      })
    })
    const lines = wrapped[i]!
    const top = tops[i]!
    const pitch = pitches[i]!
    const barY = above ? top + lines.length * LINE_HEIGHT + GAP : top + (pitch - barHeight) / 2
    return {
      key: item.key,
      label: item.label,
      lines,
      labelX: above ? plotLeft : plotLeft - 10,
      labelY: above
        ? top + LINE_HEIGHT / 2
        : top + pitch / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2,
      y: barY,
      height: barHeight,
      total: item.total,
      totalX: x(item.total) + 6,
      segments,
    }
  })
  const ticks = x
    .ticks(Math.min(maxTotal, 5))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, x: x(value) }))
  return {
    width,
    height: plotBottom + AXIS,
    plotLeft,
    plotRight,
    plotTop: TOP,
    axisY: plotBottom,
    bars,
    ticks,
    labels,
  }
}
