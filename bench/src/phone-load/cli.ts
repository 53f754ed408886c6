// `pnpm bench:phone -- [--runs N] [--json FILE]`: a phone on Slow 4G with a CPU four times
// slower, in Debian's Chromium through playwright-core, against the real server serving the built
// client (`pnpm build` first). Prints each budget of issue 16 with the median of the runs.
// See docs/performance.md for the figures and what they mean.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { BrowserCdp, freePort } from './browser-cdp.js'
import { runPhone, type PhoneRun } from './run.js'
import { PhoneNetwork, SLOW_4G } from './throttle.js'
import { startServer } from './workshop.js'

const HELP = `Usage: pnpm bench:phone -- [options]
  --runs N     phones, each a fresh browser context (default 3)
  --cpu N      CPU slowdown instead of 4 (1: this machine's speed)
  --json FILE  write every run's figures as JSON
  --requests   list each response of the cold load until the phase view (bytes, source)
  --profile DIR  write CPU profiles of the cold form, the join and the offline reload to DIR
               (the profiler slows the page: a profiled run's figures are not the benchmark's)`

interface Budget {
  readonly key: keyof PhoneRun
  readonly label: string
  /** ms, or KB for byte figures. */
  readonly limit: number | null
  readonly unit: 'ms' | 'KB'
}

const BUDGETS: readonly Budget[] = [
  { key: 'coldForm', label: 'cold: join link → join form usable', limit: 1500, unit: 'ms' },
  { key: 'coldFormNetwork', label: '  of which waiting for the network', limit: null, unit: 'ms' },
  {
    key: 'coldFormCpu',
    label: '  main-thread CPU time (× the slowdown)',
    limit: null,
    unit: 'ms',
  },
  { key: 'coldApp', label: 'cold: join link → app loaded (Join at once)', limit: null, unit: 'ms' },
  { key: 'coldJoin', label: 'cold: Join tapped → phase view', limit: 1000, unit: 'ms' },
  { key: 'coldVote', label: 'cold: voting opened → "Add a dot" enabled', limit: 1000, unit: 'ms' },
  { key: 'coldFormBytes', label: 'cold: transferred until the form', limit: 120, unit: 'KB' },
  {
    key: 'coldJoinBytes',
    label: 'cold: transferred until the phase view',
    limit: null,
    unit: 'KB',
  },
  { key: 'precacheBytes', label: 'service worker precache download', limit: null, unit: 'KB' },
  { key: 'warmForm', label: 'warm: join link → join form usable', limit: 800, unit: 'ms' },
  { key: 'warmFormNetwork', label: '  of which waiting for the network', limit: null, unit: 'ms' },
  {
    key: 'warmFormCpu',
    label: '  main-thread CPU time (× the slowdown)',
    limit: null,
    unit: 'ms',
  },
  { key: 'warmApp', label: 'warm: join link → app loaded (Join at once)', limit: null, unit: 'ms' },
  { key: 'warmJoin', label: 'warm: Join tapped → phase view', limit: null, unit: 'ms' },
  { key: 'warmVote', label: 'warm: voting opened → "Add a dot" enabled', limit: null, unit: 'ms' },
  { key: 'warmFormBytes', label: 'warm: transferred until the form', limit: null, unit: 'KB' },
  { key: 'offlinePhase', label: 'offline reload → phase view', limit: 1000, unit: 'ms' },
  {
    key: 'offlinePhaseCpu',
    label: '  main-thread CPU time (× the slowdown)',
    limit: null,
    unit: 'ms',
  },
  { key: 'offlineVote', label: 'offline reload → "Add a dot" enabled', limit: null, unit: 'ms' },
]

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

function show(value: number, unit: Budget['unit']): string {
  return unit === 'KB' ? (value / 1024).toFixed(1) : value.toFixed(0)
}

/** The cold load's responses until the phase view, the page's (counted) and its worker's. */
function listRequests(run: PhoneRun): void {
  console.log('  cold load until the phase view (KB as received; the page responses are counted):')
  for (const r of run.coldRequests) {
    console.log(
      `    ${r.by.padEnd(6)} ${(r.bytes / 1024).toFixed(1).padStart(6)}  ${r.from.padEnd(14)} ` +
        r.path,
    )
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '3' },
      cpu: { type: 'string' },
      json: { type: 'string' },
      profile: { type: 'string' },
      requests: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) return console.log(HELP)
  const runs = Number.parseInt(values.runs, 10)
  if (!(runs >= 1)) throw new Error('--runs must be a positive whole number')

  const load = loadavg().map((l) => l.toFixed(2))
  console.log(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}; ` +
      `load average ${load.join(' ')} at start`,
  )
  const p = values.cpu ? { ...SLOW_4G, cpuSlowdown: Number(values.cpu) } : SLOW_4G
  if (!(p.cpuSlowdown >= 1)) throw new Error('--cpu must be 1 or more')
  console.log(
    `Phone: ${p.latencyMs} ms latency, ${p.downKbps} kbps down, ${p.upKbps} kbps up, ` +
      `CPU ÷${p.cpuSlowdown}; 360x740, touch`,
  )
  if (values.profile) mkdirSync(values.profile, { recursive: true })
  const server = await startServer()
  const port = await freePort()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A second CDP client, for the service workers (see throttle.ts).
      `--remote-debugging-port=${port}`,
    ],
  })
  const cdp = await BrowserCdp.connect(port)
  const results: PhoneRun[] = []
  try {
    const network = await PhoneNetwork.start(cdp, p)
    for (let run = 1; run <= runs; run++) {
      const result = await runPhone(browser, server.url, network, run, values.profile)
      results.push(result)
      console.log(
        `run ${run}: ` +
          BUDGETS.map((b) => `${b.key} ${show(result[b.key] as number, b.unit)}`).join(', ') +
          `; scripts as ${result.scriptEncoding}`,
      )
      if (values.requests) listRequests(result)
    }
  } finally {
    cdp.close()
    await browser.close()
    await server.stop()
  }

  console.log(`\nmedian of ${runs} run(s); load average ${loadavg()[0]!.toFixed(2)} at the end`)
  for (const b of BUDGETS) {
    const all = results.map((r) => r[b.key] as number)
    const m = median(all)
    const limit = b.limit === null ? '' : ` (budget ≤ ${b.limit} ${b.unit})`
    const verdict =
      b.limit === null ? '' : (b.unit === 'KB' ? m / 1024 : m) <= b.limit ? ' met' : ' NOT MET'
    const each = all.map((v) => show(v, b.unit)).join(' / ')
    console.log(
      `${b.label.padEnd(44)} ${show(m, b.unit).padStart(7)} ${b.unit}${limit}${verdict}  [${each}]`,
    )
  }
  if (values.json) writeFileSync(values.json, JSON.stringify({ profile: p, results }, null, 2))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
