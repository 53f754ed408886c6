// Weight proposals: each participant shares 100 points over the criteria. One clamp decides what
// a proposal counts as (whatever a private document holds); aggregates are arithmetic means of
// the allocations per group and overall (every group equal, or every person equal); the
// consensus figure is the mean pairwise proportional similarity (docs/value-framework.md).
import type { Weights } from '../../schema/framework.js'
import { summarize, type Summary } from '../stats.js'
import { largestRemainder } from './largest-remainder.js'

/** Points a proposal shares. */
export const PROPOSAL_POINTS = 100

/**
 * What one proposal counts as. Entries for criteria not in `criterionIds`, non-numbers, NaN,
 * infinities and negatives are dropped (a dropped entry is 0 points); what is left is rescaled
 * to whole points summing to 100 by largest remainder, so a proposal of 30 / 30 / 60 counts as
 * 25 / 25 / 50. A proposal with nothing positive left is refused: the empty proposal, which
 * counts for nothing. Never throws; idempotent.
 */
export function clampProposal(raw: unknown, criterionIds: readonly string[]): Weights {
  if (typeof raw !== 'object' || raw === null) return {}
  const rec = raw as Record<string, unknown>
  const points = criterionIds.map((id) => {
    const v = Object.hasOwn(rec, id) ? rec[id] : undefined
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0
  })
  if (!points.some((p) => p > 0)) return {}
  const shared = largestRemainder(points, PROPOSAL_POINTS)
  return Object.fromEntries(criterionIds.map((id, i) => [id, shared[i]!]))
}

/** Whether a clamped proposal counts (it shares its 100 points). */
export const isProposal = (w: Weights) => Object.keys(w).length > 0

/** One participant's clamped proposal. */
export interface Proposal {
  readonly participantId: string
  readonly group: string
  readonly weights: Weights
}

/** How the overall weights count people: every stakeholder group equal, or every person. */
export type AggregationBasis = 'groups' | 'people'

/** The aggregate of the proposals. */
export interface ProposalAggregate {
  /** Proposals that counted. */
  readonly n: number
  /** Each group's mean allocation, for groups with at least one proposal, in the given order. */
  readonly groups: readonly { readonly group: string; readonly n: number; readonly mean: Weights }[]
  /** The mean of the group means: every group counts the same whatever its size. */
  readonly groupEqual: Weights
  /** The mean over every person's proposal. */
  readonly personEqual: Weights
  /** The spread of the allocations per criterion, over people (null when none proposed). */
  readonly spread: Readonly<Record<string, Summary | null>>
  /** Consensus, 0–1 (mean pairwise proportional similarity); null below two proposals. */
  readonly consensus: number | null
}

const meanOf = (criterionIds: readonly string[], rows: readonly Weights[]): Weights =>
  Object.fromEntries(
    criterionIds.map((id) => [
      id,
      rows.length === 0 ? 0 : rows.reduce((s, r) => s + (r[id] ?? 0), 0) / rows.length,
    ]),
  )

/**
 * Consensus of allocations as the mean, over every pair of proposals, of their proportional
 * similarity PS = 1 − ½ Σ |p − q| (Czekanowski's index on the shares): 1 when everyone shares
 * the points the same way, 0 when no two proposals put a point on the same criterion. Null
 * below two proposals.
 */
export function consensus(
  criterionIds: readonly string[],
  proposals: readonly Weights[],
): number | null {
  const shares = proposals.map((w) => {
    const total = criterionIds.reduce((s, id) => s + (w[id] ?? 0), 0)
    return criterionIds.map((id) => (total > 0 ? (w[id] ?? 0) / total : 0))
  })
  if (shares.length < 2) return null
  let sum = 0
  let pairs = 0
  for (let a = 0; a < shares.length; a++) {
    for (let b = a + 1; b < shares.length; b++) {
      let l1 = 0
      for (let j = 0; j < criterionIds.length; j++) l1 += Math.abs(shares[a]![j]! - shares[b]![j]!)
      sum += 1 - l1 / 2
      pairs++
    }
  }
  return Math.min(1, Math.max(0, sum / pairs))
}

/**
 * Aggregates clamped proposals (empty ones are left out): each group's mean, the group-equal
 * and person-equal means, the spread per criterion and the consensus. Order-independent up to
 * floating-point rounding; `groupOrder` fixes the order groups are listed in.
 */
export function aggregateProposals(
  criterionIds: readonly string[],
  proposals: readonly Proposal[],
  groupOrder: readonly string[] = [],
): ProposalAggregate {
  const counted = proposals.filter((p) => isProposal(p.weights))
  const byGroup = new Map<string, Weights[]>()
  for (const p of counted) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), p.weights])
  const order = [
    ...groupOrder.filter((g) => byGroup.has(g)),
    ...[...byGroup.keys()].filter((g) => !groupOrder.includes(g)).sort(),
  ]
  const groups = order.map((group) => ({
    group,
    n: byGroup.get(group)!.length,
    mean: meanOf(criterionIds, byGroup.get(group)!),
  }))
  return {
    n: counted.length,
    groups,
    groupEqual: meanOf(
      criterionIds,
      groups.map((g) => g.mean),
    ),
    personEqual: meanOf(
      criterionIds,
      counted.map((p) => p.weights),
    ),
    spread: Object.fromEntries(
      criterionIds.map((id) => [id, summarize(counted.map((p) => p.weights[id] ?? 0))]),
    ),
    consensus: consensus(
      criterionIds,
      counted.map((p) => p.weights),
    ),
  }
}
