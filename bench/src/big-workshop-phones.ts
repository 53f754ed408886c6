// Big-workshop devices in a worker thread: 200 phones and the facilitator's laptop as stock
// y-websocket providers. Apart from the server's thread, so their work is not counted as its.
import { randomUUID } from 'node:crypto'
import { parentPort } from 'node:worker_threads'
import {
  createCluster,
  itemKey,
  moveIdea,
  putDraft,
  readBoard,
  setPhase,
  setVote,
  type Phase,
} from '@triage/shared'
import {
  GROUPS,
  SIZE,
  ballotTaps,
  connect,
  ideaText,
  prng,
  synced,
  type Client,
} from './big-workshop-model.js'

export type PhonesRequest =
  | {
      type: 'connect'
      wsUrl: string
      workshopId: string
      facilitatorToken: string
      phones: { id: string; token: string; group: string }[]
    }
  | { type: 'phase'; phase: Phase }
  | { type: 'drafts' }
  | { type: 'cluster'; cards: number }
  | { type: 'vote' }
  | { type: 'drop'; index: number }
  | { type: 'wake'; names: string[]; token: string }
  | { type: 'close' }

export interface PhonesMessage {
  id: number
  request: PhonesRequest
}

export type PhonesReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string }

// The stock provider adds a process exit handler per instance: 200 phones here are expected.
process.setMaxListeners(0)

let wsUrl = ''
let facilitator: { board: Client; control: Client } | null = null
let phones: (Client | null)[] = []
let groups: string[] = []
const rand = prng(42)

/** Resolves once `check` holds for the document, checking after each of its updates. */
function whenDoc(client: Client, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve()
  return new Promise((resolve) => {
    const handler = () => {
      if (!check()) return
      client.doc.off('update', handler)
      resolve()
    }
    client.doc.on('update', handler)
  })
}

async function handle(request: PhonesRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect': {
      wsUrl = request.wsUrl
      const w = request.workshopId
      facilitator = {
        board: connect(wsUrl, `${w}/board`, request.facilitatorToken),
        control: connect(wsUrl, `${w}/control`, request.facilitatorToken),
      }
      phones = request.phones.map((p) => connect(wsUrl, `${w}/private/${p.id}`, p.token))
      groups = request.phones.map((p) => p.group)
      await Promise.all([facilitator.board, facilitator.control, ...phones].map((c) => synced(c!)))
      return phones.length
    }
    case 'phase':
      setPhase(facilitator!.control.doc, request.phase)
      return null
    case 'drafts': {
      // Each draft is one tap of "Add idea": one update.
      let n = 0
      for (const phone of phones) {
        for (let d = 0; d < SIZE.draftsEach; d++) {
          putDraft(phone!.doc, randomUUID(), ideaText(rand, ++n), Date.now())
        }
      }
      return n
    }
    case 'cluster': {
      // The facilitator's laptop: 50 clusters, then every card dragged into one.
      const board = facilitator!.board
      await whenDoc(board, () => readBoard(board.doc).cards.length === request.cards)
      const clusterIds = Array.from({ length: SIZE.clusters }, () => randomUUID())
      clusterIds.forEach((id, i) => createCluster(board.doc, id, `Theme ${i + 1}`, Date.now() + i))
      readBoard(board.doc).cards.forEach((card, i) =>
        moveIdea(board.doc, card.id, clusterIds[i % SIZE.clusters]!),
      )
      return null
    }
    case 'vote': {
      // The phones know the items from the board; each dot is one tap: one update.
      const board = readBoard(facilitator!.board.doc)
      const clusterKeys = board.clusters.map((c) => itemKey.cluster(c.id))
      const ideaKeys = board.cards.map((c) => itemKey.idea(c.id))
      let dots = 0
      phones.forEach((phone, i) => {
        const taps = ballotTaps(rand, clusterKeys, ideaKeys, GROUPS.indexOf(groups[i]!))
        const counts = new Map<string, number>()
        for (const key of taps) {
          counts.set(key, (counts.get(key) ?? 0) + 1)
          setVote(phone!.doc, key, counts.get(key)!)
          dots++
        }
      })
      return dots
    }
    case 'drop':
      phones[request.index]?.destroy()
      phones[request.index] = null
      return null
    case 'wake': {
      // A phone back from sleep: fresh providers with empty documents, until all are synced.
      const t = performance.now()
      const clients = request.names.map((name) => connect(wsUrl, name, request.token))
      await Promise.all(clients.map(synced))
      const elapsed = performance.now() - t
      for (const c of clients) c.destroy()
      return elapsed
    }
    case 'close':
      for (const c of [facilitator?.board, facilitator?.control, ...phones]) c?.destroy()
      facilitator = null
      phones = []
      return null
  }
}

parentPort!.on('message', (message: PhonesMessage) => {
  handle(message.request).then(
    (value) => parentPort!.postMessage({ id: message.id, ok: true, value } satisfies PhonesReply),
    (err: unknown) =>
      parentPort!.postMessage({
        id: message.id,
        ok: false,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies PhonesReply),
  )
})
