// The sealed 2x2 ratings and criterion scores in the workshop record: each sealed participant's
// counted input under a pseudonym (`R001`…, `S001`…, numbered as the ballots are), in columns
// (schema/record-sheets.ts), kept only when they hold the revealed result's counts, so that the
// round's own aggregate over them (`recomputeMatrixResult`, `recomputeScoresResult`) gives every
// 2x2 figure and every phone score in the document back from the JSON alone.
import { FRAMEWORK_LIMITS } from '../../schema/framework.js'
import {
  MATRIX_AXES,
  RATING_MAX,
  RATING_MIN,
  type MatrixRatings,
  type MatrixResults,
  type RatingEntry,
} from '../../schema/matrix.js'
import type { RecordFramework } from '../../schema/record-framework.js'
import type {
  NumberRow,
  RecordRatingSheets,
  RecordScoreSheets,
} from '../../schema/record-sheets.js'
import { axesFor, clampRatings } from '../matrix/ratings.js'
import { aggregateScores, type CriterionScores } from '../rounds/criterion-scores.js'
import { matrixResult } from '../rounds/matrix-ratings.js'
import { pseudonymous } from './pseudonyms.js'

/** One sealed participant's 2x2 ratings, as the server's sealed store holds them (any content). */
export interface SealedRatings {
  readonly group: string
  readonly ratings: unknown
}

/**
 * One sealed participant's criterion scores, clamped against the sealed context (the scales)
 * as the reveal clamped them; anything else in it is dropped or fails the recompute.
 */
export interface SealedScores {
  readonly group: string
  readonly scores: unknown
}

type ScoresResult = NonNullable<RecordFramework['scores']['result']>

/**
 * Each rating sheet as the matrix aggregate takes it: item key → entry, axes in the order the
 * clamp writes them, a skip on its own; items neither rated nor skipped have no entry.
 */
export function ratingSheetInputs(
  sheets: RecordRatingSheets,
): { rater: string; group: string; ratings: MatrixRatings }[] {
  const axes = MATRIX_AXES.length
  return sheets.rows.map((row) => {
    const skipped = new Set(row.skipped)
    const entries: [string, RatingEntry][] = []
    sheets.items.forEach((key, i) => {
      if (skipped.has(i)) return void entries.push([key, { skip: true }])
      const entry: { impact?: number; effort?: number } = {}
      MATRIX_AXES.forEach((axis, a) => {
        const v = row.ratings[i * axes + a]
        if (typeof v === 'number') entry[axis] = v
      })
      if (Object.keys(entry).length > 0) entries.push([key, entry])
    })
    // fromEntries defines own properties: a key such as `__proto__` stays data.
    return { rater: row.rater, group: row.group, ratings: Object.fromEntries(entries) }
  })
}

/**
 * Each score sheet as the scores aggregate takes it: item key → criterion id → score, in the
 * columns' order (the clamp's), cells not scored and items with none left out.
 */
export function scoreSheetInputs(
  sheets: RecordScoreSheets,
): { scorer: string; group: string; scores: CriterionScores }[] {
  const width = sheets.criteria.length
  return sheets.rows.map((row) => {
    const out: [string, Record<string, number>][] = []
    sheets.items.forEach((key, i) => {
      const kept: [string, number][] = []
      sheets.criteria.forEach((id, c) => {
        const v = row.scores[i * width + c]
        if (typeof v === 'number') kept.push([id, v])
      })
      if (kept.length > 0) out.push([key, Object.fromEntries(kept)])
    })
    return { scorer: row.scorer, group: row.group, scores: Object.fromEntries(out) }
  })
}

/** The matrix aggregate over pseudonymous ratings, with the result's items, groups and seed. */
export function recomputeMatrixResult(
  result: MatrixResults,
  sheets: RecordRatingSheets,
): MatrixResults {
  return matrixResult({
    settings: result.settings,
    items: result.items.map(({ key, kind, label }) => ({ key, kind, label })),
    raters: ratingSheetInputs(sheets).map((s) => ({
      id: s.rater,
      group: s.group,
      ratings: s.ratings,
    })),
    groups: result.groups.map(({ id, name }) => ({ id, name })),
    revealedAt: result.revealedAt,
    bootstrap: result.bootstrap,
  })
}

/** The scores round's aggregate over pseudonymous scores, on the result's items and criteria. */
export function recomputeScoresResult(
  result: ScoresResult,
  sheets: RecordScoreSheets,
): ScoresResult {
  return aggregateScores({
    table: result,
    inputs: scoreSheetInputs(sheets).map((s) => ({ group: s.group, input: s.scores })),
    groups: result.groups.map((g) => ({ id: g.group })),
    revealedAt: result.revealedAt,
  })
}

/**
 * The sealed ratings under pseudonyms, in columns: clamped again as the reveal clamped them (on
 * the result's items and each group's axes); null when they do not hold the revealed result's
 * counts.
 */
export function recordRatingSheets(
  result: MatrixResults,
  sealed: readonly SealedRatings[],
): RecordRatingSheets | null {
  const items = result.items.map(({ key, kind, label }) => ({ key, kind, label }))
  const axes = MATRIX_AXES.length
  const counted = sealed.map((s) => {
    const clamped = clampRatings(s.ratings, items, axesFor(result.settings.axes, s.group))
    const ratings: NumberRow = new Array<number | null>(items.length * axes).fill(null)
    const skipped: number[] = []
    items.forEach(({ key }, i) => {
      const entry = Object.hasOwn(clamped, key) ? clamped[key] : undefined
      if (!entry) return
      if (entry.skip === true) return void skipped.push(i)
      MATRIX_AXES.forEach((axis, a) => {
        const v = entry[axis]
        if (v !== undefined && Number.isInteger(v) && v >= RATING_MIN && v <= RATING_MAX) {
          ratings[i * axes + a] = v
        }
      })
    })
    return { group: s.group, ratings, skipped, key: JSON.stringify([ratings, skipped]) }
  })
  const rows = pseudonymous(
    counted,
    'R',
    result.groups.map((g) => g.id),
  ).map((s) => ({ rater: s.pseudonym, group: s.group, ratings: s.ratings, skipped: s.skipped }))
  const sheets: RecordRatingSheets = {
    items: items.map((i) => i.key),
    axes: [...MATRIX_AXES],
    rows,
  }
  return ratingsMatchCounts(result, sheets) ? sheets : null
}

/**
 * Whether the sheets hold the revealed result's counts: raters in all and per group, entries
 * and skips per item. A cheap check that the seal is the one revealed (a seal from a later
 * round fails it); a full recompute on every export costs the whole bootstrap again (about
 * 0.6 s of CPU with the scores for a 200-participant workshop), so the recompute test and the
 * server test do that instead.
 */
export function ratingsMatchCounts(result: MatrixResults, sheets: RecordRatingSheets): boolean {
  const axes = MATRIX_AXES.length
  const column = new Map(sheets.items.map((key, i) => [key, i]))
  if (!result.items.every((item) => column.has(item.key))) return false
  const n = new Array<number>(sheets.items.length).fill(0)
  const skipped = new Array<number>(sheets.items.length).fill(0)
  const perGroup = new Map<string, number>()
  let took = 0
  for (const row of sheets.rows) {
    let entries = 0
    for (const i of row.skipped) {
      skipped[i]!++
      n[i]!++
      entries++
    }
    for (let i = 0; i < sheets.items.length; i++) {
      let rated = false
      for (let a = 0; a < axes; a++) if (row.ratings[i * axes + a] !== null) rated = true
      if (rated) {
        n[i]!++
        entries++
      }
    }
    if (entries === 0) continue
    took++
    perGroup.set(row.group, (perGroup.get(row.group) ?? 0) + 1)
  }
  if (took !== result.raters) return false
  for (const g of result.groups) if ((perGroup.get(g.id) ?? 0) !== g.raters) return false
  if ([...perGroup.keys()].some((g) => !result.groups.some((x) => x.id === g))) return false
  return result.items.every((item) => {
    const i = column.get(item.key)!
    return n[i] === item.n && skipped[i] === item.skipped
  })
}

/**
 * The sealed scores under pseudonyms, in columns: whole numbers on the result's items and
 * criteria only (the server clamped them against the sealed scales); null when they do not hold
 * the revealed result's counts.
 */
export function recordScoreSheets(
  result: ScoresResult,
  sealed: readonly SealedScores[],
): RecordScoreSheets | null {
  const items = result.items.map((i) => i.key)
  const criteria = result.criteria.map((c) => c.id)
  const counted = sealed.map((s) => {
    const scores = scoreRow(s.scores, items, criteria)
    return { group: s.group, scores, key: JSON.stringify(scores) }
  })
  const rows = pseudonymous(
    counted,
    'S',
    result.groups.map((g) => g.group),
  ).map((s) => ({ scorer: s.pseudonym, group: s.group, scores: s.scores }))
  const sheets: RecordScoreSheets = { items, criteria, rows }
  return scoresMatchCounts(result, sheets) ? sheets : null
}

/**
 * Whether the sheets hold the revealed result's counts: scorers in all and per group, and how
 * many scored each cell (see `ratingsMatchCounts` for why not a full recompute).
 */
export function scoresMatchCounts(result: ScoresResult, sheets: RecordScoreSheets): boolean {
  const width = sheets.criteria.length
  const cells = sheets.items.length * width
  const n = new Array<number>(cells).fill(0)
  const perGroup = new Map<string, number>()
  let took = 0
  for (const row of sheets.rows) {
    let scored = false
    for (let k = 0; k < cells; k++) {
      if (row.scores[k] === null) continue
      n[k]!++
      scored = true
    }
    if (!scored) continue
    took++
    perGroup.set(row.group, (perGroup.get(row.group) ?? 0) + 1)
  }
  if (took !== result.raters) return false
  if (perGroup.size !== result.groups.length) return false
  if (result.groups.some((g) => perGroup.get(g.group) !== g.raters)) return false
  const itemAt = new Map(sheets.items.map((key, i) => [key, i]))
  const criterionAt = new Map(sheets.criteria.map((id, c) => [id, c]))
  return result.items.every((item) =>
    result.criteria.every((c) => {
      const i = itemAt.get(item.key)
      const j = criterionAt.get(c.id)
      const counted = i === undefined || j === undefined ? 0 : n[i * width + j]
      return counted === result.cells[item.key]?.[c.id]?.n
    }),
  )
}

/**
 * One participant's scores as a row over `items` × `criteria`: whole numbers within the widest
 * scale a criterion may have (the server clamped them to each criterion's own), null elsewhere.
 */
function scoreRow(raw: unknown, items: readonly string[], criteria: readonly string[]): NumberRow {
  const width = criteria.length
  const row: NumberRow = new Array<number | null>(items.length * width).fill(null)
  if (typeof raw !== 'object' || raw === null) return row
  const rec = raw as Record<string, unknown>
  const span = FRAMEWORK_LIMITS.scaleSpan
  for (let i = 0; i < items.length; i++) {
    const key = items[i]!
    const scores = Object.hasOwn(rec, key) ? rec[key] : undefined
    if (typeof scores !== 'object' || scores === null) continue
    const cells = scores as Record<string, unknown>
    for (let c = 0; c < width; c++) {
      const id = criteria[c]!
      const v = Object.hasOwn(cells, id) ? cells[id] : undefined
      if (typeof v === 'number' && Number.isInteger(v) && v >= -span && v <= span) {
        row[i * width + c] = v
      }
    }
  }
  return row
}
