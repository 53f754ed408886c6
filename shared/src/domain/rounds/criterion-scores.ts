// Criterion scores as a round kind: each participant scores the chosen items on each criterion of
// the framework, on that criterion's scale; the items are chosen as the 2x2 chooses them (all,
// the top N of the dot vote, or hand-picked). The clamp keeps whole scores on the scale for items
// and criteria of the sealed context; the reveal is the mean per item and criterion over people,
// per group, and with every group counted equally, with how many scored each cell and the spread.
import { criterionSchema, type Criterion } from '../../schema/framework.js'
import { candidateItemSchema, type CandidateItem } from '../../schema/items.js'
import { matrixRatingSettingsSchema, type MatrixRatingSettings } from '../../schema/matrix.js'
import { z } from '../../schema/zod.js'
import { matrixItems, noMatrixItems } from '../matrix/items.js'
import { iqr, mean } from '../stats.js'
import { describeMatrixRatingSettings } from './matrix-ratings.js'
import { defineRoundKind } from './round-kind.js'
import { ROUND_WORDS } from './words.js'

/** Scores by item key, then criterion id. */
export type CriterionScores = Record<string, Record<string, number>>

/** What scores are cast on: the item choice, the criteria and the items fixed at close. */
export interface ScoresContext {
  readonly settings: MatrixRatingSettings
  readonly criteria: readonly Criterion[]
  readonly items: readonly CandidateItem[]
  readonly votesRevealed: boolean
}

/** Before the facilitator chooses: every candidate item (up to the matrix's limit). */
export const DEFAULT_SCORES_SETTINGS: MatrixRatingSettings = {
  select: 'all',
  top: 10,
  picked: [],
  on: 'both',
  axes: { impact: null, effort: null },
}

const table = z.record(z.string(), z.record(z.string(), z.number()))

export const criterionScoresResultSchema = z.object({
  revealedAt: z.number(),
  criteria: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(z.object({ key: z.string(), label: z.string() })),
  /** Mean score per item and criterion over everyone who scored it. */
  people: table,
  /** The mean of the groups' means: every group counts the same. */
  groupEqual: table,
  groups: z.array(z.object({ group: z.string(), raters: z.number(), scores: table })),
  /** Per item and criterion: how many scored it, and the interquartile range of their scores. */
  cells: z.record(
    z.string(),
    z.record(z.string(), z.object({ n: z.number(), iqr: z.nullable(z.number()) })),
  ),
  /** Participants whose scores counted. */
  raters: z.number(),
})
export type CriterionScoresResult = z.infer<typeof criterionScoresResultSchema>

/**
 * Keeps whole scores on each criterion's scale, for the context's items and criteria only, in
 * the context's order; anything else is dropped. Never throws; idempotent.
 */
export function clampScores(raw: unknown, context: ScoresContext): CriterionScores {
  if (typeof raw !== 'object' || raw === null) return {}
  const rec = raw as Record<string, unknown>
  const out: CriterionScores = {}
  for (const item of context.items) {
    const row = Object.hasOwn(rec, item.key) ? rec[item.key] : undefined
    if (typeof row !== 'object' || row === null) continue
    const kept: Record<string, number> = {}
    for (const c of context.criteria) {
      const v = Object.hasOwn(row, c.id) ? (row as Record<string, unknown>)[c.id] : undefined
      if (typeof v === 'number' && Number.isInteger(v) && v >= c.scale.min && v <= c.scale.max) {
        kept[c.id] = v
      }
    }
    if (Object.keys(kept).length > 0) out[item.key] = kept
  }
  return out
}

const cellsScored = (input: CriterionScores) =>
  Object.values(input).reduce((s, row) => s + Object.keys(row).length, 0)

/** The items and criteria an aggregate of scores is over: keys and ids, labels and names. */
export interface ScoresTable {
  readonly criteria: readonly { readonly id: string; readonly name: string }[]
  readonly items: readonly { readonly key: string; readonly label: string }[]
}

/** Mean tables over a list of score sets (cells nobody scored are left out). */
function meanTable(context: ScoresTable, sets: readonly CriterionScores[]) {
  const out: CriterionScores = {}
  for (const item of context.items) {
    const row: Record<string, number> = {}
    for (const c of context.criteria) {
      const m = mean(
        sets.flatMap((s) => (s[item.key]?.[c.id] === undefined ? [] : [s[item.key]![c.id]!])),
      )
      if (m !== null) row[c.id] = m
    }
    if (Object.keys(row).length > 0) out[item.key] = row
  }
  return out
}

/**
 * The scores round's reveal from clamped scores, each with its participant's group: means per
 * item and criterion over people, per group and with every group counting the same. The export
 * recomputes the revealed result with it from pseudonymous scores.
 */
export function aggregateScores({
  table,
  inputs,
  groups,
  revealedAt,
}: {
  readonly table: ScoresTable
  readonly inputs: readonly { readonly group: string; readonly input: CriterionScores }[]
  readonly groups: readonly { readonly id: string }[]
  readonly revealedAt: number
}): CriterionScoresResult {
  // Canonical order (group, then scores), so means are the same whatever order inputs come in.
  const counted = inputs
    .filter(({ input }) => cellsScored(input) > 0)
    .map(({ group, input }) => ({
      group,
      input,
      key: `${group}\u0000${JSON.stringify(input)}`,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const groupIds = [
    ...groups.map((g) => g.id).filter((g) => counted.some((c) => c.group === g)),
    ...[...new Set(counted.map((c) => c.group))]
      .filter((g) => !groups.some((x) => x.id === g))
      .sort(),
  ]
  const perGroup = groupIds.map((group) => {
    const sets = counted.filter((c) => c.group === group).map((c) => c.input)
    return { group, raters: sets.length, scores: meanTable(table, sets) }
  })
  const cells: Record<string, Record<string, { n: number; iqr: number | null }>> = {}
  for (const item of table.items) {
    const row: Record<string, { n: number; iqr: number | null }> = {}
    for (const c of table.criteria) {
      const values = counted.flatMap(({ input }) =>
        input[item.key]?.[c.id] === undefined ? [] : [input[item.key]![c.id]!],
      )
      row[c.id] = { n: values.length, iqr: iqr(values) }
    }
    cells[item.key] = row
  }
  return {
    revealedAt,
    criteria: table.criteria.map((c) => ({ id: c.id, name: c.name })),
    items: table.items.map((i) => ({ key: i.key, label: i.label })),
    people: meanTable(
      table,
      counted.map((c) => c.input),
    ),
    groupEqual: meanTable(
      table,
      perGroup.map((g) => g.scores),
    ),
    groups: perGroup,
    cells,
    raters: counted.length,
  }
}

export const criterionScores = defineRoundKind<
  MatrixRatingSettings,
  ScoresContext,
  CriterionScores,
  CriterionScoresResult
>({
  id: 'scores',
  words: ROUND_WORDS.scores,
  settingsSchema: matrixRatingSettingsSchema,
  contextSchema: z.object({
    settings: matrixRatingSettingsSchema,
    criteria: z.array(criterionSchema),
    items: z.array(candidateItemSchema),
    votesRevealed: z.boolean(),
  }),
  inputSchema: table,
  resultSchema: criterionScoresResultSchema,
  defaultSettings: () => DEFAULT_SCORES_SETTINGS,
  context: (settings, world) => ({
    settings,
    criteria: world.framework?.criteria ?? [],
    items: matrixItems(settings, world.board, world.votes ?? null),
    votesRevealed: (world.votes ?? null) !== null,
  }),
  cannotOpen: (context) =>
    context.criteria.length === 0
      ? 'Set up the criteria before items are scored'
      : noMatrixItems(context.settings, context.items, context.votesRevealed),
  clamp: (raw, context) => clampScores(raw, context),
  progress: (input, context) => ({
    done: cellsScored(input),
    of: context.items.length * context.criteria.length,
  }),
  aggregate: ({ context, inputs, groups, revealedAt }) =>
    aggregateScores({
      table: context,
      inputs: inputs.map(({ participant, input }) => ({ group: participant.group, input })),
      groups,
      revealedAt,
    }),
  describeSettings: (settings) =>
    `${describeMatrixRatingSettings({ ...settings, axes: { impact: null, effort: null } })}, on every criterion`,
  headline: (result) => ({
    headline: `${result.items.length} items scored on ${result.criteria.length} criteria`,
    took: result.raters,
  }),
})
