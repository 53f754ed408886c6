// The decide phase as the control document holds it — the decisions, the consent round (status,
// progress, its result only once revealed) and what a group's dissent is measured against (the
// revealed vote, the framework's ranking) — re-read on every change.
import type * as Y from 'yjs'
import {
  consentRound,
  criterionScores,
  readAdoptedWeights,
  readControl,
  readDecisions,
  readFramework,
  readResults,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  weightProposals,
  type ConsentResult,
  type Decision,
  type RoundProgress,
  type RoundState,
  type VoteResults,
} from '@triage/shared'
import { frameworkStanding, type FrameworkStanding } from '@triage/shared/decide'
import { revealedResults } from '../../rounds/round-status'
import { useDocSnapshot } from '../../sync/use-doc-snapshot'

export interface DecideSnapshot {
  readonly decisions: readonly Decision[]
  readonly round: RoundState
  /** Null until revealed (and again after a reopen). */
  readonly consent: ConsentResult | null
  readonly progress: Readonly<Record<string, RoundProgress>>
  readonly votes: VoteResults | null
  readonly framework: FrameworkStanding | null
}

// Module level: the snapshot cache is keyed by the reader function.
function readDecideSnapshot(doc: Y.Doc): DecideSnapshot {
  const settings = readControl(doc).settings
  const round = readRoundState(doc, consentRound, settings)
  return {
    decisions: readDecisions(doc),
    round,
    consent: revealedResults(round.status, readRoundResult(doc, consentRound)),
    progress: readRoundProgress(doc, consentRound, settings),
    votes: readResults(doc),
    framework: frameworkStanding({
      criteria: readFramework(doc)?.criteria ?? null,
      adopted: readAdoptedWeights(doc),
      scores: readRoundResult(doc, criterionScores),
      proposals: readRoundResult(doc, weightProposals),
    }),
  }
}

export const useDecide = (doc: Y.Doc): DecideSnapshot => useDocSnapshot(doc, readDecideSnapshot)
