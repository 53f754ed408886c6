// The 2x2 drawn: d3 scales give the geometry, React draws axes, quadrants and items as SVG.
// Three uses: the group placement (items as points, draggable where `onMove` is given), and
// the reveal (each item's median with interquartile whiskers on both axes, split items as a
// diamond and in another colour, each group's medians on demand). Every item is also named in
// words, so neither colour nor position is the only signal.
import { scaleLinear } from 'd3-scale'
import { useId, type ReactNode } from 'react'
import {
  RATING_MAX,
  RATING_MIDPOINT,
  RATING_MIN,
  type MatrixLabels,
  type MatrixPoint,
  type Quadrant,
} from '@triage/shared'
import { layoutLabels } from './label-layout'
import { formatRating, shortLabel, type RevealRow } from './matrix-model'

/** The drawing's own units; the SVG scales to its box, keeping this aspect. */
export const VIEW = { width: 1000, height: 640 } as const
const MARGIN = { top: 16, right: 24, bottom: 64, left: 76 } as const
export const PLOT = {
  x: MARGIN.left,
  y: MARGIN.top,
  width: VIEW.width - MARGIN.left - MARGIN.right,
  height: VIEW.height - MARGIN.top - MARGIN.bottom,
} as const

export const xOf = scaleLinear()
  .domain([RATING_MIN, RATING_MAX])
  .range([PLOT.x, PLOT.x + PLOT.width])
export const yOf = scaleLinear()
  .domain([RATING_MIN, RATING_MAX])
  .range([PLOT.y + PLOT.height, PLOT.y])

const QUADRANT_CORNERS: readonly { q: Quadrant; effort: 'low' | 'high'; impact: 'low' | 'high' }[] =
  [
    { q: 'quick-wins', effort: 'low', impact: 'high' },
    { q: 'major-projects', effort: 'high', impact: 'high' },
    { q: 'fill-ins', effort: 'low', impact: 'low' },
    { q: 'thankless-tasks', effort: 'high', impact: 'low' },
  ]

/** The frame of the matrix: quadrants with their labels, the axes with ticks and names. */
function Frame({ labels, fontSize }: { labels: MatrixLabels; fontSize: number }) {
  const midX = xOf(RATING_MIDPOINT)
  const midY = yOf(RATING_MIDPOINT)
  const left = PLOT.x
  const right = PLOT.x + PLOT.width
  const top = PLOT.y
  const bottom = PLOT.y + PLOT.height
  return (
    <g className="matrix-frame">
      {QUADRANT_CORNERS.map(({ q, effort, impact }) => {
        const x0 = effort === 'low' ? left : midX
        const x1 = effort === 'low' ? midX : right
        const y0 = impact === 'high' ? top : midY
        const y1 = impact === 'high' ? midY : bottom
        return (
          <g key={q}>
            <rect
              className={`matrix-quadrant matrix-quadrant--${q}`}
              x={x0}
              y={y0}
              width={x1 - x0}
              height={y1 - y0}
            />
            <text
              className="matrix-quadrant__label"
              x={(x0 + x1) / 2}
              y={y0 + fontSize * 1.4}
              textAnchor="middle"
              fontSize={fontSize * 1.15}
            >
              {labels.quadrants[q]}
            </text>
          </g>
        )
      })}
      <line className="matrix-midline" x1={midX} x2={midX} y1={top} y2={bottom} />
      <line className="matrix-midline" x1={left} x2={right} y1={midY} y2={midY} />
      <g className="matrix-axis" aria-hidden="true">
        <line x1={left} x2={right} y1={bottom} y2={bottom} />
        <line x1={left} x2={left} y1={top} y2={bottom} />
        {xOf.ticks(8).map((t) => (
          <g key={`x${t}`} transform={`translate(${xOf(t)},${bottom})`}>
            <line y2={6} />
            <text y={6 + fontSize} textAnchor="middle" fontSize={fontSize * 0.85}>
              {t}
            </text>
          </g>
        ))}
        {yOf.ticks(8).map((t) => (
          <g key={`y${t}`} transform={`translate(${left},${yOf(t)})`}>
            <line x2={-6} />
            <text x={-10} dy="0.35em" textAnchor="end" fontSize={fontSize * 0.85}>
              {t}
            </text>
          </g>
        ))}
        <text
          className="matrix-axis__name"
          x={(left + right) / 2}
          y={VIEW.height - 8}
          textAnchor="middle"
          fontSize={fontSize}
        >
          {labels.axes.effort} →
        </text>
        <text
          className="matrix-axis__name"
          transform={`translate(${fontSize + 4},${(top + bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={fontSize}
        >
          {labels.axes.impact} →
        </text>
      </g>
    </g>
  )
}

/** The matrix's SVG: the frame, then whatever is drawn on it. */
export function MatrixSvg({
  labels,
  name,
  fontSize = 18,
  children,
  plotRef,
  className = '',
}: {
  labels: MatrixLabels
  /** The accessible name of the whole drawing. */
  name: string
  fontSize?: number
  children: ReactNode
  /** The plot's rectangle, for turning screen positions into ratings. */
  plotRef?: (node: SVGRectElement | null) => void
  className?: string
}) {
  return (
    <svg
      className={`matrix-svg ${className}`}
      role="group"
      aria-label={name}
      viewBox={`0 0 ${VIEW.width} ${VIEW.height}`}
      preserveAspectRatio="xMidYMid meet"
    >
      <Frame labels={labels} fontSize={fontSize} />
      <rect
        ref={plotRef}
        className="matrix-plot"
        x={PLOT.x}
        y={PLOT.y}
        width={PLOT.width}
        height={PLOT.height}
        fill="none"
      />
      {children}
    </svg>
  )
}

/** A point's label, kept inside the plot: to the left of points on the right-hand side. */
/** Labels are cut to this many characters; a point's label sits this far from its marker. */
const LABEL_CHARS = 26
const LABEL_OFFSET = 14

/** The box a point's label takes (estimated from its length), for laying labels out. */
export function labelBox(key: string, point: MatrixPoint, text: string, fontSize: number) {
  const x = xOf(point.effort)
  const width = Math.min([...text].length, LABEL_CHARS) * fontSize * 0.55
  const onRight = x > PLOT.x + PLOT.width * 0.55
  return {
    key,
    left: onRight ? x - LABEL_OFFSET - width : x + LABEL_OFFSET,
    width,
    y: yOf(point.impact),
  }
}

export function PointLabel({
  point,
  text,
  fontSize,
  offset = LABEL_OFFSET,
  labelY,
}: {
  point: MatrixPoint
  text: string
  fontSize: number
  offset?: number
  /** Where the label goes when another label is in its place (a leader joins it back). */
  labelY?: number
}) {
  const x = xOf(point.effort)
  const y = yOf(point.impact)
  const at = labelY ?? y
  const onRight = x > PLOT.x + PLOT.width * 0.55
  const textX = onRight ? x - offset : x + offset
  return (
    <>
      {at !== y && (
        <line className="matrix-label-leader" x1={x} y1={y} x2={textX} y2={at} aria-hidden="true" />
      )}
      <text
        className="matrix-point__label"
        x={textX}
        y={at}
        dy="0.35em"
        textAnchor={onRight ? 'end' : 'start'}
        fontSize={fontSize}
      >
        {shortLabel(text, LABEL_CHARS)}
      </text>
    </>
  )
}

/** A diamond for split items (shape, not only colour), a circle otherwise. */
export function Marker({ split, size }: { split: boolean; size: number }) {
  return split ? (
    <path
      className="matrix-marker matrix-marker--split"
      d={`M0,${-size * 1.35}L${size * 1.35},0L0,${size * 1.35}L${-size * 1.35},0Z`}
    />
  ) : (
    <circle className="matrix-marker" r={size} />
  )
}

/**
 * The reveal drawn: per item its median (a diamond when split) with interquartile whiskers on
 * both axes, and, when `showGroups`, each group's medians as numbered squares.
 */
export function RevealMarks({
  rows,
  showGroups,
  groupOrder,
  fontSize = 18,
}: {
  rows: readonly RevealRow[]
  showGroups: boolean
  /** Group ids in the legend's order: a group's square carries its number there. */
  groupOrder: readonly string[]
  fontSize?: number
}) {
  const titleId = useId()
  const labelY = layoutLabels(
    rows.flatMap((row) =>
      row.impact && row.effort
        ? [
            labelBox(
              row.key,
              { impact: row.impact.median, effort: row.effort.median },
              row.label,
              fontSize,
            ),
          ]
        : [],
    ),
    fontSize * 1.2,
    PLOT.y + fontSize / 2,
    PLOT.y + PLOT.height - fontSize / 2,
  )
  return (
    <g className="matrix-reveal">
      {rows.map((row, i) => {
        if (!row.impact || !row.effort) return null
        const point = { impact: row.impact.median, effort: row.effort.median }
        const x = xOf(point.effort)
        const y = yOf(point.impact)
        return (
          <g key={row.key} className={row.split ? 'matrix-item matrix-item--split' : 'matrix-item'}>
            <line
              className="matrix-whisker"
              x1={xOf(row.effort.q1)}
              x2={xOf(row.effort.q3)}
              y1={y}
              y2={y}
            />
            <line
              className="matrix-whisker"
              x1={x}
              x2={x}
              y1={yOf(row.impact.q1)}
              y2={yOf(row.impact.q3)}
            />
            {showGroups &&
              row.groups.map((g) => {
                // A group that only skipped has no place of its own.
                if (!g.impact && !g.effort) return null
                const gi = g.impact?.median ?? row.impact!.median
                const ge = g.effort?.median ?? row.effort!.median
                const n = groupOrder.indexOf(g.group) + 1
                return (
                  <g
                    key={g.group}
                    className="matrix-group-mark"
                    transform={`translate(${xOf(ge)},${yOf(gi)})`}
                    aria-hidden="true"
                  >
                    <line x1={0} y1={0} x2={x - xOf(ge)} y2={y - yOf(gi)} />
                    <rect x={-11} y={-11} width={22} height={22} />
                    <text textAnchor="middle" dy="0.35em" fontSize={fontSize * 0.8}>
                      {n}
                    </text>
                  </g>
                )
              })}
            <g transform={`translate(${x},${y})`} role="img" aria-labelledby={`${titleId}-${i}`}>
              <title id={`${titleId}-${i}`}>
                {`${row.label}: impact ${formatRating(point.impact)}, effort ${formatRating(point.effort)}${row.split ? ', split' : ''}`}
              </title>
              <Marker split={row.split !== null} size={9} />
            </g>
            <PointLabel
              point={point}
              text={row.label}
              fontSize={fontSize}
              {...(labelY.has(row.key) && { labelY: labelY.get(row.key)! })}
            />
          </g>
        )
      })}
    </g>
  )
}
