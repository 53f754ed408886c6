// The decide phase's records: a decision the facilitators record on an item (its rationale,
// conditions, dissent, open questions, owner and review date), a participant's consent to it,
// and the figures that quantify a group's dissent. Every field is bounded and cleaned.
import { cleanTextCheck } from './text.js'
import { z } from './zod.js'

/** Bounds of the decide phase, so no document, request or log event grows without limit. */
export const DECISION_LIMITS = {
  /** Decisions one workshop records. */
  decisions: 10,
  /** An item's title as it was when the decision was taken. */
  title: 200,
  /** The rationale, a text both facilitators edit together. */
  rationale: 4000,
  conditions: 2000,
  questions: 2000,
  owner: 120,
  /** Dissenting groups named on one decision (a workshop has at most 12 groups). */
  dissent: 12,
  /** One group's dissent, in their words. */
  dissentWords: 1000,
  /** An item key (`c:…`, `i:…`). */
  itemKey: 200,
  /** How many items the default selection takes. */
  defaultTop: 3,
} as const

/** A decision's id: minted on the console, stable while its fields are edited. */
export const decisionIdSchema = z.string().check(z.regex(/^d[A-Za-z0-9_-]{6,30}$/))
export type DecisionId = z.infer<typeof decisionIdSchema>

const groupId = z.string().check(z.regex(/^g[0-9]{1,3}$/))

/** Free text that may span lines, cleaned and bounded (may be empty). */
const prose = (max: number, what: string) =>
  z
    .string()
    .check(
      cleanTextCheck({ multiline: true }),
      z.maxLength(max, `${what} is at most ${max} characters`),
    )

/**
 * One line, cleaned and bounded (may be empty). Not trimmed: the value is written as it is
 * typed, live, and a trailing space is where the next word goes.
 */
const line = (max: number, what: string) =>
  z.string().check(cleanTextCheck(), z.maxLength(max, `${what} is at most ${max} characters`))

/** A calendar date, `YYYY-MM-DD`, that exists (empty: none set). */
export const reviewDateSchema = z
  .string()
  .check(
    z.refine(
      (s) => s === '' || isCalendarDate(s),
      'The review date must be a date (year-month-day)',
    ),
  )

/** Whether `s` is a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** A group that disagreed, in their words (the figures that show it are computed, not typed). */
export const dissentSchema = z.object({
  group: groupId,
  words: prose(DECISION_LIMITS.dissentWords, 'A group’s dissent'),
})
export type Dissent = z.infer<typeof dissentSchema>

/**
 * The fields of a decision the facilitators write as plain values (each one a key of the
 * decision's map in the control document; the rationale is a shared text beside them).
 */
export const decisionFieldSchemas = {
  /** The candidate item decided on. */
  item: z.string().check(z.minLength(1), z.maxLength(DECISION_LIMITS.itemKey)),
  /** The item's title as it was when the decision was taken (the board may change later). */
  title: line(DECISION_LIMITS.title, 'The title'),
  /** Position among the decisions, from 0. */
  order: z.number().check(z.int(), z.gte(0), z.lte(1000)),
  conditions: prose(DECISION_LIMITS.conditions, 'The conditions'),
  dissent: z.array(dissentSchema).check(
    z.maxLength(DECISION_LIMITS.dissent),
    z.refine((ds) => new Set(ds.map((d) => d.group)).size === ds.length, 'One entry per group'),
  ),
  questions: prose(DECISION_LIMITS.questions, 'The open questions'),
  owner: line(DECISION_LIMITS.owner, 'The owner'),
  review: reviewDateSchema,
} as const

export type DecisionField = keyof typeof decisionFieldSchemas
export const DECISION_FIELDS = Object.keys(decisionFieldSchemas) as DecisionField[]

/** The key of a decision's map holding its rationale, a shared text (Y.Text). */
export const RATIONALE_KEY = 'rationale'

export const decisionSchema = z.object({
  id: decisionIdSchema,
  ...decisionFieldSchemas,
  rationale: prose(DECISION_LIMITS.rationale, 'The rationale'),
})
/** One recorded decision, as every screen and the export read it. */
export type Decision = z.infer<typeof decisionSchema>

// Consent's records live apart (consent.ts), so the phone's first load, which holds the
// round kinds, does not carry the decision's field schemas.
export * from './consent.js'
