// Tables for the terminal (and Markdown for docs/performance.md): one column per server and the
// Triage/stock ratio.
import type { RunResult } from './run.js'
import { fmt, ratio } from './stats.js'

interface Row {
  readonly label: string
  readonly value: (r: RunResult) => number
  readonly decimals?: number
  /** Rows where a ratio means something. */
  readonly ratio?: boolean
}

const ROWS: readonly Row[] = [
  { label: 'writes sent', value: (r) => r.sent, decimals: 0 },
  { label: 'writes skipped (writer offline)', value: (r) => r.skipped, decimals: 0 },
  { label: 'receptions expected', value: (r) => r.expected, decimals: 0 },
  { label: 'update→remote p50 (ms)', value: (r) => r.latency.p50, ratio: true },
  { label: 'update→remote p95 (ms)', value: (r) => r.latency.p95, ratio: true },
  { label: 'update→remote p99 (ms)', value: (r) => r.latency.p99, ratio: true },
  { label: 'update→remote max (ms)', value: (r) => r.latency.max, ratio: true },
  { label: 'delivered updates/s', value: (r) => r.deliveredPerSecond, decimals: 0, ratio: true },
  { label: 'delivered KiB/s', value: (r) => r.bytesPerSecond / 1024, decimals: 0, ratio: true },
  { label: 'messages received/s', value: (r) => r.messagesPerSecond, decimals: 0, ratio: true },
  { label: 'lost', value: (r) => r.lost, decimals: 0 },
  { label: 'refused by server', value: (r) => r.denied, decimals: 0 },
  { label: 'clients not synced at end', value: (r) => r.neverSynced, decimals: 0 },
  { label: 'sockets closed by the server', value: (r) => r.unexpectedCloses, decimals: 0 },
  { label: 'connect→synced p50 (ms)', value: (r) => r.syncLatency.p50, ratio: true },
  { label: 'connect→synced p95 (ms)', value: (r) => r.syncLatency.p95, ratio: true },
  { label: 'connect→synced max (ms)', value: (r) => r.syncLatency.max, ratio: true },
  { label: 'presence→remote p50 (ms)', value: (r) => r.presenceLatency.p50, ratio: true },
  { label: 'presence→remote p95 (ms)', value: (r) => r.presenceLatency.p95, ratio: true },
  { label: 'presence→remote p99 (ms)', value: (r) => r.presenceLatency.p99, ratio: true },
  { label: 'server CPU (% of a core)', value: (r) => r.serverUsage.cpuPercent, ratio: true },
  { label: 'server RSS peak (MiB)', value: (r) => r.serverUsage.rssPeakMiB, ratio: true },
  { label: 'server loop delay p99 (ms)', value: (r) => r.serverDelay?.p99 ?? NaN, ratio: true },
  { label: 'server loop delay max (ms)', value: (r) => r.serverDelay?.max ?? NaN, ratio: true },
  { label: 'generator CPU (% of a core)', value: (r) => r.generatorCpuPercent },
  { label: 'generator loop delay p99 (ms)', value: (r) => r.generatorDelay.p99 },
  { label: 'generator loop delay max (ms)', value: (r) => r.generatorDelay.max },
  { label: 'window (s)', value: (r) => r.windowSeconds },
  { label: 'drain after workload (s)', value: (r) => r.drainSeconds },
]

/** Rows that only mean something for some workloads are left out when every column is empty. */
const shown = (row: Row, results: readonly RunResult[]) =>
  results.some((r) => Number.isFinite(row.value(r)))

export function heading(results: readonly RunResult[]): string {
  const r = results[0]!
  return (
    `${r.workload}: ${r.description} — presence ${r.presence ? 'on' : 'off'}, ` +
    `${r.clientKind} clients`
  )
}

function cells(results: readonly RunResult[]): { header: string[]; rows: string[][] } {
  const triage = results.find((r) => r.server === 'triage')
  const stock = results.find((r) => r.server === 'stock')
  const withRatio = triage !== undefined && stock !== undefined
  const header = ['', ...results.map((r) => r.server), ...(withRatio ? ['triage/stock'] : [])]
  const rows = ROWS.filter((row) => shown(row, results)).map((row) => [
    row.label,
    ...results.map((r) => fmt(row.value(r), row.decimals ?? 1)),
    ...(withRatio ? [row.ratio ? ratio(row.value(triage), row.value(stock)) : ''] : []),
  ])
  return { header, rows }
}

/** Why sockets were closed, per server, when any were. */
function closeNotes(results: readonly RunResult[]): string[] {
  return results
    .filter((r) => Object.keys(r.closeReasons).length > 0)
    .map(
      (r) =>
        `${r.server} closed sockets: ` +
        Object.entries(r.closeReasons)
          .map(([why, count]) => `${count}× ${why}`)
          .join(', '),
    )
}

/** A plain-text table for the terminal. */
export function textTable(results: readonly RunResult[]): string {
  const { header, rows } = cells(results)
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)))
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  return [heading(results), line(header), ...rows.map(line), ...closeNotes(results)].join('\n')
}

/** The same table in Markdown. */
export function markdownTable(results: readonly RunResult[]): string {
  const { header, rows } = cells(results)
  const line = (row: string[]) => `| ${row.join(' | ')} |`
  return [
    `**${heading(results)}**`,
    '',
    line(header),
    line(header.map((_, c) => (c === 0 ? '---' : '---:'))),
    ...rows.map(line),
    ...closeNotes(results).map((note) => `\n${note}`),
  ].join('\n')
}
