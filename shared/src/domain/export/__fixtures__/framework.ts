// The fixture workshop's value framework: the clinical value preset, seven proposals revealed
// (aggregated by the weights round itself), weights adopted with every group counting equally,
// and the facilitator's consensus scores for the top three items of the vote, with first place
// as the top; and the MoSCoW step on the same three, its effort from the 2x2 (Musts 2.5 + 7 of
// 11.5 planned: 83 %, past the 60 % rule).
import { DEFAULT_SENSITIVITY_SEED } from '../../framework/outcome.js'
import { FRAMEWORK_PRESETS } from '../../framework/presets.js'
import { clampProposal } from '../../framework/proposals.js'
import { weightProposals } from '../../rounds/weight-proposals.js'
import type { RecordFramework } from '../../../schema/record-framework.js'
import type { WorkshopSettings } from '../../../schema/workshop.js'

/** Points per person over Clinical Impact, Workflow Efficiency, Adoption, Revenue. */
const PROPOSALS: Record<string, readonly number[]> = {
  p1: [50, 20, 20, 10],
  p2: [40, 30, 20, 10],
  p3: [60, 20, 10, 10],
  p4: [30, 40, 20, 10],
  p5: [20, 40, 30, 10],
  p6: [20, 20, 20, 40],
  p7: [10, 30, 20, 40],
}

/** Scores 1–5 per item (in the order given) on the four criteria. */
const SCORES: readonly (readonly number[])[] = [
  [5, 3, 4, 2],
  [3, 5, 3, 4],
  [2, 2, 5, 5],
]

export function fixtureFramework(
  settings: WorkshopSettings,
  people: readonly (readonly [string, string, string])[],
  items: readonly { key: string; label: string }[],
  at: number,
): RecordFramework {
  const framework = FRAMEWORK_PRESETS.find((p) => p.id === 'clinical-value')!.framework
  const ids = framework.criteria.map((c) => c.id)
  const result = weightProposals.aggregate({
    settings: {},
    context: { criteria: framework.criteria },
    inputs: people.map(([id, name, group]) => ({
      participant: { id, name, group },
      input: clampProposal(Object.fromEntries(ids.map((c, i) => [c, PROPOSALS[id]![i]!])), ids),
    })),
    groups: settings.groups,
    revealedAt: at,
  })
  const top = items.slice(0, 3)
  return {
    framework,
    weights: { status: 'revealed', result },
    adopted: {
      weights: {
        'clinical-impact': 36,
        'workflow-efficiency': 27,
        'adoption-barrier-reduction': 20,
        'revenue-enablement': 17,
      },
      basis: 'groups',
      at: at + 120_000,
      proposals: result.n,
      consensus: result.consensus,
    },
    consensusScores: {
      items: top.map(({ key, label }) => ({ key, label })),
      scores: Object.fromEntries(
        top.map((item, i) => [
          item.key,
          Object.fromEntries(ids.map((c, j) => [c, SCORES[i]![j]!])),
        ]),
      ),
      topN: 1,
    },
    scores: { status: 'setup', result: null },
    sensitivity: { seed: DEFAULT_SENSITIVITY_SEED, samples: 2_000 },
    method: 'weighted',
    moscow: {
      items: top.map(({ key, label }) => ({ key, label })),
      effortFrom: 'matrix',
      tags: Object.fromEntries(
        top.map((item, i) => [item.key, { category: i < 2 ? 'must' : 'could' }] as const),
      ),
    },
  }
}
