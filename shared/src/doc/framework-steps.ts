// The weigh phase's other ways to rank, in the control document's framework root beside the
// criteria: which method ranks (`method`: weighted criteria or RICE), the facilitator's RICE
// estimates (`rice`) and the optional MoSCoW step (`moscow`). The facilitator's client writes
// them; the control guard refuses a value that does not validate (framework.ts), and every reader
// validates again, so a value that got in some other way reads as none.
import type * as Y from 'yjs'
import { moscowPlanSchema, type MoscowPlan } from '../schema/moscow.js'
import {
  frameworkMethodSchema,
  riceEstimatesSchema,
  type FrameworkMethod,
  type RiceEstimates,
} from '../schema/rice.js'
import { FRAMEWORK_KEYS, FRAMEWORK_ROOT } from './framework.js'

const root = (doc: Y.Doc) => doc.getMap(FRAMEWORK_ROOT)
const write = (doc: Y.Doc, key: string, value: unknown, origin?: unknown) =>
  doc.transact(() => root(doc).set(key, JSON.parse(JSON.stringify(value))), origin)

/** How the items are ranked: weighted criteria unless RICE was chosen. */
export function readFrameworkMethod(doc: Y.Doc): FrameworkMethod {
  const parsed = frameworkMethodSchema.safeParse(root(doc).get(FRAMEWORK_KEYS.method))
  return parsed.success ? parsed.data : 'weighted'
}

/** Facilitator: chooses how the items are ranked. */
export function setFrameworkMethod(doc: Y.Doc, method: FrameworkMethod, origin?: unknown): void {
  write(doc, FRAMEWORK_KEYS.method, method, origin)
}

/** The RICE estimates, or null when none are entered (or they do not validate). */
export function readRiceEstimates(doc: Y.Doc): RiceEstimates | null {
  const parsed = riceEstimatesSchema.safeParse(root(doc).get(FRAMEWORK_KEYS.rice))
  return parsed.success ? parsed.data : null
}

/** Facilitator: writes the RICE estimates (the caller validates them). */
export function setRiceEstimates(doc: Y.Doc, rice: RiceEstimates, origin?: unknown): void {
  write(doc, FRAMEWORK_KEYS.rice, rice, origin)
}

/** The MoSCoW step, or null when it was not used (or does not validate). */
export function readMoscowPlan(doc: Y.Doc): MoscowPlan | null {
  const parsed = moscowPlanSchema.safeParse(root(doc).get(FRAMEWORK_KEYS.moscow))
  return parsed.success ? parsed.data : null
}

/** Facilitator: writes the MoSCoW step (the caller validates it). */
export function setMoscowPlan(doc: Y.Doc, plan: MoscowPlan, origin?: unknown): void {
  write(doc, FRAMEWORK_KEYS.moscow, plan, origin)
}
