// A sealed round kind, declared once: what participants may write, how one participant's input
// is clamped against the context it was cast on, how sealed inputs aggregate, what the
// facilitator sees while it is open and what the reveal publishes. Pure: the documents, the seal
// store and the lifecycle (open, close, reveal, reopen) are the doc layer's and the server's.
import type { BoardState } from '../../schema/board.js'
import type { Framework } from '../../schema/framework.js'
import type { RoundKindId, RoundProgress } from '../../schema/rounds.js'
import type { VoteResults } from '../../schema/voting.js'
import type { Group, WorkshopSettings } from '../../schema/workshop.js'
import type { z } from '../../schema/zod.js'

/** A schema of shared's zod, for a value of type T whatever its input. */
export type RoundSchema<T> = z.ZodMiniType<T, unknown>

/** Someone who takes part in a round, as the roster names them. */
export interface RoundParticipant {
  readonly id: string
  readonly name: string
  /** Stakeholder group id (`g1`, …). */
  readonly group: string
}

/**
 * What a kind may look at when it fixes the context of a round: plain snapshots of the
 * workshop, never documents. Add what a new kind needs (criteria, earlier results) here.
 */
export interface RoundWorld {
  readonly board: BoardState
  /** Null until the workshop's settings are written. */
  readonly workshop: WorkshopSettings | null
  /** The revealed dot vote, if any (the 2x2 takes its top items from it). */
  readonly votes?: VoteResults | null
  /** The value framework set up in control, if any (weights and scores are cast on it). */
  readonly framework?: Framework | null
  /** The recorded decisions, in their order (consent is given on them). */
  readonly decisions?: readonly {
    readonly id: string
    readonly item: string
    readonly title: string
  }[]
}

/** How messages and the log name a kind. */
export interface RoundWords {
  /** The round as a sentence starts with it: "Voting". */
  readonly name: string
  /** One round of the kind, as a noun: "vote". */
  readonly round: string
  /** What a participant whose input counted did, after "3 of 5 participants": "placed dots". */
  readonly submitted: string
  /** The same after "3 participants", in the reveal's line: "voted". */
  readonly took: string
  /** The reveal's line starts with it: "Results revealed". */
  readonly results: string
  /** One participant's input, plural: "votes". */
  readonly inputs: string
}

/** What the reveal aggregates: everything close sealed, and the groups the results name. */
export interface RoundReveal<Settings, Context, Input> {
  readonly settings: Settings
  readonly context: Context
  /**
   * Everyone on the roster at close, in roster order, each with their input clamped against
   * the sealed context (an unreadable document gives the empty input).
   */
  readonly inputs: readonly { readonly participant: RoundParticipant; readonly input: Input }[]
  readonly groups: readonly Group[]
  /** Server time of the reveal. */
  readonly revealedAt: number
}

/** The reveal's line in the decision log. */
export interface RoundHeadline {
  /** What came out, e.g. `"Theatre app" first with 6 dots`. */
  readonly headline: string
  /** Participants whose input counted. */
  readonly took: number
}

/**
 * One kind of sealed round. Laws every kind keeps (tested for each registered kind):
 * `clamp` never throws and is idempotent (clamping a clamped input changes nothing), so the
 * reveal can clamp the sealed inputs again; the empty input counts for nothing (`done` 0);
 * `aggregate` depends on the inputs, not on their order.
 */
export interface RoundKind<Settings, Context, Input, Result> {
  /** Names the kind in routes, documents, the seal and the log. */
  readonly id: RoundKindId
  readonly words: RoundWords
  /** The settings the facilitator chooses at open (fixed while the round is open). */
  readonly settingsSchema: RoundSchema<Settings>
  /** The context sealed at close (it travels as JSON through the seal store). */
  readonly contextSchema: RoundSchema<Context>
  /** One participant's input as an honest client writes it into their private document. */
  readonly inputSchema: RoundSchema<Input>
  /** What the reveal writes into the control document. */
  readonly resultSchema: RoundSchema<Result>
  /** Settings before the facilitator chooses any. */
  defaultSettings(workshop: WorkshopSettings | null): Settings
  /** The context input is cast on, as the workshop is now: items, criteria, the settings. */
  context(settings: Settings, world: RoundWorld): Context
  /** Why a round cannot open on this context (shown to the facilitator), or null. */
  cannotOpen(context: Context): string | null
  /**
   * Sanitises what one participant's private document holds (anything at all) into an input
   * that counts: unknown items, out-of-range and non-numeric values dropped or bounded.
   */
  clamp(raw: unknown, context: Context, who: RoundParticipant): Input
  /** The count the facilitator sees while the round is open: "4 of 12 rated", never what. */
  progress(input: Input, context: Context, who: RoundParticipant): RoundProgress
  /** The pure aggregate of the sealed inputs. */
  aggregate(reveal: RoundReveal<Settings, Context, Input>): Result
  /** The settings in words, for the decision log ("5 dots each, …"). */
  describeSettings(settings: Settings): string
  headline(result: Result): RoundHeadline
  /**
   * Reads a seal an older server wrote in another shape (optional; null when it is not one),
   * so a round closed before an upgrade is revealed from what was sealed.
   */
  readLegacySeal?(json: unknown): SealedRound<Settings, Context> | null
}

/** What close seals, where no document reaches: inputs and the context they were cast on. */
export interface SealedRound<Settings = unknown, Context = unknown> {
  readonly version: 3
  readonly round: RoundKindId
  /** Server time of the close. */
  readonly closedAt: number
  readonly settings: Settings
  readonly context: Context
  /** Everyone on the roster at close, in roster order. */
  readonly participants: readonly RoundParticipant[]
  /** Each participant's clamped input, by participant id; none for an unreadable document. */
  readonly inputs: Readonly<Record<string, unknown>>
  /** Participants whose private document could not be read at close (skipped). */
  readonly unreadable: number
}

/** Any round kind, as the registry, the doc layer and the server hold them. */
export type AnyRoundKind = RoundKind<unknown, unknown, unknown, unknown>

/** Declares a round kind, inferring its types from the object. */
export function defineRoundKind<Settings, Context, Input, Result>(
  kind: RoundKind<Settings, Context, Input, Result>,
): RoundKind<Settings, Context, Input, Result> {
  return kind
}

/** Whether a participant's input counts for something (the close log's "3 of 4 voted"). */
export function hasSubmitted<Settings, Context, Input, Result>(
  kind: RoundKind<Settings, Context, Input, Result>,
  input: Input,
  context: Context,
  who: RoundParticipant,
): boolean {
  return kind.progress(input, context, who).done > 0
}
