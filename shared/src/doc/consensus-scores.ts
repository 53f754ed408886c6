// The facilitator's consensus scores in the control document's framework root (key `scores`):
// written by the facilitator's client like the criteria, validated by every reader.
import type * as Y from 'yjs'
import { consensusScoresSchema, type ConsensusScores } from '../schema/consensus-scores.js'
import { FRAMEWORK_ROOT } from './framework.js'

const SCORES = 'scores'

/** The consensus scores, or null when none are entered (or they do not validate). */
export function readConsensusScores(doc: Y.Doc): ConsensusScores | null {
  const parsed = consensusScoresSchema.safeParse(doc.getMap(FRAMEWORK_ROOT).get(SCORES))
  return parsed.success ? parsed.data : null
}

/** Facilitator: writes the consensus scores (the caller validates them). */
export function setConsensusScores(doc: Y.Doc, scores: ConsensusScores, origin?: unknown): void {
  doc.transact(
    () => doc.getMap(FRAMEWORK_ROOT).set(SCORES, JSON.parse(JSON.stringify(scores))),
    origin,
  )
}
