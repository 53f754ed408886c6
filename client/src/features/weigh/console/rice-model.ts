// The RICE estimates form: per item, reach and effort as typed text and the three scales as
// chosen values; a row left empty is not estimated (no score, ranked last), a row half filled in
// is an error, and every number is checked against its bounds before anything is written.
import {
  RICE_LIMITS,
  riceEstimatesSchema,
  type RiceEstimate,
  type RiceEstimates,
} from '@triage/shared'

export interface RiceRow {
  readonly reach: string
  /** A scale value as text (`'0.5'`), or '' when none is chosen. */
  readonly impact: string
  readonly confidence: string
  readonly clinical: string
  readonly effort: string
}

export type RiceForm = Readonly<Record<string, RiceRow>>

export const EMPTY_RICE_ROW: RiceRow = {
  reach: '',
  impact: '',
  confidence: '',
  clinical: '',
  effort: '',
}

export function formOfRice(rice: RiceEstimates | null): RiceForm {
  const form: Record<string, RiceRow> = {}
  for (const [key, e] of Object.entries(rice?.estimates ?? {})) {
    form[key] = {
      reach: String(e.reach),
      impact: String(e.impact),
      confidence: String(e.confidence),
      clinical: String(e.clinical),
      effort: String(e.effort),
    }
  }
  return form
}

export type ParsedRice =
  | { readonly ok: true; readonly rice: RiceEstimates }
  | { readonly ok: false; readonly message: string }

/** A decimal as typed ("0.5", "0,5", "12"), or NaN. */
const decimal = (s: string) =>
  /^\d{1,7}([.,]\d{1,3})?$/.test(s) ? Number(s.replace(',', '.')) : NaN

/** One row's estimates, or what is wrong with it (`null`: left empty). */
function parseRow(row: RiceRow, label: string): RiceEstimate | string | null {
  const text = {
    reach: row.reach.trim(),
    impact: row.impact,
    confidence: row.confidence,
    clinical: row.clinical,
    effort: row.effort.trim(),
  }
  if (Object.values(text).every((v) => v === '')) return null
  if (Object.values(text).some((v) => v === '')) {
    return `${label}: fill in reach, impact, confidence, the clinical multiplier and effort, or leave them all empty.`
  }
  const reach = /^\d{1,10}$/.test(text.reach) ? Number(text.reach) : NaN
  if (!(reach >= 0 && reach <= RICE_LIMITS.reach)) {
    return `${label}: reach is a whole number from 0 to ${RICE_LIMITS.reach.toLocaleString('en-GB')}.`
  }
  const effort = decimal(text.effort)
  if (!(effort > 0 && effort <= RICE_LIMITS.effort)) {
    return `${label}: effort is more than 0 and at most ${RICE_LIMITS.effort} person-months.`
  }
  return {
    reach,
    impact: Number(text.impact),
    confidence: Number(text.confidence),
    clinical: Number(text.clinical),
    effort,
  }
}

/** The form as RICE estimates for `items`, or the first thing wrong with it. */
export function parseRiceForm(
  form: RiceForm,
  items: readonly { readonly key: string; readonly label: string }[],
): ParsedRice {
  const estimates: Record<string, RiceEstimate> = {}
  for (const item of items) {
    const row = Object.hasOwn(form, item.key) ? form[item.key]! : EMPTY_RICE_ROW
    const parsed = parseRow(row, item.label)
    if (typeof parsed === 'string') return { ok: false, message: parsed }
    if (parsed) estimates[item.key] = parsed
  }
  const parsed = riceEstimatesSchema.safeParse({
    items: items.map((i) => ({ key: i.key, label: i.label.slice(0, 500) })),
    estimates,
  })
  return parsed.success
    ? { ok: true, rice: parsed.data }
    : { ok: false, message: 'These estimates are not on the RICE scales.' }
}
