// The criteria editor's form and its checks: rows of text fields (name, description, benefit or
// cost, the scale's ends) turned into a framework the schema accepts, with stable ids and the
// starting weights kept when the criteria are the preset's, else shared equally.
import {
  FRAMEWORK_LIMITS,
  equalWeights,
  frameworkSchema,
  type CriterionDirection,
  type Framework,
} from '@triage/shared'

export interface CriterionRow {
  /** Stable while the name is edited; empty for a new row (made from its name on saving). */
  readonly id: string
  readonly name: string
  readonly description: string
  readonly direction: CriterionDirection
  readonly min: string
  readonly max: string
}

export interface CriteriaForm {
  readonly preset: string | null
  readonly rows: readonly CriterionRow[]
  /** The starting weights of the preset the rows came from (kept if its criteria are kept). */
  readonly startingWeights: Readonly<Record<string, number>>
}

export const formOfFramework = (f: Framework): CriteriaForm => ({
  preset: f.preset ?? null,
  startingWeights: f.startingWeights,
  rows: f.criteria.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description ?? '',
    direction: c.direction,
    min: String(c.scale.min),
    max: String(c.scale.max),
  })),
})

export const newRow = (): CriterionRow => ({
  id: '',
  name: '',
  description: '',
  direction: 'benefit',
  min: '1',
  max: '5',
})

/** An id from a name: lowercase words joined by hyphens, starting with a letter, unique. */
export function criterionId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^[^a-z]+/, '')
      .replace(/-+$/, '')
      .slice(0, 32) || 'criterion'
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

export type ParsedCriteria =
  | { readonly ok: true; readonly framework: Framework }
  | { readonly ok: false; readonly row: number | null; readonly message: string }

const whole = (s: string) => (/^-?\d+$/.test(s.trim()) ? Number(s.trim()) : null)

/** The form as a framework, or the first thing wrong with it (and its row). */
export function parseCriteriaForm(form: CriteriaForm): ParsedCriteria {
  if (form.rows.length === 0)
    return { ok: false, row: null, message: 'Add at least one criterion.' }
  if (form.rows.length > FRAMEWORK_LIMITS.criteria) {
    return { ok: false, row: null, message: `At most ${FRAMEWORK_LIMITS.criteria} criteria.` }
  }
  const taken = new Set(form.rows.map((r) => r.id).filter(Boolean))
  const criteria = []
  for (const [i, row] of form.rows.entries()) {
    const name = row.name.trim()
    if (!name) return { ok: false, row: i, message: `Criterion ${i + 1} needs a name.` }
    const min = whole(row.min)
    const max = whole(row.max)
    if (min === null || max === null || max <= min) {
      return {
        ok: false,
        row: i,
        message: `${name}: the scale needs whole numbers, the top above the bottom.`,
      }
    }
    let id = row.id
    if (!id) {
      id = criterionId(name, taken)
      taken.add(id)
    }
    const description = row.description.trim()
    criteria.push({
      id,
      name,
      ...(description ? { description } : {}),
      direction: row.direction,
      scale: { min, max },
    })
  }
  const names = new Set(criteria.map((c) => c.name.toLowerCase()))
  if (names.size !== criteria.length) {
    return { ok: false, row: null, message: 'Two criteria have the same name.' }
  }
  const sameAsPreset =
    criteria.length === Object.keys(form.startingWeights).length &&
    criteria.every((c) => Object.hasOwn(form.startingWeights, c.id))
  const candidate = {
    ...(form.preset && sameAsPreset ? { preset: form.preset } : {}),
    criteria,
    startingWeights: sameAsPreset ? { ...form.startingWeights } : equalWeights(criteria),
  }
  const parsed = frameworkSchema.safeParse(candidate)
  if (!parsed.success) {
    return {
      ok: false,
      row: null,
      message: parsed.error.issues[0]?.message ?? 'These criteria are not valid.',
    }
  }
  return { ok: true, framework: parsed.data }
}
