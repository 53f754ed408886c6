// The weigh phase's d3 charts, drawn as React SVG from chart-layout's geometry: proposals by
// group and overall, their spread per criterion, and each item's score stacked by criterion.
// Each series has a colour and a fill pattern (colour is never the only signal), and a table
// beside every chart holds its numbers as text.
import { useId, useMemo, useRef, type ReactNode } from 'react'
import { groupStyle, patternId, type PatternKind } from '../../../results/chart-style'
import { useChartSize } from '../../../results/use-chart-size'
import {
  groupedBarsLayout,
  shortLabel,
  spreadLayout,
  stackLayout,
  type Frame,
} from './chart-layout'
import '../weigh.css'

interface Named {
  readonly id: string
  readonly name: string
}

const labelWidthFor = (width: number) => Math.round(Math.min(240, Math.max(110, width * 0.32)))
const charsFor = (labelWidth: number) => Math.max(8, Math.floor((labelWidth - 14) / 7.6))

function Axis({
  ticks,
  left,
  right,
  top,
  axisY,
  title,
}: {
  ticks: readonly { value: number; x: number }[]
  left: number
  right: number
  top: number
  axisY: number
  title: string
}) {
  return (
    <g>
      {ticks.map((t) => (
        <g key={t.value}>
          <line className="weigh-chart__grid" x1={t.x} x2={t.x} y1={top} y2={axisY} />
          <text className="weigh-chart__tick" x={t.x} y={axisY + 16} textAnchor="middle">
            {t.value}
          </text>
        </g>
      ))}
      <line x1={left} x2={right} y1={axisY} y2={axisY} stroke="currentColor" />
      <text className="weigh-chart__tick" x={(left + right) / 2} y={axisY + 34} textAnchor="middle">
        {title}
      </text>
    </g>
  )
}

/** The chart's box (its measured width) and the room its row labels get. */
function useChartBox() {
  const box = useRef<HTMLDivElement>(null)
  const { width } = useChartSize(box)
  return { box, width, labelWidth: labelWidthFor(width) }
}

/** A chart's SVG: its accessible name, the axis along the bottom, and what is drawn on it. */
function ChartSvg({
  label,
  layout,
  axisTitle,
  children,
}: {
  label: string
  layout: Frame
  axisTitle: string
  children: ReactNode
}) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      className="weigh-chart__svg"
    >
      <Axis
        ticks={layout.ticks}
        left={layout.plotLeft}
        right={layout.plotRight}
        top={layout.plotTop}
        axisY={layout.axisY}
        title={axisTitle}
      />
      {children}
    </svg>
  )
}

/** A row's name left of the plot, shortened to the room there is. */
function RowLabel({
  layout,
  y,
  text,
  labelWidth,
}: {
  layout: Frame
  y: number
  text: string
  labelWidth: number
}) {
  return (
    <text
      className="weigh-chart__label"
      x={layout.plotLeft - 8}
      y={y}
      textAnchor="end"
      dominantBaseline="central"
    >
      {shortLabel(text, charsFor(labelWidth))}
    </text>
  )
}

/** The fill patterns of `count` series, drawn over their colour. */
function Patterns({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => (
        <Pattern key={i} id={patternId(prefix, i)} kind={groupStyle(i).pattern} />
      ))}
    </defs>
  )
}

function Pattern({ id, kind }: { id: string; kind: PatternKind }) {
  const line = { stroke: 'white', strokeWidth: 1.5, strokeOpacity: 0.75 }
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      {kind === 'diagonal' && <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...line} />}
      {kind === 'dots' && <circle cx="4" cy="4" r="1.6" fill="white" fillOpacity={0.8} />}
      {kind === 'cross' && <path d="M0,0 l8,8 M8,0 l-8,8" {...line} />}
      {kind === 'horizontal' && <path d="M0,4 h8" {...line} />}
      {kind === 'vertical' && <path d="M4,0 v8" {...line} />}
    </pattern>
  )
}

function Fill({ prefix, index, ...rect }: { prefix: string; index: number } & Rect) {
  const style = groupStyle(index)
  return (
    <g>
      <rect {...rect} fill={style.color} />
      {style.pattern !== 'solid' && <rect {...rect} fill={`url(#${patternId(prefix, index)})`} />}
    </g>
  )
}

interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** A legend of the series, as a list (text, with each series' swatch). */
export function Legend({ names }: { names: readonly string[] }) {
  const prefix = useId()
  return (
    <ul className="weigh-legend" aria-label="Legend">
      {names.map((name, i) => (
        <li key={name}>
          <svg width="18" height="14" aria-hidden="true">
            <Patterns prefix={`${prefix}${i}`} count={i + 1} />
            <Fill prefix={`${prefix}${i}`} index={i} x={0} y={0} width={18} height={14} />
          </svg>{' '}
          {name}
        </li>
      ))}
    </ul>
  )
}

/** Each group's mean proposal and the overall aggregate, per criterion. */
export function ProposalBars({
  criteria,
  series,
}: {
  criteria: readonly Named[]
  series: readonly { readonly name: string; readonly weights: Readonly<Record<string, number>> }[]
}) {
  const { box, width, labelWidth } = useChartBox()
  const prefix = useId()
  const layout = useMemo(
    () =>
      groupedBarsLayout(
        criteria,
        series.map((s) => s.weights),
        { width, labelWidth },
      ),
    [criteria, series, width, labelWidth],
  )
  return (
    <div className="weigh-chart" ref={box}>
      <ChartSvg
        label="Mean proposal per criterion, by stakeholder group and overall"
        layout={layout}
        axisTitle="Points of 100"
      >
        <Patterns prefix={prefix} count={series.length} />
        {layout.rows.map((row) => (
          <g key={row.id}>
            <RowLabel
              layout={layout}
              y={row.y + row.height / 2}
              text={row.label}
              labelWidth={labelWidth}
            />
            {row.bars.map((bar) => (
              <Fill
                key={bar.series}
                prefix={prefix}
                index={bar.series}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
              />
            ))}
          </g>
        ))}
      </ChartSvg>
      <Legend names={series.map((s) => s.name)} />
    </div>
  )
}

/** The spread of the proposals per criterion: a box plot on 0–100 points. */
export function SpreadChart({
  criteria,
  spread,
}: {
  criteria: readonly Named[]
  spread: Readonly<
    Record<string, { min: number; q1: number; median: number; q3: number; max: number } | null>
  >
}) {
  const { box, width, labelWidth } = useChartBox()
  const layout = useMemo(
    () => spreadLayout(criteria, spread, { width, labelWidth }),
    [criteria, spread, width, labelWidth],
  )
  return (
    <div className="weigh-chart" ref={box}>
      <ChartSvg
        label="Spread of the proposals per criterion: lowest, quartiles, median and highest"
        layout={layout}
        axisTitle="Points of 100"
      >
        {layout.rows.map((row) => (
          <g key={row.id}>
            <RowLabel layout={layout} y={row.mid} text={row.label} labelWidth={labelWidth} />
            {row.box && (
              <g className="weigh-chart__box">
                <line x1={row.box.min} x2={row.box.max} y1={row.mid} y2={row.mid} />
                <line x1={row.box.min} x2={row.box.min} y1={row.mid - 6} y2={row.mid + 6} />
                <line x1={row.box.max} x2={row.box.max} y1={row.mid - 6} y2={row.mid + 6} />
                <rect
                  x={row.box.q1}
                  y={row.mid - 9}
                  width={Math.max(1, row.box.q3 - row.box.q1)}
                  height={18}
                />
                <line
                  className="weigh-chart__median"
                  x1={row.box.median}
                  x2={row.box.median}
                  y1={row.mid - 9}
                  y2={row.mid + 9}
                />
              </g>
            )}
          </g>
        ))}
      </ChartSvg>
    </div>
  )
}

/** Each item's weighted score, stacked by each criterion's contribution. */
export function ContributionChart({
  criteria,
  items,
}: {
  criteria: readonly Named[]
  items: readonly { key: string; label: string; contributions: readonly number[] }[]
}) {
  const { box, width, labelWidth } = useChartBox()
  const prefix = useId()
  const layout = useMemo(
    () => stackLayout(items, { width, labelWidth }),
    [items, width, labelWidth],
  )
  return (
    <div className="weigh-chart" ref={box}>
      <ChartSvg
        label="Weighted score per item, stacked by each criterion's contribution"
        layout={layout}
        axisTitle="Weighted score (0–100)"
      >
        <Patterns prefix={prefix} count={criteria.length} />
        {layout.bars.map((bar) => (
          <g key={bar.key}>
            <RowLabel
              layout={layout}
              y={bar.y + bar.height / 2}
              text={bar.label}
              labelWidth={labelWidth}
            />
            {bar.segments.map((s) => (
              <Fill
                key={s.criterion}
                prefix={prefix}
                index={s.criterion}
                x={s.x}
                y={bar.y}
                width={s.width}
                height={bar.height}
              />
            ))}
          </g>
        ))}
      </ChartSvg>
      <Legend names={criteria.map((c) => c.name)} />
    </div>
  )
}
