// The workshop record: everything an export holds, in one versioned shape. The JSON export is
// this record as it is; Markdown, HTML and CSV are renderings of it (domain/export/). A later
// phase (2x2, value framework, decisions) adds an optional key here and a section there.
import { phaseSchema } from './phase.js'
import { consentAnswerSchema, consentResultSchema, decisionSchema } from './decision.js'
import { roundStatusSchema } from './rounds.js'
import { logEventSchema } from './log.js'
import {
  matrixAdoptionSchema,
  matrixAxisSchema,
  matrixPointSchema,
  matrixRatingSettingsSchema,
  matrixResultsSchema,
  quadrantSchema,
} from './matrix.js'
import { recordFrameworkSchema } from './record-framework.js'
import { recordRatingSheetsSchema } from './record-sheets.js'
import { voteResultsSchema, votingSettingsSchema, votingStatusSchema } from './voting.js'
import { z } from './zod.js'

/** Names the format, so that a reader can tell this file from any other JSON. */
export const RECORD_FORMAT = 'triage-board/workshop-record'

/**
 * Version of the record's shape. Bump it when a field is renamed, retyped, removed or changes
 * meaning (see docs/decisions.md, the migration rule); a new optional key needs no bump.
 * 2: the sealed 2x2 ratings and criterion scores in columns (schema/record-sheets.ts).
 */
export const RECORD_SCHEMA_VERSION = 2

const count = z.number().check(z.int(), z.nonnegative())
/** Server time, ms since the epoch. */
const time = z.number().check(z.nonnegative())

export const recordGroupSchema = z.object({ id: z.string(), name: z.string() })

/**
 * One participant. No id and no join time: in an anonymous workshop the record must not let
 * anyone line a participant up with anything they did, so it lists groups and, only in a
 * workshop that is not anonymous, names.
 */
export const recordParticipantSchema = z.object({
  group: z.string(),
  /** Null in an anonymous workshop. */
  name: z.nullable(z.string()),
})
export type RecordParticipant = z.infer<typeof recordParticipantSchema>

/** One idea on the board: a card, or an idea merged into a card. */
export const recordIdeaSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** The card this idea was merged into (it counts as part of that card), or null for a card. */
  mergedInto: z.nullable(z.string()),
  /** A card's cluster, or null; merged ideas are where their card is, so null. */
  clusterId: z.nullable(z.string()),
  source: z.enum(['participant', 'facilitator']),
  /** The author's stakeholder group where the board recorded it (not in anonymous workshops). */
  group: z.nullable(z.string()),
  /** The author's name, only in a workshop that is not anonymous. */
  author: z.nullable(z.string()),
  /** Silent round it was revealed in, from 1. */
  round: count,
  createdAt: time,
})
export type RecordIdea = z.infer<typeof recordIdeaSchema>

export const recordClusterSchema = z.object({ id: z.string(), name: z.string(), createdAt: time })
export type RecordCluster = z.infer<typeof recordClusterSchema>

/** One sealed ballot as counted, under a pseudonym that says nothing about who cast it. */
export const recordBallotSchema = z.object({
  /** `V001`, `V002`, …: numbered after sorting by group and content, never by person. */
  voter: z.string(),
  group: z.string(),
  /** Item key → dots, as counted (within the budget and the cap). */
  dots: z.record(z.string(), count),
})
export type RecordBallot = z.infer<typeof recordBallotSchema>

export const recordVotingSchema = z.object({
  status: votingStatusSchema,
  settings: votingSettingsSchema,
  openedAt: z.nullable(time),
  closedAt: z.nullable(time),
  /** The results as revealed to the room (their `ballots` always null: no names here). */
  results: z.nullable(voteResultsSchema),
  /**
   * Every sealed participant's counted ballot (empty ones too: they count as members), from
   * which `tally` recomputes `results`; null when results are not revealed or the seal is gone.
   */
  ballots: z.nullable(z.array(recordBallotSchema)),
})
export type RecordVoting = z.infer<typeof recordVotingSchema>

/** One sealed participant's consent, as counted, under a pseudonym (`C001`, …). */
export const recordConsentBallotSchema = z.object({
  voter: z.string(),
  group: z.string(),
  /** Decision id → answer, as counted. */
  answers: z.record(z.string(), consentAnswerSchema),
})
export type RecordConsentBallot = z.infer<typeof recordConsentBallotSchema>

/** The decide phase: the decisions as they stand, and the consent to them. */
export const recordDecisionsSchema = z.object({
  /** In their order. */
  list: z.array(decisionSchema),
  consent: z.object({
    status: roundStatusSchema,
    /** The counts as revealed to the room; null before a reveal. */
    result: z.nullable(consentResultSchema),
    /** Every sealed participant's answers, from which `tallyConsent` recomputes `result`. */
    ballots: z.nullable(z.array(recordConsentBallotSchema)),
  }),
})
export type RecordDecisions = z.infer<typeof recordDecisionsSchema>

/** The 2x2: the ratings round, its revealed aggregate, and the group placement. */
export const recordMatrixSchema = z.object({
  status: roundStatusSchema,
  settings: matrixRatingSettingsSchema,
  /** The aggregate as revealed to the room (no one's own ratings); null before a reveal. */
  result: z.nullable(matrixResultsSchema),
  /**
   * Every sealed participant's counted ratings under a pseudonym (`R001`, …), in columns, from
   * which the matrix aggregate (with the result's bootstrap seed and resamples) recomputes
   * `result`; null before a reveal or when they do not hold its counts; absent in a record from
   * before it existed.
   */
  ratings: z.optional(z.nullable(recordRatingSheetsSchema)),
  /** Axis names and quadrant labels as the facilitator set them (defaults where unset). */
  labels: z.object({
    axes: z.record(matrixAxisSchema, z.string()),
    quadrants: z.record(quadrantSchema, z.string()),
  }),
  /** The group placement, by item key. */
  positions: z.record(z.string(), matrixPointSchema),
  /** The aggregate adopted as the placement, or null. */
  adoption: z.nullable(matrixAdoptionSchema),
})
export type RecordMatrix = z.infer<typeof recordMatrixSchema>

export const workshopRecordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  schemaVersion: z.literal(RECORD_SCHEMA_VERSION),
  exportedAt: time,
  workshop: z.object({
    id: z.string(),
    title: z.string(),
    objective: z.string(),
    anonymous: z.boolean(),
    dotBudget: count,
    maxDotsPerItem: count,
    groups: z.array(recordGroupSchema),
    phase: phaseSchema,
    /** When the workshop was created and closed, as the server's directory holds it. */
    createdAt: z.nullable(time),
    closedAt: z.nullable(time),
  }),
  /** In group order, then by name (or, anonymous, in no order that says anything). */
  participants: z.array(recordParticipantSchema),
  board: z.object({
    /** Oldest first, as the board orders cards. */
    ideas: z.array(recordIdeaSchema),
    /** Oldest first. */
    clusters: z.array(recordClusterSchema),
  }),
  /** Dot voting; status `setup` when it never opened. */
  voting: recordVotingSchema,
  /** The 2x2; absent in a record from before it existed (no version bump needed). */
  matrix: z.optional(recordMatrixSchema),
  /** The value framework; absent in a record from before it existed (no version bump needed). */
  framework: z.optional(recordFrameworkSchema),
  /** The decide phase; absent in a record from before it existed (no version bump needed). */
  decisions: z.optional(recordDecisionsSchema),
  /** The decision log, typed events in server time (describeLogEvent gives the sentences). */
  log: z.array(logEventSchema),
})
export type WorkshopRecord = z.infer<typeof workshopRecordSchema>

/** What reading a JSON export gives: the record, or why it cannot be read, in words. */
export type ReadRecord =
  | { readonly ok: true; readonly record: WorkshopRecord }
  | { readonly ok: false; readonly message: string }

/**
 * Reads a JSON export (parsed, anything at all) as a record of this version. A version 1 file is
 * still read, as the migration rule asks of the version before: its sealed 2x2 ratings and
 * criterion scores were keyed by item and criterion, which version 2 holds in columns, so they
 * are dropped (null: the figures are there, only their recompute is not) rather than guessed.
 */
export function readWorkshopRecord(json: unknown): ReadRecord {
  let input = json
  if (isObject(json) && json.schemaVersion === 1) {
    input = { ...json, schemaVersion: RECORD_SCHEMA_VERSION }
    const upgraded = input as Record<string, unknown>
    if (isObject(json.matrix) && 'ratings' in json.matrix) {
      upgraded.matrix = { ...json.matrix, ratings: null }
    }
    const framework = json.framework
    if (isObject(framework) && isObject(framework.scores) && 'sheets' in framework.scores) {
      upgraded.framework = { ...framework, scores: { ...framework.scores, sheets: null } }
    }
  }
  const parsed = workshopRecordSchema.safeParse(input)
  if (parsed.success) return { ok: true, record: parsed.data }
  if (isObject(json) && json.format === RECORD_FORMAT && json.schemaVersion !== 1) {
    if (typeof json.schemaVersion === 'number' && json.schemaVersion > RECORD_SCHEMA_VERSION) {
      return {
        ok: false,
        message: `This export is schema version ${json.schemaVersion}; this version reads up to ${RECORD_SCHEMA_VERSION}.`,
      }
    }
  }
  const issue = parsed.error.issues[0]
  return {
    ok: false,
    message: `Not a Triage Board workshop record: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'it does not validate'}.`,
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
