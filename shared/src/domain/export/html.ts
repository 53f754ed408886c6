// The rationale document as one self-contained HTML file: inline CSS with A4 print styles, charts
// as inline SVG, no script, no external reference of any kind, every piece of text escaped. Its
// own Content-Security-Policy (default-src 'none') keeps it inert even opened from a disk.
import type { WorkshopRecord } from '../../schema/record.js'
import { barChartHtml, SWATCH_CSS } from './charts.js'
import { matrixChartHtml } from './matrix-chart.js'
import type { Block, ExportDocument, Inline, ListItem } from './document.js'
import { escapeHtml } from './escape.js'
import type { RenderOptions } from './format.js'
import { rationaleDocument } from './rationale.js'

/** The policy the file carries: nothing may load or run; only its own inline CSS applies. */
export const HTML_EXPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

const CSS = `
:root{--ink:#1d2433;--muted:#5a6475;--line:#d5dae3;--band:#f3f5f8;--accent:#1f4e79}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:2rem 1.5rem 3rem}
header{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.5rem}
.kicker{margin:0;color:var(--muted);text-transform:uppercase;letter-spacing:.08em;font-size:.8rem}
h1{margin:.2rem 0 0;font-size:1.9rem;line-height:1.2}
h2{margin:2.2rem 0 .6rem;font-size:1.35rem;color:var(--accent);border-bottom:1px solid var(--line);padding-bottom:.25rem}
h3{margin:1.4rem 0 .4rem;font-size:1.05rem}
p{margin:.5rem 0;white-space:pre-line}
nav ol{margin:.25rem 0 0;padding-left:1.25rem;columns:2;column-gap:2rem}
nav a{color:var(--accent)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.75rem 0}
dt{font-weight:600}
dd{margin:0}
ul{padding-left:1.25rem}
li{margin:.15rem 0;white-space:pre-line}
li>ul{margin:.15rem 0}
table{border-collapse:collapse;width:100%;margin:.75rem 0;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top;white-space:pre-line;overflow-wrap:break-word}
th{background:var(--band);font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
figure.chart{margin:1rem 0}
figure.chart svg{max-width:100%;height:auto;display:block}
figcaption{color:var(--muted);font-size:.85rem;margin-top:.25rem}
.legend{list-style:none;padding:0;margin:0 0 .4rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.85rem}
.legend li{white-space:normal}
.swatch{display:inline-block;width:.9em;height:.9em;margin-right:.35em;vertical-align:-.1em;border:1px solid rgba(0,0,0,.25)}
${SWATCH_CSS}
svg text{font-size:12px;fill:var(--ink)}
svg .tick{fill:var(--muted);font-size:11px}
svg .grid{stroke:var(--line);stroke-width:1}
svg .in{fill:#fff;font-size:11px;font-weight:600}
svg .in.dark{fill:#111}
svg .total{font-weight:600}
svg .quad{fill:var(--muted);font-size:12px;font-style:italic}
svg .mid{stroke:var(--muted);stroke-width:1;stroke-dasharray:4 3}
svg .whisker{stroke:var(--accent);stroke-width:1.5}
svg .dot{fill:var(--accent);stroke:var(--accent);stroke-width:2}
svg .dot.split{fill:#fff}
svg .num{font-size:11px;font-weight:600}
ol.points{columns:2;column-gap:2rem;font-size:.85rem}
footer{margin-top:3rem;padding-top:.75rem;border-top:1px solid var(--line);color:var(--muted);font-size:.8rem}
@page{size:A4;margin:16mm 14mm 18mm}
@media print{
body{font-size:10pt;line-height:1.4}
main{max-width:none;padding:0}
nav{display:none}
h2{break-after:avoid;page-break-after:avoid;margin-top:1.4rem}
h3{break-after:avoid;page-break-after:avoid}
tr,figure.chart,dl,li{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
tbody tr:nth-child(even){background:none}
a{color:inherit;text-decoration:none}
}
`

function inline(content: readonly Inline[]): string {
  return content
    .map((part) =>
      typeof part === 'string' ? escapeHtml(part) : `<strong>${escapeHtml(part.strong)}</strong>`,
    )
    .join('')
}

function list(items: readonly ListItem[]): string {
  return `<ul>${items
    .map(
      (item) =>
        `<li>${inline(item.content)}${
          item.children && item.children.length > 0
            ? list(item.children.map((content) => ({ content })))
            : ''
        }</li>`,
    )
    .join('')}</ul>`
}

function block(b: Block, chartId: () => string): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`
    case 'paragraph':
      return `<p>${inline(b.content)}</p>`
    case 'facts':
      return `<dl>${b.entries
        .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
        .join('')}</dl>`
    case 'list':
      return b.items.length === 0 ? '' : list(b.items)
    case 'table': {
      const cls = (i: number) => (b.columns[i]?.align === 'right' ? ' class="num"' : '')
      const head = b.columns.map((c, i) => `<th scope="col"${cls(i)}>${escapeHtml(c.label)}</th>`)
      const rows = b.rows.map(
        (row) =>
          `<tr>${row.map((cell, i) => `<td${cls(i)}>${escapeHtml(cell)}</td>`).join('')}</tr>`,
      )
      return `<table><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`
    }
    case 'chart':
      return barChartHtml(b.chart, chartId())
    case 'matrix':
      return matrixChartHtml(b.chart, chartId())
  }
}

/** The document model as a complete HTML page. */
export function documentToHtml(doc: ExportDocument): string {
  let charts = 0
  const chartId = () => `chart-${++charts}`
  const toc = doc.sections
    .map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`)
    .join('')
  const sections = doc.sections.map(
    (s) =>
      `<section id="${s.id}" aria-labelledby="${s.id}-h">\n<h2 id="${s.id}-h">${escapeHtml(s.title)}</h2>\n${s.blocks
        .map((b) => block(b, chartId))
        .filter(Boolean)
        .join('\n')}\n</section>`,
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(HTML_EXPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(`${doc.title} — ${doc.subtitle}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><p class="kicker">${escapeHtml(doc.subtitle)}</p><h1>${escapeHtml(doc.title)}</h1></header>
<nav aria-label="Contents"><strong>Contents</strong><ol>${toc}</ol></nav>
${sections.join('\n')}
<footer>${escapeHtml(doc.footer)}</footer>
</main>
</body>
</html>
`
}

/** The rationale document of a workshop record, as a self-contained, printable HTML page. */
export function renderHtml(record: WorkshopRecord, options: RenderOptions = {}): string {
  return documentToHtml(rationaleDocument(record, options))
}
