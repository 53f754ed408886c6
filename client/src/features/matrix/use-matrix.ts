// The 2x2 as the control document holds it — the ratings round (status, settings, progress),
// its result only once revealed, the group placement with its labels and adoption, and the
// dot vote's result (for "top N") — re-read on every change.
import type * as Y from 'yjs'
import {
  matrixRatings,
  readControl,
  readMatrixPlacement,
  readResults,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  type MatrixPlacement,
  type MatrixRatingSettings,
  type MatrixResults,
  type RoundProgress,
  type RoundState,
  type VoteResults,
} from '@triage/shared'
import { revealedResults } from '../../rounds/round-status'
import { useDocSnapshot } from '../../sync/use-doc-snapshot'

export interface MatrixSnapshot {
  readonly round: RoundState<MatrixRatingSettings>
  /** Null until revealed (and again after a reopen). */
  readonly result: MatrixResults | null
  readonly placement: MatrixPlacement
  readonly progress: Readonly<Record<string, RoundProgress>>
  readonly votes: VoteResults | null
}

// Module level: the snapshot cache is keyed by the reader function.
function readMatrixSnapshot(doc: Y.Doc): MatrixSnapshot {
  const settings = readControl(doc).settings
  const round = readRoundState(doc, matrixRatings, settings)
  return {
    round,
    result: revealedResults(round.status, readRoundResult(doc, matrixRatings)),
    placement: readMatrixPlacement(doc),
    progress: readRoundProgress(doc, matrixRatings, settings),
    votes: readResults(doc),
  }
}

export function useMatrix(controlDoc: Y.Doc): MatrixSnapshot {
  return useDocSnapshot(controlDoc, readMatrixSnapshot)
}
