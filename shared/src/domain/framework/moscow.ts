// MoSCoW as an optional step: items sorted into Must, Should, Could and Won't, with the effort in
// each, and the DSDM rule of thumb that Musts take no more than about 60 % of the effort — past
// that, there is no contingency left and the plan is fragile.
export const MOSCOW_CATEGORIES = ['must', 'should', 'could', 'wont'] as const
export type MoscowCategory = (typeof MOSCOW_CATEGORIES)[number]

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
