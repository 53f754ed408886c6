// Big-workshop model shared by the server side and the devices' worker: sizes, generated texts
// and ballots (deterministic), and a stock y-websocket client as a phone or laptop runs it.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { VotingSettings } from '@triage/shared'

export const SIZE = {
  participants: 200,
  draftsEach: 5,
  clusters: 50,
  dotsEach: 5,
} as const

export const GROUPS = ['Surgeons', 'Anaesthetists', 'Theatre nurses', 'Managers']

/** Voting as the big workshop runs it: open (ballots published), on clusters and ideas. */
export const VOTING: VotingSettings = {
  dotBudget: SIZE.dotsEach,
  maxDotsPerItem: 3,
  anonymous: false,
  voteOn: 'both',
}

/** A small deterministic generator, so every run builds the same workshop. */
export function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS =
  'theatre list overrun late start cancelled case consent anaesthetic review porter delay bed recovery handover pre-op clinic checklist equipment tray sterile staffing rota emergency slot booking software pager call day-case ward discharge pathway patient notes results imaging'.split(
    ' ',
  )

/** An idea of 8 to 20 words, as people type them on a phone. */
export function ideaText(rand: () => number, n: number): string {
  const words = 8 + Math.floor(rand() * 13)
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!)
  return `${n}. ${out.join(' ')}`
}

/** The dots one participant puts, as taps: item keys, one entry a dot (5 in all). */
export function ballotTaps(
  rand: () => number,
  clusterKeys: readonly string[],
  ideaKeys: readonly string[],
  groupIndex: number,
): string[] {
  // Each group leans towards its own share of the clusters, so the groups disagree.
  const lean = (n: number) =>
    Math.floor(((groupIndex + rand() * 1.5) / GROUPS.length) * n) % Math.max(1, n)
  const cluster = clusterKeys[lean(clusterKeys.length)]!
  const taps = [cluster, cluster]
  while (taps.length < SIZE.dotsEach) {
    const idea = ideaKeys[Math.floor(rand() * ideaKeys.length)]!
    if (!taps.includes(idea)) taps.push(idea)
  }
  return taps
}

export interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
  destroy(): void
}

/** A stock y-websocket provider with an empty document. */
export function connect(wsUrl: string, name: string, token: string): Client {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(wsUrl + '/sync', name, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return {
    doc,
    provider,
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

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
