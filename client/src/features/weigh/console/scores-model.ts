// The consensus scores form: one text field per item and criterion, checked against each
// criterion's scale; empty fields stay unscored (the ranking counts them as the scale's worst).
import {
  MAX_TOP_N,
  consensusScoresSchema,
  type ConsensusScores,
  type Criterion,
} from '@triage/shared'

export interface ScoresForm {
  /** Item key → criterion id → the field's text. */
  readonly cells: Readonly<Record<string, Readonly<Record<string, string>>>>
  readonly topN: string
}

export function formOfScores(scores: ConsensusScores | null): ScoresForm {
  const cells: Record<string, Record<string, string>> = {}
  for (const [key, row] of Object.entries(scores?.scores ?? {})) {
    cells[key] = Object.fromEntries(Object.entries(row).map(([c, v]) => [c, String(v)]))
  }
  return { cells, topN: String(scores?.topN ?? 3) }
}

export type ParsedScores =
  | { readonly ok: true; readonly scores: ConsensusScores }
  | { readonly ok: false; readonly message: string }

/** The form as consensus scores for `items`, or what is wrong with it. */
export function parseScoresForm(
  form: ScoresForm,
  items: readonly { readonly key: string; readonly label: string }[],
  criteria: readonly Criterion[],
): ParsedScores {
  const topN = /^\d+$/.test(form.topN.trim()) ? Number(form.topN.trim()) : NaN
  if (!(topN >= 1 && topN <= MAX_TOP_N)) {
    return { ok: false, message: `The top is 1 to ${MAX_TOP_N} places.` }
  }
  const scores: Record<string, Record<string, number>> = {}
  for (const item of items) {
    const row: Record<string, number> = {}
    for (const c of criteria) {
      const text = (form.cells[item.key]?.[c.id] ?? '').trim()
      if (text === '') continue
      const v = /^-?\d+$/.test(text) ? Number(text) : NaN
      if (!(v >= c.scale.min && v <= c.scale.max)) {
        return {
          ok: false,
          message: `${item.label}, ${c.name}: a whole score from ${c.scale.min} to ${c.scale.max}.`,
        }
      }
      row[c.id] = v
    }
    if (Object.keys(row).length > 0) scores[item.key] = row
  }
  const parsed = consensusScoresSchema.safeParse({
    items: items.map((i) => ({ key: i.key, label: i.label.slice(0, 500) })),
    scores,
    topN,
  })
  return parsed.success
    ? { ok: true, scores: parsed.data }
    : { ok: false, message: 'These scores cannot be saved.' }
}
