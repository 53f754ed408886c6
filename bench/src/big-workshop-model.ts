// Big-workshop model shared by the server side and the devices' worker: sizes, generated texts,
// ballots, ratings, weights, scores and consent (deterministic), and a stock y-websocket client
// as a phone or laptop runs it.
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
  HEALTHCARE_LEVELS,
  largestRemainder,
  weightsFromLevels,
  type ConsentAnswer,
  type Criterion,
  type Framework,
  type MatrixRatingSettings,
  type VotingSettings,
} from '@triage/shared'

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

/** A group's id as the server gives it (groups are numbered in the order they are named). */
export const groupId = (name: string): string => `g${GROUPS.indexOf(name) + 1}`

/**
 * The 2x2 as the big workshop runs it: the top 20 of the dot vote (issue 11's size; ties at 20
 * all go on, 25 items here), impact rated by everyone, effort by the theatre nurses and the
 * managers only (they run the lists).
 */
export const MATRIX: MatrixRatingSettings = {
  select: 'top',
  top: 20,
  picked: [],
  on: 'both',
  axes: { impact: null, effort: [groupId('Theatre nurses'), groupId('Managers')] },
}

/**
 * The value framework: the healthcare prioritisation preset with two cost criteria added, 8 in
 * all, scored on the top 50 of the dot vote (issue 12's size: 50 items × 8 criteria; ties at 50
 * all go on up to the 60 a round takes, and here they fill it).
 */
const ADDED: (Criterion & { level: 'medium' | 'low' })[] = [
  {
    id: 'implementation-cost',
    name: 'Implementation Cost',
    description: 'Money and staff time to put it in place',
    direction: 'cost',
    scale: { min: 1, max: 5 },
    level: 'medium',
  },
  {
    id: 'time-to-benefit',
    name: 'Time to Benefit',
    description: 'How long before patients or staff feel the difference',
    direction: 'cost',
    scale: { min: 1, max: 5 },
    level: 'low',
  },
]
const LEVELS = [...HEALTHCARE_LEVELS, ...ADDED]
export const FRAMEWORK: Framework = {
  preset: 'healthcare-prioritisation',
  criteria: LEVELS.map(({ level: _level, ...c }) => c),
  startingWeights: weightsFromLevels(LEVELS),
}
export const SCORES: MatrixRatingSettings = {
  select: 'top',
  top: 50,
  picked: [],
  on: 'both',
  axes: { impact: null, effort: null },
}

/** How many decisions the facilitator records: the default selection, the top 3. */
export const DECISIONS = 3

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)))

/**
 * One participant's 2x2 entry for the item at `index`: about one in twenty skipped; otherwise
 * around the item's own level, with each group seeing every fourth item from the other side.
 */
export function matrixEntry(
  rand: () => number,
  index: number,
  groupIndex: number,
  axes: readonly ('impact' | 'effort')[],
): { skip: true } | { impact?: number; effort?: number } {
  if (rand() < 0.05) return { skip: true }
  const split = (index + groupIndex) % 4 === 0 ? (groupIndex % 2 ? 3 : -3) : 0
  const out: { impact?: number; effort?: number } = {}
  for (const axis of axes) {
    const base = axis === 'impact' ? 2 + ((index * 5) % 7) : 2 + ((index * 3) % 7)
    out[axis] = clamp(base + split + (rand() * 3 - 1.5), 1, 9)
  }
  return out
}

/** One participant's 100 points: their group leans on two criteria of its own. */
export function weightProposal(
  rand: () => number,
  criteria: readonly { id: string }[],
  groupIndex: number,
): Record<string, number> {
  const parts = criteria.map((_, j) => (Math.floor(j / 2) === groupIndex ? 3 : 1) * (0.4 + rand()))
  const points = largestRemainder(parts)
  return Object.fromEntries(criteria.map((c, j) => [c.id, points[j]!]))
}

/** One participant's score of the item at `index` on criterion `j` (1–5), or null (left blank). */
export function criterionScore(
  rand: () => number,
  index: number,
  j: number,
  groupIndex: number,
): number | null {
  if (rand() < 0.05) return null
  const lean = (index + j + groupIndex) % 5 === 0 ? 1.5 : 0
  return clamp(1 + ((index * 7 + j * 3) % 5) + lean + (rand() * 2 - 1), 1, 5)
}

/**
 * One participant's answer on a decision, or null (not answered, about one in twelve): the
 * group that dissents objects more often than not, the others seldom.
 */
export function consentAnswer(rand: () => number, dissenting: boolean): ConsentAnswer | null {
  const r = rand()
  if (r < 0.08) return null
  return rand() < (dissenting ? 0.6 : 0.1) ? 'object' : 'accept'
}

/** JSON with object keys sorted: equal values, equal text, whatever order keys were set in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  )
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
