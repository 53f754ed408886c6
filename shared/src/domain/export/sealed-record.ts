// The sealed 2x2 ratings and criterion scores in the workshop record: each sealed participant's
// counted input under a pseudonym (`R001`…, `S001`…, numbered as the ballots are), kept only when
// they hold the revealed result's counts, so that the round's own aggregate over them
// (`recomputeMatrixResult`, `recomputeScoresResult`) gives every 2x2 figure and every phone score
// in the document back from the JSON alone.
import type { MatrixResults } from '../../schema/matrix.js'
import type { RecordRatingSheet } from '../../schema/record.js'
import type { RecordScoreSheet, RecordFramework } from '../../schema/record-framework.js'
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

/** The matrix aggregate over pseudonymous ratings, with the result's items, groups and seed. */
export function recomputeMatrixResult(
  result: MatrixResults,
  sheets: readonly RecordRatingSheet[],
): MatrixResults {
  return matrixResult({
    settings: result.settings,
    items: result.items.map(({ key, kind, label }) => ({ key, kind, label })),
    raters: sheets.map((s) => ({ id: s.rater, group: s.group, ratings: s.ratings })),
    groups: result.groups.map(({ id, name }) => ({ id, name })),
    revealedAt: result.revealedAt,
    bootstrap: result.bootstrap,
  })
}

/** The scores round's aggregate over pseudonymous scores, on the result's items and criteria. */
export function recomputeScoresResult(
  result: ScoresResult,
  sheets: readonly RecordScoreSheet[],
): ScoresResult {
  return aggregateScores({
    table: result,
    inputs: sheets.map((s) => ({ group: s.group, input: s.scores })),
    groups: result.groups.map((g) => ({ id: g.group })),
    revealedAt: result.revealedAt,
  })
}

/**
 * The sealed ratings under pseudonyms, clamped again as the reveal clamped them (on the result's
 * items and each group's axes); null when they do not hold the revealed result's counts.
 */
export function recordRatingSheets(
  result: MatrixResults,
  sealed: readonly SealedRatings[],
): RecordRatingSheet[] | null {
  const items = result.items.map(({ key, kind, label }) => ({ key, kind, label }))
  const counted = sealed.map((s) => {
    const ratings = clampRatings(s.ratings, items, axesFor(result.settings.axes, s.group))
    const key = JSON.stringify(items.map((i) => ratings[i.key] ?? null))
    return { group: s.group, ratings, key }
  })
  const list = pseudonymous(
    counted,
    'R',
    result.groups.map((g) => g.id),
  ).map((s) => ({ rater: s.pseudonym, group: s.group, ratings: s.ratings }))
  return ratingsMatchCounts(result, list) ? list : null
}

/**
 * Whether the sheets hold the revealed result's counts: raters in all and per group, entries
 * and skips per item. A cheap check that the seal is the one revealed (a seal from a later
 * round fails it); a full recompute on every export costs the whole bootstrap again (about
 * 0.6 s of CPU with the scores for a 200-participant workshop), so the recompute test and the
 * server test do that instead.
 */
export function ratingsMatchCounts(
  result: MatrixResults,
  sheets: readonly RecordRatingSheet[],
): boolean {
  const took = sheets.filter((s) => Object.keys(s.ratings).length > 0)
  if (took.length !== result.raters) return false
  for (const g of result.groups) {
    if (took.filter((s) => s.group === g.id).length !== g.raters) return false
  }
  if (took.some((s) => !result.groups.some((g) => g.id === s.group))) return false
  return result.items.every((item) => {
    let n = 0
    let skipped = 0
    for (const s of sheets) {
      const entry = Object.hasOwn(s.ratings, item.key) ? s.ratings[item.key] : undefined
      if (!entry) continue
      n++
      if (entry.skip === true) skipped++
    }
    return n === item.n && skipped === item.skipped
  })
}

/**
 * The sealed scores under pseudonyms: finite numbers on the result's items and criteria only
 * (the server clamped them against the sealed scales); null when they do not hold the revealed
 * result's counts.
 */
export function recordScoreSheets(
  result: ScoresResult,
  sealed: readonly SealedScores[],
): RecordScoreSheet[] | null {
  const counted = sealed.map((s) => {
    const scores = cleanScores(s.scores, result)
    return { group: s.group, scores, key: JSON.stringify(scores) }
  })
  const list = pseudonymous(
    counted,
    'S',
    result.groups.map((g) => g.group),
  ).map((s) => ({ scorer: s.pseudonym, group: s.group, scores: s.scores }))
  return scoresMatchCounts(result, list) ? list : null
}

/**
 * Whether the sheets hold the revealed result's counts: scorers in all and per group, and how
 * many scored each cell (see `ratingsMatchCounts` for why not a full recompute).
 */
export function scoresMatchCounts(
  result: ScoresResult,
  sheets: readonly RecordScoreSheet[],
): boolean {
  const took = sheets.filter((s) =>
    Object.values(s.scores).some((row) => Object.keys(row).length > 0),
  )
  if (took.length !== result.raters) return false
  const perGroup = new Map<string, number>()
  for (const s of took) perGroup.set(s.group, (perGroup.get(s.group) ?? 0) + 1)
  if (perGroup.size !== result.groups.length) return false
  if (result.groups.some((g) => perGroup.get(g.group) !== g.raters)) return false
  return result.items.every((item) =>
    result.criteria.every((c) => {
      let n = 0
      for (const s of took) if (s.scores[item.key]?.[c.id] !== undefined) n++
      return n === result.cells[item.key]?.[c.id]?.n
    }),
  )
}

function cleanScores(raw: unknown, result: ScoresResult): CriterionScores {
  if (typeof raw !== 'object' || raw === null) return {}
  const rec = raw as Record<string, unknown>
  const out: CriterionScores = {}
  for (const { key } of result.items) {
    const row = Object.hasOwn(rec, key) ? rec[key] : undefined
    if (typeof row !== 'object' || row === null) continue
    const kept: Record<string, number> = {}
    for (const { id } of result.criteria) {
      const v = Object.hasOwn(row, id) ? (row as Record<string, unknown>)[id] : undefined
      if (typeof v === 'number' && Number.isFinite(v)) kept[id] = v
    }
    if (Object.keys(kept).length > 0) out[key] = kept
  }
  return out
}
