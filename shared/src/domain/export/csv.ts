// The ranked items as CSV for a spreadsheet: one row per item on the ballot (or, before a vote,
// per option on the board), votes in total and per stakeholder group. Written by csv-stringify
// with formula escaping: a cell starting with = + - @ tab or carriage return (and their
// full-width forms) gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
import { stringify } from 'csv-stringify/sync'
import type { WorkshopRecord } from '../../schema/record.js'
import { itemKey, type ItemResult } from '../../schema/voting.js'
import { voteItems } from '../items.js'
import { quadrantOf } from '../matrix/quadrant.js'
import { moscowPlanItems } from '../framework/moscow.js'
import { riceRankingOf } from '../framework/rice.js'
import { weightedRanking } from '../framework/scores.js'
import { MOSCOW_LABELS } from '../../schema/moscow.js'
import { rankedItems } from '../tally.js'
import { clusterLabel, ideaFigures, recordBoard } from './figures.js'
import { percent } from './format.js'
import { frameworkInputFromRecord } from './sections/framework.js'
import { KIND_LABEL } from './sections/votes.js'

/** One row's subject: an item, its vote result (when revealed) and where it sits on the board. */
export interface CsvItem {
  readonly key: string
  readonly kind: 'cluster' | 'idea'
  readonly label: string
  readonly result: ItemResult | null
  /** Ideas it stands for, merged duplicates included (null: it has left the board since). */
  readonly ideas: number | null
  /** An idea's cluster (empty for a cluster, or an idea in none). */
  readonly cluster: string
}

/** A column: later phases (matrix position, score, decision) add theirs to `csvColumns`. */
export interface CsvColumn {
  readonly header: string
  value(item: CsvItem): string | number
}

/** The columns, in order, for this record. */
export function csvColumns(record: WorkshopRecord): CsvColumn[] {
  const results = record.voting.results
  const groups = results?.groups ?? record.workshop.groups.map((g) => ({ id: g.id, name: g.name }))
  const decided = new Set(record.decisions?.list.map((d) => d.item))
  const vote = (f: (r: ItemResult) => string | number) => (item: CsvItem) =>
    item.result ? f(item.result) : ''
  return [
    { header: 'Rank', value: vote((r) => r.rank) },
    { header: 'Item', value: (i) => i.label },
    { header: 'Kind', value: (i) => KIND_LABEL[i.kind] },
    { header: 'Cluster', value: (i) => i.cluster },
    { header: 'Ideas', value: (i) => i.ideas ?? '' },
    { header: 'Dots', value: vote((r) => r.total) },
    ...groups.map((g): CsvColumn => ({
      header: `Dots: ${g.name}`,
      value: vote((r) => r.byGroup[g.id] ?? 0),
    })),
    {
      header: 'Normalised share (%)',
      value: vote((r) => Number(percent(r.normalized).slice(0, -1))),
    },
    { header: 'Normalised rank', value: vote((r) => r.normalizedRank) },
    ...matrixColumns(record),
    ...weightedColumns(record),
    ...riceColumns(record),
    ...moscowColumns(record),
    { header: 'Decision', value: (i) => (decided.has(i.key) ? 'Decided' : '') },
  ]
}

/**
 * The 2x2's group placement (as placed or adopted), when the workshop used the matrix: impact
 * and effort on the 1–9 scale and the quadrant by its label on the matrix.
 */
function matrixColumns(record: WorkshopRecord): CsvColumn[] {
  const matrix = record.matrix
  if (!matrix) return []
  const at = (item: CsvItem) => matrix.positions[item.key]
  const axis = (name: 'impact' | 'effort') => (item: CsvItem) => {
    const point = at(item)
    return point ? Math.round(point[name] * 10) / 10 : ''
  }
  return [
    { header: `2x2: ${matrix.labels.axes.impact ?? 'Impact'} (1–9)`, value: axis('impact') },
    { header: `2x2: ${matrix.labels.axes.effort ?? 'Effort'} (1–9)`, value: axis('effort') },
    {
      header: '2x2: quadrant',
      value: (item) => {
        const point = at(item)
        if (!point) return ''
        const quadrant = quadrantOf(point)
        return matrix.labels.quadrants[quadrant] ?? quadrant
      },
    },
  ]
}

/**
 * The weighted score (0–100, one decimal) and rank from the adopted weights and the scores the
 * ranking uses (as the Value framework section has them), when the items were ranked by weights.
 */
function weightedColumns(record: WorkshopRecord): CsvColumn[] {
  const fw = record.framework
  if (!fw || fw.method === 'rice') return []
  const input = frameworkInputFromRecord(fw)
  if (!input) return []
  const ranking = weightedRanking(
    input.items.map((i) => i.key),
    input.criteria,
    input.weights,
    input.scores,
  )
  const ranked = new Map(ranking.map((r) => [r.key, r]))
  return [
    {
      header: 'Weighted score (0–100)',
      value: (i) => {
        const r = ranked.get(i.key)
        return r ? Math.round(r.score * 10) / 10 : ''
      },
    },
    { header: 'Weighted rank', value: (i) => ranked.get(i.key)?.rank ?? '' },
  ]
}

/** The RICE score (one decimal) and rank, when the items were ranked by RICE. */
function riceColumns(record: WorkshopRecord): CsvColumn[] {
  const rice = record.framework?.method === 'rice' ? (record.framework.rice ?? null) : null
  if (!rice || Object.keys(rice.estimates).length === 0) return []
  const ranked = new Map(riceRankingOf(rice).map((r) => [r.key, r]))
  const at = (item: CsvItem) => ranked.get(item.key)
  return [
    {
      header: 'RICE score',
      value: (i) => {
        const score = at(i)?.score
        return score === undefined || score === null ? '' : Math.round(score * 10) / 10
      },
    },
    { header: 'RICE rank', value: (i) => at(i)?.rank ?? '' },
  ]
}

/** The MoSCoW category and the effort counted for it, when the step was used. */
function moscowColumns(record: WorkshopRecord): CsvColumn[] {
  const plan = record.framework?.moscow ?? null
  if (!plan || Object.keys(plan.tags).length === 0) return []
  const { items } = moscowPlanItems(plan, record.matrix?.positions ?? {})
  const tagged = new Map(items.map((i) => [i.key, i]))
  return [
    {
      header: 'MoSCoW',
      value: (i) => {
        const t = tagged.get(i.key)
        return t ? MOSCOW_LABELS[t.category] : ''
      },
    },
    { header: 'MoSCoW effort', value: (i) => tagged.get(i.key)?.effort ?? '' },
  ]
}

/** The rows' subjects: the ballot in ranking order, or the board's clusters and cards. */
export function csvItems(record: WorkshopRecord): CsvItem[] {
  const board = recordBoard(record)
  const clusterName = new Map(board.clusters.map((c) => [c.id, clusterLabel(c.name)]))
  const clusterIdeas = new Map(ideaFigures(record).clusters.map((c) => [c.id, c.ideas]))
  // Where each item key sits: keys are made the way the ballot made them (`itemKey`).
  const places = new Map<string, { ideas: number | null; cluster: string }>()
  for (const c of board.clusters) {
    places.set(itemKey.cluster(c.id), { ideas: clusterIdeas.get(c.id) ?? 0, cluster: '' })
  }
  for (const card of board.cards) {
    places.set(itemKey.idea(card.id), {
      ideas: 1 + card.merged.length,
      cluster: card.clusterId === null ? '' : (clusterName.get(card.clusterId) ?? ''),
    })
  }
  // An item sealed into the ballot may have left the board since.
  const place = (key: string) => places.get(key) ?? { ideas: null, cluster: '' }
  const results = record.voting.results
  if (results) {
    return rankedItems(results.items, 'total').map((r) => ({
      key: r.key,
      kind: r.kind,
      label: r.label,
      result: r,
      ...place(r.key),
    }))
  }
  return voteItems(board, 'both').map((i) => ({
    key: i.key,
    kind: i.kind,
    label: i.label,
    result: null,
    ...place(i.key),
  }))
}

/** The cells of the CSV, header first, before escaping. */
export function csvCells(record: WorkshopRecord): (string | number)[][] {
  const columns = csvColumns(record)
  return [
    columns.map((c) => c.header),
    ...csvItems(record).map((item) => columns.map((c) => c.value(item))),
  ]
}

/**
 * Writes rows as CSV (RFC 4180: CRLF, quoted where needed; UTF-8 with a BOM, which spreadsheets
 * need to read it as UTF-8), formulas escaped.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return stringify(rows as (string | number)[][], {
    bom: true,
    escape_formulas: true,
    record_delimiter: 'windows',
    // A line break of either kind inside a cell must be quoted, not only the record delimiter.
    quoted_match: /[\r\n]/,
  })
}

/** The ranked items of a workshop record as CSV. */
export function renderCsv(record: WorkshopRecord): string {
  return toCsv(csvCells(record))
}
