// From the weigh phase's state to the framework outcome's input, and the words around it: the
// ranking needs criteria, adopted weights and scored items; groups' weights are their revealed
// mean proposals, named by the workshop's groups. Revealed phone scores, when there are any, are
// the scores (as in the export): overall on the adoption's basis, each group with its own.
import {
  MAX_TOP_N,
  outcomeInputFromRounds,
  type FrameworkOutcomeInput,
  type Group,
  type Weights,
} from '@triage/shared'
import type { WeighState } from './weigh-state'

/** The outcome's input, or null (with what is missing) while the ranking cannot be computed. */
export function outcomeInput(
  state: WeighState,
): { ok: true; input: FrameworkOutcomeInput } | { ok: false; missing: string } {
  const { framework, adopted, scores, result } = state
  if (!framework) return { ok: false, missing: 'The criteria are not set up yet.' }
  if (!adopted) return { ok: false, missing: 'The ranking follows once weights are adopted.' }
  const phones = state.scoresRound.result
  if (phones && phones.items.length > 0) {
    return {
      ok: true,
      input: outcomeInputFromRounds({
        criteria: framework.criteria,
        weights: adopted.weights,
        basis: adopted.basis,
        proposals: result,
        scores: phones,
        topN: Math.max(1, Math.min(scores?.topN ?? 3, phones.items.length, MAX_TOP_N)),
      }),
    }
  }
  if (!scores || scores.items.length === 0) {
    return { ok: false, missing: 'The ranking follows once the items are scored.' }
  }
  return {
    ok: true,
    input: {
      items: scores.items,
      criteria: framework.criteria,
      weights: adopted.weights,
      scores: scores.scores,
      groups: (result?.groups ?? []).map((g) => ({ id: g.group, weights: g.mean })),
      proposals: (result?.proposals ?? []).map((p) => p.weights),
      topN: Math.max(1, Math.min(scores.topN, scores.items.length, MAX_TOP_N)),
    },
  }
}

/** A group's name by id (the id itself for a group no longer in the settings). */
export function groupName(groups: readonly Group[], id: string): string {
  return groups.find((g) => g.id === id)?.name ?? id
}

/** Points to one decimal place, without a trailing ".0". */
export function points(value: number): string {
  const r = Math.round(value * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

/** The weights as a list of "Name points" for a sentence. */
export function weightsLine(
  criteria: readonly { readonly id: string; readonly name: string }[],
  weights: Weights,
): string {
  return criteria.map((c) => `${c.name} ${points(weights[c.id] ?? 0)}`).join(', ')
}

/** Ordinal rank words (1st, 2nd, 3rd, 4th, 11th, 21st). */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`
}
