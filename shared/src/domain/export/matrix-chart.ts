// The 2x2 as inline SVG, laid out with d3 scales: impact up, effort right, the midlines at 5,
// each item a numbered dot at its medians with whiskers over its interquartile ranges, split
// opinion drawn hollow. No script, no external reference, every label escaped; the numbers are
// explained in a list under the chart and every figure is in the tables beside it.
import { scaleLinear } from 'd3-scale'
import { RATING_MAX, RATING_MIDPOINT, RATING_MIN } from '../../schema/matrix.js'
import type { MatrixChart } from './document.js'
import { escapeHtml } from './escape.js'

const SIZE = 520
const PAD = 44
const n = (v: number) => String(Math.round(v * 10) / 10)
const r = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1))

/** The chart in a figure with its caption and numbered legend; `id` must be unique in the page. */
export function matrixChartHtml(chart: MatrixChart, id: string): string {
  const x = scaleLinear()
    .domain([RATING_MIN, RATING_MAX])
    .range([PAD, SIZE - 12])
  const y = scaleLinear()
    .domain([RATING_MIN, RATING_MAX])
    .range([SIZE - PAD, 12])
  const parts: string[] = [
    `<rect x="${PAD}" y="12" width="${n(SIZE - 12 - PAD)}" height="${n(SIZE - PAD - 12)}" fill="none" stroke="#d5dae3"></rect>`,
    `<line class="mid" x1="${n(x(RATING_MIDPOINT))}" x2="${n(x(RATING_MIDPOINT))}" y1="12" y2="${SIZE - PAD}"></line>`,
    `<line class="mid" x1="${PAD}" x2="${SIZE - 12}" y1="${n(y(RATING_MIDPOINT))}" y2="${n(y(RATING_MIDPOINT))}"></line>`,
  ]
  const [topLeft, topRight, bottomLeft, bottomRight] = chart.corners
  const corner = (text: string, cx: number, cy: number, anchor: string) =>
    `<text class="quad" x="${n(cx)}" y="${n(cy)}" text-anchor="${anchor}">${escapeHtml(text)}</text>`
  parts.push(
    corner(topLeft, PAD + 8, 30, 'start'),
    corner(topRight, SIZE - 20, 30, 'end'),
    corner(bottomLeft, PAD + 8, SIZE - PAD - 10, 'start'),
    corner(bottomRight, SIZE - 20, SIZE - PAD - 10, 'end'),
  )
  for (let t = RATING_MIN; t <= RATING_MAX; t += 2) {
    parts.push(
      `<text class="tick" x="${n(x(t))}" y="${SIZE - PAD + 16}" text-anchor="middle">${t}</text>`,
      `<text class="tick" x="${PAD - 8}" y="${n(y(t))}" dy="0.35em" text-anchor="end">${t}</text>`,
    )
  }
  parts.push(
    `<text class="label" x="${n((PAD + SIZE) / 2)}" y="${SIZE - 6}" text-anchor="middle">${escapeHtml(chart.axes.effort)} →</text>`,
    `<text class="label" transform="translate(12 ${n(SIZE / 2)}) rotate(-90)" text-anchor="middle">${escapeHtml(chart.axes.impact)} →</text>`,
  )
  chart.points.forEach((p, i) => {
    const cx = x(p.effort.median)
    const cy = y(p.impact.median)
    const what = `${i + 1}. ${p.label}: ${chart.axes.impact} ${r(p.impact.median)} (${r(p.impact.q1)}–${r(p.impact.q3)}), ${chart.axes.effort} ${r(p.effort.median)} (${r(p.effort.q1)}–${r(p.effort.q3)})${p.split ? ', split opinion' : ''}`
    parts.push(
      `<g><title>${escapeHtml(what)}</title>`,
      `<line class="whisker" x1="${n(x(p.effort.q1))}" x2="${n(x(p.effort.q3))}" y1="${n(cy)}" y2="${n(cy)}"></line>`,
      `<line class="whisker" x1="${n(cx)}" x2="${n(cx)}" y1="${n(y(p.impact.q1))}" y2="${n(y(p.impact.q3))}"></line>`,
      `<circle class="dot${p.split ? ' split' : ''}" cx="${n(cx)}" cy="${n(cy)}" r="6"></circle>`,
      `<text class="num" x="${n(cx + 9)}" y="${n(cy - 8)}">${i + 1}</text></g>`,
    )
  })
  const legend = `<ol class="points">${chart.points
    .map(
      (p) =>
        `<li>${escapeHtml(p.label)}${p.split ? ' <strong>(split opinion: hollow dot)</strong>' : ''}</li>`,
    )
    .join('')}</ol>`
  return (
    `<figure class="chart">` +
    `<svg viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(chart.title)}</title><desc id="${id}-d">${escapeHtml(chart.description)}</desc>` +
    `${parts.join('')}</svg>${legend}` +
    `<figcaption>${escapeHtml(chart.title)}. ${escapeHtml(chart.description)}</figcaption></figure>`
  )
}
