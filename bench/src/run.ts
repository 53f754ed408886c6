// One run: a fresh room on a running server, N clients, one workload, then the figures.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { LeanClient, type BenchClient, type ClientOptions } from './lean-client.js'
import { Meter } from './meter.js'
import { ProcSampler, type ProcUsage } from './proc.js'
import { clock } from './protocol.js'
import { ProviderClient } from './provider-client.js'
import type { BenchRoom, EventLoopDelay, ServerHandle, ServerKind } from './servers.js'
import { EMPTY_SUMMARY, type Summary } from './stats.js'
import { plan, type Plan, type PlanEvent, type WorkloadName } from './workloads.js'

export type ClientKind = 'lean' | 'provider'
export type Placement = 'split' | 'sticky'

export interface RunOptions {
  readonly server: ServerHandle
  readonly workload: WorkloadName
  /** Clients in each room. */
  readonly clients: number
  /** Rooms (workshops) of `clients` each, all playing the workload at once (default 1). */
  readonly rooms?: number
  /**
   * With several nodes: `split` puts each room's clients on every node in turn, `sticky` all
   * of room r's on node r mod nodes (a balancer that keeps a workshop on one node).
   */
  readonly placement?: Placement
  readonly presence: boolean
  readonly clientKind: ClientKind
  /** Lean clients send others' awareness changes back, as the stock provider does. */
  readonly echoPresence: boolean
  readonly seed?: number
  readonly log?: (line: string) => void
}

export interface RunResult {
  readonly server: ServerKind
  readonly workload: WorkloadName
  readonly description: string
  /** Clients in all rooms together. */
  readonly clients: number
  readonly rooms: number
  readonly presence: boolean
  readonly clientKind: ClientKind
  readonly sent: number
  /** Writes not made because their writer was not connected at that moment. */
  readonly skipped: number
  readonly expected: number
  readonly received: number
  readonly lost: number
  readonly denied: number
  readonly unexpectedCloses: number
  /** Close code and reason of each socket the harness did not close, with counts. */
  readonly closeReasons: Readonly<Record<string, number>>
  /** Clients not synced when the run ended. */
  readonly neverSynced: number
  readonly latency: Summary
  readonly presenceLatency: Summary
  readonly syncLatency: Summary
  readonly windowSeconds: number
  readonly drainSeconds: number
  readonly deliveredPerSecond: number
  readonly bytesPerSecond: number
  readonly messagesPerSecond: number
  readonly serverUsage: ProcUsage
  readonly serverDelay: EventLoopDelay | null
  readonly generatorCpuPercent: number
  readonly generatorDelay: EventLoopDelay
  readonly decodeCacheHitRate: number
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const PRESENCE_PERIOD_MS = 1000
const PRESENCE_TICK_MS = 50
const CONNECT_CONCURRENCY = 64
const CONNECT_TIMEOUT_MS = 60_000
/** Drain ends when everything expected arrived, nothing arrived for this long, or at the cap. */
const DRAIN_IDLE_MS = 5_000
const DRAIN_CAP_MS = 60_000

const DELAY_RESOLUTION_MS = 10
const generatorDelay = monitorEventLoopDelay({ resolution: DELAY_RESOLUTION_MS })
generatorDelay.enable()

export async function runOnce(options: RunOptions): Promise<RunResult> {
  const { server, clients: perRoom } = options
  const roomCount = options.rooms ?? 1
  const n = perRoom * roomCount
  const log = options.log ?? (() => {})
  const schedule = manyRooms(options.workload, perRoom, roomCount, options.seed ?? 1)
  const rooms: BenchRoom[] = []
  for (let r = 0; r < roomCount; r++) {
    rooms.push(await server.prepareRoom(perRoom, options.placement === 'sticky' ? r : undefined))
  }
  const roomOf = (client: number) => Math.floor(client / perRoom)
  const meter = new Meter(n)
  const waiters = new Map<number, { synced: () => void; closed: (why: string) => void }>()
  const make = (index: number): BenchClient => {
    const clientOptions: ClientOptions = {
      index,
      url: rooms[roomOf(index)]!.url(index % perRoom),
      meter,
      handshake: server.handshake,
      // The echo server keeps no awareness clocks to stop an echo: it would relay it forever.
      echoPresence: options.echoPresence && server.handshake,
      onSynced: (c) => {
        waiters.get(c.index)?.synced()
        waiters.delete(c.index)
      },
      onClosed: (c, why) => {
        waiters.get(c.index)?.closed(why)
        waiters.delete(c.index)
      },
    }
    return options.clientKind === 'lean'
      ? new LeanClient(clientOptions)
      : new ProviderClient(clientOptions)
  }
  const clients = Array.from({ length: n }, (_, i) => make(i))

  let presenceSeq = 0
  const presenceState = (c: number) => ({
    user: { name: `Phone ${c + 1}`, color: '#1f6feb' },
    cursor: { x: Math.round(Math.random() * 1000), y: Math.round(Math.random() * 800) },
    i: presenceSeq++,
    t: clock(),
  })
  if (options.presence) clients.forEach((c) => c.setPresence(presenceState(c.index)))

  try {
    // Connect the clients that start connected, a bounded number at a time.
    const first = clients.filter((c) => schedule.preconnected(c.index))
    let next = 0
    const connectSome = async () => {
      while (next < first.length) {
        const client = first[next++]!
        await new Promise<void>((resolveSynced, reject) => {
          const timer = setTimeout(() => {
            const closes = [...meter.closeReasons].map(([why, count]) => `${count}× ${why}`)
            const detail = closes.length > 0 ? `; server closed sockets: ${closes.join(', ')}` : ''
            reject(new Error(`client ${client.index} did not sync within 60 s${detail}`))
          }, CONNECT_TIMEOUT_MS)
          waiters.set(client.index, {
            synced: () => {
              clearTimeout(timer)
              resolveSynced()
            },
            closed: (why) => {
              clearTimeout(timer)
              reject(new Error(`client ${client.index} was closed before it synced: ${why}`))
            },
          })
          client.connect()
        })
      }
    }
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, connectSome))
    log(`  ${first.length} clients synced; settling`)
    await settle(meter)

    // Measure.
    let presenceTick = 0
    const presenceTimer = options.presence
      ? setInterval(() => {
          const buckets = PRESENCE_PERIOD_MS / PRESENCE_TICK_MS
          const bucket = presenceTick++ % buckets
          for (let c = bucket; c < n; c += buckets) {
            const client = clients[c]!
            if (client.synced) client.setPresence(presenceState(c))
          }
        }, PRESENCE_TICK_MS)
      : null
    const sampler = new ProcSampler(server.pid)
    meter.measuring = true
    server.resetDelay()
    generatorDelay.reset()
    sampler.start()
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const t0Clock = clock()
    let skipped = 0
    /** Clients of a room synced now (the echo server hands a write only to those). */
    const syncedIn = (room: number) =>
      clients.slice(room * perRoom, (room + 1) * perRoom).filter((c) => c.synced).length

    await play(schedule.events, t0, (event) => {
      const client = clients[event.client]!
      if (event.kind === 'write') {
        if (!client.synced) {
          skipped++
          return
        }
        // Yjs servers hand every write to every other client of the room in the end (live or in
        // the sync reply); the echo server only to those connected now.
        const receivers = server.handshake ? perRoom - 1 : syncedIn(roomOf(event.client)) - 1
        client.write(event.key, { ...event.value, ...meter.stamp(event.client, receivers) })
      } else if (event.kind === 'connect') {
        client.connect()
      } else {
        client.drop()
      }
    })
    const playedAt = performance.now()
    if (presenceTimer) clearInterval(presenceTimer)

    // Drain: until everything expected arrived and everyone is back, or nothing moves.
    let lastReceived = -1
    let lastChange = performance.now()
    while (performance.now() - playedAt < DRAIN_CAP_MS) {
      const allSynced = clients.every((c) => c.synced)
      if (meter.received >= meter.expected && allSynced) break
      if (meter.received !== lastReceived) {
        lastReceived = meter.received
        lastChange = performance.now()
      } else if (performance.now() - lastChange > DRAIN_IDLE_MS) {
        break
      }
      await sleep(50)
    }
    const drainSeconds = (performance.now() - playedAt) / 1000
    meter.measuring = false
    const serverUsage = sampler.stop()
    const cpu = process.cpuUsage(cpu0)
    const serverDelay = await server.delay()
    const elapsed = (performance.now() - t0) / 1000
    const windowSeconds = Math.max(
      schedule.durationMs / 1000,
      meter.lastDeliveryAt > 0 ? (meter.lastDeliveryAt - t0Clock) / 1000 : 0,
    )
    // The histogram records whole timer intervals: the delay is what exceeds the resolution.
    const delayMs = (v: number) => Math.max(0, v / 1e6 - DELAY_RESOLUTION_MS)
    return {
      server: server.kind,
      workload: options.workload,
      description: schedule.description,
      clients: n,
      rooms: roomCount,
      presence: options.presence,
      clientKind: options.clientKind,
      sent: meter.sent,
      skipped,
      expected: meter.expected,
      received: meter.received,
      lost: meter.lost,
      denied: meter.denied,
      unexpectedCloses: meter.unexpectedCloses,
      closeReasons: Object.fromEntries(meter.closeReasons),
      neverSynced: clients.filter((c) => !c.synced).length,
      latency: meter.latency.summary(),
      presenceLatency: options.presence ? meter.presenceLatency.summary() : EMPTY_SUMMARY,
      syncLatency: meter.syncLatency.summary(),
      windowSeconds,
      drainSeconds,
      deliveredPerSecond: meter.liveDeliveries / windowSeconds,
      bytesPerSecond: meter.bytes / windowSeconds,
      messagesPerSecond: meter.messages / windowSeconds,
      serverUsage,
      serverDelay,
      generatorCpuPercent: ((cpu.user + cpu.system) / 1e6 / elapsed) * 100,
      generatorDelay: {
        p50: delayMs(generatorDelay.percentile(50)),
        p99: delayMs(generatorDelay.percentile(99)),
        max: delayMs(generatorDelay.max),
      },
      decodeCacheHitRate: meter.cacheHitRate,
    }
  } finally {
    for (const c of clients) c.destroy()
    await sleep(500)
  }
}

/**
 * The workload played in `rooms` rooms of `perRoom` clients at once: each room its own schedule
 * (seeds `seed`, `seed + 1`, …), client c of room r numbered r × perRoom + c.
 */
function manyRooms(workload: WorkloadName, perRoom: number, rooms: number, seed: number): Plan {
  const plans = Array.from({ length: rooms }, (_, r) => plan(workload, perRoom, seed + r))
  const first = plans[0]!
  if (rooms === 1) return first
  const events: PlanEvent[] = plans.flatMap((p, r) =>
    p.events.map((e) => ({ ...e, client: r * perRoom + e.client })),
  )
  return {
    ...first,
    description: `${rooms} rooms at once, each ${first.description}`,
    preconnected: (c) => plans[Math.floor(c / perRoom)]!.preconnected(c % perRoom),
    events: events.sort((a, b) => a.at - b.at),
  }
}

/** Waits until the set-up traffic (sync replies, presence fan-out) has died down. */
async function settle(meter: Meter): Promise<void> {
  const started = performance.now()
  let last = meter.rawMessages
  let quietSince = performance.now()
  while (performance.now() - started < 30_000) {
    await sleep(100)
    if (meter.rawMessages !== last) {
      last = meter.rawMessages
      quietSince = performance.now()
    } else if (performance.now() - quietSince >= 500) {
      break
    }
  }
}

/** Runs each event at its time (ms after t0), late ones at once, in order. */
function play<E extends { at: number }>(
  events: readonly E[],
  t0: number,
  run: (event: E) => void,
): Promise<void> {
  let k = 0
  return new Promise((resolvePlay) => {
    const tick = () => {
      const now = performance.now() - t0
      while (k < events.length && events[k]!.at <= now) run(events[k++]!)
      if (k >= events.length) return resolvePlay()
      setTimeout(tick, Math.max(0, events[k]!.at - (performance.now() - t0)))
    }
    tick()
  })
}
