// Dot voting in the documents: the settings and status in the control document, each
// participant's own dots in their private document, and the revealed results in control.
import type * as Y from 'yjs'
import { z } from '../schema/zod.js'
import {
  voteResultsSchema,
  votingSettingsSchema,
  votingStatusSchema,
  type VoteResults,
  type VotingSettings,
  type VotingStatus,
} from '../schema/voting.js'
import type { WorkshopSettings } from '../schema/workshop.js'

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
