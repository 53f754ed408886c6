// The figures of a fuzz run as a Markdown table (what docs/security.md quotes).
import type { FuzzReport } from './run-fuzz.js'

const mib = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} MiB` : 'n/a')
const int = (n: number) => n.toLocaleString('en-GB')

/** `board`, `control`, `private/Ab3…`. */
const shortName = (name: string) =>
  name.startsWith('private/') ? `${name.slice(0, 'private/'.length + 4)}…` : name

export function fuzzTable(r: FuzzReport): string {
  const closes = Object.entries(r.fuzzCloses)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code}: ${int(n)}`)
    .join(', ')
  const kinds = Object.entries(r.framesByKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${int(n)}`)
    .join(', ')
  const rows: [string, string][] = [
    ['seed', String(r.seed)],
    ['frames', int(r.frames)],
    ['frames/s', r.framesPerSecond.toFixed(0)],
    ['server crashes', int(r.crashes)],
    ['honest disconnections', int(r.honestDisconnections)],
    ['honest client errors', int(r.honestErrors)],
    ['honest edits refused', int(r.honestRefusals)],
    ['honest documents not converged', int(r.notConverged)],
    [
      'documents failing to load after restart',
      `${int(r.documentsFailingToLoad)} of ${r.documents}`,
    ],
    ['documents losing content across restart', int(r.documentsLosingContent)],
    ['workshop actions failing (5xx)', int(r.actionFailures)],
    ['error lines in server log', int(r.serverErrors)],
    [
      'server RSS start / peak / end',
      `${mib(r.rssStartMiB)} / ${mib(r.rssPeakMiB)} / ${mib(r.rssEndMiB)}`,
    ],
    ['server heap after GC, start / end', `${mib(r.heapStartMiB)} / ${mib(r.heapEndMiB)}`],
    ['fuzzing connections closed by the server', closes || 'none'],
    ['reconnects / stalls', `${int(r.reconnects)} / ${int(r.stalls)}`],
    ['refusals sent to fuzzing connections', int(r.fuzzRefusals)],
    ['clock units accepted from fuzzing connections (own ids)', int(r.fuzzAccepted)],
    ['own ids accepted beyond 2^53', int(r.fuzzUnsafeClocks)],
    [
      'document sizes after the run',
      Object.entries(r.documentBytes)
        .map(([name, n]) => `${shortName(name)} ${int(n)} B`)
        .join(', '),
    ],
    ['frames by kind', kinds],
    [
      'seconds: setup / fuzzing / convergence / restart and checks',
      [r.phases.setup, r.phases.fuzz, r.phases.converge, r.phases.restart]
        .map((x) => x.toFixed(1))
        .join(' / '),
    ],
  ]
  const lines = ['| figure | value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)]
  if (r.findings.length > 0) {
    const counts = Object.entries(r.findingCounts)
      .map(([what, n]) => `${what} ×${int(n)}`)
      .join(', ')
    lines.push('', `Findings: ${counts}. The first of each kind:`, '')
    const firsts = r.findings.filter((f, i) => r.findings.findIndex((g) => g.what === f.what) === i)
    for (const f of firsts) {
      lines.push(`- at frame ${int(f.atFrame)}: ${f.what}: ${f.detail.replace(/\n/g, ' ')}`)
    }
  }
  return lines.join('\n')
}
