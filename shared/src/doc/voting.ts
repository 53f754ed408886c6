// Dot voting in the documents, as the client has always read it: the settings and status in
// the control document, each participant's own dots in their private document, and the
// revealed results in control. Dot voting is a round kind (domain/rounds/dot-voting.ts); these
// are its accessors over the generic ones in rounds.ts.
import type * as Y from 'yjs'
import type { VoteResults, VotingSettings, VotingStatus } from '../schema/voting.js'
import type { WorkshopSettings } from '../schema/workshop.js'
import { defaultVotingSettings, dotVoting } from '../domain/rounds/dot-voting.js'
import {
  readRawRoundInput,
  readRoundResult,
  readRoundState,
  setRoundInputEntry,
  setRoundResult,
  setRoundSettings,
  setRoundStatus,
} from './rounds.js'

export { defaultVotingSettings }

export interface VotingState {
  readonly status: VotingStatus
  readonly settings: VotingSettings
  /** Server time voting last opened or closed, or null. */
  readonly openedAt: number | null
  readonly closedAt: number | null
}

/** Reads voting from the control document; settings that do not validate fall back. */
export function readVoting(doc: Y.Doc, workshop: WorkshopSettings | null): VotingState {
  const { status, settings, openedAt, closedAt } = readRoundState(doc, dotVoting, workshop)
  return { status, settings, openedAt, closedAt }
}

/** Facilitator, before voting opens: the settings (the caller validates them). */
export function setVotingSettings(doc: Y.Doc, settings: VotingSettings, origin?: unknown): void {
  setRoundSettings(doc, dotVoting.id, settings, origin)
}

/** Server: moves voting to a status, stamping when it opened or closed. */
export function setVotingStatus(
  doc: Y.Doc,
  status: VotingStatus,
  at: number,
  origin?: unknown,
): void {
  setRoundStatus(doc, dotVoting.id, status, at, origin)
}

/** A participant's own dots as their private document holds them: anything at all. */
export function readRawVotes(doc: Y.Doc): Record<string, unknown> {
  return readRawRoundInput(doc, dotVoting.id)
}

/** Sets the dots this participant puts on one item (0, or anything not above 0, removes it). */
export function setVote(doc: Y.Doc, key: string, dots: number): void {
  // `!(dots > 0)` rather than `dots <= 0`, so that NaN removes the entry instead of storing it.
  setRoundInputEntry(doc, dotVoting.id, key, dots > 0 ? dots : null)
}

export function readResults(doc: Y.Doc): VoteResults | null {
  return readRoundResult(doc, dotVoting)
}

/** Server, at reveal (or null to withdraw results when voting reopens). */
export function setResults(doc: Y.Doc, results: VoteResults | null, origin?: unknown): void {
  setRoundResult(doc, dotVoting.id, results, origin)
}
