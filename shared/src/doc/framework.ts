// The value framework in the control document: the criteria and starting weights the facilitator
// sets up (root `framework`, key `framework`; the facilitator writes it, while no framework round
// is open) and the weights adopted (key `adopted`; only the server writes it, with a log event).
// The root's other entries (consensus scores, the method, RICE, MoSCoW) have accessors of their
// own; which keys exist and what each must hold is listed here, for the control guard.
import * as Y from 'yjs'
import { consensusScoresSchema } from '../schema/consensus-scores.js'
import {
  adoptedWeightsSchema,
  frameworkSchema,
  type AdoptedWeights,
  type Framework,
} from '../schema/framework.js'
import { moscowPlanSchema } from '../schema/moscow.js'
import { frameworkMethodSchema, riceEstimatesSchema } from '../schema/rice.js'
import { readRoundStatus } from './rounds.js'

/** The control document's root holding the framework. */
export const FRAMEWORK_ROOT = 'framework'

/** The framework root's keys. */
export const FRAMEWORK_KEYS = {
  framework: 'framework',
  adopted: 'adopted',
  scores: 'scores',
  method: 'method',
  rice: 'rice',
  moscow: 'moscow',
} as const
const FRAMEWORK = FRAMEWORK_KEYS.framework
const ADOPTED = FRAMEWORK_KEYS.adopted

/** What a client's value under each key must be: anything else is refused. */
const CLIENT_VALUES: Readonly<Record<string, { safeParse(v: unknown): { success: boolean } }>> = {
  [FRAMEWORK_KEYS.framework]: frameworkSchema,
  [FRAMEWORK_KEYS.scores]: consensusScoresSchema,
  [FRAMEWORK_KEYS.method]: frameworkMethodSchema,
  [FRAMEWORK_KEYS.rice]: riceEstimatesSchema,
  [FRAMEWORK_KEYS.moscow]: moscowPlanSchema,
}

/** Keys not cast on the criteria: they may change while weights are being proposed. */
const FREE_WHILE_OPEN: ReadonlySet<string> = new Set([FRAMEWORK_KEYS.rice, FRAMEWORK_KEYS.moscow])

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
 * Why a client may not write this place in the control document's framework root, or null.
 * `path` is the place from the root down (`[root, key]` for a root's entry); `content` what is
 * written there (null for a deletion). The adopted weights are the server's; every other entry
 * is one plain value that must validate against its key's schema (a deletion clears it); nothing
 * nests under an entry and no other key exists; and the criteria (with what is cast on them)
 * stay as they are while a round cast on them is open.
 */
export function frameworkRefusal(
  doc: Y.Doc,
  path: readonly (string | null)[],
  content: unknown,
): string | null {
  if (path[0] !== FRAMEWORK_ROOT) return null
  const key = path.length >= 2 ? (path[1] ?? null) : null
  if (key === ADOPTED) return 'the adopted weights are written by the server'
  if (key === null || path.length > 2 || !Object.hasOwn(CLIENT_VALUES, key)) {
    return 'the framework holds only its known entries'
  }
  if (
    !FREE_WHILE_OPEN.has(key) &&
    FRAMEWORK_ROUNDS.some((kind) => readRoundStatus(doc, kind) === 'open')
  ) {
    return 'the criteria are fixed while weights are being proposed'
  }
  if (content === null) return null
  const value =
    content instanceof Y.ContentAny && content.arr.length === 1 ? content.arr[0] : undefined
  if (value === undefined || !CLIENT_VALUES[key]!.safeParse(value).success) {
    return `the framework’s ${key} is not valid`
  }
  return null
}
