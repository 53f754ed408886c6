// `pnpm --filter @triage/bench run converge -- --runs 1000 --seed 1`: seeded convergence runs
// through a misbehaving TCP proxy against the real server (see run.ts); prints how many
// converged, the seeds that did not and why, and the totals of what the network did.
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { lockForSeed, runSuite, summarise, type RunResult, type RunSpec } from './run.js'

const HELP = `Usage: node --import tsx src/converge/cli.ts [options]
  --runs N            runs, seeds seed … seed+N-1                        (default 100)
  --seed S            first seed                                          (default 1)
  --lock-share P      share of runs in which the facilitator locks and unlocks
                      the board (decided by each seed)                    (default 0.3)
  --lock on|off       every run locks, or none (overrides --lock-share)
  --concurrency C     runs at once, each with its own workshop and proxy  (default 2)
  --restart-every K   restart the server after every K runs and check their
                      stored boards with fresh clients                    (default 50)
  --chaos-ms MS       how long clients edit through the faulty proxy      (default 2000)
  --edit-every A:B    pause between two edits of one client, ms          (default 20:150)
  --lock-every A:B    pause between two lock toggles, ms                  (default 150:700)
  --settle-ms MS      how long after healing the documents may take       (default 20000)
  --reset-throttle MS ignore refusals this soon after a reset, as the browser
                      client does with 2000                               (default 0)
  --json FILE         write every run's result as JSON
  --verbose           one line per run`

function parse() {
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '100' },
      seed: { type: 'string', default: '1' },
      'lock-share': { type: 'string', default: '0.3' },
      lock: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      'restart-every': { type: 'string', default: '50' },
      'chaos-ms': { type: 'string', default: '2000' },
      'settle-ms': { type: 'string', default: '20000' },
      'edit-every': { type: 'string', default: '20:150' },
      'lock-every': { type: 'string', default: '150:700' },
      'reset-throttle': { type: 'string', default: '0' },
      json: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  const num = (name: string, v: string) => {
    const n = Number(v)
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: not a number: ${v}`)
    return n
  }
  const range = (name: string, v: string): [number, number] => {
    const [lo, hi] = v.split(':').map((x) => num(name, x))
    if (lo === undefined || hi === undefined || hi < lo) throw new Error(`--${name}: A:B, A ≤ B`)
    return [lo, hi]
  }
  return {
    editEvery: range('edit-every', values['edit-every']),
    lockEvery: range('lock-every', values['lock-every']),
    runs: num('runs', values.runs),
    seed: num('seed', values.seed),
    lockShare: num('lock-share', values['lock-share']),
    lock: values.lock,
    concurrency: num('concurrency', values.concurrency),
    restartEvery: num('restart-every', values['restart-every']),
    chaosMs: num('chaos-ms', values['chaos-ms']),
    settleMs: num('settle-ms', values['settle-ms']),
    resetThrottle: num('reset-throttle', values['reset-throttle']),
    json: values.json,
    verbose: values.verbose,
  }
}

const line = (r: RunResult) =>
  `seed ${r.seed}${r.lock ? ' (lock)' : ''}: ${r.converged && r.serverCopy !== false ? 'converged' : 'DIVERGED'}` +
  ` edits ${r.edits}, cuts ${r.proxy.cuts}, stalls ${r.proxy.stalls}, half-opens ${r.proxy.halfOpens},` +
  ` refusals ${Object.values(r.refusals).reduce((a, b) => a + b, 0)}, resets ${r.resets}` +
  (Number.isFinite(r.settleMs) ? `, settled in ${Math.round(r.settleMs)} ms` : '')

async function main() {
  const a = parse()
  const runs: RunSpec[] = Array.from({ length: a.runs }, (_, i) => {
    const seed = a.seed + i
    const lock = a.lock === 'on' ? true : a.lock === 'off' ? false : lockForSeed(seed, a.lockShare)
    return { seed, lock }
  })
  console.log(
    `convergence: ${runs.length} runs from seed ${a.seed} (${runs.filter((r) => r.lock).length} with lock/unlock), concurrency ${a.concurrency}, restart every ${a.restartEvery || runs.length}`,
  )
  const report = await runSuite({
    runs,
    concurrency: a.concurrency,
    restartEvery: a.restartEvery,
    chaosMs: a.chaosMs,
    editEveryMs: a.editEvery,
    lockEveryMs: a.lockEvery,
    settleTimeoutMs: a.settleMs,
    resetThrottleMs: a.resetThrottle,
    onRun: (r, done) => {
      const ok = r.converged
      if (a.verbose || !ok) console.log(`[${done}/${runs.length}] ${line(r)}`)
      if (!ok) for (const p of r.problems) console.log(`    ${p}`)
      else if (done % 50 === 0) console.log(`[${done}/${runs.length}]`)
    },
  })
  const s = summarise(report.results)
  const plain = s.runs - s.lockRuns
  console.log('')
  console.log(`converged: ${s.converged} of ${s.runs} runs`)
  console.log(`  without lock: ${s.converged - s.lockConverged} of ${plain}`)
  console.log(`  with lock/unlock: ${s.lockConverged} of ${s.lockRuns}`)
  console.log(
    `  server copy after restart: ${s.serverCopyOk} of ${s.serverCopyChecked} checked (${report.restarts} restarts)`,
  )
  console.log(
    `edits ${s.edits}; proxy: ${s.proxy.connections} connections, ${s.proxy.delayedChunks} of ${s.proxy.chunks} chunks delayed, ${s.proxy.stalls} stalls, ${s.proxy.halfOpens} half-opens, ${s.proxy.cuts} cuts, ${s.proxy.bytesReleasedAtHeal} bytes held at heal`,
  )
  const reasons = Object.entries(s.refusals)
    .sort((x, y) => y[1] - x[1])
    .map(([k, n]) => `${n} × ${k}`)
  console.log(`refusals: ${reasons.length ? reasons.join('; ') : 'none'}; resets ${s.resets}`)
  console.log(
    `settle after healing: p50 ${Math.round(s.settleP50)} ms, max ${Math.round(s.settleMax)} ms; total ${(report.ms / 1000).toFixed(1)} s`,
  )
  if (s.failedSeeds.length > 0) {
    console.log(
      `did not converge: ${s.failedSeeds.map((f) => `${f.seed}${f.lock ? ' (lock)' : ''}`).join(', ')}`,
    )
  }
  if (a.json) {
    writeFileSync(
      a.json,
      JSON.stringify(
        {
          summary: s,
          results: report.results.map((r) => ({
            ...r,
            final: r.final ? { workshopId: r.final.workshopId } : null,
          })),
        },
        null,
        2,
      ),
    )
  }
  process.exitCode = s.converged === s.runs ? 0 : 1
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 2
})
