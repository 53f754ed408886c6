// What changed in a decision since it was last recorded in the log: the field names, in a fixed
// order, so "decision changed" says what moved; and the event that records a decision now.
import type { Decision } from '../../schema/decision.js'
import type { LogEvent } from '../../schema/log.js'

/** The fields a change can touch, in the order the log names them. */
export const CHANGE_FIELDS = [
  'title',
  'item',
  'rationale',
  'conditions',
  'dissent',
  'questions',
  'owner',
  'review',
] as const
export type DecisionChangeField = (typeof CHANGE_FIELDS)[number]

/** The decision's fields that differ between `before` and `after` (order is not a change). */
export function decisionChanges(
  before: Omit<Decision, 'order'>,
  after: Omit<Decision, 'order'>,
): DecisionChangeField[] {
  return CHANGE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
}

type Snapshot = Extract<LogEvent, { type: 'decision-recorded' }>

/** The decision as the log last recorded it (null: never, or withdrawn since). */
export function lastRecorded(log: readonly LogEvent[], id: string): Omit<Decision, 'order'> | null {
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i]!
    if (e.type === 'decision-withdrawn' && e.decision === id) return null
    if ((e.type === 'decision-recorded' || e.type === 'decision-changed') && e.decision === id) {
      return fromSnapshot(e)
    }
  }
  return null
}

const fromSnapshot = (e: Omit<Snapshot, 'type' | 'at'>): Omit<Decision, 'order'> => ({
  id: e.decision,
  item: e.item,
  title: e.title,
  rationale: e.rationale,
  conditions: e.conditions,
  dissent: e.dissent,
  questions: e.questions,
  owner: e.owner,
  review: e.review,
})

/**
 * The log event that records `decision` now: `decision-recorded` the first time (or after it
 * was withdrawn), `decision-changed` naming what changed since, or null when nothing did.
 */
export function decisionLogEvent(
  decision: Decision,
  log: readonly LogEvent[],
  at: number,
): LogEvent | null {
  const snapshot = {
    decision: decision.id,
    item: decision.item,
    title: decision.title,
    rationale: decision.rationale,
    conditions: decision.conditions,
    dissent: decision.dissent.map((d) => ({ ...d })),
    questions: decision.questions,
    owner: decision.owner,
    review: decision.review,
  }
  const before = lastRecorded(log, decision.id)
  if (!before) return { type: 'decision-recorded', at, ...snapshot }
  const changed = decisionChanges(before, decision)
  return changed.length === 0 ? null : { type: 'decision-changed', at, ...snapshot, changed }
}
