// The 2x2 as the control document holds it — the ratings round (status, settings, progress),
// its result only once revealed, the group placement with its labels and adoption, and the
// dot vote's result (for "top N"), and the weighted benefit scores when weights are adopted and
// items scored (the impact axis can show them) — re-read on every change.
import type * as Y from 'yjs'
import {
  criterionScores,
  matrixRatings,
  readAdoptedWeights,
  readConsensusScores,
  readFramework,
  readControl,
  readMatrixPlacement,
  readResults,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  weightedBenefitScores,
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
  /** Each scored item's weighted benefit score (0–100), or null: no weights adopted or no scores. */
  readonly weighted: Readonly<Record<string, number>> | null
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
    weighted: weightedBenefitScores({
      criteria: readFramework(doc)?.criteria ?? null,
      adopted: readAdoptedWeights(doc),
      consensus: readConsensusScores(doc),
      scores: revealedResults(
        readRoundState(doc, criterionScores, settings).status,
        readRoundResult(doc, criterionScores),
      ),
    }),
  }
}

export function useMatrix(controlDoc: Y.Doc): MatrixSnapshot {
  return useDocSnapshot(controlDoc, readMatrixSnapshot)
}
