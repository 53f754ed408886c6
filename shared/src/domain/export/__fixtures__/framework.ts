// The fixture workshop's value framework: the clinical value preset, seven proposals revealed
// (aggregated by the weights round itself), weights adopted with every group counting equally,
// and the facilitator's consensus scores for the top three items of the vote, with first place
// as the top; and the MoSCoW step on the same three, its effort from the 2x2 (Musts 2.5 + 7 of
// 11.5 planned: 83 %, past the 60 % rule).
import { DEFAULT_SENSITIVITY_SEED } from '../../framework/outcome.js'
import { FRAMEWORK_PRESETS } from '../../framework/presets.js'
import { clampProposal } from '../../framework/proposals.js'
import { weightProposals } from '../../rounds/weight-proposals.js'
import { criterionScores, DEFAULT_SCORES_SETTINGS } from '../../rounds/criterion-scores.js'
import type { CandidateItem } from '../../../schema/items.js'
import type { SealedScores } from '../sealed-record.js'
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

/**
 * Each person's phone scores: the consensus score plus their offset on each criterion, kept on
 * the 1–5 scale. p3 scored the first item only; p7 also sent an off-scale 9 and a text, which
 * the clamp drops.
 */
const OFFSETS: Record<string, readonly number[]> = {
  p1: [0, 0, 1, -1],
  p2: [1, -1, 0, 0],
  p3: [0, 1, 0, 0],
  p4: [-1, 1, 0, 1],
  p5: [-1, 0, 0, 1],
  p6: [0, 0, -1, 1],
  p7: [-1, 0, 1, 0],
}

function phoneScores(person: string, keys: readonly string[], ids: readonly string[]) {
  const scores: Record<string, Record<string, unknown>> = {}
  keys.forEach((key, i) => {
    if (person === 'p3' && i > 0) return
    scores[key] = Object.fromEntries(
      ids.map((c, j) => [c, Math.min(5, Math.max(1, SCORES[i]![j]! + OFFSETS[person]![j]!))]),
    )
  })
  if (person === 'p7') scores[keys[0]!] = { ...scores[keys[0]!], [ids[0]!]: 9, [ids[1]!]: 'x' }
  return scores
}

export function fixtureFramework(
  settings: WorkshopSettings,
  people: readonly (readonly [string, string, string])[],
  items: readonly CandidateItem[],
  at: number,
): { record: RecordFramework; sealed: SealedScores[] } {
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
  // The scores round on the same three items, revealed as the server reveals: each sealed input
  // clamped against the context, then the round's aggregate.
  const sealed = people.map(([id, name, group]) => ({
    participant: { id, name, group },
    scores: phoneScores(
      id,
      top.map((i) => i.key),
      ids,
    ),
  }))
  const context = {
    settings: { ...DEFAULT_SCORES_SETTINGS, select: 'top' as const, top: 3 },
    criteria: framework.criteria,
    items: top.map(({ key, kind, label }) => ({ key, kind, label })),
    votesRevealed: true,
  }
  const scores = criterionScores.aggregate({
    settings: context.settings,
    context,
    inputs: sealed.map(({ participant, scores }) => ({
      participant,
      input: criterionScores.clamp(scores, context, participant),
    })),
    groups: settings.groups,
    revealedAt: at + 180_000,
  })
  const record: RecordFramework = {
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
    scores: { status: 'revealed', result: scores },
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
  return {
    record,
    // As the server reads them from the seal: clamped against the sealed context.
    sealed: sealed.map(({ participant, scores }) => ({
      group: participant.group,
      scores: criterionScores.clamp(scores, context, participant),
    })),
  }
}
