// Typed access to the control document: phase, settings, roster and decision log.
// Readers validate what they read: a document may hold anything a writer put there.
import type * as Y from 'yjs'
import { z } from '../schema/zod.js'
import {
  collectModeSchema,
  type CollectMode,
  timerSchema,
  type TimerState,
} from '../schema/brainstorm.js'
import { describeLogEvent, logEventKind } from '../domain/log.js'
import { logEventSchema, type LogEvent } from '../schema/log.js'
import { phaseSchema, type Phase } from '../schema/phase.js'
import { rosterEntrySchema, type RosterEntry } from '../schema/roster.js'
import { cleanText, cleanTextCheck } from '../schema/text.js'
import { groupSchema, workshopSettingsSchema, type WorkshopSettings } from '../schema/workshop.js'

const SETTINGS = 'settings'
const SESSION = 'session'
const ROSTER = 'roster'
const LOG = 'log'
const TIMER = 'timer'
const PROGRESS = 'progress'

/** A decision-log line as stored before the log was typed (read as a `note` event). */
const legacyLogEntrySchema = z.object({
  at: z.number(),
  kind: z.string().check(z.maxLength(40)),
  text: z.string().check(cleanTextCheck({ multiline: true }), z.maxLength(2000)),
})

/** One entry of the decision log as readers see it: the event and its sentence. */
export interface LogEntry {
  /** Server time, ms since the epoch. */
  readonly at: number
  /** What happened, such as `phase` or `reveal` (see `logEventKind`). */
  readonly kind: string
  /** The sentence for the console, the projector and the exports. */
  readonly text: string
  readonly event: LogEvent
}

/** Reads one stored log value as an event: typed, or a line from before (null: neither). */
export function parseLogValue(value: unknown): LogEvent | null {
  const typed = logEventSchema.safeParse(value)
  if (typed.success) return typed.data
  const legacy = legacyLogEntrySchema.safeParse(value)
  if (!legacy.success) return null
  return { type: 'note', at: legacy.data.at, kind: legacy.data.kind, text: legacy.data.text }
}

const toEntry = (event: LogEvent): LogEntry => ({
  at: event.at,
  kind: logEventKind(event),
  text: describeLogEvent(event),
  event,
})

/** What the facilitator sees of one participant's brainstorm: counts, never text. */
export const progressSchema = z.object({
  /** Drafts not yet revealed. */
  drafts: z.number().check(z.int(), z.nonnegative()),
  /** Ideas of theirs revealed so far. */
  revealed: z.number().check(z.int(), z.nonnegative()),
  /** Dots placed (as counted: within the budget), never where. */
  dots: z._default(z.number().check(z.int(), z.nonnegative()), 0),
})
export type Progress = z.infer<typeof progressSchema>

/**
 * A transaction origin: a symbol, a name or an object (never a number, so that a call still
 * passing the time these functions once logged with fails to compile).
 */
export type Origin = symbol | string | object

/** A snapshot of the control document, safe to render. */
export interface ControlState {
  /** Null until the server has written the workshop's settings. */
  readonly settings: WorkshopSettings | null
  readonly phase: Phase
  /** When true, participants may read the board but not change it. */
  readonly boardLocked: boolean
  /** Everyone taking part: the roster without those the facilitator removed. */
  readonly roster: Readonly<Record<string, RosterEntry>>
  /** Those the facilitator removed (what they contributed stays on the board). */
  readonly removed: Readonly<Record<string, RosterEntry>>
  readonly log: readonly LogEntry[]
  /** How ideas are collected now. */
  readonly collect: CollectMode
  /** Silent round number, from 1. */
  readonly round: number
  /** Null when no timer is set. */
  readonly timer: TimerState | null
  readonly progress: Readonly<Record<string, Progress>>
}

function readSettings(doc: Y.Doc): WorkshopSettings | null {
  const m = doc.getMap(SETTINGS)
  if (m.size === 0) return null
  const parsed = workshopSettingsSchema.safeParse({
    title: m.get('title'),
    objective: m.get('objective'),
    groups: z.catch(z.array(groupSchema), []).parse(m.get('groups')),
    dotBudget: m.get('dotBudget'),
    maxDotsPerItem: m.get('maxDotsPerItem'),
    anonymous: m.get('anonymous'),
  })
  return parsed.success ? parsed.data : null
}

/** Reads the whole control document, dropping whatever does not validate. */
export function readControl(doc: Y.Doc): ControlState {
  const session = doc.getMap(SESSION)
  const roster: Record<string, RosterEntry> = {}
  const removed: Record<string, RosterEntry> = {}
  doc.getMap(ROSTER).forEach((value, id) => {
    const entry = rosterEntrySchema.safeParse(value)
    if (!entry.success) return
    if (entry.data.removedAt === undefined) roster[id] = entry.data
    else removed[id] = entry.data
  })
  const log: LogEntry[] = []
  for (const value of doc.getArray(LOG).toArray()) {
    const event = parseLogValue(value)
    if (event) log.push(toEntry(event))
  }
  const progress: Record<string, Progress> = {}
  doc.getMap(PROGRESS).forEach((value, id) => {
    const entry = progressSchema.safeParse(value)
    if (entry.success) progress[id] = entry.data
  })
  const round = session.get('round')
  return {
    settings: readSettings(doc),
    phase: z.catch(phaseSchema, 'setup').parse(session.get('phase')),
    boardLocked: session.get('boardLocked') === true,
    roster,
    removed,
    log,
    collect: z.catch(collectModeSchema, 'silent').parse(session.get('collect')),
    round: readRound(round),
    timer: readTimer(doc),
    progress,
  }
}

/** The timer, or null when none is set or it does not validate. */
export function readTimer(doc: Y.Doc): TimerState | null {
  const parsed = timerSchema.safeParse(doc.getMap(SESSION).get(TIMER))
  return parsed.success ? parsed.data : null
}

/** Sets or clears the timer (the server, in its own time). */
export function setTimer(doc: Y.Doc, timer: TimerState | null, origin?: unknown): void {
  doc.transact(() => {
    if (timer) doc.getMap(SESSION).set(TIMER, timer)
    else doc.getMap(SESSION).delete(TIMER)
  }, origin)
}

/** Switches between silent drafting and adding straight to the board (the server logs it). */
export function setCollectMode(doc: Y.Doc, mode: CollectMode, origin?: Origin): void {
  doc.transact(() => doc.getMap(SESSION).set('collect', mode), origin)
}

/** Opens another silent round: drafts private again, the timer cleared (the server logs it). */
export function startSilentRound(doc: Y.Doc, origin?: Origin): void {
  doc.transact(() => {
    const session = doc.getMap(SESSION)
    session.set('round', readControl(doc).round + 1)
    session.set('collect', 'silent')
    session.delete(TIMER)
  }, origin)
}

/** What the server logs when the facilitator's own edits change it (see `sessionChanges`). */
export interface SessionMarks {
  readonly phase: Phase
  readonly collect: CollectMode
  readonly round: number
}

/** The phase, collect mode and silent round, as `sessionChanges` compares them. */
export function readSessionMarks(doc: Y.Doc): SessionMarks {
  // Cheap (three keys): the server reads it after every transaction of the control document.
  const session = doc.getMap(SESSION)
  return {
    phase: readPhase(doc),
    collect: z.catch(collectModeSchema, 'silent').parse(session.get('collect')),
    round: readRound(session.get('round')),
  }
}

const readRound = (round: unknown): number =>
  typeof round === 'number' && Number.isInteger(round) && round > 0 ? round : 1

/**
 * The log events for what changed between two readings of the session (the facilitator's
 * edits: the server logs them in its own time). A new silent round also resets the collect
 * mode; it is one event.
 */
export function sessionChanges(before: SessionMarks, after: SessionMarks, at: number): LogEvent[] {
  const events: LogEvent[] = []
  if (after.phase !== before.phase) events.push({ type: 'phase', at, to: after.phase })
  if (after.round > before.round) events.push({ type: 'silent-round', at, round: after.round })
  else if (after.collect !== before.collect) {
    events.push({ type: 'collect', at, mode: after.collect })
  }
  return events
}

/** Server: records a participant's brainstorm counts (only when they changed). */
export function setProgress(
  doc: Y.Doc,
  participantId: string,
  given: z.input<typeof progressSchema>,
  origin?: unknown,
): void {
  const progress: Progress = { ...given, dots: given.dots ?? 0 }
  const current = progressSchema.safeParse(doc.getMap(PROGRESS).get(participantId))
  if (
    current.success &&
    current.data.drafts === progress.drafts &&
    current.data.revealed === progress.revealed &&
    current.data.dots === progress.dots
  ) {
    return
  }
  doc.transact(() => doc.getMap(PROGRESS).set(participantId, progress), origin)
}

/** The progress recorded for one participant (zeros when none). */
export function readProgress(doc: Y.Doc, participantId: string): Progress {
  const parsed = progressSchema.safeParse(doc.getMap(PROGRESS).get(participantId))
  return parsed.success ? parsed.data : { drafts: 0, revealed: 0, dots: 0 }
}

/** Whether participants are currently kept from writing the board. */
export function isBoardLocked(doc: Y.Doc): boolean {
  return doc.getMap(SESSION).get('boardLocked') === true
}

/** Writes the workshop's settings (their text cleaned) and the initial phase (server, at creation). */
export function initControl(doc: Y.Doc, given: WorkshopSettings, origin?: unknown): void {
  const settings: WorkshopSettings = {
    ...given,
    title: cleanText(given.title),
    objective: cleanText(given.objective, { multiline: true }),
    groups: given.groups.map((g) => ({ ...g, name: cleanText(g.name) })),
  }
  doc.transact(() => {
    const m = doc.getMap(SETTINGS)
    for (const [key, value] of Object.entries(settings)) m.set(key, value)
    doc.getMap(SESSION).set('phase', 'setup')
  }, origin)
}

/** Moves the workshop to a phase (the server logs it). */
export function setPhase(doc: Y.Doc, phase: Phase, origin?: Origin): void {
  doc.transact(() => doc.getMap(SESSION).set('phase', phase), origin)
}

/** Locks or unlocks the board for participants (the server enforces it). */
export function setBoardLocked(doc: Y.Doc, locked: boolean, origin?: unknown): void {
  doc.transact(() => doc.getMap(SESSION).set('boardLocked', locked), origin)
}

/** Adds a participant to the roster (server, on join); the name is cleaned. */
export function addRosterEntry(
  doc: Y.Doc,
  participantId: string,
  entry: RosterEntry,
  origin?: unknown,
): void {
  const clean: RosterEntry = { ...entry, name: cleanText(entry.name) }
  doc.transact(() => doc.getMap(ROSTER).set(participantId, clean), origin)
}

/**
 * Server: marks a participant removed (kept in the roster, so that what they wrote still has
 * an author). Null when there is no such participant, or they were removed already.
 */
export function markRosterRemoved(
  doc: Y.Doc,
  participantId: string,
  at: number,
  origin?: unknown,
): RosterEntry | null {
  const roster = doc.getMap(ROSTER)
  const entry = rosterEntrySchema.safeParse(roster.get(participantId))
  if (!entry.success || entry.data.removedAt !== undefined) return null
  const marked: RosterEntry = { ...entry.data, removedAt: at }
  doc.transact(() => roster.set(participantId, marked), origin)
  return marked
}

/**
 * Server: appends events to the decision log. Validated first (an event that does not parse
 * is a bug, and is thrown rather than stored); its prose is cleaned.
 */
export function appendLogEvent(
  doc: Y.Doc,
  events: LogEvent | readonly LogEvent[],
  origin?: unknown,
): void {
  const list = (Array.isArray(events) ? events : [events]) as readonly LogEvent[]
  if (list.length === 0) return
  // The schema's prose fields clean their text as they parse (cleanTextCheck).
  const clean = list.map((event) => logEventSchema.parse(event))
  doc.transact(() => doc.getArray(LOG).push(clean), origin)
}

/**
 * Migration 2 of the control document: lines stored before the log was typed become `note`
 * events, keeping their time, kind and text, in their place. Idempotent: typed entries stay.
 */
export function migrateLogToEvents(doc: Y.Doc): void {
  const log = doc.getArray(LOG)
  const values = log.toArray()
  for (let i = values.length - 1; i >= 0; i--) {
    if (logEventSchema.safeParse(values[i]).success) continue
    const event = parseLogValue(values[i])
    log.delete(i, 1)
    if (event) log.insert(i, [event])
  }
}

/** Server: appends a free line to the log as a `note` event (prefer a typed event). */
export function appendLog(
  doc: Y.Doc,
  entry: { at: number; kind: string; text: string },
  origin?: unknown,
): void {
  appendLogEvent(doc, { type: 'note', at: entry.at, kind: entry.kind, text: entry.text }, origin)
}

/** Calls `listener` whenever anything in the control document changes; returns an unsubscribe. */
export function observeDoc(doc: Y.Doc, listener: () => void): () => void {
  const handler = () => listener()
  doc.on('update', handler)
  return () => doc.off('update', handler)
}

/** The current phase alone (cheap: the server checks it on every private write). */
export function readPhase(doc: Y.Doc): Phase {
  return z.catch(phaseSchema, 'setup').parse(doc.getMap(SESSION).get('phase'))
}
