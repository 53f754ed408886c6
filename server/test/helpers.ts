// Test fixtures: a real server on port 0 with a temp SQLite folder, and stock y-websocket clients.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterEach } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  docName,
  itemKey,
  readBoard,
  setPhase,
  setVote,
  setVotingSettings,
  type CreateWorkshopResponse,
  type JoinResponse,
  type WorkshopId,
} from '@triage/shared'
import { buildApp, type AppOptions } from '../src/app.js'
import { loadConfig, type Config } from '../src/config.js'

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn()
})

/** Registers teardown work that runs after the current test, newest first. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn)
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'triage-test-'))
  onCleanup(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface TestServer {
  app: FastifyInstance
  url: string
  wsUrl: string
  dataDir: string
  config: Config
  close(): Promise<void>
}

/** Starts a real server on an ephemeral port; it is closed after the test. */
export async function startServer(
  env: Record<string, string> = {},
  dataDir = tempDir(),
  port = 0,
  options: AppOptions = {},
): Promise<TestServer> {
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STATIC_DIR: '',
    ROOM_GRACE_MS: '50',
    LOG_LEVEL: 'warn',
    ...env,
  })
  const app = await buildApp(config, options)
  const address = await app.listen({ port: config.port, host: config.host })
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await app.close()
  }
  onCleanup(close)
  return { app, url: address, wsUrl: address.replace(/^http/, 'ws'), dataDir, config, close }
}

export async function post<T>(
  server: TestServer,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}

export async function createWorkshop(
  server: TestServer,
  groups = ['Surgeons', 'Radiologists'],
): Promise<CreateWorkshopResponse> {
  const res = await post<CreateWorkshopResponse>(server, '/api/workshops', {
    title: 'Theatre scheduling',
    objective: 'Pick what to fund next',
    groups,
  })
  if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`)
  return res.body
}

export async function joinWorkshop(
  server: TestServer,
  joinCode: string,
  name: string,
  group = 'g1',
): Promise<JoinResponse> {
  const res = await post<JoinResponse>(server, '/api/join', { code: joinCode, name, group })
  if (res.status !== 200) throw new Error(`join failed: ${JSON.stringify(res.body)}`)
  return res.body
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
}

/** A stock y-websocket provider, exactly as an outside client would use it. */
export function connect(server: TestServer, documentName: string, token?: string): Client {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(server.wsUrl + '/sync', documentName, doc, {
    params: token ? { token } : {},
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  onCleanup(() => {
    provider.destroy()
    doc.destroy()
  })
  return { doc, provider }
}

/** Resolves when the provider has completed its first sync with the server. */
export function synced(client: Client): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const handler = (isSynced: boolean) => {
      if (!isSynced) return
      client.provider.off('sync', handler)
      resolve()
    }
    client.provider.on('sync', handler)
  })
}

/** Resolves with the close code of the provider's next closed connection. */
export function closeCode(client: Client): Promise<number> {
  return new Promise((resolve) => {
    const handler = (event: { code: number } | null) => {
      client.provider.off('connection-close', handler)
      resolve(event?.code ?? -1)
    }
    client.provider.on('connection-close', handler)
  })
}

/** Resolves once `predicate` holds for the document, checking after every update. */
export function until(
  doc: Y.Doc,
  predicate: () => boolean,
  what = 'condition',
  ms = 5000,
): Promise<void> {
  if (predicate()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      doc.off('update', check)
      reject(new Error(`timed out waiting for ${what}`))
    }, ms)
    const check = () => {
      if (!predicate()) return
      clearTimeout(timer)
      doc.off('update', check)
      resolve()
    }
    doc.on('update', check)
  })
}

/**
 * The workshop most round tests start from: Ana and Ben join for g1 and Cy for g2, the lines of
 * `items` (if any) go onto the board as cards, and the facilitator's control document is synced.
 */
export async function roundScene(server: TestServer, items?: string) {
  const { workshopId, joinCode, facilitatorToken } = await createWorkshop(server)
  const ana = await joinWorkshop(server, joinCode, 'Ana', 'g1')
  const ben = await joinWorkshop(server, joinCode, 'Ben', 'g1')
  const cy = await joinWorkshop(server, joinCode, 'Cy', 'g2')
  let cards: string[] = []
  if (items !== undefined) {
    const added = await post(
      server,
      `/api/workshops/${workshopId}/items`,
      { format: 'lines', text: items },
      facilitatorToken,
    )
    if (added.status !== 200) throw new Error(`items not added: ${JSON.stringify(added.body)}`)
    const board = await server.app.rooms.read({ workshopId, kind: 'board' }, readBoard)
    cards = board.cards.map((c) => c.id)
  }
  const control = connect(server, docName({ workshopId, kind: 'control' }), facilitatorToken)
  await synced(control)
  return {
    server,
    workshopId: workshopId as WorkshopId,
    joinCode,
    facilitatorToken,
    ana,
    ben,
    cy,
    cards,
    control,
  }
}

/**
 * A workshop whose dot vote on ideas (3 dots, at most 2 an item, anonymous) was opened, cast as
 * `ballots` gives for the board's item keys (one ballot per person, in order), closed and
 * revealed: `people` join as name and group, `items` go onto the board one per line.
 */
export async function revealedVote(
  server: TestServer,
  {
    people,
    items,
    ballots,
  }: {
    people: readonly (readonly [string, string])[]
    items: string
    ballots: (keys: string[]) => Record<string, number>[]
  },
) {
  const created = await createWorkshop(server, ['Surgeons', 'Radiologists'])
  const workshopId = created.workshopId as WorkshopId
  const joined: JoinResponse[] = []
  for (const [name, group] of people) {
    joined.push(await joinWorkshop(server, created.joinCode, name, group))
  }
  const token = created.facilitatorToken
  const added = await post(
    server,
    `/api/workshops/${workshopId}/items`,
    { format: 'lines', text: items },
    token,
  )
  if (added.status !== 200) throw new Error(`items not added: ${JSON.stringify(added.body)}`)
  await server.app.rooms.change({ workshopId, kind: 'control' }, (doc) => {
    setPhase(doc, 'vote')
    setVotingSettings(doc, { dotBudget: 3, maxDotsPerItem: 2, anonymous: true, voteOn: 'ideas' })
  })
  const voting = async (what: string) => {
    const res = await post(server, `/api/workshops/${workshopId}/voting/${what}`, {}, token)
    if (res.status !== 204) throw new Error(`voting ${what}: ${res.status}`)
  }
  await voting('open')
  const board = await server.app.rooms.read({ workshopId, kind: 'board' }, readBoard)
  const cast = ballots(board.cards.map((card) => itemKey.idea(card.id)))
  for (const [i, p] of joined.entries()) {
    await server.app.rooms.change(
      { workshopId, kind: 'private', participantId: p.participantId },
      (doc) => {
        for (const [key, dots] of Object.entries(cast[i] ?? {})) setVote(doc, key, dots)
      },
    )
  }
  await voting('close')
  await voting('reveal')
  return { workshopId, facilitatorToken: token, people: joined }
}
