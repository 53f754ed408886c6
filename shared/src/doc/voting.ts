// Dot voting in the documents: the settings and status in the control document, each
// participant's own dots in their private document, and the revealed results in control.
import type * as Y from 'yjs'
import { z } from '../schema/zod.js'
import {
  itemKey,
  votingSettingsSchema,
  votingStatusSchema,
  type VotingSettings,
  type VotingStatus,
} from '../schema/voting.js'
import type { WorkshopSettings } from '../schema/workshop.js'
import type { BoardState } from './board.js'

const VOTING = 'voting'
const RESULTS = 'results'
const VOTES = 'votes'

export interface VotingState {
  readonly status: VotingStatus
  readonly settings: VotingSettings
  /** Server time voting last opened or closed, or null. */
  readonly openedAt: number | null
  readonly closedAt: number | null
}

/** Voting settings before the facilitator changes them: the workshop's own. */
export function defaultVotingSettings(workshop: WorkshopSettings | null): VotingSettings {
  const dotBudget = workshop?.dotBudget ?? 5
  return {
    dotBudget,
    maxDotsPerItem: Math.min(workshop?.maxDotsPerItem ?? 3, dotBudget),
    anonymous: workshop?.anonymous ?? true,
    voteOn: 'both',
  }
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Reads voting from the control document; settings that do not validate fall back. */
export function readVoting(doc: Y.Doc, workshop: WorkshopSettings | null): VotingState {
  const m = doc.getMap<unknown>(VOTING)
  const settings = votingSettingsSchema.safeParse(m.get('settings'))
  return {
    status: z.catch(votingStatusSchema, 'setup').parse(m.get('status')),
    settings: settings.success ? settings.data : defaultVotingSettings(workshop),
    openedAt: num(m.get('openedAt')),
    closedAt: num(m.get('closedAt')),
  }
}

/** Facilitator, before voting opens: the settings (the caller validates them). */
export function setVotingSettings(doc: Y.Doc, settings: VotingSettings, origin?: unknown): void {
  doc.transact(() => doc.getMap(VOTING).set('settings', { ...settings }), origin)
}

/** Server: moves voting to a status, stamping when it opened or closed. */
export function setVotingStatus(
  doc: Y.Doc,
  status: VotingStatus,
  at: number,
  origin?: unknown,
): void {
  doc.transact(() => {
    const m = doc.getMap(VOTING)
    m.set('status', status)
    if (status === 'open') m.set('openedAt', at)
    if (status === 'closed') m.set('closedAt', at)
  }, origin)
}

/** One thing participants can put dots on. */
export interface VoteItem {
  readonly key: string
  readonly kind: 'cluster' | 'idea'
  /** Cluster name or card text (as text, never markup). */
  readonly label: string
}

/**
 * The items of a vote, in board order: clusters (those with cards) and/or cards. With `both`,
 * a card inside a cluster is an item of its own as well as part of its cluster.
 */
export function voteItems(board: BoardState, voteOn: VotingSettings['voteOn']): VoteItem[] {
  const items: VoteItem[] = []
  if (voteOn !== 'ideas') {
    for (const c of board.clusters) {
      if (c.cardIds.length === 0) continue
      items.push({
        key: itemKey.cluster(c.id),
        kind: 'cluster',
        // As the board shows it: a name of only spaces is no name.
        label: c.name.trim() || 'Unnamed cluster',
      })
    }
  }
  if (voteOn !== 'clusters') {
    const byId = new Map(board.cards.map((c) => [c.id, c]))
    const ordered = [...board.clusters.flatMap((c) => c.cardIds), ...board.unclustered]
    for (const id of ordered) {
      const card = byId.get(id)
      if (card) items.push({ key: itemKey.idea(id), kind: 'idea', label: card.text })
    }
  }
  return items
}

/** A participant's own dots as their private document holds them: anything at all. */
export function readRawVotes(doc: Y.Doc): Record<string, unknown> {
  return doc.getMap<unknown>(VOTES).toJSON()
}

/** Sets the dots this participant puts on one item (0, or anything not above 0, removes it). */
export function setVote(doc: Y.Doc, key: string, dots: number): void {
  const m = doc.getMap<unknown>(VOTES)
  // `!(dots > 0)` rather than `dots <= 0`, so that NaN removes the entry instead of storing it.
  if (!(dots > 0)) m.delete(key)
  else m.set(key, dots)
}

/** Revealed results, as the server writes them into the control document. */
export const groupResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Participants of this group who placed at least one counted dot. */
  voters: z.number().check(z.int(), z.nonnegative()),
  /** Members of the group on the roster. */
  members: z.number().check(z.int(), z.nonnegative()),
  dots: z.number().check(z.int(), z.nonnegative()),
})
export const itemResultSchema = z.object({
  key: z.string(),
  kind: z.enum(['cluster', 'idea']),
  label: z.string(),
  total: z.number().check(z.int(), z.nonnegative()),
  byGroup: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
  /** Share with every group weighted equally, 0–1. */
  normalized: z.number().check(z.gte(0), z.lte(1)),
  /** Competition ranks (1, 2, 2, 4): equal values share a rank. */
  rank: z.number().check(z.int(), z.positive()),
  normalizedRank: z.number().check(z.int(), z.positive()),
})
export const voteResultsSchema = z.object({
  revealedAt: z.number(),
  settings: votingSettingsSchema,
  groups: z.array(groupResultSchema),
  items: z.array(itemResultSchema),
  totalDots: z.number().check(z.int(), z.nonnegative()),
  voters: z.number().check(z.int(), z.nonnegative()),
  /** Open voting only: who put how many dots where. */
  ballots: z.nullable(
    z.array(
      z.object({ name: z.string(), group: z.string(), dots: z.record(z.string(), z.number()) }),
    ),
  ),
})
export type GroupResult = z.infer<typeof groupResultSchema>
export type ItemResult = z.infer<typeof itemResultSchema>
export type VoteResults = z.infer<typeof voteResultsSchema>

export function readResults(doc: Y.Doc): VoteResults | null {
  const parsed = voteResultsSchema.safeParse(doc.getMap(RESULTS).get('vote'))
  return parsed.success ? parsed.data : null
}

/** Server, at reveal (or null to withdraw results when voting reopens). */
export function setResults(doc: Y.Doc, results: VoteResults | null, origin?: unknown): void {
  doc.transact(() => {
    if (results) doc.getMap(RESULTS).set('vote', results)
    else doc.getMap(RESULTS).delete('vote')
  }, origin)
}
