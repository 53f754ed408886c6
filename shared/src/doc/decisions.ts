// The decisions in the control document: root `decisions`, one Y.Map per decision (by id) whose
// plain fields (item, title, order, conditions, dissent, questions, owner, review) the
// facilitators write as values, and whose rationale is a shared Y.Text both facilitators edit
// together. Readers validate and bound; `decisionsRefusal` is the control guard's rule for the root.
import * as Y from 'yjs'
import {
  DECISION_LIMITS,
  decisionFieldSchemas,
  decisionIdSchema,
  decisionSchema,
  RATIONALE_KEY,
  type Decision,
  type DecisionField,
} from '../schema/decision.js'
import { cleanText } from '../schema/text.js'

/** The control document's root holding the decisions. */
export const DECISIONS_ROOT = 'decisions'

const decisionsMap = (doc: Y.Doc) => doc.getMap<unknown>(DECISIONS_ROOT)

function decisionMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = decisionsMap(doc).get(id)
  return value instanceof Y.Map ? value : null
}

/** A field's stored value, or its empty value when absent or invalid. */
function field<F extends DecisionField>(m: Y.Map<unknown>, f: F): Decision[F] | undefined {
  const parsed = decisionFieldSchemas[f].safeParse(m.get(f))
  return parsed.success ? (parsed.data as Decision[F]) : undefined
}

/** One decision as every screen reads it, or null when it has no valid id or item. */
function readOne(id: string, m: Y.Map<unknown>): Decision | null {
  const text = m.get(RATIONALE_KEY)
  const rationale =
    text instanceof Y.Text
      ? cleanText(text.toString().slice(0, DECISION_LIMITS.rationale), { multiline: true })
      : ''
  const parsed = decisionSchema.safeParse({
    id,
    item: field(m, 'item'),
    title: field(m, 'title') ?? '',
    order: field(m, 'order') ?? 0,
    conditions: field(m, 'conditions') ?? '',
    dissent: field(m, 'dissent') ?? [],
    questions: field(m, 'questions') ?? '',
    owner: field(m, 'owner') ?? '',
    review: field(m, 'review') ?? '',
    rationale,
  })
  return parsed.success ? parsed.data : null
}

/** The decisions in their order (then by id), at most the limit; invalid ones left out. */
export function readDecisions(doc: Y.Doc): Decision[] {
  const out: Decision[] = []
  decisionsMap(doc).forEach((value, id) => {
    if (!(value instanceof Y.Map) || !decisionIdSchema.safeParse(id).success) return
    const d = readOne(id, value)
    if (d) out.push(d)
  })
  return out
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, DECISION_LIMITS.decisions)
}

/** The shared text of a decision's rationale, for editing together; null when there is none. */
export function decisionRationale(doc: Y.Doc, id: string): Y.Text | null {
  const text = decisionMap(doc, id)?.get(RATIONALE_KEY)
  return text instanceof Y.Text ? text : null
}

/** Facilitator: records a new decision on an item (title snapshotted), at the end of the list. */
export function addDecision(
  doc: Y.Doc,
  decision: { readonly id: string; readonly item: string; readonly title: string },
  origin?: unknown,
): void {
  const id = decisionIdSchema.parse(decision.id)
  const item = decisionFieldSchemas.item.parse(decision.item)
  const title = decisionFieldSchemas.title.parse(decision.title.slice(0, DECISION_LIMITS.title))
  doc.transact(() => {
    const root = decisionsMap(doc)
    let order = 0
    root.forEach((v) => {
      const o = v instanceof Y.Map ? decisionFieldSchemas.order.safeParse(v.get('order')) : null
      if (o?.success) order = Math.max(order, o.data + 1)
    })
    const m = new Y.Map<unknown>()
    m.set('item', item)
    m.set('title', title)
    m.set('order', Math.min(order, 1000))
    m.set(RATIONALE_KEY, new Y.Text())
    root.set(id, m)
  }, origin)
}

/**
 * Facilitator: sets one plain field of a decision, validated (and cleaned) by its schema.
 * Throws when the value does not validate; does nothing when there is no such decision.
 */
export function setDecisionField<F extends DecisionField>(
  doc: Y.Doc,
  id: string,
  f: F,
  value: Decision[F],
  origin?: unknown,
): void {
  const parsed = decisionFieldSchemas[f].parse(value)
  const m = decisionMap(doc, id)
  if (!m) return
  const copy = Array.isArray(parsed) ? parsed.map((x: object) => ({ ...x })) : parsed
  doc.transact(() => m.set(f, copy), origin)
}

/** Facilitator: removes a decision. */
export function removeDecision(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    if (decisionsMap(doc).has(id)) decisionsMap(doc).delete(id)
  }, origin)
}

/** Where an item or a deletion lands in the control document: keys from the root down. */
export type ControlPath = readonly (string | null)[]

/**
 * Why the facilitator may not write this place of the decisions root, or null. The root holds
 * exactly: decision maps under valid ids; in each, the plain fields as values their schemas
 * accept and the rationale as a Y.Text; in the rationale, text. `content` is the new item's
 * content, or null for a deletion (any part of a decision may be deleted).
 */
export function decisionsRefusal(
  path: ControlPath,
  content: Y.Item['content'] | null,
): string | null {
  if (path[0] !== DECISIONS_ROOT) return null
  const refuse = 'a decision holds its fields and its rationale, nothing else'
  if (path.length < 2) return refuse
  const id = path[1]
  if (id === null || id === undefined || !decisionIdSchema.safeParse(id).success) {
    return 'not a decision id'
  }
  if (content === null) return null
  if (path.length === 2) {
    return content instanceof Y.ContentType && content.type instanceof Y.Map ? null : refuse
  }
  const key = path[2]
  if (path.length === 3) {
    if (key === RATIONALE_KEY) {
      return content instanceof Y.ContentType && content.type instanceof Y.Text ? null : refuse
    }
    if (key === null || key === undefined || !Object.hasOwn(decisionFieldSchemas, key))
      return refuse
    if (!(content instanceof Y.ContentAny)) return refuse
    const schema = decisionFieldSchemas[key as DecisionField]
    return content.arr.every((v) => {
      const parsed = schema.safeParse(v)
      // The stored value must be the clean one: a value the schema would change is refused.
      return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(v)
    })
      ? null
      : `the decision's ${key} is not valid`
  }
  if (path.length === 4 && key === RATIONALE_KEY && path[3] === null) {
    return content instanceof Y.ContentString ? null : refuse
  }
  return refuse
}
