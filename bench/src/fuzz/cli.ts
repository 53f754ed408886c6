// `pnpm --filter @triage/bench fuzz -- --frames 100000 --seed 1`: the long fuzz run against the
// real server in its own process (started as the benchmark starts it), then a restart on the
// same data folder. Prints the figures as a Markdown table; --json writes every finding with
// the frames (hex) that preceded it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { rssMiB } from '../proc.js'
import { startServer, type ServerHandle } from '../servers.js'
import { fuzzTable } from './report.js'
import { runFuzz, type FuzzTarget } from './run-fuzz.js'

const HELP = `Usage: pnpm --filter @triage/bench fuzz -- [options]
  --frames   frames to send in all                       (default 10000)
  --seed     seed of the run; the same seed makes the same choices (default 1)
  --batch    frames a connection sends before a round trip (default 8)
  --reveals  workshop-wide reveals during the run          (default 3)
  --json     FILE: write the whole report, findings with their frames, as JSON
  Environment: TRIAGE_SERVER_DIR runs another copy of server/ (see servers.ts).`

function parse() {
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))
  const { values } = parseArgs({
    args: argv,
    options: {
      frames: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '1' },
      batch: { type: 'string', default: '8' },
      reveals: { type: 'string', default: '3' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  const int = (name: string, v: string) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number`)
    return n
  }
  return {
    frames: int('frames', values.frames),
    seed: int('seed', values.seed),
    batch: Math.max(1, int('batch', values.batch)),
    reveals: int('reveals', values.reveals),
    json: values.json,
  }
}

/** Error- and fatal-level lines of a server log (pino JSON), and anything that is not JSON. */
function errorLines(log: string): string[] {
  return log.split('\n').filter((line) => {
    if (line.trim() === '') return false
    if (/^Triage Board listening on /.test(line)) return false
    // Node's own warnings (deprecations, listeners) are not the server's errors.
    if (/^\(node:\d+\) \S*Warning/.test(line) || /^\(Use `node --trace-/.test(line)) return false
    if (!line.startsWith('{')) return true // a stack trace or a crash message
    return /"level":(50|60)/.test(line)
  })
}

/** The real server in a child process, restartable on the same data folder. */
async function childTarget(dataDir: string): Promise<FuzzTarget & { stop(): Promise<void> }> {
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn' }
  let handle: ServerHandle = await startServer('triage', { env })
  let url = serverUrl(handle)
  const earlier: string[] = []
  return {
    get httpUrl() {
      return url
    },
    async alive() {
      try {
        process.kill(handle.pid, 0)
        const res = await fetch(url + '/healthz', { signal: AbortSignal.timeout(10_000) })
        return res.ok
      } catch {
        return false
      }
    },
    rssMiB: () => rssMiB(handle.pid),
    async heapAfterGcMiB() {
      const heap = await handle.heap()
      return heap ? heap.heapUsed / 2 ** 20 : NaN
    },
    errorLines: () => [...earlier, ...errorLines(handle.log())],
    async restart() {
      earlier.push(...errorLines(handle.log()))
      await handle.stop()
      handle = await startServer('triage', { env })
      url = serverUrl(handle)
    },
    async stop() {
      await handle.stop()
    },
  }
}

/** The server's base URL, from the environment it was started with. */
function serverUrl(handle: ServerHandle): string {
  return `http://${handle.env.HOST}:${handle.env.PORT}`
}

async function main() {
  const args = parse()
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-fuzz-'))
  const target = await childTarget(dataDir)
  let lastPrint = 0
  try {
    const report = await runFuzz(target, {
      seed: args.seed,
      frames: args.frames,
      batch: args.batch,
      reveals: args.reveals,
      log: (line) => console.error(line),
      onProgress: (sent, total) => {
        const now = Date.now()
        if (now - lastPrint < 5000 && sent < total) return
        lastPrint = now
        console.error(`${sent}/${total} frames, server RSS ${target.rssMiB().toFixed(0)} MiB`)
      },
    })
    console.log(fuzzTable(report))
    if (args.json) writeFileSync(args.json, JSON.stringify(report, null, 2))
    const failed =
      report.crashes +
      report.honestDisconnections +
      report.honestErrors +
      report.notConverged +
      report.documentsFailingToLoad +
      report.documentsLosingContent +
      report.actionFailures +
      report.serverErrors
    process.exitCode = failed > 0 ? 1 : 0
  } finally {
    await target.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
