// Memory: what an idle connection costs the server (heap after a full collection, and RSS, at 0,
// N/2 and N connections), and whether a room leaves memory once its last client is gone.
import { LeanClient, type BenchClient } from './lean-client.js'
import { Meter } from './meter.js'
import { rssMiB } from './proc.js'
import { clock } from './protocol.js'
import { startServer, type HeapReport, type ServerHandle } from './servers.js'
import { fmt } from './stats.js'

const GRACE_MS = 3000
const CONTENT_IDEAS = 5000
const CONTENT_TEXT = 400
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const MiB = 1024 * 1024

interface Point {
  readonly label: string
  readonly heapMiB: number
  readonly rssMiB: number
}

async function point(server: ServerHandle, label: string): Promise<Point> {
  // Twice: the first collection may leave work (weak references, finalisers) for the second.
  await server.heap()
  const heap: HeapReport | null = await server.heap()
  return {
    label,
    heapMiB: heap ? (heap.heapUsed + heap.external) / MiB : NaN,
    rssMiB: rssMiB(server.pid),
  }
}

async function connectAll(clients: BenchClient[], waiters: Map<number, () => void>) {
  let next = 0
  const some = async () => {
    while (next < clients.length) {
      const c = clients[next++]!
      await new Promise<void>((resolveSynced) => {
        waiters.set(c.index, resolveSynced)
        c.connect()
      })
    }
  }
  await Promise.all(Array.from({ length: 64 }, some))
}

async function measure(kind: 'triage' | 'stock', n: number, log: (line: string) => void) {
  const server = await startServer(kind, {
    env: kind === 'triage' ? { ROOM_GRACE_MS: String(GRACE_MS), COMPACT_AFTER: '1000000' } : {},
  })
  try {
    log(`→ memory, ${kind}: ${n} idle connections`)
    const room = await server.prepareRoom(n)
    // The joins loaded the workshop's control document; let it unload before the baseline.
    await sleep(GRACE_MS + 1500)
    const meter = new Meter(n)
    const waiters = new Map<number, () => void>()
    const clients: BenchClient[] = Array.from(
      { length: n },
      (_, index) =>
        new LeanClient({
          index,
          url: room.url(index),
          meter,
          handshake: true,
          onSynced: (c) => waiters.get(c.index)?.(),
        }),
    )
    const points: Point[] = [await point(server, 'no connections, no room loaded')]
    const half = Math.floor(n / 2)
    await connectAll(clients.slice(0, half), waiters)
    await sleep(1000)
    points.push(await point(server, `${half} idle connections`))
    await connectAll(clients.slice(half), waiters)
    await sleep(1000)
    points.push(await point(server, `${n} idle connections`))
    for (const c of clients) c.destroy()
    await sleep(GRACE_MS + 2000)
    points.push(await point(server, 'all closed'))

    // Unloading: one client fills the room (nobody else to send it to) and leaves.
    const writer = new LeanClient({
      index: 0,
      url: room.url(0),
      meter,
      handshake: true,
      onSynced: (c) => waiters.get(c.index)?.(),
    })
    await connectAll([writer], waiters)
    const text = 'x'.repeat(CONTENT_TEXT)
    // In updates of 500 ideas: Triage refuses frames above MAX_FRAME_BYTES (1 MiB).
    for (let from = 0; from < CONTENT_IDEAS; from += 500) {
      writer.writeMany(
        Array.from({ length: 500 }, (_, k) => [`idea-${from + k}`, { text, i: -1, t: clock() }]),
      )
    }
    await sleep(2000)
    points.push(await point(server, `1 connection, room holding ${CONTENT_IDEAS} ideas`))
    writer.destroy()
    await sleep(500)
    points.push(await point(server, 'its client left 0.5 s ago'))
    await sleep(GRACE_MS + 2000)
    points.push(await point(server, `its client left ${(GRACE_MS + 2500) / 1000} s ago`))
    return points
  } finally {
    await server.stop()
  }
}

export async function measureMemory(
  n: number,
  log: (line: string) => void,
): Promise<{ text: string; markdown: string }> {
  const text: string[] = []
  const md: string[] = []
  for (const kind of ['triage', 'stock'] as const) {
    const points = await measure(kind, n, log)
    const half = Math.floor(n / 2)
    const perConn = (a: Point, b: Point, key: 'heapMiB' | 'rssMiB', count: number) =>
      ((b[key] - a[key]) * 1024) / count
    const [p0, p1, p2, , loaded, , after] = points as Point[] as [
      Point,
      Point,
      Point,
      Point,
      Point,
      Point,
      Point,
    ]
    const heapPer = perConn(p1, p2, 'heapMiB', n - half)
    const rssPer = perConn(p1, p2, 'rssMiB', n - half)
    const heapAll = perConn(p0, p2, 'heapMiB', n)
    const rssAll = perConn(p0, p2, 'rssMiB', n)
    const title = `Memory, ${kind} server (room grace ${kind === 'triage' ? `${GRACE_MS / 1000} s` : 'none: stock keeps rooms'})`
    text.push(title)
    md.push(`**${title}**`, '', '| moment | heap + external (MiB) | RSS (MiB) |', '|---|---:|---:|')
    for (const p of points) {
      text.push(
        `  ${p.label.padEnd(44)} heap ${fmt(p.heapMiB).padStart(7)} MiB  RSS ${fmt(p.rssMiB).padStart(7)} MiB`,
      )
      md.push(`| ${p.label} | ${fmt(p.heapMiB)} | ${fmt(p.rssMiB)} |`)
    }
    const line =
      `per idle connection: heap ${fmt(heapPer)} KiB, RSS ${fmt(rssPer)} KiB ` +
      `(from ${half} to ${n}); with the room's own cost, from 0 to ${n}: heap ${fmt(heapAll)} KiB, RSS ${fmt(rssAll)} KiB`
    const unload =
      `room with content: heap ${fmt(loaded.heapMiB)} MiB while held, ` +
      `${fmt(after.heapMiB)} MiB after its last client left and the grace passed ` +
      `(${fmt(loaded.heapMiB - after.heapMiB)} MiB freed)`
    text.push(`  ${line}`, `  ${unload}`, '')
    md.push('', `${line}.`, '', `${unload}.`, '')
  }
  return { text: text.join('\n'), markdown: md.join('\n') }
}
