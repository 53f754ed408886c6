// Weight proposals as a round kind: each participant shares 100 points over the framework's
// criteria; the clamp is the framework's (unknown criteria, NaN and negatives dropped, the rest
// rescaled to 100 whole points, nothing positive refused); the reveal publishes each group's
// mean, the group-equal and person-equal means, the spread and the consensus, and the proposals
// themselves without names (sorted by group and content) so the sensitivity can be fitted.
import {
  criterionSchema,
  weightsSchema,
  type Criterion,
  type Weights,
} from '../../schema/framework.js'
import { z } from '../../schema/zod.js'
import { aggregateProposals, clampProposal, isProposal } from '../framework/proposals.js'
import { defineRoundKind } from './round-kind.js'
import { ROUND_WORDS } from './words.js'

/** What proposals are cast on: the criteria as they were at open and at close. */
export interface WeightsContext {
  readonly criteria: readonly Criterion[]
}

const summarySchema = z.nullable(
  z.object({
    n: z.number(),
    min: z.number(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    max: z.number(),
    iqr: z.number(),
    mean: z.number(),
  }),
)

export const weightProposalsResultSchema = z.object({
  revealedAt: z.number(),
  /** The criteria in the framework's order, named as they were at close. */
  criteria: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Proposals that counted. */
  n: z.number(),
  groups: z.array(z.object({ group: z.string(), n: z.number(), mean: weightsSchema })),
  groupEqual: weightsSchema,
  personEqual: weightsSchema,
  spread: z.record(z.string(), summarySchema),
  consensus: z.nullable(z.number()),
  /** Every counted proposal, without names, sorted by group and points. */
  proposals: z.array(z.object({ group: z.string(), weights: weightsSchema })),
})
export type WeightProposalsResult = z.infer<typeof weightProposalsResultSchema>

const ids = (context: WeightsContext) => context.criteria.map((c) => c.id)
/** A proposal's sort key: its group, then its points in criterion order. */
const keyOf = (context: WeightsContext, group: string, w: Weights) =>
  `${group}\u0000${ids(context)
    .map((id) => String(w[id] ?? 0).padStart(3, '0'))
    .join(',')}`

export const weightProposals = defineRoundKind<
  Record<string, never>,
  WeightsContext,
  Weights,
  WeightProposalsResult
>({
  id: 'weights',
  words: ROUND_WORDS.weights,
  settingsSchema: z.object({}) as unknown as z.ZodMiniType<Record<string, never>, unknown>,
  contextSchema: z.object({ criteria: z.array(criterionSchema) }),
  // Criterion id → points, as the phone writes it; the clamp decides what counts.
  inputSchema: z.record(z.string(), z.number().check(z.int(), z.gte(0), z.lte(100))),
  resultSchema: weightProposalsResultSchema,
  defaultSettings: () => ({}),
  context: (_settings, world) => ({ criteria: world.framework?.criteria ?? [] }),
  cannotOpen: (context) =>
    context.criteria.length > 0 ? null : 'Set up the criteria before weights are proposed',
  clamp: (raw, context) => clampProposal(raw, ids(context)),
  progress: (input) => ({ done: isProposal(input) ? 1 : 0, of: 1 }),
  aggregate: ({ context, inputs, groups, revealedAt }) => {
    // Canonical order (group, then points), so the means are the same whatever order the seal
    // listed participants in, to the last bit, and the list names nobody.
    const counted = inputs
      .filter(({ input }) => isProposal(input))
      .map(({ participant, input }) => ({
        key: keyOf(context, participant.group, input),
        group: participant.group,
        weights: input,
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    const agg = aggregateProposals(
      ids(context),
      counted.map((p, i) => ({ participantId: String(i), group: p.group, weights: p.weights })),
      groups.map((g) => g.id),
    )
    return {
      revealedAt,
      criteria: context.criteria.map((c) => ({ id: c.id, name: c.name })),
      n: agg.n,
      groups: agg.groups.map((g) => ({ ...g })),
      groupEqual: agg.groupEqual,
      personEqual: agg.personEqual,
      spread: { ...agg.spread },
      consensus: agg.consensus,
      proposals: counted.map(({ group, weights }) => ({ group, weights })),
    }
  },
  describeSettings: () => '100 points over the criteria each',
  headline: (result) => {
    const top = [...result.criteria].sort(
      (a, b) => (result.groupEqual[b.id] ?? 0) - (result.groupEqual[a.id] ?? 0),
    )[0]
    const consensus =
      result.consensus === null ? '' : `; consensus ${Math.round(result.consensus * 100)} %`
    return {
      headline:
        result.n === 0 || top === undefined
          ? 'no weights were proposed'
          : `${top.name} weighted highest (${Math.round(result.groupEqual[top.id] ?? 0)} points, groups equal)${consensus}`,
      took: result.n,
    }
  },
})
