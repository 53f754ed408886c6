// The frameworks a facilitator starts from: the clinical value framework, healthcare
// prioritisation (importance levels turned into stated starting weights), and helpers to share
// 100 points in whole numbers (largest-remainder.ts). RICE and MoSCoW are formulas of their own
// (rice.ts, moscow.ts).
import type { Criterion, Framework, Weights } from '../../schema/framework.js'
import { largestRemainder } from './largest-remainder.js'

export { largestRemainder }

/** How important a criterion is said to be, before anyone proposes weights. */
export type ImportanceLevel = 'critical' | 'high' | 'medium' | 'low'

/** Points per level: a critical criterion counts three times a medium one. */
export const LEVEL_POINTS: Readonly<Record<ImportanceLevel, number>> = {
  critical: 3,
  high: 2,
  medium: 1,
  low: 0.5,
}

/** Starting weights from importance levels: each level's share of 100 points, whole numbers. */
export function weightsFromLevels(
  levels: readonly { readonly id: string; readonly level: ImportanceLevel }[],
): Weights {
  const points = largestRemainder(levels.map((l) => LEVEL_POINTS[l.level]))
  return Object.fromEntries(levels.map((l, i) => [l.id, points[i]!]))
}

/** Equal starting weights (whole points summing to 100). */
export function equalWeights(criteria: readonly Pick<Criterion, 'id'>[]): Weights {
  const points = largestRemainder(criteria.map(() => 1))
  return Object.fromEntries(criteria.map((c, i) => [c.id, points[i]!]))
}

const SCALE = { min: 1, max: 5 } as const

/** Clinical value framework: four benefit criteria scored 1–5, equal starting weights. */
export const CLINICAL_VALUE_CRITERIA: readonly Criterion[] = [
  {
    id: 'clinical-impact',
    name: 'Clinical Impact',
    description: 'Patient safety and outcome',
    direction: 'benefit',
    scale: SCALE,
  },
  {
    id: 'workflow-efficiency',
    name: 'Workflow Efficiency',
    description: 'Time and steps saved for clinical staff',
    direction: 'benefit',
    scale: SCALE,
  },
  {
    id: 'adoption-barrier-reduction',
    name: 'Adoption Barrier Reduction',
    description: 'How much it lowers the barriers to adoption',
    direction: 'benefit',
    scale: SCALE,
  },
  {
    id: 'revenue-enablement',
    name: 'Revenue Enablement',
    description: 'Revenue it makes possible or protects',
    direction: 'benefit',
    scale: SCALE,
  },
]

/** Healthcare prioritisation's criteria with the importance level each starts at. */
export const HEALTHCARE_LEVELS: readonly (Criterion & { readonly level: ImportanceLevel })[] = [
  {
    id: 'patient-safety',
    name: 'Patient Safety',
    direction: 'benefit',
    scale: SCALE,
    level: 'critical',
  },
  {
    id: 'clinical-efficacy',
    name: 'Clinical Efficacy',
    direction: 'benefit',
    scale: SCALE,
    level: 'high',
  },
  {
    id: 'workflow-integration',
    name: 'Workflow Integration',
    direction: 'benefit',
    scale: SCALE,
    level: 'high',
  },
  {
    id: 'regulatory-viability',
    name: 'Regulatory Viability',
    direction: 'benefit',
    scale: SCALE,
    level: 'critical',
  },
  {
    id: 'financial-impact',
    name: 'Financial Impact',
    direction: 'benefit',
    scale: SCALE,
    level: 'medium',
  },
  {
    id: 'user-adoption-risk',
    name: 'User Adoption Risk',
    description: 'A cost: the higher the risk, the lower the item ranks',
    direction: 'cost',
    scale: SCALE,
    level: 'medium',
  },
]

/** A preset as the criteria editor offers it, with the sentence that states its weights. */
export interface FrameworkPreset {
  readonly id: string
  readonly name: string
  readonly framework: Framework
  /** How the starting weights were set, in words. */
  readonly weightsStated: string
}

const strip = ({ level: _level, ...c }: Criterion & { level: ImportanceLevel }): Criterion => c

/** The weighted presets (RICE and MoSCoW are formulas: see rice.ts and moscow.ts). */
export const FRAMEWORK_PRESETS: readonly FrameworkPreset[] = [
  {
    id: 'clinical-value',
    name: 'Clinical value framework',
    framework: {
      preset: 'clinical-value',
      criteria: [...CLINICAL_VALUE_CRITERIA],
      startingWeights: equalWeights(CLINICAL_VALUE_CRITERIA),
    },
    weightsStated: 'Each criterion starts at 25 points of 100.',
  },
  {
    id: 'healthcare-prioritisation',
    name: 'Healthcare prioritisation',
    framework: {
      preset: 'healthcare-prioritisation',
      criteria: HEALTHCARE_LEVELS.map(strip),
      startingWeights: weightsFromLevels(HEALTHCARE_LEVELS),
    },
    weightsStated:
      'Levels become starting weights: critical counts 3, high 2, medium 1, shared as 100 points ' +
      '(Patient Safety 25, Clinical Efficacy 17, Workflow Integration 17, Regulatory Viability 25, ' +
      'Financial Impact 8, User Adoption Risk 8, a cost).',
  },
]

/** The preset with this id, or null. */
export function findPreset(id: string): FrameworkPreset | null {
  return FRAMEWORK_PRESETS.find((p) => p.id === id) ?? null
}
