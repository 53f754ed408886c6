// Benchmark "export" (issue 13): a 200-participant, 1,000-idea workshop with every phase filled in
// (brainstorm revealed, 50 clusters, voting on clusters and ideas revealed, the 2x2 rated,
// revealed and adopted, the value framework's weights proposed, revealed and adopted and its
// items scored, three decisions recorded with consent revealed, the workshop closed), then each
// export format requested over HTTP as the facilitator's browser asks (brotli or gzip accepted),
// against the goal of 300 ms of server time; and the parts in process: reading the record, each
// renderer, and the JSON recompute (goal 100 ms). The route keeps the record of an unchanged
// workshop (RecordCache), so each format is timed twice: one request after another, and each
// request after a transaction on the control document that changes nothing but makes the route
// read the record afresh, as the first export after any change does. Every export is checked to
// hold each phase's section filled in, so a figure is never taken on an empty phase.
// Run: pnpm bench:export   (BENCH_EXPORT_RUNS=n timed requests per format, default 15;
//      BENCH_EXPORT_SAVE=f.json keeps the JSON export, to profile the renderers on their own)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPORT_FORMATS, type WorkshopId } from '@triage/shared'
import { frameworkOutcome } from '@triage/shared'
import {
  ideaFigures,
  participantsByGroup,
  renderExport,
  tallyBallots,
  tallyConsentBallots,
  workshopRecordSchema,
  type WorkshopRecord,
} from '@triage/shared/export'
import { RecordCache, readWorkshopRecord } from '../../server/src/workshop/export.js'
// The framework section's own reading of the record (not in the package's export entry).
import { frameworkInputFromRecord } from '../../shared/src/domain/export/sections/framework.js'
import {
  buildQuickWorkshop,
  call,
  clusterAndVote,
  connectDevices,
  fillLaterPhases,
  since,
  startServer,
  type BenchServer,
} from './big-workshop-fixture.js'
import { kib, machine, record, table } from './big-workshop-figures.js'
import { SIZE } from './big-workshop-model.js'

const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 15)
const GOAL_MS = 300
const RECOMPUTE_GOAL_MS = 100
const log = (line: string) => console.error(`[bench] ${line}`)

/** One export over HTTP, as a browser asks for it; returns the encoding and the text. */
async function download(server: BenchServer, id: WorkshopId, token: string, format: string) {
  const res = await fetch(`${server.url}/api/workshops/${id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
  })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${format}: ${res.status} ${body.slice(0, 200)}`)
  return { encoding: res.headers.get('content-encoding') ?? 'identity', body }
}

/**
 * Timed runs (after 2 untimed), each after `before` (untimed), with this process's CPU time per
 * run beside the wall time: the machine is shared, so the wall time includes waiting for a CPU.
 * Over HTTP the CPU time is the server's and the client's together: an upper bound.
 */
async function timed(
  n: number,
  fn: () => unknown,
  before: () => unknown = () => undefined,
): Promise<{ wall: number[]; cpuNote: string }> {
  const cpu: number[] = []
  const wall: number[] = []
  for (let i = 0; i < n + 2; i++) {
    await before()
    const used = process.cpuUsage()
    const t = performance.now()
    await fn()
    const ms = since(t)
    const spent = process.cpuUsage(used)
    if (i < 2) continue
    wall.push(ms)
    cpu.push((spent.user + spent.system) / 1000)
  }
  const sorted = cpu.sort((a, b) => a - b)
  const mid = sorted[sorted.length >> 1]!
  return {
    wall,
    cpuNote: `CPU median ${mid.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
  }
}

/** Throws unless `ok`: the export is missing a phase it must show. */
function must(ok: unknown, what: string): void {
  if (!ok) throw new Error(`export check failed: ${what}`)
}

/** A Markdown section's text, from its `## title` to the next one. */
function mdSection(md: string, title: string): string {
  const start = md.indexOf(`\n## ${title}\n`)
  must(start >= 0, `Markdown has no "## ${title}" section`)
  const end = md.indexOf('\n## ', start + 1)
  return md.slice(start, end < 0 ? undefined : end)
}

/** An HTML section's markup, by its id. */
function htmlSection(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`)
  must(start >= 0, `HTML has no section "${id}"`)
  return html.slice(start, html.indexOf('</section>', start))
}

const count = (text: string, what: string) => text.split(what).length - 1

/**
 * Each format holds every phase filled in: the 2x2 rated and adopted, the framework's weights,
 * scores, ranking and sensitivity, the decisions with rationale, dissent and consent.
 */
function checkExports(rec: WorkshopRecord, bodies: Record<string, string>): void {
  const titles = rec.decisions?.list.map((d) => d.title) ?? []
  must(titles.length === 3, `3 decisions in the record, found ${titles.length}`)

  const md = bodies.md!
  for (const title of ['Dot voting', 'Impact vs effort', 'Value framework', 'Decisions']) {
    must(!mdSection(md, title).includes('Not run in this workshop.'), `Markdown: ${title} not run`)
  }
  const matrix = mdSection(md, 'Impact vs effort')
  must(matrix.includes('### Group placement'), 'Markdown: the 2x2 has no group placement')
  must(matrix.includes('The facilitator adopted the revealed aggregate'), 'Markdown: 2x2 adopted')
  const fw = mdSection(md, 'Value framework')
  for (const sub of [
    '### Weights proposed',
    '### Weights adopted',
    '### Scores',
    '### Weighted ranking',
    '### Each stakeholder group’s ranking',
    '### How robust the top is',
  ]) {
    must(fw.includes(sub), `Markdown: the framework has no "${sub}"`)
  }
  must(fw.includes('The facilitator adopted these weights'), 'Markdown: weights adopted')
  const decided = mdSection(md, 'Decisions')
  must(decided.includes('3 decisions recorded'), 'Markdown: 3 decisions recorded')
  must(count(decided, '**Rationale:**') === 3, 'Markdown: a rationale per decision')
  must(count(decided, '| Dissenting group |') >= 1, 'Markdown: the dissent and its figures')
  must(count(decided, '**Consent:**') === 3, 'Markdown: consent per decision')
  must(count(decided, '| Consent by group |') === 3, 'Markdown: consent by group')
  must(md.includes('Workshop closed'), 'Markdown: the close in the log')

  const html = bodies.html!
  must(count(htmlSection(html, 'votes'), '<svg') >= 1, 'HTML: the votes chart')
  must(count(htmlSection(html, 'matrix'), '<svg') >= 1, 'HTML: the 2x2 chart')
  must(count(htmlSection(html, 'framework'), '<svg') >= 2, 'HTML: weights and ranking charts')
  for (const id of ['matrix', 'framework', 'decisions']) {
    must(!htmlSection(html, id).includes('Not run in this workshop.'), `HTML: ${id} not run`)
  }
  must(count(htmlSection(html, 'decisions'), 'Consent by group') === 3, 'HTML: consent')

  const json = workshopRecordSchema.parse(JSON.parse(bodies.json!))
  must(json.matrix?.result && json.matrix.adoption, 'JSON: the 2x2 revealed and adopted')
  must(json.framework?.weights.result && json.framework.adopted, 'JSON: the weights adopted')
  must(json.framework?.scores.result, 'JSON: the scores revealed')
  must(json.decisions?.consent.result && json.decisions.consent.ballots, 'JSON: consent')
  must(json.voting.ballots, 'JSON: the ballots')

  const csv = bodies.csv!
  const header = csv.slice(0, csv.indexOf('\r\n'))
  must(header.includes('2x2: quadrant') && header.includes('Decision'), 'CSV: 2x2, decision')
  must(header.includes('Weighted score') && header.includes('Weighted rank'), 'CSV: the ranking')
  must(count(csv, ',Decided\r\n') === 3, 'CSV: 3 items decided')
  const quadrants = ['Quick wins', 'Major projects', 'Fill-ins', 'Thankless tasks']
  must(
    quadrants.reduce((n, q) => n + count(csv, `,${q},`), 0) >= 20,
    'CSV: the 2x2 quadrant of every rated item',
  )
}

async function main(): Promise<void> {
  const loadBefore = loadavg()
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-bench-export-'))
  const server = await startServer(dataDir)
  try {
    log('building the workshop: 200 participants, 1,000 drafts')
    const { workshop: w, leases } = await buildQuickWorkshop(server, 7)
    await call(server, `/api/workshops/${w.id}/reveal`, undefined, w.facilitatorToken)
    log('clustering and voting')
    await clusterAndVote(server, w, 7)
    await call(server, `/api/workshops/${w.id}/voting/reveal`, undefined, w.facilitatorToken)
    log('the 2x2, the value framework, decisions and consent, on 200 phones and a laptop')
    const devices = await connectDevices(server, w)
    const later = await fillLaterPhases(server, w, devices, log)
    await devices.close()

    const sizes: string[] = []
    const bodies: Record<string, string> = {}
    // A transaction that changes nothing: the next export reads the record afresh.
    const touch = async () => {
      const lease = await server.app.rooms.acquire({ workshopId: w.id, kind: 'control' })
      lease.room.doc.transact(() => undefined)
      lease.release()
    }
    for (const format of EXPORT_FORMATS) {
      log(`exporting ${format}`)
      let last = { encoding: '', body: '' }
      const get = async () => {
        last = await download(server, w.id, w.facilitatorToken, format)
      }
      const fresh = await timed(RUNS, get, touch)
      record(
        `GET export?format=${format} (HTTP, loopback), record read afresh`,
        fresh.wall,
        GOAL_MS,
        `${last.encoding}; ${fresh.cpuNote}`,
      )
      const kept = await timed(RUNS, get)
      record(
        `GET export?format=${format} (HTTP, loopback), record kept`,
        kept.wall,
        GOAL_MS,
        `${last.encoding}; ${kept.cpuNote}`,
      )
      sizes.push(`${format}: ${kib(last.body.length)} (${last.encoding} on the wire)`)
      bodies[format] = last.body
    }

    // In process: where the time goes.
    const deps = { rooms: server.app.rooms, store: server.app.store }
    const read = () => readWorkshopRecord(deps, w.id, Date.now())
    const reads = await timed(RUNS, read)
    record('read the record afresh (documents held)', reads.wall, undefined, reads.cpuNote)
    const cache = new RecordCache()
    const readKept = () => readWorkshopRecord({ ...deps, cache }, w.id, Date.now())
    const kept = await timed(RUNS, readKept)
    record('read the record, kept (seals read and compared)', kept.wall, undefined, kept.cpuNote)
    const rec = await read()
    checkExports(rec, bodies)
    for (const format of EXPORT_FORMATS) {
      const r = await timed(RUNS, () => renderExport(rec, format))
      record(`render ${format}`, r.wall, undefined, r.cpuNote)
    }
    const json = renderExport(rec, 'json').body
    if (process.env.BENCH_EXPORT_SAVE) writeFileSync(process.env.BENCH_EXPORT_SAVE, json)
    const recompute = () => {
      const parsed = workshopRecordSchema.parse(JSON.parse(json))
      const results = parsed.voting.results!
      const again = tallyBallots(results, parsed.voting.ballots!)
      if (again.totalDots !== results.totalDots) throw new Error('recount differs')
      const consent = parsed.decisions!.consent
      const recounted = tallyConsentBallots(
        consent.result!,
        consent.ballots!,
        parsed.workshop.groups.map((g) => g.id),
      )
      if (JSON.stringify(recounted) !== JSON.stringify(consent.result)) {
        throw new Error('consent recount differs')
      }
      // The ranking, each group's ranking and the sensitivity, from the seed in the record.
      frameworkOutcome(frameworkInputFromRecord(parsed.framework!)!)
      ideaFigures(parsed)
      participantsByGroup(parsed)
    }
    const recomputes = await timed(RUNS, recompute)
    record(
      'recompute from the JSON (parse, validate, tally votes and consent, framework outcome, counts)',
      recomputes.wall,
      RECOMPUTE_GOAL_MS,
      recomputes.cpuNote,
    )

    for (const lease of leases) lease.release()
    const loadAfter = loadavg()
    console.log(`Machine: ${machine()}`)
    console.log(
      `Load average (1 min) before and after: ${loadBefore[0]!.toFixed(2)}, ${loadAfter[0]!.toFixed(2)}\n`,
    )
    console.log(
      `Fixture: ${SIZE.participants} participants in 4 groups, ${rec.board.ideas.length} ideas (attributed), ${rec.board.clusters.length} clusters, ${rec.voting.results?.items.length ?? 0} items on the ballot, ${rec.voting.results?.totalDots ?? 0} dots; ` +
        `2x2: ${rec.matrix?.result?.items.length ?? 0} items rated by ${rec.matrix?.result?.raters ?? 0}, adopted; ` +
        `framework: ${rec.framework?.framework?.criteria.length ?? 0} criteria, ${rec.framework?.weights.result?.n ?? 0} proposals, ${rec.framework?.scores.result?.items.length ?? 0} items scored by ${rec.framework?.scores.result?.raters ?? 0}; ` +
        `${rec.decisions?.list.length ?? 0} decisions, consent from ${rec.decisions?.consent.result?.participants ?? 0}; ` +
        `taps ${JSON.stringify(later.taps)}; ${rec.log.length} log events. ${RUNS} timed runs each after 2 untimed.\n`,
    )
    console.log(`Sizes: ${sizes.join('; ')}\n`)
    console.log(table())
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
