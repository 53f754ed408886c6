// Voting as the control document holds it (status, settings, revealed results), re-read on
// every change. Loaded eagerly by the views that use it: no d3 here.
import type * as Y from 'yjs'
import {
  readControl,
  readResults,
  readVoting,
  type VoteResults,
  type VotingState,
} from '@triage/shared'
import { useDocSnapshot } from '../sync/use-doc-snapshot'

export interface VotingSnapshot {
  readonly voting: VotingState
  /** Null until the facilitator reveals (and again after voting reopens). */
  readonly results: VoteResults | null
}

// Module level: the snapshot cache is keyed by the reader function.
function readVotingSnapshot(doc: Y.Doc): VotingSnapshot {
  return { voting: readVoting(doc, readControl(doc).settings), results: readResults(doc) }
}

export function useVoting(controlDoc: Y.Doc): VotingSnapshot {
  return useDocSnapshot(controlDoc, readVotingSnapshot)
}
