// The stacked bar chart of the results: d3 computes the geometry (chart-geometry), React draws
// it. Each group has a colour and a pattern, and segments that are wide enough carry their
// count, so colour is never the only signal; the table above holds every number as text.
import { useId, useMemo, useRef, type ReactNode } from 'react'
import type { ItemResult } from '@triage/shared'
import { chartLayout, LINE_HEIGHT, type ChartGroup, type Segment } from './chart-geometry'
import { groupStyle, patternId, type PatternKind } from './chart-style'
import { useChartSize } from './use-chart-size'

export const CHART_NAME = 'Dots per item, stacked by stakeholder group'

export function ResultsChart({
  items,
  groups,
}: {
  /** In the order the bars are drawn, top to bottom. */
  items: readonly ItemResult[]
  groups: readonly ChartGroup[]
}) {
  const box = useRef<HTMLDivElement>(null)
  const { width } = useChartSize(box)
  const prefix = useId()
  const layout = useMemo(() => {
    // On a narrow screen the labels go above the bars, which then get the whole width; on a
    // wide one they sit beside them. Either way they wrap, whole, never cut short.
    const above = width < 520
    const labelWidth = above ? width : Math.round(Math.min(420, Math.max(160, width * 0.4)))
    return chartLayout(items, groups, {
      width,
      labelWidth,
      labels: above ? 'above' : 'beside',
      // Bold 14px runs at about 8.4 units a character in common system fonts.
      maxLabelChars: Math.max(8, Math.floor((labelWidth - 14) / 8.4)),
    })
  }, [items, groups, width])

  return (
    <div className="results-chart" ref={box}>
      <svg
        className="results-chart__svg"
        role="img"
        aria-label={CHART_NAME}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <defs>
          {groups.map((g, i) => (
            <Pattern key={g.id} id={patternId(prefix, i)} kind={groupStyle(i).pattern} />
          ))}
        </defs>
        {layout.ticks.map((t) => (
          <g key={t.value}>
            <line
              className="results-chart__grid"
              x1={t.x}
              x2={t.x}
              y1={layout.plotTop}
              y2={layout.axisY}
            />
            <line x1={t.x} x2={t.x} y1={layout.axisY} y2={layout.axisY + 5} stroke="currentColor" />
            <text className="results-chart__tick" x={t.x} y={layout.axisY + 18} textAnchor="middle">
              {t.value}
            </text>
          </g>
        ))}
        <line
          x1={layout.plotLeft}
          x2={layout.plotRight}
          y1={layout.axisY}
          y2={layout.axisY}
          stroke="currentColor"
        />
        <text
          className="results-chart__axis-title"
          x={(layout.plotLeft + layout.plotRight) / 2}
          y={layout.axisY + 38}
          textAnchor="middle"
        >
          Dots
        </text>
        {layout.bars.map((bar) => (
          <g key={bar.key}>
            <text
              className="results-chart__label"
              x={bar.labelX}
              y={bar.labelY}
              textAnchor={layout.labels === 'above' ? 'start' : 'end'}
              dominantBaseline="central"
            >
              {bar.lines.map((line, i) => (
                // A space between lines, so the text reads whole when copied or measured.
                <tspan key={i} x={bar.labelX} dy={i === 0 ? 0 : LINE_HEIGHT}>
                  {/* On the side the space leads (invisible at a right-aligned line's start);
                      above the bars it trails. */}
                  {layout.labels === 'beside'
                    ? `${i > 0 ? ' ' : ''}${line}`
                    : `${line}${i < bar.lines.length - 1 ? ' ' : ''}`}
                </tspan>
              ))}
            </text>
            {bar.segments.map((s) => (
              <SegmentShape
                key={s.groupId}
                segment={s}
                y={bar.y}
                height={bar.height}
                pattern={patternId(prefix, s.groupIndex)}
              />
            ))}
            <text
              className="results-chart__total"
              x={bar.totalX}
              y={bar.y + bar.height / 2}
              dominantBaseline="central"
            >
              {bar.total}
            </text>
          </g>
        ))}
      </svg>
      <ul className="results-legend" aria-label="Chart legend: stakeholder groups">
        {groups.map((g, i) => (
          <li key={g.id} className="results-legend__item">
            <svg className="results-legend__swatch" viewBox="0 0 28 18" aria-hidden="true">
              <Swatch index={i} pattern={patternId(prefix, i)} width={28} height={18} />
            </svg>
            {g.name}
          </li>
        ))}
      </ul>
    </div>
  )
}

function SegmentShape({
  segment,
  y,
  height,
  pattern,
}: {
  segment: Segment
  y: number
  height: number
  pattern: string
}) {
  const cx = segment.x + segment.width / 2
  const badge = String(segment.dots).length * 8 + 8
  return (
    <g>
      <g transform={`translate(${segment.x} ${y})`}>
        <Swatch
          index={segment.groupIndex}
          pattern={pattern}
          width={segment.width}
          height={height}
        />
      </g>
      {segment.labelled && (
        <g className="results-chart__count">
          <rect x={cx - badge / 2} y={y + height / 2 - 9} width={badge} height={18} rx={4} />
          <text x={cx} y={y + height / 2} textAnchor="middle" dominantBaseline="central">
            {segment.dots}
          </text>
        </g>
      )}
    </g>
  )
}

/** A group's fill at the origin: its colour, its pattern over it, a white edge between groups. */
function Swatch({
  index,
  pattern,
  width,
  height,
}: {
  index: number
  pattern: string
  width: number
  height: number
}) {
  const style = groupStyle(index)
  return (
    <>
      <rect width={width} height={height} fill={style.color} />
      {style.pattern !== 'solid' && (
        <rect width={width} height={height} fill={`url(#${pattern})`} />
      )}
      <rect width={width} height={height} fill="none" stroke="#fff" strokeWidth={1.5} />
    </>
  )
}

/** White marks over the group's colour; 8-unit tiles in the chart's own units. */
function Pattern({ id, kind }: { id: string; kind: PatternKind }) {
  const mark = { fill: '#fff', fillOpacity: 0.6 }
  const tile = (children: ReactNode, transform?: string) => (
    <pattern
      id={id}
      width={8}
      height={8}
      patternUnits="userSpaceOnUse"
      {...(transform && { patternTransform: transform })}
    >
      {children}
    </pattern>
  )
  switch (kind) {
    case 'solid':
      return tile(null)
    case 'diagonal':
      return tile(<rect width={3} height={8} {...mark} />, 'rotate(45)')
    case 'dots':
      return tile(<circle cx={4} cy={4} r={1.8} {...mark} />)
    case 'cross':
      return tile(
        <>
          <rect width={8} height={1.6} {...mark} />
          <rect width={1.6} height={8} {...mark} />
        </>,
        'rotate(45)',
      )
    case 'horizontal':
      return tile(<rect width={8} height={2.5} {...mark} />)
    case 'vertical':
      return tile(<rect width={2.5} height={8} {...mark} />)
  }
}
