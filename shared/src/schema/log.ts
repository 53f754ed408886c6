// The decision log: what happened in the workshop, as typed events in server time. Only the
// server writes it (the control guard refuses any client's edit); the console, the projector
// and the exports turn each event into a sentence with `describeLogEvent` (domain/log.ts).
import { collectModeSchema, timerOnZeroSchema } from './brainstorm.js'
import { quadrantSchema } from './matrix.js'
import { phaseSchema } from './phase.js'
import { cleanTextCheck } from './text.js'
import { z } from './zod.js'

const count = z.number().check(z.int(), z.nonnegative())
/** Server time, ms since the epoch. */
const at = z.number().check(z.nonnegative())
/** A round kind's id (`voting`, later the matrix ratings, weights, scores). */
const roundKind = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[a-z][a-z0-9-]*$/))
/** Server-written prose inside an event (a settings summary, a headline): bounded, cleaned. */
const prose = z.string().check(cleanTextCheck({ multiline: true }), z.maxLength(2000))

/** Bounded, cleaned text of a recorded decision (the decision's own schema bounds it first). */
const text = (max: number) =>
  z.string().check(cleanTextCheck({ multiline: true }), z.maxLength(max))
const decisionId = z.string().check(z.regex(/^d[A-Za-z0-9_-]{6,30}$/))
/**
 * A decision as it stood when the facilitator recorded it: the log keeps every version. Bounds
 * as in schema/decision.ts, written out here so the log's schema (on every phone) stays small.
 */
const decisionSnapshot = {
  decision: decisionId,
  item: z.string().check(z.minLength(1), z.maxLength(200)),
  title: text(200),
  rationale: text(4000),
  conditions: text(2000),
  dissent: z
    .array(z.object({ group: z.string().check(z.regex(/^g[0-9]{1,3}$/)), words: text(1000) }))
    .check(z.maxLength(12)),
  questions: text(2000),
  owner: text(120),
  review: z.string().check(z.regex(/^(\d{4}-\d{2}-\d{2})?$/)),
}
/** The fields a decision change names. */
const decisionChangeField = z.enum([
  'title',
  'item',
  'rationale',
  'conditions',
  'dissent',
  'questions',
  'owner',
  'review',
])

export const logEventSchema = z.discriminatedUnion('type', [
  /** The facilitator moved the workshop to a phase. */
  z.object({ type: z.literal('phase'), at, to: phaseSchema }),
  /** Silent drafting or open adding. */
  z.object({ type: z.literal('collect'), at, mode: collectModeSchema }),
  /** Another silent round opened (drafts private again). */
  z.object({ type: z.literal('silent-round'), at, round: count }),
  /** A brainstorm timer started. */
  z.object({
    type: z.literal('timer'),
    at,
    durationMs: count,
    onZero: timerOnZeroSchema,
  }),
  /** Drafts revealed onto the board. */
  z.object({
    type: z.literal('reveal'),
    at,
    revealed: count,
    round: count,
    skipped: count,
    unreadable: count,
  }),
  /** The facilitator removed a participant (named by group only, as the log is public). */
  z.object({
    type: z.literal('participant-removed'),
    at,
    group: z.string().check(cleanTextCheck(), z.maxLength(200)),
  }),
  /** The facilitator added items (pasted or imported). */
  z.object({ type: z.literal('items'), at, added: count }),
  /** A sealed round opened (or reopened) with these settings. */
  z.object({
    type: z.literal('round-opened'),
    at,
    round: roundKind,
    reopened: z.boolean(),
    settings: prose,
  }),
  /** A sealed round closed: inputs sealed. */
  z.object({
    type: z.literal('round-closed'),
    at,
    round: roundKind,
    submitted: count,
    participants: count,
    unreadable: count,
  }),
  /** A sealed round's aggregate revealed. */
  z.object({
    type: z.literal('round-revealed'),
    at,
    round: roundKind,
    headline: prose,
    voters: count,
  }),
  /** The facilitator adopted the revealed 2x2 aggregate as the group placement. */
  z.object({
    type: z.literal('matrix-adopted'),
    at,
    weighting: z.enum(['people', 'groups']),
    placed: count,
  }),
  /** The facilitator adopted the framework's weights (names and points as they were). */
  z.object({
    type: z.literal('weights-adopted'),
    at,
    weights: z
      .array(z.object({ criterion: prose.check(z.maxLength(60)), points: z.number() }))
      .check(z.maxLength(12)),
    basis: z.enum(['groups', 'people']),
    proposals: count,
    consensus: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  }),
  /** The facilitator moved a 2x2 item by hand into another quadrant, or off the matrix (null). */
  z.object({
    type: z.literal('matrix-placed'),
    at,
    item: z.string().check(z.maxLength(200)),
    label: prose,
    quadrant: z.nullable(quadrantSchema),
  }),
  /** The facilitator recorded a decision (as it stood then). */
  z.object({ type: z.literal('decision-recorded'), at, ...decisionSnapshot }),
  /** The facilitator recorded changes to a decision: which fields, and the decision as it stands. */
  z.object({
    type: z.literal('decision-changed'),
    at,
    ...decisionSnapshot,
    changed: z.array(decisionChangeField).check(z.minLength(1), z.maxLength(8)),
  }),
  /** The facilitator withdrew a recorded decision. */
  z.object({ type: z.literal('decision-withdrawn'), at, decision: decisionId, title: text(200) }),
  /** The facilitator closed the workshop to new participants. */
  z.object({ type: z.literal('workshop-closed'), at }),
  /** A line from before the log was typed (migrated as it was), or a server note. */
  z.object({ type: z.literal('note'), at, kind: z.string().check(z.maxLength(40)), text: prose }),
])
export type LogEvent = z.infer<typeof logEventSchema>
export type LogEventType = LogEvent['type']
