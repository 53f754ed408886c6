// The wire between nodes: Redis pub/sub, one channel per workshop, binary messages. Pub/sub
// delivers at most once and in the order one connection published; nothing here relies on it
// delivering at all (the cluster repairs gaps from the store), only on the order.
import { Redis } from 'ioredis'

export interface BusHandlers {
  /** A message on a channel this node listens to (its own messages included). */
  readonly onMessage: (channel: string, data: Uint8Array) => void
  /** Redis became reachable (first time: `first`), or stopped being reachable. */
  readonly onUp: (first: boolean) => void
  readonly onDown: (error: string) => void
}

export class RedisBus {
  private readonly pub: Redis
  private readonly sub: Redis
  private readonly listening = new Map<string, number>()
  private up = false
  private everUp = false

  constructor(url: string, handlers: BusHandlers) {
    const options = {
      // A publish while Redis is away fails at once (and is counted) instead of queueing without
      // bound; the store holds everything and the other nodes replay it.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(1000, 50 * times),
      lazyConnect: false,
    }
    this.pub = new Redis(url, { ...options, connectionName: 'triage-pub' })
    // The subscriber keeps its channels across reconnects (ioredis subscribes again).
    this.sub = new Redis(url, {
      ...options,
      enableOfflineQueue: true,
      connectionName: 'triage-sub',
    })
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      handlers.onMessage(channel.toString(), new Uint8Array(message))
    })
    const down = (err?: unknown) => {
      if (!this.up && this.everUp === false && err === undefined) return
      if (this.up) {
        this.up = false
        handlers.onDown(err instanceof Error ? err.message : 'connection closed')
      }
    }
    this.sub.on('ready', () => {
      if (this.up) return
      this.up = true
      const first = !this.everUp
      this.everUp = true
      handlers.onUp(first)
    })
    this.sub.on('close', () => down())
    this.sub.on('error', (err: unknown) => down(err))
    this.pub.on('error', () => {
      // Reported once through the subscriber's state; ioredis retries on its own.
    })
  }

  get connected(): boolean {
    return this.up
  }

  /** Starts listening to a channel (counted: each `listen` needs one `unlisten`). */
  async listen(channel: string): Promise<void> {
    const n = this.listening.get(channel) ?? 0
    this.listening.set(channel, n + 1)
    if (n !== 0) return
    const subscribed = this.sub.subscribe(channel).catch(() => undefined)
    // While Redis is away the subscription waits for it; a document loads meanwhile, and the
    // catch-up when Redis is back covers what it missed.
    if (this.up) await subscribed
  }

  unlisten(channel: string): void {
    const n = this.listening.get(channel) ?? 0
    if (n <= 1) {
      this.listening.delete(channel)
      void this.sub.unsubscribe(channel).catch(() => undefined)
    } else this.listening.set(channel, n - 1)
  }

  /** Publishes; false when the message could not be handed to Redis (it is then lost). */
  async publish(channel: string, data: Uint8Array): Promise<boolean> {
    try {
      await this.pub.publish(channel, Buffer.from(data.buffer, data.byteOffset, data.byteLength))
      return true
    } catch {
      return false
    }
  }

  /** How many nodes listen to a channel now (this one included), or null when Redis is away. */
  async listeners(channel: string): Promise<number | null> {
    try {
      const reply = (await this.pub.pubsub('NUMSUB', channel)) as [string, number]
      return Number(reply[1])
    } catch {
      return null
    }
  }

  async close(): Promise<void> {
    this.sub.disconnect()
    this.pub.disconnect()
  }
}
