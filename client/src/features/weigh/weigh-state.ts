// What the weigh phase reads from the control document, in one snapshot: the framework, the
// weights round (its status, progress counts and, once revealed, its result), the adopted
// weights and the facilitator's consensus scores.
import type * as Y from 'yjs'
import {
  readAdoptedWeights,
  readConsensusScores,
  readFramework,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  weightProposals,
  type AdoptedWeights,
  type ConsensusScores,
  type Framework,
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
  }
}

export const useWeigh = (doc: Y.Doc): WeighState => useDocSnapshot(doc, readWeigh)
