// Slow 4G and a slow CPU for one phone, through CDP: the page by Playwright's CDP session, its
// service worker by a raw browser connection (Playwright offers no CDP session for workers). The
// worker is held at start until it is throttled, so the precache downloads at the phone's speed.
// Bytes on the wire are counted on both.
import type { BrowserContext, CDPSession, Page } from 'playwright-core'
import type { BrowserCdp } from './browser-cdp.js'

export interface NetworkProfile {
  /** Added to every request, ms (CDP applies it per request, not per packet). */
  readonly latencyMs: number
  readonly downKbps: number
  readonly upKbps: number
  /** How much slower the page's CPU runs. */
  readonly cpuSlowdown: number
}

/** The "Slow 4G": 150 ms round trip, 1.6 Mbps down, 750 kbps up; CPU four times slower. */
export const SLOW_4G: NetworkProfile = {
  latencyMs: 150,
  downKbps: 1600,
  upKbps: 750,
  cpuSlowdown: 4,
}

type Send = (method: string, params: Record<string, unknown>) => Promise<unknown>

interface Session {
  readonly send: Send
  readonly kind: 'page' | 'worker'
}

/** One response the page or its service worker received (`--requests` lists them). */
export interface RequestRecord {
  readonly by: 'page' | 'worker'
  /** Path and query of the URL. */
  readonly path: string
  /** Bytes CDP counted for it (headers and body as received). */
  readonly bytes: number
  /** Where the answer came from: the network, the HTTP cache, or the service worker. */
  readonly from: 'network' | 'cache' | 'service worker'
}

/** Bytes received, per kind of target, since the last `reset`. */
export interface Transfer {
  page: number
  worker: number
  /** Content-Encoding of each response the page received, by URL path. */
  readonly encodings: Map<string, string>
  /** Every response finished since the last reset, in the order they finished. */
  readonly requests: RequestRecord[]
}

type Source = RequestRecord['from']

/** Notes each request's URL and where its answer came from, to list it once it finishes. */
class RequestLog {
  private readonly pending = new Map<string, { path: string; from: Source }>()

  sent(id: string, url: string): void {
    const u = new URL(url)
    this.pending.set(id, { path: u.pathname + u.search, from: 'network' })
  }

  answered(id: string, response: Record<string, unknown>): void {
    const entry = this.pending.get(id)
    if (!entry) return
    if (response.fromServiceWorker) entry.from = 'service worker'
    else if (response.fromDiskCache || response.fromPrefetchCache) entry.from = 'cache'
  }

  finished(id: string, by: RequestRecord['by'], bytes: number): RequestRecord | undefined {
    const entry = this.pending.get(id)
    this.pending.delete(id)
    return entry && { by, path: entry.path, bytes, from: entry.from }
  }
}

export class PhoneNetwork {
  private readonly sessions = new Set<Session>()
  /** Worker sessions by CDP session id, to count their bytes and forget them when they end. */
  private readonly workers = new Map<string, Session>()
  private offline = false
  readonly transfer: Transfer = { page: 0, worker: 0, encodings: new Map(), requests: [] }
  private readonly log = new RequestLog()

  private constructor(
    private readonly profile: NetworkProfile,
    private readonly cdp: BrowserCdp,
  ) {}

  /** Starts throttling every service worker of the browser as it starts. */
  static async start(cdp: BrowserCdp, profile: NetworkProfile): Promise<PhoneNetwork> {
    const network = new PhoneNetwork(profile, cdp)
    cdp.on('Target.attachedToTarget', (params) => {
      const sessionId = params.sessionId as string
      const waiting = params.waitingForDebugger as boolean
      void network.attachWorker(sessionId, waiting)
    })
    const ofWorker = (sessionId: string | undefined) =>
      sessionId !== undefined && network.workers.has(sessionId)
    cdp.on('Network.requestWillBeSent', (params, sessionId) => {
      if (ofWorker(sessionId)) {
        const request = params.request as { url: string }
        network.log.sent(`w:${params.requestId as string}`, request.url)
      }
    })
    cdp.on('Network.responseReceived', (params, sessionId) => {
      if (ofWorker(sessionId)) {
        const response = params.response as Record<string, unknown>
        network.log.answered(`w:${params.requestId as string}`, response)
      }
    })
    cdp.on('Network.loadingFinished', (params, sessionId) => {
      if (ofWorker(sessionId)) {
        const bytes = params.encodedDataLength as number
        network.transfer.worker += bytes
        const record = network.log.finished(`w:${params.requestId as string}`, 'worker', bytes)
        if (record) network.transfer.requests.push(record)
      }
    })
    cdp.on('Target.detachedFromTarget', (params) => {
      const session = network.workers.get(params.sessionId as string)
      if (session) network.sessions.delete(session)
      network.workers.delete(params.sessionId as string)
    })
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
      filter: [{ type: 'service_worker', exclude: false }, { exclude: true }],
    })
    return network
  }

  private async attachWorker(sessionId: string, waiting: boolean): Promise<void> {
    const send: Send = (method, params) => this.cdp.send(method, params, sessionId)
    const session: Session = { send, kind: 'worker' }
    this.workers.set(sessionId, session)
    this.sessions.add(session)
    try {
      await send('Network.enable', {})
      await this.apply(session)
    } finally {
      if (waiting) await send('Runtime.runIfWaitingForDebugger', {}).catch(() => {})
    }
  }

  /** Throttles a page (before it navigates) and counts what it receives. */
  async page(context: BrowserContext, page: Page): Promise<CDPSession> {
    const cdp = await context.newCDPSession(page)
    const send: Send = (method, params) =>
      cdp.send(method as 'Network.enable', params as Record<string, never>)
    cdp.on('Network.requestWillBeSent', (e) => this.log.sent(`p:${e.requestId}`, e.request.url))
    cdp.on('Network.loadingFinished', (e) => {
      this.transfer.page += e.encodedDataLength
      const record = this.log.finished(`p:${e.requestId}`, 'page', e.encodedDataLength)
      if (record) this.transfer.requests.push(record)
    })
    cdp.on('Network.responseReceived', (e) => {
      this.log.answered(`p:${e.requestId}`, e.response as unknown as Record<string, unknown>)
      const encoding = Object.entries(e.response.headers).find(
        ([k]) => k.toLowerCase() === 'content-encoding',
      )?.[1]
      this.transfer.encodings.set(new URL(e.response.url).pathname, encoding ?? 'none')
    })
    await send('Network.enable', {})
    await send('Emulation.setCPUThrottlingRate', { rate: this.profile.cpuSlowdown })
    const session: Session = { send, kind: 'page' }
    this.sessions.add(session)
    await this.apply(session)
    return cdp
  }

  /** Cuts every throttled page and worker off the network, or gives it back. */
  async setOffline(offline: boolean): Promise<void> {
    this.offline = offline
    await Promise.all([...this.sessions].map((s) => this.apply(s).catch(() => {})))
  }

  resetTransfer(): void {
    this.transfer.page = 0
    this.transfer.worker = 0
    this.transfer.encodings.clear()
    this.transfer.requests.length = 0
  }

  /** Forgets the page sessions (their context is closed). */
  forgetPages(): void {
    for (const s of this.sessions) if (s.kind === 'page') this.sessions.delete(s)
  }

  private apply(session: Session): Promise<unknown> {
    const p = this.profile
    return session.send('Network.emulateNetworkConditions', {
      offline: this.offline,
      latency: p.latencyMs,
      downloadThroughput: (p.downKbps * 1000) / 8,
      uploadThroughput: (p.upKbps * 1000) / 8,
      connectionType: 'cellular4g',
    })
  }
}
