// MoSCoW as an optional step: items sorted into Must, Should, Could and Won't, with the effort in
// each, and the DSDM rule of thumb that Musts take no more than about 60 % of the effort — past
// that, there is no contingency left and the plan is fragile.
import type { MatrixPoint } from '../../schema/matrix.js'
import type { MoscowCategory, MoscowPlan } from '../../schema/moscow.js'

/** The share of the estimated effort Musts may take before the warning (DSDM: about 60 %). */
export const MUST_EFFORT_LIMIT = 0.6

export interface MoscowItem {
  readonly key: string
  readonly category: MoscowCategory
  /** Estimated effort in any one unit; missing, negative or non-finite counts as 0. */
  readonly effort: number
}

export interface MoscowSummary {
  /** Effort per category, Won't included (it is not planned, so it is left out of the share). */
  readonly effort: Readonly<Record<MoscowCategory, number>>
  readonly count: Readonly<Record<MoscowCategory, number>>
  /** Must effort over the planned effort (Must + Should + Could), or null when that is 0. */
  readonly mustShare: number | null
  /** Whether Musts exceed `MUST_EFFORT_LIMIT` of the planned effort. */
  readonly warning: boolean
  /** The warning in words, or null. */
  readonly message: string | null
}

const zero = (): Record<MoscowCategory, number> => ({ must: 0, should: 0, could: 0, wont: 0 })

/** The effort per category and the warning when Musts exceed 60 % of the planned effort. */
export function moscowSummary(items: readonly MoscowItem[]): MoscowSummary {
  const effort = zero()
  const count = zero()
  for (const item of items) {
    const e = Number.isFinite(item.effort) && item.effort > 0 ? item.effort : 0
    effort[item.category] += e
    count[item.category]++
  }
  const planned = effort.must + effort.should + effort.could
  const mustShare = planned > 0 ? effort.must / planned : null
  const warning = mustShare !== null && mustShare > MUST_EFFORT_LIMIT
  return {
    effort,
    count,
    mustShare,
    warning,
    message: warning
      ? `Musts take ${Math.round(mustShare * 100)} % of the planned effort, more than about 60 %: little room is left if estimates slip`
      : null,
  }
}

/** The plan's tagged items with their effort, and the tagged items that have none. */
export interface MoscowPlanItems {
  readonly items: MoscowItem[]
  /** Keys of tagged items without an effort (not typed in, or not placed on the 2x2). */
  readonly withoutEffort: string[]
}

/**
 * The tagged items of a MoSCoW plan, in the plan's order, each with its effort: as typed in, or
 * (when the plan says so) the item's effort on the 2x2 (1–9), from `positions` by item key.
 * One source for every item, so efforts in different units are never added up.
 */
export function moscowPlanItems(
  plan: MoscowPlan,
  positions: Readonly<Record<string, MatrixPoint>>,
): MoscowPlanItems {
  const items: MoscowItem[] = []
  const withoutEffort: string[] = []
  for (const { key } of plan.items) {
    if (!Object.hasOwn(plan.tags, key)) continue
    const tag = plan.tags[key]!
    const effort =
      plan.effortFrom === 'matrix'
        ? Object.hasOwn(positions, key)
          ? positions[key]!.effort
          : undefined
        : tag.effort
    if (effort === undefined) withoutEffort.push(key)
    items.push({ key, category: tag.category, effort: effort ?? 0 })
  }
  return { items, withoutEffort }
}
