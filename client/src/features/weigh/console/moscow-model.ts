// The MoSCoW form: per item a category (or none) and, when effort is typed in, an estimate;
// checked and turned into the plan the control document keeps.
import {
  MOSCOW_CATEGORIES,
  MOSCOW_EFFORT_MAX,
  moscowPlanSchema,
  type MoscowCategory,
  type MoscowEffortSource,
  type MoscowPlan,
  type MoscowTag,
} from '@triage/shared'

export interface MoscowRow {
  /** '' when the item is not tagged. */
  readonly category: MoscowCategory | ''
  readonly effort: string
}

export interface MoscowForm {
  readonly effortFrom: MoscowEffortSource
  readonly rows: Readonly<Record<string, MoscowRow>>
}

export function formOfMoscow(plan: MoscowPlan | null): MoscowForm {
  const rows: Record<string, MoscowRow> = {}
  for (const [key, tag] of Object.entries(plan?.tags ?? {})) {
    rows[key] = {
      category: tag.category,
      effort: tag.effort === undefined ? '' : String(tag.effort),
    }
  }
  return { effortFrom: plan?.effortFrom ?? 'entered', rows }
}

/** A category from a select's value ('' for none). */
export const categoryOf = (value: string): MoscowCategory | '' =>
  (MOSCOW_CATEGORIES as readonly string[]).includes(value) ? (value as MoscowCategory) : ''

export type ParsedMoscow =
  | { readonly ok: true; readonly plan: MoscowPlan }
  | { readonly ok: false; readonly message: string }

/** The form as a MoSCoW plan for `items`, or the first thing wrong with it. */
export function parseMoscowForm(
  form: MoscowForm,
  items: readonly { readonly key: string; readonly label: string }[],
): ParsedMoscow {
  const tags: Record<string, MoscowTag> = {}
  for (const item of items) {
    const row = Object.hasOwn(form.rows, item.key) ? form.rows[item.key]! : null
    if (!row || row.category === '') continue
    const text = row.effort.trim()
    if (form.effortFrom === 'matrix' || text === '') {
      tags[item.key] = { category: row.category }
      continue
    }
    const effort = /^\d{1,5}([.,]\d{1,2})?$/.test(text) ? Number(text.replace(',', '.')) : NaN
    if (!(effort >= 0 && effort <= MOSCOW_EFFORT_MAX)) {
      return {
        ok: false,
        message: `${item.label}: effort is a number from 0 to ${MOSCOW_EFFORT_MAX.toLocaleString('en-GB')}.`,
      }
    }
    tags[item.key] = { category: row.category, effort }
  }
  const parsed = moscowPlanSchema.safeParse({
    items: items.map((i) => ({ key: i.key, label: i.label.slice(0, 500) })),
    effortFrom: form.effortFrom,
    tags,
  })
  return parsed.success
    ? { ok: true, plan: parsed.data }
    : { ok: false, message: 'This MoSCoW plan cannot be saved.' }
}
