// The 2x2's screen arithmetic, pure: the keyboard's steps and a drag's pixels turned into
// rating units, positions and spreads in words, the reveal's rows under a weighting, and the
// items grouped by quadrant for the lists phones and screen readers read.
import {
  describeSplit,
  quadrantOf,
  QUADRANTS,
  weightedImpactPoint,
  RATING_MAX,
  RATING_MIN,
  type AxisSummary,
  type CandidateItem,
  type MatrixItemResult,
  type MatrixLabels,
  type MatrixPoint,
  type MatrixResults,
  type MatrixWeighting,
  type Quadrant,
} from '@triage/shared'

/** One arrow key press moves an item this far (rating units); with Shift, `BIG_STEP`. */
export const STEP = 0.5
export const BIG_STEP = 2
/** Where an item not yet on the matrix starts when it is picked up by keyboard. */
export const CENTRE: MatrixPoint = { impact: 5, effort: 5 }

const clamp = (v: number) => Math.min(RATING_MAX, Math.max(RATING_MIN, v))
/** Kept to a tenth, so that positions read the same on every device. */
const tenth = (v: number) => Math.round(v * 10) / 10

/** A point on the scale, to a tenth. */
export function roundPoint(point: MatrixPoint): MatrixPoint {
  return { impact: clamp(tenth(point.impact)), effort: clamp(tenth(point.effort)) }
}

/**
 * Where an arrow key takes a point: up raises impact, right raises effort (as drawn), by
 * `STEP`, or `BIG_STEP` with Shift; kept on the scale. Null for any other key.
 */
export function stepPoint(point: MatrixPoint, key: string, shift = false): MatrixPoint | null {
  const d = shift ? BIG_STEP : STEP
  const moves: Record<string, [number, number]> = {
    ArrowUp: [d, 0],
    ArrowDown: [-d, 0],
    ArrowRight: [0, d],
    ArrowLeft: [0, -d],
  }
  const move = moves[key]
  if (!move) return null
  return roundPoint({ impact: point.impact + move[0], effort: point.effort + move[1] })
}

/** A box on the screen, as getBoundingClientRect gives it. */
export interface Box {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/**
 * The point under screen position (`x`, `y`) on a plot drawn in `plot`, which spans the whole
 * scale (screen y runs down, impact up), to a tenth; null outside the plot.
 */
export function pointAt(x: number, y: number, plot: Box): MatrixPoint | null {
  const fx = (x - plot.left) / Math.max(1, plot.width)
  const fy = (y - plot.top) / Math.max(1, plot.height)
  if (fx < 0 || fx > 1 || fy < 0 || fy > 1) return null
  const span = RATING_MAX - RATING_MIN
  return roundPoint({ impact: RATING_MAX - fy * span, effort: RATING_MIN + fx * span })
}

/** A rating as text: whole numbers plain, else one decimal ("6.5"). */
export function formatRating(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(1)
}

/** "impact 7, effort 3.5, in Quick wins" */
export function pointWords(point: MatrixPoint, labels: MatrixLabels): string {
  const q = labels.quadrants[quadrantOf(point)]
  return `${labels.axes.impact} ${formatRating(point.impact)}, ${labels.axes.effort} ${formatRating(point.effort)}, in ${q}`
}

/** "7 (6–8)": the median and the interquartile range; "no ratings" without any. */
export function summaryWords(summary: AxisSummary | null): string {
  if (!summary) return 'no ratings'
  return `${formatRating(summary.median)} (${formatRating(summary.q1)}–${formatRating(summary.q3)})`
}

/** A share 0–1 as a whole percentage. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`
}

/** One group's own medians of an item, in words. */
export interface GroupLine {
  readonly group: string
  readonly name: string
  readonly n: number
  readonly impact: AxisSummary | null
  readonly effort: AxisSummary | null
  readonly quadrant: Quadrant | null
  /** "Surgeons (2): impact 7 (6.5–7.5), effort 2.5 (2.3–2.8), Quick wins" */
  readonly words: string
}

/** One item of the reveal under a weighting, with everything the views show of it. */
export interface RevealRow {
  readonly key: string
  readonly label: string
  readonly n: number
  readonly skipped: number
  readonly impact: AxisSummary | null
  readonly effort: AxisSummary | null
  readonly quadrant: Quadrant | null
  readonly stability: number | null
  /** The plain-words reason when split, else null. */
  readonly split: string | null
  readonly groups: readonly GroupLine[]
}

/** The reveal's rows under `weighting`, in the round's order of items. */
export function revealRows(
  result: MatrixResults,
  weighting: MatrixWeighting,
  labels: MatrixLabels,
): RevealRow[] {
  const names = new Map(result.groups.map((g) => [g.id, g.name]))
  const groupName = (id: string) => names.get(id) ?? id
  return result.items.map((item: MatrixItemResult) => {
    const place = item[weighting]
    const groups = result.groups.flatMap((g) => {
      const own = Object.hasOwn(item.byGroup, g.id) ? item.byGroup[g.id] : undefined
      if (!own) return []
      const where = own.quadrant ? `, ${labels.quadrants[own.quadrant]}` : ''
      return [
        {
          group: g.id,
          name: g.name,
          ...own,
          words: `${g.name} (${own.n}): ${labels.axes.impact} ${summaryWords(own.impact)}, ${labels.axes.effort} ${summaryWords(own.effort)}${where}`,
        },
      ]
    })
    return {
      key: item.key,
      label: item.label,
      n: item.n,
      skipped: item.skipped,
      impact: place.impact,
      effort: place.effort,
      quadrant: place.quadrant,
      stability: place.stability,
      split: item.split
        ? describeSplit(item.split, {
            groupName,
            axisNames: labels.axes,
            quadrantLabels: labels.quadrants,
          })
        : null,
      groups,
    }
  })
}

/** A row's median point, or null unless both axes have ratings. */
export function medianPoint(row: Pick<RevealRow, 'impact' | 'effort'>): MatrixPoint | null {
  return row.impact && row.effort ? { impact: row.impact.median, effort: row.effort.median } : null
}

/** Items in one quadrant (or not placed), for the lists. */
export interface QuadrantList<T> {
  readonly quadrant: Quadrant | null
  readonly items: readonly T[]
}

/**
 * Items grouped by the quadrant `where` gives them, in the quadrants' order (quick wins first),
 * then those with no place; empty groups left out; items keep their order within a group.
 */
export function byQuadrant<T>(
  items: readonly T[],
  where: (item: T) => Quadrant | null,
): QuadrantList<T>[] {
  const order: (Quadrant | null)[] = [...QUADRANTS, null]
  return order.flatMap((quadrant) => {
    const inIt = items.filter((i) => where(i) === quadrant)
    return inIt.length > 0 ? [{ quadrant, items: inIt }] : []
  })
}

/** The items the placement board shows: the round's items, in order, with their positions. */
export function placedItems(
  items: readonly CandidateItem[],
  positions: Readonly<Record<string, MatrixPoint>>,
): { item: CandidateItem; point: MatrixPoint | null }[] {
  return items.map((item) => ({
    item,
    point: Object.hasOwn(positions, item.key) ? positions[item.key]! : null,
  }))
}

/**
 * The placement with impact from the weighted benefit scores: a placed item with a score moves
 * to it (its effort stays); one without keeps its place and is `unscored`, as is an item in the
 * tray without a score.
 */
export function withWeightedImpact<T extends { item: CandidateItem; point: MatrixPoint | null }>(
  entries: readonly T[],
  weighted: Readonly<Record<string, number>>,
): (T & { unscored: boolean })[] {
  return entries.map((e) => {
    const score = Object.hasOwn(weighted, e.item.key) ? weighted[e.item.key] : undefined
    if (!e.point) return { ...e, unscored: score === undefined }
    const { point, fromScore } = weightedImpactPoint(e.point, score)
    return { ...e, point, unscored: !fromScore }
  })
}

/** "Dana: 7 of 10 rated" — a count, never a value. */
export function ratedLine(name: string, done: number, of: number): string {
  return of === 0 ? `${name}: rates no axis` : `${name}: ${done} of ${of} rated`
}

/** A label cut to `max` characters with an ellipsis, for inside the chart (the full one is named). */
export function shortLabel(label: string, max: number): string {
  const chars = [...label]
  return chars.length <= max ? label : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`
}
