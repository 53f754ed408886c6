// Assembles the workshop record from the Yjs documents: the control document (settings, roster,
// phase, voting, revealed results, log) and the board. The one place an export reads Yjs.
import type * as Y from 'yjs'
import { buildWorkshopRecord, type SealedBallot } from '../domain/export/build-record.js'
import type { SealedConsent } from '../domain/export/decisions-record.js'
import type { SealedRatings, SealedScores } from '../domain/export/sealed-record.js'
import { consentRound } from '../domain/rounds/consent.js'
import { DEFAULT_SENSITIVITY_SEED } from '../domain/framework/outcome.js'
import { DEFAULT_SAMPLES } from '../domain/framework/smaa.js'
import { criterionScores } from '../domain/rounds/criterion-scores.js'
import { matrixRatings } from '../domain/rounds/matrix-ratings.js'
import { weightProposals } from '../domain/rounds/weight-proposals.js'
import type { RecordFramework } from '../schema/record-framework.js'
import type { RecordMatrix, WorkshopRecord } from '../schema/record.js'
import { readBoard } from './board.js'
import { readConsensusScores } from './consensus-scores.js'
import { readControl } from './control.js'
import { readDecisions } from './decisions.js'
import { readAdoptedWeights, readFramework } from './framework.js'
import { readFrameworkMethod, readMoscowPlan, readRiceEstimates } from './framework-steps.js'
import { readMatrixPlacement } from './matrix.js'
import { readRoundResult, readRoundState } from './rounds.js'
import { readResults, readVoting } from './voting.js'

/** What the documents do not hold: the server's directory and sealed store, and the time. */
export interface RecordContext {
  readonly workshopId: string
  /** Server time of the export. */
  readonly exportedAt: number
  readonly createdAt?: number | null
  readonly closedAt?: number | null
  /** Every participant sealed when voting closed, with their votes (server-only storage). */
  readonly sealedBallots?: readonly SealedBallot[] | null
  /** Every participant sealed when consent closed, with their answers (server-only storage). */
  readonly sealedConsent?: readonly SealedConsent[] | null
  /** Every participant sealed when the 2x2 ratings closed, with their ratings (server-only). */
  readonly sealedRatings?: readonly SealedRatings[] | null
  /** Every participant sealed when the scores round closed, with their scores (server-only). */
  readonly sealedScores?: readonly SealedScores[] | null
}

/**
 * The record of a workshop as its documents hold it now. Readers validate, so whatever a
 * document holds that does not parse is left out, as on every screen.
 */
export function assembleWorkshopRecord(
  control: Y.Doc,
  board: Y.Doc,
  context: RecordContext,
): WorkshopRecord {
  const c = readControl(control)
  return buildWorkshopRecord({
    workshopId: context.workshopId,
    exportedAt: context.exportedAt,
    createdAt: context.createdAt ?? null,
    closedAt: context.closedAt ?? null,
    settings: c.settings,
    phase: c.phase,
    roster: c.roster,
    board: readBoard(board),
    voting: readVoting(control, c.settings),
    results: readResults(control),
    sealedBallots: context.sealedBallots ?? null,
    matrix: readMatrixSource(control, c.settings),
    sealedRatings: context.sealedRatings ?? null,
    framework: readFrameworkSource(control, c.settings),
    sealedScores: context.sealedScores ?? null,
    decisions: readDecisionSources(control, c.settings, context.sealedConsent ?? null),
    log: c.log.map((entry) => entry.event),
  })
}

/** The 2x2 as the control document holds it: the round, its revealed result, the placement. */
function readMatrixSource(
  control: Y.Doc,
  settings: Parameters<typeof readRoundState>[2],
): RecordMatrix {
  const round = readRoundState(control, matrixRatings, settings)
  const placement = readMatrixPlacement(control)
  return {
    status: round.status,
    settings: round.settings,
    result: round.status === 'revealed' ? readRoundResult(control, matrixRatings) : null,
    labels: { axes: { ...placement.labels.axes }, quadrants: { ...placement.labels.quadrants } },
    positions: placement.positions,
    adoption: placement.adoption,
  }
}

/**
 * The value framework as the control document holds it; null when none was set up (no criteria,
 * no RICE estimates, no MoSCoW step).
 */
function readFrameworkSource(
  control: Y.Doc,
  settings: Parameters<typeof readRoundState>[2],
): RecordFramework | null {
  const framework = readFramework(control)
  const rice = readRiceEstimates(control)
  const moscow = readMoscowPlan(control)
  const method = readFrameworkMethod(control)
  if (!framework && !rice && !moscow && method === 'weighted') return null
  const weights = readRoundState(control, weightProposals, settings).status
  const scores = readRoundState(control, criterionScores, settings).status
  return {
    framework,
    weights: {
      status: weights,
      result: weights === 'revealed' ? readRoundResult(control, weightProposals) : null,
    },
    adopted: readAdoptedWeights(control),
    consensusScores: readConsensusScores(control),
    scores: {
      status: scores,
      result: scores === 'revealed' ? readRoundResult(control, criterionScores) : null,
    },
    sensitivity: { seed: DEFAULT_SENSITIVITY_SEED, samples: DEFAULT_SAMPLES },
    method,
    rice,
    moscow,
  }
}

/** The decisions and the consent round, as the control document holds them. */
function readDecisionSources(
  control: Y.Doc,
  settings: Parameters<typeof readRoundState>[2],
  sealed: readonly SealedConsent[] | null,
) {
  const status = readRoundState(control, consentRound, settings).status
  return {
    list: readDecisions(control),
    status,
    result: status === 'revealed' ? readRoundResult(control, consentRound) : null,
    sealed,
  }
}
