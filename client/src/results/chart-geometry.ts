// Geometry of the stacked bar chart, computed by d3 (scales and the stack layout) as plain
// numbers; React draws it. One horizontal bar per item, one segment per stakeholder group.
import { scaleBand, scaleLinear } from 'd3-scale'
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
  /** The item's label, shortened to fit beside the bar. */
  readonly label: string
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
}

export interface ChartOptions {
  readonly width?: number
  readonly labelWidth?: number
  readonly rowHeight?: number
  readonly maxLabelChars?: number
}

const DEFAULTS = { width: 720, labelWidth: 220, rowHeight: 44, maxLabelChars: 28 }
const TOP = 8
const RIGHT = 48
const AXIS = 44
/** Room a count needs inside a segment: a digit is about 8 units wide at the chart's size. */
const labelRoom = (dots: number) => String(dots).length * 8 + 14

/** Shortens a label to `max` characters, ending in an ellipsis when cut. */
export function shorten(label: string, max: number): string {
  const flat = label.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
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
  const { width, labelWidth, rowHeight, maxLabelChars } = { ...DEFAULTS, ...options }
  const plotLeft = labelWidth
  const plotRight = width - RIGHT
  const plotBottom = TOP + Math.max(1, items.length) * rowHeight
  const maxTotal = Math.max(1, ...items.map((i) => i.total))
  const x = scaleLinear()
    .domain([0, maxTotal])
    .range([plotLeft, plotRight])
    .nice(Math.min(maxTotal, 5))
  const y = scaleBand<string>()
    .domain(items.map((i) => i.key))
    .range([TOP, plotBottom])
    .paddingInner(0.3)
    .paddingOuter(0.15)
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
    return {
      key: item.key,
      label: shorten(item.label, maxLabelChars),
      y: y(item.key) ?? TOP,
      height: y.bandwidth(),
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
  }
}
