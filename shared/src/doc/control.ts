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

export const logEntrySchema = z.object({
  /** Server or facilitator time, ms since the epoch. */
  at: z.number(),
  /** What happened, such as `phase` or `reveal`. */
  kind: z.string().check(z.maxLength(40)),
  /** Human-readable line for the decision log. */
  text: z.string().check(cleanTextCheck({ multiline: true }), z.maxLength(2000)),
})
export type LogEntry = z.infer<typeof logEntrySchema>

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

/** A snapshot of the control document, safe to render. */
export interface ControlState {
  /** Null until the server has written the workshop's settings. */
  readonly settings: WorkshopSettings | null
  readonly phase: Phase
  /** When true, participants may read the board but not change it. */
  readonly boardLocked: boolean
  readonly roster: Readonly<Record<string, RosterEntry>>
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
  doc.getMap(ROSTER).forEach((value, id) => {
    const entry = rosterEntrySchema.safeParse(value)
    if (entry.success) roster[id] = entry.data
  })
  const log: LogEntry[] = []
  for (const value of doc.getArray(LOG).toArray()) {
    const entry = logEntrySchema.safeParse(value)
    if (entry.success) log.push(entry.data)
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
    log,
    collect: z.catch(collectModeSchema, 'silent').parse(session.get('collect')),
    round: typeof round === 'number' && Number.isInteger(round) && round > 0 ? round : 1,
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

/** Switches between silent drafting and adding straight to the board; logged. */
export function setCollectMode(doc: Y.Doc, mode: CollectMode, at: number, origin?: unknown): void {
  doc.transact(() => {
    doc.getMap(SESSION).set('collect', mode)
    appendLog(doc, {
      at,
      kind: 'collect',
      text: mode === 'open' ? 'Open adding: ideas go straight to the board' : 'Silent drafting',
    })
  }, origin)
}

/** Opens another silent round: drafts stay private again, the timer is cleared; logged. */
export function startSilentRound(doc: Y.Doc, at: number, origin?: unknown): void {
  doc.transact(() => {
    const session = doc.getMap(SESSION)
    const round = readControl(doc).round + 1
    session.set('round', round)
    session.set('collect', 'silent')
    session.delete(TIMER)
    appendLog(doc, { at, kind: 'round', text: `Silent round ${round} opened` })
  }, origin)
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

/** Moves the workshop to a phase and records it in the decision log. */
export function setPhase(doc: Y.Doc, phase: Phase, at: number, origin?: unknown): void {
  doc.transact(() => {
    doc.getMap(SESSION).set('phase', phase)
    appendLog(doc, { at, kind: 'phase', text: `Phase: ${phase}` })
  }, origin)
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

/** Appends a line to the decision log (its text cleaned: it may quote names and items). */
export function appendLog(doc: Y.Doc, entry: LogEntry, origin?: unknown): void {
  const clean: LogEntry = { ...entry, text: cleanText(entry.text, { multiline: true }) }
  doc.transact(() => doc.getArray(LOG).push([clean]), origin)
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
