// What changed in a decision since it was last recorded in the log: the field names, in a fixed
// order, so "decision changed" says what moved and the log can be trusted without a diff tool.
import type { Decision } from '../../schema/decision.js'

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
