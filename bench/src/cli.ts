// `pnpm bench -- [options]`: runs workloads side by side against Triage Board, the stock
// y-websocket server and the echo server, and prints a table per workload with the ratios.
// See docs/performance.md for the commands and what the figures mean.
import { execFileSync } from 'node:child_process'
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { measureMemory } from './memory.js'
import { markdownTable, textTable } from './report.js'
import { runOnce, type ClientKind, type Placement, type RunResult } from './run.js'
import { startClusterServer } from './cluster-servers.js'
import {
  DEFAULT_SERVER_KINDS,
  PINNED,
  SERVER_KINDS,
  startServer,
  type ServerKind,
} from './servers.js'
import { fmt, largestPassing, type RampStep } from './stats.js'
import { WORKLOADS, type WorkloadName } from './workloads.js'

const HELP = `Usage: pnpm bench -- [options]
  --workload  vote|ideas|drag|join|reconnect|all, or a comma list
              (default vote; none when only --memory is given)
  --clients   clients in the room                                   (default 500)
  --rooms     R: R rooms of --clients each play the workload at once  (default 1)
  --placement split|sticky: on two nodes, each room's clients alternate between the nodes
              (split, default) or all sit on node r mod 2 (sticky, as a balancer keeping a
              workshop on one node would)
  --servers   comma list of triage, stock, echo                     (default all three),
              triage-pg (one node on PostgreSQL + Redis), triage-2 (two nodes, clients
              split between them); these two need eval "$(node scripts/services.mjs start)"
  --presence  on|off|both: awareness state per client, cursor every 1 s (default off)
  --client    lean|provider: lean protocol client or stock WebsocketProvider (default lean)
  --echo-presence on|off: lean clients send others' awareness back as the provider does (on)
  --ramp      FROM:TO:STEP  steps the clients of the first workload; reports the largest
              count before p95 > 250 ms (or a loss), per server
  --memory    N: Triage and stock RSS/heap with 0, N/2 and N idle connections; room unload
  --markdown  FILE: append the tables in Markdown
  --json      FILE: write every result as JSON
  --seed      schedule seed (default 1)`

const P95_BUDGET_MS = 250

function parse() {
  const argv = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'))
  const { values } = parseArgs({
    args: argv,
    options: {
      workload: { type: 'string' },
      clients: { type: 'string', default: '500' },
      rooms: { type: 'string', default: '1' },
      placement: { type: 'string', default: 'split' },
      servers: { type: 'string', default: DEFAULT_SERVER_KINDS.join(',') },
      presence: { type: 'string', default: 'off' },
      client: { type: 'string', default: 'lean' },
      'echo-presence': { type: 'string', default: 'on' },
      ramp: { type: 'string' },
      memory: { type: 'string' },
      markdown: { type: 'string' },
      json: { type: 'string' },
      seed: { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  const list = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
  // With --memory alone, only memory is measured.
  const workload = values.workload ?? (values.memory && !values.ramp ? '' : 'vote')
  const workloads = (workload === 'all' ? [...WORKLOADS] : list(workload)) as WorkloadName[]
  for (const w of workloads) if (!WORKLOADS.includes(w)) fail(`unknown workload ${w}`)
  const servers = list(values.servers) as ServerKind[]
  for (const s of servers) if (!SERVER_KINDS.includes(s)) fail(`unknown server ${s}`)
  const presence =
    values.presence === 'both' ? [false, true] : values.presence === 'on' ? [true] : [false]
  const clientKind = values.client as ClientKind
  if (clientKind !== 'lean' && clientKind !== 'provider') fail('--client is lean or provider')
  const clients = Number(values.clients)
  if (!Number.isInteger(clients) || clients < 2) fail('--clients is a whole number ≥ 2')
  const rooms = Number(values.rooms)
  if (!Number.isInteger(rooms) || rooms < 1) fail('--rooms is a whole number ≥ 1')
  const placement = values.placement as Placement
  if (placement !== 'split' && placement !== 'sticky') fail('--placement is split or sticky')
  let ramp: number[] | null = null
  if (values.ramp) {
    const [from, to, step] = values.ramp.split(':').map(Number)
    if (!from || !to || !step || from > to) fail('--ramp is FROM:TO:STEP')
    ramp = []
    for (let n = from!; n <= to!; n += step!) ramp.push(n)
  }
  return {
    workloads,
    servers,
    presence,
    clientKind,
    clients,
    rooms,
    placement,
    ramp,
    echoPresence: values['echo-presence'] !== 'off',
    memory: values.memory ? Number(values.memory) : null,
    markdown: values.markdown ?? null,
    json: values.json ?? null,
    seed: Number(values.seed),
  }
}

function fail(message: string): never {
  console.error(`${message}\n\n${HELP}`)
  process.exit(2)
}

function machine(): string {
  let cpu = 'unknown CPU'
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu
  } catch {
    // not Linux
  }
  const [load1] = loadavg()
  const pinning = PINNED ? 'servers on core 0, generator on core 1' : 'not pinned (one core)'
  return (
    `${cpus().length} cores (${cpu}), Node ${process.version}, ${pinning}; ` +
    `load average ${load1!.toFixed(2)} at start`
  )
}

async function main() {
  const options = parse()
  if (PINNED)
    execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  const command = `pnpm bench -- ${process.argv
    .slice(2)
    .filter((a) => a !== '--')
    .join(' ')}`
  console.log(`Machine: ${machine()}`)
  const results: RunResult[] = []
  const failures: string[] = []
  const markdown = (text: string) => {
    if (options.markdown) appendFileSync(options.markdown, `${text}\n\n`)
  }
  const log = (line: string) => console.log(line)
  markdown(`\`${command.trim()}\` — ${machine()}`)

  if (options.memory !== null) {
    const report = await measureMemory(options.memory, log)
    console.log(report.text)
    markdown(report.markdown)
  }

  const runOn = async (
    kind: ServerKind,
    workload: WorkloadName,
    clients: number,
    presence: boolean,
  ): Promise<RunResult | null> => {
    const server =
      kind === 'triage-pg' || kind === 'triage-2'
        ? await startClusterServer(kind)
        : await startServer(kind)
    try {
      const where = options.rooms > 1 ? ` × ${options.rooms} rooms (${options.placement})` : ''
      log(`→ ${kind}: ${workload}, ${clients} clients${where}, presence ${presence ? 'on' : 'off'}`)
      const result = await runOnce({
        server,
        workload,
        clients,
        rooms: options.rooms,
        placement: options.placement,
        presence,
        clientKind: options.clientKind,
        echoPresence: options.echoPresence,
        seed: options.seed,
        log,
      })
      results.push(result)
      return result
    } catch (err) {
      // One server failing a run (clients refused, never synced) does not stop the others.
      const why = err instanceof Error ? err.message : String(err)
      console.error(`${kind} failed: ${why}\n${server.log().slice(-2000)}`)
      failures.push(`${kind}, ${workload}, ${clients} clients: ${why}`)
      return null
    } finally {
      await server.stop()
    }
  }

  if (options.ramp) {
    const workload = options.workloads[0] ?? 'vote'
    for (const presence of options.presence) {
      const verdicts: string[] = []
      const rows: string[] = []
      for (const kind of options.servers) {
        const steps: RampStep[] = []
        for (const clients of options.ramp) {
          const r = await runOn(kind, workload, clients, presence)
          if (!r) {
            steps.push({ clients, p95: NaN, lost: NaN })
            break
          }
          steps.push({ clients, p95: r.latency.p95, lost: r.lost })
          const cell = (v: number, d = 1) => fmt(v, d)
          rows.push(
            `| ${kind} | ${clients} | ${cell(r.latency.p50)} | ${cell(r.latency.p95)} | ` +
              `${cell(r.latency.p99)} | ${cell(r.latency.max)} | ${r.lost} | ` +
              `${cell(r.deliveredPerSecond, 0)} | ${cell(r.messagesPerSecond, 0)} | ` +
              `${cell(r.serverUsage.cpuPercent, 0)} | ${cell(r.generatorCpuPercent, 0)} |`,
          )
          log(
            `  ${kind} ${clients}: p50 ${fmt(r.latency.p50)} p95 ${fmt(r.latency.p95)} ` +
              `p99 ${fmt(r.latency.p99)} max ${fmt(r.latency.max)} ms, lost ${r.lost}, ` +
              `${fmt(r.deliveredPerSecond, 0)} updates/s, server CPU ${fmt(r.serverUsage.cpuPercent, 0)}%, ` +
              `generator CPU ${fmt(r.generatorCpuPercent, 0)}%`,
          )
          if (!(r.latency.p95 <= P95_BUDGET_MS) || r.lost > 0) break
        }
        const best = largestPassing(steps, P95_BUDGET_MS)
        verdicts.push(
          `${kind}: largest room with p95 ≤ ${P95_BUDGET_MS} ms and nothing lost: ` +
            `${best === null ? `below ${options.ramp[0]}` : best} clients` +
            (best === options.ramp[options.ramp.length - 1] ? ' (the ramp ended there)' : ''),
        )
      }
      const title = `Ramp, ${workload}, presence ${presence ? 'on' : 'off'}`
      console.log(`\n${title}\n${verdicts.join('\n')}\n`)
      markdown(
        [
          `**${title}**`,
          '',
          '| server | clients | p50 ms | p95 ms | p99 ms | max ms | lost | updates/s | messages/s | server CPU % | generator CPU % |',
          '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
          ...rows,
          '',
          ...verdicts.map((v) => `- ${v}`),
        ].join('\n'),
      )
    }
  } else {
    for (const workload of options.workloads) {
      for (const presence of options.presence) {
        const group: RunResult[] = []
        for (const kind of options.servers) {
          const r = await runOn(kind, workload, options.clients, presence)
          if (r) group.push(r)
        }
        if (group.length === 0) continue
        console.log(`\n${textTable(group)}\n`)
        markdown(markdownTable(group))
      }
    }
  }
  if (failures.length > 0) {
    console.log(`Failed runs:\n${failures.map((f) => `  ${f}`).join('\n')}`)
    markdown(`Failed runs:\n\n${failures.map((f) => `- ${f}`).join('\n')}`)
  }
  if (options.json) {
    writeFileSync(options.json, JSON.stringify({ machine: machine(), results, failures }, null, 2))
  }
  if (failures.length > 0) process.exitCode = 1
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
