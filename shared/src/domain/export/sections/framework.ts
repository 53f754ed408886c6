// "Value framework": the criteria and their starting weights, the weights proposed (each group's
// mean, both overall aggregates, the spread, the consensus with its method), the weights adopted,
// the scores, the weighted ranking with each criterion's contribution, each stakeholder group's
// ranking with its own weights, and how robust the top is, in plain words — all recomputed from
// the record (seed and samples included) by the same pure functions the screens use.
import type { RecordFramework } from '../../../schema/record-framework.js'
import type { Criterion, Weights } from '../../../schema/framework.js'
import {
  frameworkOutcome,
  outcomeInputFromRounds,
  type FrameworkOutcomeInput,
} from '../../framework/outcome.js'
import { heading, notRun, paragraph, type Block } from '../document.js'
import { formatTime, ordinal, plural } from '../format.js'
import type { SectionContext, SectionSpec } from './context.js'
import { moscowBlocks, riceBlocks } from './framework-steps.js'

/** Points to one decimal place, without a trailing ".0". */
export const points = (v: number): string => {
  const r = Math.round(v * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

const BASIS = {
  groups: 'every stakeholder group counting equally',
  people: 'every person counting equally',
} as const

/** The consensus figure's method, named (docs/value-framework.md, "Consensus"). */
export const CONSENSUS_METHOD =
  'the mean pairwise proportional similarity of the proposals (Czekanowski’s index on the shares: the share of points two people put in the same places)'

/**
 * The outcome's input from the record: the adopted weights, the scores (the revealed scores
 * round, counted on the adoption's basis, else the facilitator's consensus scores), each group's
 * mean proposal and the proposals themselves; null without adopted weights or scored items.
 */
export function frameworkInputFromRecord(fw: RecordFramework): FrameworkOutcomeInput | null {
  const { framework, adopted } = fw
  if (!framework || !adopted) return null
  const common = { seed: fw.sensitivity.seed, samples: fw.sensitivity.samples }
  if (fw.scores.result && fw.scores.result.items.length > 0) {
    const input = outcomeInputFromRounds({
      criteria: framework.criteria,
      weights: adopted.weights,
      basis: adopted.basis,
      proposals: fw.weights.result,
      scores: fw.scores.result,
      topN: Math.min(fw.consensusScores?.topN ?? 3, fw.scores.result.items.length),
      seed: fw.sensitivity.seed,
    })
    return { ...input, ...common }
  }
  const scores = fw.consensusScores
  if (!scores || scores.items.length === 0) return null
  return {
    items: scores.items,
    criteria: framework.criteria,
    weights: adopted.weights,
    scores: scores.scores,
    groups: (fw.weights.result?.groups ?? []).map((g) => ({ id: g.group, weights: g.mean })),
    proposals: (fw.weights.result?.proposals ?? []).map((p) => p.weights),
    topN: Math.max(1, Math.min(scores.topN, scores.items.length)),
    ...common,
  }
}

function criteriaBlocks(criteria: readonly Criterion[], starting: Weights): Block[] {
  return [
    {
      kind: 'table',
      columns: [
        { label: 'Criterion' },
        { label: 'Counts as' },
        { label: 'Scale' },
        { label: 'Starting weight', align: 'right' },
        { label: 'Description' },
      ],
      rows: criteria.map((c) => [
        c.name,
        c.direction === 'cost' ? 'Cost (higher is worse)' : 'Benefit (higher is better)',
        `${c.scale.min}–${c.scale.max}`,
        points(starting[c.id] ?? 0),
        c.description ?? '',
      ]),
    },
  ]
}

function weightsBlocks(fw: RecordFramework, criteria: readonly Criterion[], ctx: SectionContext) {
  const result = fw.weights.result
  const blocks: Block[] = [heading('Weights proposed')]
  if (!result) {
    blocks.push(
      paragraph(
        fw.weights.status === 'setup'
          ? 'No weights were proposed: the round did not open.'
          : 'Weights were being proposed; the proposals were not revealed.',
      ),
    )
    return blocks
  }
  blocks.push(
    paragraph(
      `${plural(result.n, 'participant')} shared 100 points each over the criteria, hidden from everyone until the reveal. ${
        result.consensus === null
          ? 'With fewer than two proposals there is no consensus figure.'
          : `Consensus ${Math.round(result.consensus * 100)} %: ${CONSENSUS_METHOD}.`
      }`,
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Criterion' },
        ...result.groups.map((g) => ({
          label: `${ctx.groupName(g.group)} (${g.n})`,
          align: 'right' as const,
        })),
        { label: 'Every group equal', align: 'right' },
        { label: 'Every person equal', align: 'right' },
        { label: 'Lowest–highest', align: 'right' },
        { label: 'IQR', align: 'right' },
      ],
      rows: criteria.map((c) => {
        const s = result.spread[c.id] ?? null
        return [
          c.name,
          ...result.groups.map((g) => points(g.mean[c.id] ?? 0)),
          points(result.groupEqual[c.id] ?? 0),
          points(result.personEqual[c.id] ?? 0),
          s ? `${points(s.min)}–${points(s.max)}` : '–',
          s ? points(s.iqr) : '–',
        ]
      }),
    },
    {
      kind: 'chart',
      chart: {
        title: 'Weights proposed, by stakeholder group',
        description:
          'One bar per stakeholder group (its members’ mean proposal) and one for every group counted equally; each bar is its 100 points split over the criteria.',
        series: criteria.map((c) => c.name),
        rows: [
          ...result.groups.map((g) => ({
            label: ctx.groupName(g.group),
            values: criteria.map((c) => tenth(g.mean[c.id] ?? 0)),
          })),
          {
            label: 'Every group equal',
            values: criteria.map((c) => tenth(result.groupEqual[c.id] ?? 0)),
          },
        ],
        unit: ['point', 'points'],
      },
    },
  )
  return blocks
}

/** A figure as the chart prints it: to a tenth. */
const tenth = (v: number) => Math.round(v * 10) / 10

/** How many items the ranking's chart shows (all are in the table). */
const CHART_ITEMS = 12

function adoptedBlocks(fw: RecordFramework, criteria: readonly Criterion[], ctx: SectionContext) {
  const adopted = fw.adopted
  if (!adopted) return [heading('Weights adopted'), paragraph('No weights were adopted.')]
  const from =
    adopted.proposals === 0
      ? 'without a round of proposals'
      : `from ${plural(adopted.proposals, 'proposal')}${
          adopted.consensus === null ? '' : ` (consensus ${Math.round(adopted.consensus * 100)} %)`
        }`
  return [
    heading('Weights adopted'),
    paragraph(
      `The facilitator adopted these weights at ${formatTime(adopted.at, ctx.timeZone)}, starting from ${BASIS[adopted.basis]}, ${from}.`,
    ),
    {
      kind: 'table',
      columns: [{ label: 'Criterion' }, { label: 'Points', align: 'right' }],
      rows: criteria.map((c) => [c.name, points(adopted.weights[c.id] ?? 0)]),
    } satisfies Block,
  ]
}

function outcomeBlocks(input: FrameworkOutcomeInput, ctx: SectionContext, fromRound: boolean) {
  const outcome = frameworkOutcome(input)
  const labels = new Map(input.items.map((i) => [i.key, i.label]))
  const label = (key: string) => labels.get(key) ?? key
  const criteria = input.criteria
  const { smaa } = outcome.sensitivity
  const blocks: Block[] = [
    heading('Scores'),
    paragraph(
      fromRound
        ? 'Participants scored the items on their phones, hidden until the reveal; the mean scores are counted on the same basis as the weights.'
        : 'The facilitator entered the room’s agreed (consensus) scores. A score left empty counts as the worst end of its scale.',
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Item' },
        ...criteria.map((c) => ({ label: c.name, align: 'right' as const })),
      ],
      rows: input.items.map((item) => [
        item.label,
        ...criteria.map((c) => {
          const s = input.scores[item.key]?.[c.id]
          return s === undefined ? '–' : points(s)
        }),
      ]),
    },
    heading('Weighted ranking'),
    paragraph(
      'Each score is placed on its criterion’s scale (0 the worst end, 1 the best; a cost criterion reversed), weighted by the adopted weights’ shares and summed, on 0–100. Each criterion’s part of the score is shown beside it.',
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Rank' },
        { label: 'Item' },
        { label: 'Score', align: 'right' },
        ...criteria.map((c) => ({ label: c.name, align: 'right' as const })),
      ],
      rows: outcome.ranking.map((r) => [
        ordinal(r.rank),
        label(r.key),
        points(r.score),
        ...r.contributions.map(points),
      ]),
    },
    {
      kind: 'chart',
      chart: {
        title: `Weighted score per item, by criterion (top ${Math.min(CHART_ITEMS, outcome.ranking.length)})`,
        description:
          'One bar per item, in ranking order; each bar is its score on 0–100, split into the part each criterion contributes.',
        series: criteria.map((c) => c.name),
        rows: outcome.ranking.slice(0, CHART_ITEMS).map((r) => ({
          label: label(r.key),
          values: r.contributions.map(tenth),
        })),
        unit: ['point', 'points'],
      },
    },
  ]
  const groupIds = Object.keys(outcome.groupRankings)
  if (groupIds.length > 0) {
    const rankOf = new Map(
      groupIds.map((g) => [
        g,
        new Map(
          outcome.groupRankings[g]!.map((r) => [r.key, `${ordinal(r.rank)} (${points(r.score)})`]),
        ),
      ]),
    )
    blocks.push(
      heading('Each stakeholder group’s ranking'),
      paragraph(
        'The rank and score each item gets with each group’s own mean weights (and its own scores, when phones scored), so disagreement between groups shows.',
      ),
      {
        kind: 'table',
        columns: [
          { label: 'Item' },
          { label: 'Overall' },
          ...groupIds.map((g) => ({ label: ctx.groupName(g) })),
        ],
        rows: outcome.ranking.map((r) => [
          label(r.key),
          `${ordinal(r.rank)} (${points(r.score)})`,
          ...groupIds.map((g) => rankOf.get(g)?.get(r.key) ?? '–'),
        ]),
      },
    )
  }
  blocks.push(
    heading('How robust the top is'),
    {
      kind: 'list',
      items: outcome.sensitivity.statements.map((s) => ({ content: [s.sentence] })),
    },
    paragraph(
      `Plausible weightings: ${smaa.samples.toLocaleString('en-GB')} weight vectors drawn from a Dirichlet distribution around the adopted weights, its concentration (${points(smaa.concentration)}) fitted to how much the proposals varied (seed ${smaa.seed}); rank acceptability after Lahdelma & Salminen (SMAA-2). The change named is the nearest single weight, moved with the others rescaled in proportion, that takes the item out of the top ${input.topN}.`,
    ),
  )
  return blocks
}

export const frameworkSection: SectionSpec = {
  id: 'framework',
  title: 'Value framework',
  build(ctx) {
    const fw = ctx.record.framework
    if (!fw) return [notRun()]
    const blocks: Block[] =
      fw.method === 'rice'
        ? [
            paragraph(
              'The items were ranked by RICE with a clinical-impact multiplier, a formula rather than weighted criteria.',
            ),
            ...riceBlocks(fw),
          ]
        : weightedBlocks(fw, ctx)
    blocks.push(...moscowBlocks(fw, ctx.record.matrix?.positions ?? {}))
    return blocks.length > 0 ? blocks : [notRun()]
  },
}

/** The weighted criteria: criteria, weights proposed and adopted, scores, ranking, robustness. */
function weightedBlocks(fw: RecordFramework, ctx: SectionContext): Block[] {
  if (!fw.framework) return []
  const criteria = fw.framework.criteria
  const blocks: Block[] = [
    paragraph(
      `${plural(criteria.length, 'criterion', 'criteria')}, each item scored on each criterion’s scale; a cost criterion counts against an item.`,
    ),
    ...criteriaBlocks(criteria, fw.framework.startingWeights),
    ...weightsBlocks(fw, criteria, ctx),
    ...adoptedBlocks(fw, criteria, ctx),
  ]
  const input = frameworkInputFromRecord(fw)
  if (input) {
    blocks.push(
      ...outcomeBlocks(input, ctx, fw.scores.result !== null && fw.scores.result.items.length > 0),
    )
  } else if (fw.adopted) {
    blocks.push(heading('Weighted ranking'), paragraph('The items were not scored.'))
  }
  return blocks
}
