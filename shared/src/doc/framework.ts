// The value framework in the control document: the criteria and starting weights the facilitator
// sets up (root `framework`, key `framework`; the facilitator writes it, while no framework round
// is open) and the weights adopted (key `adopted`; only the server writes it, with a log event).
import type * as Y from 'yjs'
import {
  adoptedWeightsSchema,
  frameworkSchema,
  type AdoptedWeights,
  type Framework,
} from '../schema/framework.js'
import { readRoundStatus } from './rounds.js'

/** The control document's root holding the framework. */
export const FRAMEWORK_ROOT = 'framework'
const FRAMEWORK = 'framework'
const ADOPTED = 'adopted'

/** Round kinds cast on the criteria: the criteria cannot change while one is open. */
export const FRAMEWORK_ROUNDS: readonly string[] = ['weights']

/** The framework, or null when none is set up (or it does not validate). */
export function readFramework(doc: Y.Doc): Framework | null {
  const parsed = frameworkSchema.safeParse(doc.getMap(FRAMEWORK_ROOT).get(FRAMEWORK))
  return parsed.success ? parsed.data : null
}

/** Facilitator: sets up the framework (the caller validates it). */
export function setFramework(doc: Y.Doc, framework: Framework, origin?: unknown): void {
  doc.transact(
    () => doc.getMap(FRAMEWORK_ROOT).set(FRAMEWORK, JSON.parse(JSON.stringify(framework))),
    origin,
  )
}

/** The adopted weights, or null. */
export function readAdoptedWeights(doc: Y.Doc): AdoptedWeights | null {
  const parsed = adoptedWeightsSchema.safeParse(doc.getMap(FRAMEWORK_ROOT).get(ADOPTED))
  return parsed.success ? parsed.data : null
}

/** Server: records the adopted weights. */
export function setAdoptedWeights(doc: Y.Doc, adopted: AdoptedWeights, origin?: unknown): void {
  doc.transact(
    () => doc.getMap(FRAMEWORK_ROOT).set(ADOPTED, JSON.parse(JSON.stringify(adopted))),
    origin,
  )
}

/**
 * Why a client may not write this entry of the control document's framework root, or null:
 * the adopted weights are the server's, and the criteria stay as they are while a round cast on
 * them is open.
 */
export function frameworkRefusal(doc: Y.Doc, root: string | null, key: string | null) {
  if (root !== FRAMEWORK_ROOT) return null
  if (key === ADOPTED) return 'the adopted weights are written by the server'
  if (FRAMEWORK_ROUNDS.some((kind) => readRoundStatus(doc, kind) === 'open')) {
    return 'the criteria are fixed while weights are being proposed'
  }
  return null
}
