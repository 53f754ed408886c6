// Benchmark "export" (issue 13): a 200-participant, 1,000-idea workshop with every phase built so
// far filled in (brainstorm revealed, 50 clusters, voting on clusters and ideas closed and
// revealed), then each export format requested over HTTP as the facilitator's browser asks
// (brotli or gzip accepted), against the goal of 300 ms of server time; and the parts in
// process: reading the record, each renderer, and the JSON recompute (goal 100 ms).
// Run: pnpm bench:export   (BENCH_EXPORT_RUNS=n timed requests per format, default 15)
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPORT_FORMATS, type WorkshopId } from '@triage/shared'
import {
  ideaFigures,
  participantsByGroup,
  renderExport,
  tallyBallots,
  workshopRecordSchema,
} from '@triage/shared/export'
import { readWorkshopRecord } from '../../server/src/workshop/export.js'
import {
  buildQuickWorkshop,
  call,
  clusterAndVote,
  startServer,
  type BenchServer,
} from './big-workshop-fixture.js'
import { kib, machine, record, table, times } from './big-workshop-figures.js'
import { SIZE } from './big-workshop-model.js'

const RUNS = Number(process.env.BENCH_EXPORT_RUNS ?? 15)
const GOAL_MS = 300
const RECOMPUTE_GOAL_MS = 100
const log = (line: string) => console.error(`[bench] ${line}`)

/** One export over HTTP, as a browser asks for it; returns the bytes on the wire and unpacked. */
async function download(server: BenchServer, id: WorkshopId, token: string, format: string) {
  const res = await fetch(`${server.url}/api/workshops/${id}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br, gzip' },
  })
  const body = await res.text()
  if (res.status !== 200) throw new Error(`${format}: ${res.status} ${body.slice(0, 200)}`)
  return { encoding: res.headers.get('content-encoding') ?? 'identity', chars: body.length }
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

    const sizes: string[] = []
    for (const format of EXPORT_FORMATS) {
      log(`exporting ${format}`)
      let last = { encoding: '', chars: 0 }
      const samples = await times(
        RUNS,
        async () => {
          last = await download(server, w.id, w.facilitatorToken, format)
        },
        2,
      )
      record(`GET export?format=${format} (HTTP, loopback)`, samples, GOAL_MS, last.encoding)
      sizes.push(`${format}: ${kib(last.chars)} (${last.encoding} on the wire)`)
    }

    // In process: where the time goes.
    const deps = { rooms: server.app.rooms, store: server.app.store }
    const read = () => readWorkshopRecord(deps, w.id, Date.now())
    record('read the record (documents held)', await times(RUNS, read, 2))
    const rec = await read()
    for (const format of EXPORT_FORMATS) {
      record(`render ${format}`, await times(RUNS, () => renderExport(rec, format), 2))
    }
    const json = renderExport(rec, 'json').body
    const recompute = () => {
      const parsed = workshopRecordSchema.parse(JSON.parse(json))
      const results = parsed.voting.results!
      const again = tallyBallots(results, parsed.voting.ballots!)
      if (again.totalDots !== results.totalDots) throw new Error('recount differs')
      ideaFigures(parsed)
      participantsByGroup(parsed)
    }
    record(
      'recompute from the JSON (parse, validate, tally, counts)',
      await times(RUNS, recompute, 2),
      RECOMPUTE_GOAL_MS,
    )

    for (const lease of leases) lease.release()
    const loadAfter = loadavg()
    console.log(`Machine: ${machine()}`)
    console.log(
      `Load average (1 min) before and after: ${loadBefore[0]!.toFixed(2)}, ${loadAfter[0]!.toFixed(2)}\n`,
    )
    console.log(
      `Fixture: ${SIZE.participants} participants in 4 groups, ${rec.board.ideas.length} ideas (attributed), ${rec.board.clusters.length} clusters, ${rec.voting.results?.items.length ?? 0} items on the ballot, ${rec.voting.results?.totalDots ?? 0} dots, ${rec.log.length} log events. ${RUNS} timed runs each after 2 untimed.\n`,
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
