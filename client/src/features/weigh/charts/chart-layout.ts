// The geometry of the weigh phase's charts, computed with d3-scale and drawn by React: bars of
// each group's mean proposal and the overall aggregate per criterion, the spread of proposals
// per criterion (five-number summary), and each item's weighted score stacked by criterion.
import { scaleBand, scaleLinear } from 'd3-scale'

export interface Tick {
  readonly value: number
  readonly x: number
}

/** What every chart's layout gives: its size, the plot's edges and the axis ticks. */
export interface Frame {
  readonly width: number
  readonly height: number
  readonly plotLeft: number
  readonly plotRight: number
  readonly plotTop: number
  readonly axisY: number
  readonly ticks: readonly Tick[]
}

const ROW = 30
const TOP = 8
const AXIS = 44

function frame(width: number, labelWidth: number, rows: number, rowHeight: number, max: number) {
  const plotLeft = labelWidth
  const plotRight = Math.max(plotLeft + 60, width - 16)
  const plotTop = TOP
  const axisY = plotTop + rows * rowHeight
  const x = scaleLinear().domain([0, max]).range([plotLeft, plotRight])
  const ticks = x.ticks(5).map((value) => ({ value, x: x(value) }))
  return {
    x,
    frame: { width, height: axisY + AXIS, plotLeft, plotRight, plotTop, axisY, ticks } as Frame,
  }
}

export interface GroupedBars extends Frame {
  readonly rows: readonly {
    readonly id: string
    readonly label: string
    readonly y: number
    readonly height: number
    readonly bars: readonly {
      readonly series: number
      readonly value: number
      readonly x: number
      readonly y: number
      readonly width: number
      readonly height: number
    }[]
  }[]
}

/**
 * One row per criterion with one bar per series (each group's mean, then the overall), on a
 * shared 0–`max` axis (at least 100 points' worth is not needed: the axis ends at the largest
 * value rounded up to ten).
 */
export function groupedBarsLayout(
  criteria: readonly { readonly id: string; readonly name: string }[],
  series: readonly Readonly<Record<string, number>>[],
  { width, labelWidth }: { width: number; labelWidth: number },
): GroupedBars {
  const rowHeight = Math.max(ROW, series.length * 14 + 12)
  const largest = Math.max(10, ...series.flatMap((s) => criteria.map((c) => s[c.id] ?? 0)))
  const max = Math.min(100, Math.ceil(largest / 10) * 10)
  const { x, frame: f } = frame(width, labelWidth, criteria.length, rowHeight, max)
  const band = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, rowHeight - 8])
    .paddingInner(0.15)
  const rows = criteria.map((c, r) => {
    const y = f.plotTop + r * rowHeight
    return {
      id: c.id,
      label: c.name,
      y,
      height: rowHeight,
      bars: series.map((s, i) => {
        const value = Math.max(0, Math.min(max, s[c.id] ?? 0))
        return {
          series: i,
          value: s[c.id] ?? 0,
          x: f.plotLeft,
          y: y + 4 + (band(i) ?? 0),
          width: x(value) - f.plotLeft,
          height: band.bandwidth(),
        }
      }),
    }
  })
  return { ...f, rows }
}

export interface FiveNumbers {
  readonly min: number
  readonly q1: number
  readonly median: number
  readonly q3: number
  readonly max: number
}

export interface SpreadLayout extends Frame {
  readonly rows: readonly {
    readonly id: string
    readonly label: string
    readonly y: number
    readonly mid: number
    /** Null when nobody proposed. */
    readonly box: {
      readonly min: number
      readonly q1: number
      readonly median: number
      readonly q3: number
      readonly max: number
    } | null
  }[]
}

/** A box plot per criterion on 0–100 points: whiskers min–max, box q1–q3, a median line. */
export function spreadLayout(
  criteria: readonly { readonly id: string; readonly name: string }[],
  spread: Readonly<Record<string, FiveNumbers | null>>,
  { width, labelWidth }: { width: number; labelWidth: number },
): SpreadLayout {
  const { x, frame: f } = frame(width, labelWidth, criteria.length, ROW, 100)
  const at = (v: number) => x(Math.max(0, Math.min(100, v)))
  return {
    ...f,
    rows: criteria.map((c, r) => {
      const y = f.plotTop + r * ROW
      const s = spread[c.id] ?? null
      return {
        id: c.id,
        label: c.name,
        y,
        mid: y + ROW / 2,
        box: s && {
          min: at(s.min),
          q1: at(s.q1),
          median: at(s.median),
          q3: at(s.q3),
          max: at(s.max),
        },
      }
    }),
  }
}

export interface StackLayout extends Frame {
  readonly bars: readonly {
    readonly key: string
    readonly label: string
    readonly y: number
    readonly height: number
    readonly total: number
    readonly segments: readonly {
      readonly criterion: number
      readonly value: number
      readonly x: number
      readonly width: number
    }[]
  }[]
}

/**
 * One bar per ranked item on 0–100, its criteria's contributions laid end to end in the
 * criteria's order (each segment starts where the one before ends; they sum to the score).
 */
export function stackLayout(
  items: readonly {
    readonly key: string
    readonly label: string
    readonly contributions: readonly number[]
  }[],
  { width, labelWidth }: { width: number; labelWidth: number },
): StackLayout {
  const { x, frame: f } = frame(width, labelWidth, items.length, ROW, 100)
  return {
    ...f,
    bars: items.map((item, r) => {
      let start = 0
      const segments = item.contributions.map((value, criterion) => {
        const v = Math.max(0, value)
        const seg = { criterion, value, x: x(start), width: x(start + v) - x(start) }
        start += v
        return seg
      })
      return {
        key: item.key,
        label: item.label,
        y: f.plotTop + r * ROW + 4,
        height: ROW - 8,
        total: start,
        segments,
      }
    }),
  }
}

/** A label cut to `max` characters with an ellipsis (the table beside it has it in full). */
export function shortLabel(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`
}
