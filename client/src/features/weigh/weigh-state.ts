// What the weigh phase reads from the control document, in one snapshot: the framework, the
// weights round (its status, progress counts and, once revealed, its result), the adopted
// weights, the facilitator's consensus scores, and the scores round (phones score the items).
import type * as Y from 'yjs'
import {
  criterionScores,
  readAdoptedWeights,
  readControl,
  readConsensusScores,
  readFramework,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  weightProposals,
  type AdoptedWeights,
  type ConsensusScores,
  type CriterionScoresResult,
  type Framework,
  type MatrixRatingSettings,
  type RoundProgress,
  type WeightProposalsResult,
} from '@triage/shared'
import { revealedResults, type RoundStatus } from '../../rounds/round-status'
import { useDocSnapshot } from '../../sync/use-doc-snapshot'

export interface WeighState {
  readonly framework: Framework | null
  readonly status: RoundStatus
  /** The revealed proposals: null before the reveal and after a reopen. */
  readonly result: WeightProposalsResult | null
  readonly progress: Readonly<Record<string, RoundProgress>>
  readonly adopted: AdoptedWeights | null
  readonly scores: ConsensusScores | null
  /** The scores round: items scored on phones, hidden until its reveal. */
  readonly scoresRound: ScoresRoundState
}

export interface ScoresRoundState {
  readonly status: RoundStatus
  readonly settings: MatrixRatingSettings
  readonly progress: Readonly<Record<string, RoundProgress>>
  /** The revealed means: null before the reveal and after a reopen. */
  readonly result: CriterionScoresResult | null
}

/** Reads the weigh phase's state (module level: it keys the snapshot cache). */
export function readWeigh(doc: Y.Doc): WeighState {
  const status = readRoundState(doc, weightProposals, null).status
  return {
    framework: readFramework(doc),
    status,
    result: revealedResults(status, readRoundResult(doc, weightProposals)),
    progress: readRoundProgress(doc, weightProposals, null),
    adopted: readAdoptedWeights(doc),
    scores: readConsensusScores(doc),
    scoresRound: readScoresRound(doc),
  }
}

function readScoresRound(doc: Y.Doc): ScoresRoundState {
  const settings = readControl(doc).settings
  const round = readRoundState(doc, criterionScores, settings)
  return {
    status: round.status,
    settings: round.settings,
    progress: readRoundProgress(doc, criterionScores, settings),
    result: revealedResults(round.status, readRoundResult(doc, criterionScores)),
  }
}

export const useWeigh = (doc: Y.Doc): WeighState => useDocSnapshot(doc, readWeigh)
