// Which items the decide phase offers first: the top of the value framework's ranking when
// weights were adopted and items scored, else the top of the revealed dot vote. Any item can
// still be chosen; this is only the default the console pre-fills.
import type { AdoptedWeights, Criterion } from '../../schema/framework.js'
import type { CandidateItem } from '../../schema/items.js'
import type { VoteResults } from '../../schema/voting.js'
import { DECISION_LIMITS } from '../../schema/decision.js'
import { groupRankings, weightedRanking, type RankedItem } from '../framework/scores.js'
import type { CriterionScoresResult } from '../rounds/criterion-scores.js'
import type { WeightProposalsResult } from '../rounds/weight-proposals.js'
import { rankedItems } from '../tally.js'

/** The framework's ranking as the decide phase uses it: overall, per group, and each group's weights. */
export interface FrameworkStanding {
  readonly criteria: readonly { readonly id: string; readonly name: string }[]
  readonly ranking: readonly RankedItem[]
  readonly labels: Readonly<Record<string, string>>
  /** Each group's ranking with its own mean weights (and its own scores when it scored). */
  readonly groupRankings: Readonly<Record<string, readonly RankedItem[]>>
  /** Each group's mean proposed weights, by criterion id. */
  readonly groupWeights: Readonly<Record<string, Readonly<Record<string, number>>>>
  readonly adopted: AdoptedWeights
}

/**
 * The framework's standing from what the control document holds: null unless weights were
 * adopted and items scored (without both there is no ranking to decide from).
 */
export function frameworkStanding(args: {
  readonly criteria: readonly Criterion[] | null
  readonly adopted: AdoptedWeights | null
  readonly scores: CriterionScoresResult | null
  readonly proposals: WeightProposalsResult | null
}): FrameworkStanding | null {
  const { criteria, adopted, scores, proposals } = args
  if (!criteria || criteria.length === 0 || !adopted || !scores || scores.items.length === 0) {
    return null
  }
  const keys = scores.items.map((i) => i.key)
  const table = adopted.basis === 'groups' ? scores.groupEqual : scores.people
  const own = new Map(scores.groups.map((g) => [g.group, g.scores]))
  const groups = (proposals?.groups ?? []).map((g) => {
    const s = own.get(g.group)
    return { id: g.group, weights: g.mean, ...(s ? { scores: s } : {}) }
  })
  return {
    criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
    ranking: weightedRanking(keys, criteria, adopted.weights, table),
    labels: Object.fromEntries(scores.items.map((i) => [i.key, i.label])),
    groupRankings: groupRankings(keys, criteria, groups, table),
    groupWeights: Object.fromEntries(groups.map((g) => [g.id, g.weights])),
    adopted,
  }
}

/** An item the decide phase may offer, with where it stands. */
export interface DecisionCandidate {
  readonly key: string
  readonly label: string
  /** Its competition rank in the ranking the default comes from, or null (not ranked). */
  readonly rank: number | null
}

/** Where the default selection came from. */
export type SelectionBasis = 'framework' | 'votes' | 'none'

/**
 * The items in the order the decide phase offers them: the framework's ranking when there is
 * one, else the vote's ranking by dots (items without a dot last, unranked), then every other
 * candidate item on the board, so any item can be chosen.
 */
export function decisionCandidates(args: {
  readonly framework: FrameworkStanding | null
  readonly votes: VoteResults | null
  readonly items: readonly CandidateItem[]
}): { basis: SelectionBasis; candidates: DecisionCandidate[] } {
  const seen = new Set<string>()
  const out: DecisionCandidate[] = []
  const add = (key: string, label: string, rank: number | null) => {
    if (seen.has(key)) return
    seen.add(key)
    out.push({ key, label, rank })
  }
  let basis: SelectionBasis = 'none'
  if (args.framework) {
    basis = 'framework'
    for (const r of args.framework.ranking)
      add(r.key, args.framework.labels[r.key] ?? r.key, r.rank)
  } else if (args.votes && args.votes.totalDots > 0) {
    basis = 'votes'
    for (const r of rankedItems(args.votes.items, 'total')) {
      add(r.key, r.label, r.total > 0 ? r.rank : null)
    }
  }
  for (const i of args.votes?.items ?? []) add(i.key, i.label, null)
  for (const i of args.items) add(i.key, i.label, null)
  return { basis, candidates: out }
}

/**
 * The default selection: the first `n` ranked candidates (3 unless told; ties at the cut are
 * left to the ranking's own order), none when nothing was ranked.
 */
export function defaultDecisionItems(
  candidates: readonly DecisionCandidate[],
  n: number = DECISION_LIMITS.defaultTop,
): DecisionCandidate[] {
  const take = Math.max(0, Math.min(Math.floor(n), DECISION_LIMITS.decisions))
  return candidates.filter((c) => c.rank !== null).slice(0, take)
}
