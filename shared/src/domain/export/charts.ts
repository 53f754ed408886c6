// Bar charts as inline SVG, laid out with d3 scales: no script, no external reference, every
// label escaped. Colour is never the only signal: segments carry their numbers when they fit,
// every bar its total, and a table with all figures follows each chart.
import { scaleBand, scaleLinear } from 'd3-scale'
import type { BarChart } from './document.js'
import { escapeHtml } from './escape.js'

/** Okabe–Ito and Tol colours: told apart with the common colour-vision deficiencies. */
export const SERIES_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#882255',
  '#44AA99',
  '#999933',
  '#332288',
  '#AA4499',
  '#117733',
] as const
/** Colours light enough to need dark text on them. */
const LIGHT = new Set(['#E69F00', '#56B4E9', '#CC79A7', '#44AA99', '#999933'])

const WIDTH = 680
const LABEL_WIDTH = 250
const ROW = 24
const TOP = 8
const AXIS = 22
const LABEL_CHARS = 32

const colour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length]!
const short = (label: string) =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1).trimEnd()}…` : label
const n = (v: number) => String(Math.round(v * 10) / 10)

/** CSS for the legend's swatches (classes, so that the markup needs no style attribute). */
export const SWATCH_CSS = SERIES_COLOURS.map((c, i) => `.s${i}{background:${c}}`).join('')

/**
 * A legend (HTML, so it wraps) and the SVG, inside a figure with its caption. `id` must be
 * unique in the page: the SVG's title and description are referenced by it.
 */
export function barChartHtml(chart: BarChart, id: string): string {
  const totals = chart.rows.map((r) => r.values.reduce((a, b) => a + b, 0))
  const max = Math.max(1, ...totals)
  const x = scaleLinear()
    .domain([0, max])
    .range([LABEL_WIDTH, WIDTH - 40])
    .nice()
  const y = scaleBand<number>()
    .domain(chart.rows.map((_, i) => i))
    .range([TOP, TOP + chart.rows.length * ROW])
    .paddingInner(0.25)
  const height = TOP + chart.rows.length * ROW + AXIS
  const parts: string[] = []
  const ticks = x.ticks(Math.min(6, max)).filter((t) => Number.isInteger(t))
  for (const t of ticks) {
    parts.push(
      `<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${TOP}" y2="${height - AXIS}"></line>`,
      `<text class="tick" x="${n(x(t))}" y="${height - 6}" text-anchor="middle">${t}</text>`,
    )
  }
  chart.rows.forEach((row, i) => {
    const top = y(i)!
    const h = y.bandwidth()
    parts.push(
      `<g><title>${escapeHtml(`${row.label}: ${totals[i]} ${totals[i] === 1 ? chart.unit[0] : chart.unit[1]}`)}</title>`,
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${n(top + h / 2)}" dy="0.35em" text-anchor="end">${escapeHtml(short(row.label))}</text>`,
    )
    let at = 0
    row.values.forEach((v, s) => {
      if (v <= 0) return
      const x0 = x(at)
      const x1 = x(at + v)
      const fill = colour(s)
      parts.push(
        `<rect x="${n(x0)}" y="${n(top)}" width="${n(Math.max(0, x1 - x0))}" height="${n(h)}" fill="${fill}"><title>${escapeHtml(`${chart.series[s] ?? ''}: ${v}`)}</title></rect>`,
      )
      if (chart.series.length > 1 && x1 - x0 >= 18) {
        parts.push(
          `<text class="in${LIGHT.has(fill) ? ' dark' : ''}" x="${n((x0 + x1) / 2)}" y="${n(top + h / 2)}" dy="0.35em" text-anchor="middle">${v}</text>`,
        )
      }
      at += v
    })
    parts.push(
      `<text class="total" x="${n(x(totals[i]!) + 4)}" y="${n(top + h / 2)}" dy="0.35em">${totals[i]}</text></g>`,
    )
  })
  const legend =
    chart.series.length > 1
      ? `<ul class="legend">${chart.series
          .map(
            (s, i) =>
              `<li><span class="swatch s${i % SERIES_COLOURS.length}"></span>${escapeHtml(s)}</li>`,
          )
          .join('')}</ul>`
      : ''
  return (
    `<figure class="chart">${legend}` +
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(chart.title)}</title><desc id="${id}-d">${escapeHtml(chart.description)}</desc>` +
    `${parts.join('')}</svg>` +
    `<figcaption>${escapeHtml(chart.title)}. ${escapeHtml(chart.description)}</figcaption></figure>`
  )
}
