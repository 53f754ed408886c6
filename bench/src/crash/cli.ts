// `pnpm --filter @triage/bench run crash -- --kills 20 --seed 1`: the crash-recovery run (see
// recovery.ts) against the real server; prints every kill and the totals, exits non-zero on
// any loss, duplicate or miscount.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { runCrashRecovery } from './recovery.js'

const HELP = `Usage: node --import tsx src/crash/cli.ts [options]
  --kills N          SIGKILLs (each followed by a restart and a check)   (default 20)
  --seed S           seed of the kill moments and the writes             (default 1)
  --voters N         participants voting                                 (default 8)
  --board-writers N  clients editing the board (facilitator + N-1)       (default 3)
  --kill-after A:B   ms from the storm running to the kill               (default 200:1500)
  --write-every A:B  ms between two votes of one participant             (default 5:30)
  --compact-after N  the server's COMPACT_AFTER                          (default 100)
  --json FILE        write the report as JSON`

function parse() {
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))
  const { values } = parseArgs({
    args: argv,
    options: {
      kills: { type: 'string', default: '20' },
      seed: { type: 'string', default: '1' },
      voters: { type: 'string', default: '8' },
      'board-writers': { type: 'string', default: '3' },
      'kill-after': { type: 'string', default: '200:1500' },
      'write-every': { type: 'string', default: '5:30' },
      'compact-after': { type: 'string', default: '100' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  const num = (name: string, v: string) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: not a whole number: ${v}`)
    return n
  }
  const range = (name: string, v: string): [number, number] => {
    const [lo, hi] = v.split(':').map((x) => num(name, x))
    if (lo === undefined || hi === undefined || hi < lo) throw new Error(`--${name}: A:B, A ≤ B`)
    return [lo, hi]
  }
  return {
    kills: num('kills', values.kills),
    seed: num('seed', values.seed),
    voters: Math.max(1, num('voters', values.voters)),
    boardWriters: Math.max(1, num('board-writers', values['board-writers'])),
    killAfterMs: range('kill-after', values['kill-after']),
    writeEveryMs: range('write-every', values['write-every']),
    compactAfter: Math.max(1, num('compact-after', values['compact-after'])),
    json: values.json,
  }
}

async function main() {
  const a = parse()
  console.log(
    `crash recovery: ${a.kills} kills, seed ${a.seed}, ${a.voters} voters, ${a.boardWriters} board writers, COMPACT_AFTER ${a.compactAfter}`,
  )
  const report = await runCrashRecovery({ ...a, log: (line) => console.log(line) })
  const refusals = Object.entries(report.refusals).map(([k, n]) => `${n} × ${k}`)
  console.log('')
  console.log(`kills: ${report.kills.length}`)
  console.log(`updates observed before the kills: ${report.updatesObserved}`)
  console.log(`lost: ${report.lostOps} operations, ${report.lostDeletes} deletions`)
  console.log(`duplicated: ${report.duplicated} items`)
  console.log(
    `votes differing at the end: ${report.voteMismatches}; items counted differently: ${report.tallyMismatches} (${report.totalDots} dots revealed)`,
  )
  console.log(`first start (spawn to listening): ${Math.round(report.firstStartMs)} ms`)
  console.log(
    `restart (spawn to listening): p50 ${Math.round(report.restartMs.p50)} ms, max ${Math.round(report.restartMs.max)} ms; to every fresh read: p50 ${Math.round(report.servingMs.p50)} ms, max ${Math.round(report.servingMs.max)} ms`,
  )
  console.log(
    `writes: ${report.writes}; refusals: ${refusals.length ? refusals.join('; ') : 'none'}; resets ${report.resets}; ${(report.ms / 1000).toFixed(1)} s`,
  )
  for (const p of report.problems) console.log(`PROBLEM ${p}`)
  console.log(report.ok ? 'OK' : 'FAILED')
  if (a.json) writeFileSync(a.json, JSON.stringify(report, null, 2))
  process.exitCode = report.ok ? 0 : 1
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 2
})
