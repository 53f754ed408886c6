// A TCP proxy (node:net) between clients and the real server that misbehaves like a bad
// network, with a seeded PRNG: it delays chunks (keeping their order), stalls a connection,
// half-opens it (stops forwarding one direction while both sockets stay open) and cuts it. It
// never alters, reorders or invents a byte; a cut may drop what was held back, as a dead link
// does. `heal()` delivers everything held back and stops misbehaving.
import { createConnection, createServer, type Server, type Socket } from 'node:net'
import { createRng, type Rng } from '../crash/rng.js'

export interface FaultProfile {
  /** Share of chunks that are held back, and for how long (ms). */
  readonly delayChance: number
  readonly delayMs: readonly [number, number]
  /** Time between two fault decisions on one connection (ms); the first comes this soon too. */
  readonly decideEveryMs: readonly [number, number]
  /** Relative weights of what a decision does. */
  readonly weights: {
    readonly none: number
    readonly stall: number
    readonly halfOpen: number
    readonly cut: number
  }
  /** How long a stall (both directions) and a half-open spell (one direction) last (ms). */
  readonly stallMs: readonly [number, number]
  readonly halfOpenMs: readonly [number, number]
  /** Chance that a half-open spell ends with a cut rather than with forwarding again. */
  readonly halfOpenEndsInCut: number
}

export const DEFAULT_FAULTS: FaultProfile = {
  delayChance: 0.3,
  delayMs: [1, 120],
  decideEveryMs: [30, 700],
  weights: { none: 5, stall: 2, halfOpen: 2, cut: 2 },
  stallMs: [50, 900],
  halfOpenMs: [100, 1500],
  halfOpenEndsInCut: 0.5,
}

export interface ProxyStats {
  connections: number
  chunks: number
  bytes: number
  delayedChunks: number
  stalls: number
  halfOpens: number
  cuts: number
  /** Bytes that were held back when the proxy healed and were delivered then. */
  bytesReleasedAtHeal: number
}

/** One direction of one connection: an ordered queue of chunks, each with its release time. */
class Lane {
  private readonly queue: { chunk: Buffer; at: number }[] = []
  private held = false
  private lastAt = 0
  private timer: NodeJS.Timeout | null = null
  private ended = false

  constructor(private readonly dst: Socket) {}

  get heldBytes(): number {
    let n = 0
    for (const q of this.queue) n += q.chunk.length
    return n
  }

  push(chunk: Buffer, delayMs: number): void {
    const now = performance.now()
    // Never before an earlier chunk: delays keep the byte order.
    const at = Math.max(now + delayMs, this.lastAt)
    this.lastAt = at
    this.queue.push({ chunk, at })
    this.pump()
  }

  /** The source ended: end the destination once everything before it is delivered. */
  end(): void {
    this.ended = true
    this.pump()
  }

  hold(): void {
    this.held = true
  }

  release(): void {
    this.held = false
    this.pump()
  }

  /** Delivers everything now and forwards without delay from here on. */
  flush(): number {
    const bytes = this.heldBytes
    for (const q of this.queue) q.at = 0
    this.lastAt = 0
    this.release()
    return bytes
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.queue.length = 0
  }

  private pump = (): void => {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.held || this.dst.destroyed) return
    const now = performance.now()
    while (this.queue.length > 0 && this.queue[0]!.at <= now) {
      this.dst.write(this.queue.shift()!.chunk)
    }
    if (this.queue.length > 0) {
      this.timer = setTimeout(this.pump, Math.max(0, this.queue[0]!.at - now))
    } else if (this.ended && !this.dst.destroyed) {
      this.dst.end()
    }
  }
}

class Link {
  private readonly up: Lane
  private readonly down: Lane
  private readonly upstream: Socket
  private readonly timers = new Set<NodeJS.Timeout>()
  private busy = false
  private closed = false

  constructor(
    private readonly proxy: FaultyProxy,
    private readonly client: Socket,
    target: { host: string; port: number },
    private readonly rng: Rng,
  ) {
    this.upstream = createConnection({ ...target, allowHalfOpen: true })
    client.setNoDelay(true)
    this.upstream.setNoDelay(true)
    this.up = new Lane(this.upstream)
    this.down = new Lane(client)
    const forward = (lane: Lane) => (chunk: Buffer) => {
      const stats = proxy.stats
      stats.chunks++
      stats.bytes += chunk.length
      let delay = 0
      if (proxy.misbehaving && rng.chance(proxy.profile.delayChance)) {
        delay = rng.int(proxy.profile.delayMs[0], proxy.profile.delayMs[1])
        stats.delayedChunks++
      }
      lane.push(chunk, delay)
    }
    client.on('data', forward(this.up))
    this.upstream.on('data', forward(this.down))
    client.on('end', () => this.up.end())
    this.upstream.on('end', () => this.down.end())
    for (const s of [client, this.upstream]) {
      s.on('error', () => this.destroy())
      s.on('close', () => this.destroy())
    }
    if (proxy.misbehaving) this.scheduleDecision()
  }

  scheduleDecision(): void {
    if (this.closed) return
    const p = this.proxy.profile
    this.after(this.rng.int(p.decideEveryMs[0], p.decideEveryMs[1]), () => {
      if (!this.proxy.misbehaving) return
      if (!this.busy) this.decide()
      this.scheduleDecision()
    })
  }

  /** Delivers what is held back and cancels every pending fault. */
  heal(): number {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.busy = false
    return this.up.flush() + this.down.flush()
  }

  /** Drops the connection at once, both ways (as a dead link or a killed NAT entry). */
  cut(): void {
    if (this.closed) return
    this.proxy.stats.cuts++
    this.destroy()
  }

  destroy(): void {
    if (this.closed) return
    this.closed = true
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
    this.up.stop()
    this.down.stop()
    this.client.destroy()
    this.upstream.destroy()
    this.proxy.forget(this)
  }

  private after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t)
      fn()
    }, ms)
    this.timers.add(t)
  }

  private decide(): void {
    const { weights, stallMs, halfOpenMs, halfOpenEndsInCut } = this.proxy.profile
    const total = weights.none + weights.stall + weights.halfOpen + weights.cut
    let r = this.rng.next() * total
    if ((r -= weights.none) < 0) return
    const stats = this.proxy.stats
    if ((r -= weights.stall) < 0) {
      stats.stalls++
      this.busy = true
      this.up.hold()
      this.down.hold()
      this.after(this.rng.int(stallMs[0], stallMs[1]), () => {
        this.busy = false
        this.up.release()
        this.down.release()
      })
      return
    }
    if ((r -= weights.halfOpen) < 0) {
      stats.halfOpens++
      this.busy = true
      const lane = this.rng.chance(0.5) ? this.up : this.down
      const endsInCut = this.rng.chance(halfOpenEndsInCut)
      lane.hold()
      this.after(this.rng.int(halfOpenMs[0], halfOpenMs[1]), () => {
        this.busy = false
        if (endsInCut) this.cut()
        else lane.release()
      })
      return
    }
    this.cut()
  }
}

export class FaultyProxy {
  readonly stats: ProxyStats = {
    connections: 0,
    chunks: 0,
    bytes: 0,
    delayedChunks: 0,
    stalls: 0,
    halfOpens: 0,
    cuts: 0,
    bytesReleasedAtHeal: 0,
  }
  misbehaving = false
  private readonly links = new Set<Link>()
  private readonly server: Server
  private port = 0

  constructor(
    private readonly target: { host: string; port: number },
    private readonly rng: Rng = createRng(1),
    readonly profile: FaultProfile = DEFAULT_FAULTS,
  ) {
    this.server = createServer({ allowHalfOpen: true }, (socket) => {
      this.stats.connections++
      // One generator per connection: its decisions do not depend on other connections' chunks.
      const link = new Link(this, socket, this.target, this.rng.fork(this.stats.connections))
      this.links.add(link)
    })
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', () => resolve())
    })
    const address = this.server.address()
    this.port = typeof address === 'object' && address ? address.port : 0
  }

  /** `ws://127.0.0.1:<proxy port>/sync`. */
  get syncUrl(): string {
    return `ws://127.0.0.1:${this.port}/sync`
  }

  /** Starts misbehaving on every connection, open and future. */
  startFaults(): void {
    this.misbehaving = true
    for (const link of this.links) link.scheduleDecision()
  }

  /** Stops misbehaving: everything held back is delivered, nothing is delayed or cut any more. */
  heal(): void {
    this.misbehaving = false
    for (const link of this.links) this.stats.bytesReleasedAtHeal += link.heal()
  }

  /** Cuts every open connection. */
  cutAll(): void {
    for (const link of [...this.links]) link.cut()
  }

  get openConnections(): number {
    return this.links.size
  }

  forget(link: Link): void {
    this.links.delete(link)
  }

  async close(): Promise<void> {
    for (const link of [...this.links]) link.destroy()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
