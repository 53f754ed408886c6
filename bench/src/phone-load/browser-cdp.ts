// A raw Chrome DevTools Protocol connection to the whole browser (its remote-debugging port),
// beside Playwright's own: Playwright gives a CDP session for pages only, and the service worker,
// which fetches the precache and the pages it serves, must be throttled like the page.
import { get } from 'node:http'
import { createServer } from 'node:net'
import WebSocket from 'ws'

type Params = Record<string, unknown>
type Listener = (params: Params, sessionId: string | undefined) => void

/** A free TCP port on 127.0.0.1 (for --remote-debugging-port). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      )
    })
  })
}

function json(url: string): Promise<unknown> {
  return new Promise((done, fail) => {
    get(url, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => {
        try {
          done(JSON.parse(body))
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)))
        }
      })
    }).on('error', fail)
  })
}

export class BrowserCdp {
  private nextId = 1
  private readonly pending = new Map<
    number,
    { resolve: (v: Params) => void; reject: (e: Error) => void }
  >()
  private readonly listeners = new Map<string, Set<Listener>>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as {
        id?: number
        method?: string
        params?: Params
        result?: Params
        error?: { message: string }
        sessionId?: string
      }
      if (message.id !== undefined) {
        const waiter = this.pending.get(message.id)
        this.pending.delete(message.id)
        if (message.error) waiter?.reject(new Error(message.error.message))
        else waiter?.resolve(message.result ?? {})
        return
      }
      for (const listener of this.listeners.get(message.method ?? '') ?? []) {
        listener(message.params ?? {}, message.sessionId)
      }
    })
    socket.on('close', () => {
      for (const waiter of this.pending.values()) waiter.reject(new Error('CDP connection closed'))
      this.pending.clear()
    })
  }

  /** Connects to the browser endpoint of a Chromium started with --remote-debugging-port. */
  static async connect(port: number): Promise<BrowserCdp> {
    const version = (await json(`http://127.0.0.1:${port}/json/version`)) as {
      webSocketDebuggerUrl: string
    }
    const socket = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false })
    await new Promise<void>((done, fail) => {
      socket.once('open', () => done())
      socket.once('error', fail)
    })
    return new BrowserCdp(socket)
  }

  send(method: string, params: Params = {}, sessionId?: string): Promise<Params> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId && { sessionId }) }))
    })
  }

  on(method: string, listener: Listener): void {
    let set = this.listeners.get(method)
    if (!set) this.listeners.set(method, (set = new Set()))
    set.add(listener)
  }

  close(): void {
    this.socket.close()
  }
}
