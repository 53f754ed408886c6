// The framework's outcome in one call, from what the rounds revealed and what the facilitator
// adopted: the weighted ranking overall, each group's ranking with its own weights (and its own
// scores when phones scored), and the sensitivity with its sentences. Pure and seeded, so the
// console, the projector, the server and the export all show the same figures from the same input.
import type { Criterion, Weights } from '../../schema/framework.js'
import type { CriterionScoresResult } from '../rounds/criterion-scores.js'
import type { WeightProposalsResult } from '../rounds/weight-proposals.js'
import { groupRankings, weightedRanking, type RankedItem, type ScoreTable } from './scores.js'
import { analyseSensitivity, type Sensitivity } from './sensitivity.js'

/** Seed used when none is given, so an export without one still reproduces. */
export const DEFAULT_SENSITIVITY_SEED = 12

export interface FrameworkOutcomeInput {
  readonly items: readonly { readonly key: string; readonly label: string }[]
  readonly criteria: readonly Criterion[]
  /** The adopted weights. */
  readonly weights: Weights
  /** The scores the overall ranking uses (revealed means, or the facilitator's consensus). */
  readonly scores: ScoreTable
  /** Each group's weights, and its own scores if it scored. */
  readonly groups: readonly {
    readonly id: string
    readonly weights: Weights
    readonly scores?: ScoreTable
  }[]
  /** The proposals the weights came from (they set the sensitivity's spread). */
  readonly proposals: readonly Weights[]
  readonly topN: number
  readonly seed?: number
  readonly samples?: number
}

export interface FrameworkOutcome {
  readonly ranking: readonly RankedItem[]
  readonly groupRankings: Readonly<Record<string, readonly RankedItem[]>>
  readonly sensitivity: Sensitivity
}

/** The ranking overall and per group, and the sensitivity with its sentences. */
export function frameworkOutcome(input: FrameworkOutcomeInput): FrameworkOutcome {
  const keys = input.items.map((i) => i.key)
  const criteria = [...input.criteria]
  return {
    ranking: weightedRanking(keys, criteria, input.weights, input.scores),
    groupRankings: groupRankings(keys, criteria, input.groups, input.scores),
    sensitivity: analyseSensitivity({
      items: input.items,
      criteria,
      weights: input.weights,
      scores: input.scores,
      proposals: input.proposals,
      topN: input.topN,
      seed: input.seed ?? DEFAULT_SENSITIVITY_SEED,
      ...(input.samples === undefined ? {} : { samples: input.samples }),
    }),
  }
}

/**
 * The outcome's input from the revealed rounds: groups' weights are their mean proposals, groups'
 * scores their own means; overall scores count every group equally or every person, as the
 * weights were adopted. Items are those scored (in the scores round's order).
 */
export function outcomeInputFromRounds(args: {
  readonly criteria: readonly Criterion[]
  readonly weights: Weights
  readonly basis: 'groups' | 'people'
  readonly proposals: WeightProposalsResult | null
  readonly scores: CriterionScoresResult
  readonly topN: number
  readonly seed?: number
}): FrameworkOutcomeInput {
  const { proposals, scores } = args
  const groupScores = new Map(scores.groups.map((g) => [g.group, g.scores]))
  return {
    items: scores.items,
    criteria: args.criteria,
    weights: args.weights,
    scores: args.basis === 'groups' ? scores.groupEqual : scores.people,
    groups: (proposals?.groups ?? []).map((g) => {
      const own = groupScores.get(g.group)
      return { id: g.group, weights: g.mean, ...(own ? { scores: own } : {}) }
    }),
    proposals: (proposals?.proposals ?? []).map((p) => p.weights),
    topN: args.topN,
    ...(args.seed === undefined ? {} : { seed: args.seed }),
  }
}
