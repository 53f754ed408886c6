// Sealed rounds in the documents, by kind id: status, settings, times and the seal's counts in
// the control document, each participant's input in their private document, the progress the
// facilitator sees, and the revealed result. Readers validate; writers take an origin.
import type * as Y from 'yjs'
import {
  roundProgressSchema,
  roundSealSummarySchema,
  roundStatusSchema,
  type RoundProgress,
  type RoundSealSummary,
  type RoundStatus,
} from '../schema/rounds.js'
import { rosterEntrySchema } from '../schema/roster.js'
import type { WorkshopSettings } from '../schema/workshop.js'
import { z } from '../schema/zod.js'
import type { AnyRoundKind, RoundKind, RoundParticipant } from '../domain/rounds/round-kind.js'
import { readProgress, setProgress } from './control.js'

/** Where a kind's state lives in the documents. */
export interface RoundLayout {
  /** Root map of the control document: status, settings, times, seal counts. */
  readonly control: string
  /** Key of the revealed result in the control document's `results` root. */
  readonly result: string
  /** Root map of a participant's private document holding their input. */
  readonly input: string
  /**
   * Where the progress counts go: a root map of the control document keyed by participant
   * id, or (voting, as it began) the `dots` field of the brainstorm progress entry, whose
   * `of` is the numeric setting named.
   */
  readonly progress:
    { readonly root: string } | { readonly field: 'dots'; readonly ofSetting: string }
}

const RESULTS = 'results'
/** The control document's roster root (control.ts writes it; rounds read groups from it). */
const ROSTER = 'roster'

/** Voting kept the names it had before rounds were generic: the client reads them so. */
const LEGACY_LAYOUTS: ReadonlyMap<string, RoundLayout> = new Map([
  [
    'voting',
    {
      control: 'voting',
      result: 'vote',
      input: 'votes',
      progress: { field: 'dots', ofSetting: 'dotBudget' },
    },
  ],
])

const CONTROL_PREFIX = 'round:'
const PROGRESS_PREFIX = 'round-progress:'

/** The documents' names for a kind's state. */
export function roundLayout(kindId: string): RoundLayout {
  return (
    LEGACY_LAYOUTS.get(kindId) ?? {
      control: `${CONTROL_PREFIX}${kindId}`,
      result: `${CONTROL_PREFIX}${kindId}`,
      input: `${CONTROL_PREFIX}${kindId}`,
      progress: { root: `${PROGRESS_PREFIX}${kindId}` },
    }
  )
}

/** Keys of a round's control root that only the server writes. */
export const ROUND_SERVER_KEYS: ReadonlySet<string> = new Set([
  'status',
  'openedAt',
  'closedAt',
  'revealedAt',
  'sealed',
])

/** Whether a control-document root holds a round's status and settings (the guard's question). */
export function isRoundControlRoot(root: string): boolean {
  return (
    root.startsWith(CONTROL_PREFIX) || [...LEGACY_LAYOUTS.values()].some((l) => l.control === root)
  )
}

/** Whether a control-document root holds round progress (only the server writes it). */
export function isRoundProgressRoot(root: string): boolean {
  return root.startsWith(PROGRESS_PREFIX)
}

/** A round as the control document holds it. */
export interface RoundState<Settings = unknown> {
  readonly status: RoundStatus
  /** The stored settings, or the kind's defaults when none validate. */
  readonly settings: Settings
  /** Server times of the last open, close and reveal, or null. */
  readonly openedAt: number | null
  readonly closedAt: number | null
  readonly revealedAt: number | null
  /** What the last close sealed, in counts; null before a close or after a reopen. */
  readonly sealed: RoundSealSummary | null
}

const time = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** Reads a kind's round from the control document; settings that do not validate fall back. */
export function readRoundState<Settings, Context, Input, Result>(
  doc: Y.Doc,
  kind: RoundKind<Settings, Context, Input, Result>,
  workshop: WorkshopSettings | null,
): RoundState<Settings> {
  const m = doc.getMap<unknown>(roundLayout(kind.id).control)
  const settings = kind.settingsSchema.safeParse(m.get('settings'))
  const sealed = roundSealSummarySchema.safeParse(m.get('sealed'))
  return {
    status: z.catch(roundStatusSchema, 'setup').parse(m.get('status')),
    settings: settings.success ? settings.data : kind.defaultSettings(workshop),
    openedAt: time(m.get('openedAt')),
    closedAt: time(m.get('closedAt')),
    revealedAt: time(m.get('revealedAt')),
    sealed: sealed.success ? sealed.data : null,
  }
}

/** The status alone (cheap: no settings parsed). */
export function readRoundStatus(doc: Y.Doc, kindId: string): RoundStatus {
  return z
    .catch(roundStatusSchema, 'setup')
    .parse(doc.getMap<unknown>(roundLayout(kindId).control).get('status'))
}

/** Writes a copy of the settings (the caller validates them; facilitator before open, or server). */
export function setRoundSettings(
  doc: Y.Doc,
  kindId: string,
  settings: unknown,
  origin?: unknown,
): void {
  const copy = typeof settings === 'object' && settings !== null ? { ...settings } : settings
  doc.transact(() => doc.getMap(roundLayout(kindId).control).set('settings', copy), origin)
}

/**
 * Server: moves a round to a status, stamping the time it opened, closed or was revealed.
 * Opening clears what the last close sealed.
 */
export function setRoundStatus(
  doc: Y.Doc,
  kindId: string,
  status: RoundStatus,
  at: number,
  origin?: unknown,
): void {
  doc.transact(() => {
    const m = doc.getMap(roundLayout(kindId).control)
    m.set('status', status)
    if (status === 'open') {
      m.set('openedAt', at)
      if (m.has('sealed')) m.delete('sealed')
    }
    if (status === 'closed') m.set('closedAt', at)
    if (status === 'revealed') m.set('revealedAt', at)
  }, origin)
}

/** Server, at close: what was sealed, in counts. */
export function setRoundSealed(
  doc: Y.Doc,
  kindId: string,
  summary: RoundSealSummary,
  origin?: unknown,
): void {
  doc.transact(() => doc.getMap(roundLayout(kindId).control).set('sealed', { ...summary }), origin)
}

/** The revealed result, or null when there is none (or it does not validate). */
export function readRoundResult<Settings, Context, Input, Result>(
  doc: Y.Doc,
  kind: RoundKind<Settings, Context, Input, Result>,
): Result | null {
  const parsed = kind.resultSchema.safeParse(doc.getMap(RESULTS).get(roundLayout(kind.id).result))
  return parsed.success ? parsed.data : null
}

/** Server, at reveal (or null to withdraw the result when the round reopens). */
export function setRoundResult(
  doc: Y.Doc,
  kindId: string,
  result: unknown,
  origin?: unknown,
): void {
  const key = roundLayout(kindId).result
  doc.transact(() => {
    if (result !== null && result !== undefined) doc.getMap(RESULTS).set(key, result)
    else if (doc.getMap(RESULTS).has(key)) doc.getMap(RESULTS).delete(key)
  }, origin)
}

/** A participant's input as their private document holds it: anything at all, for the clamp. */
export function readRawRoundInput(doc: Y.Doc, kindId: string): Record<string, unknown> {
  return doc.getMap<unknown>(roundLayout(kindId).input).toJSON()
}

/** Whether a raw input has any own entry (only then can it count for anything). */
export function hasRawEntries(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Object.getOwnPropertyNames(raw).length > 0
}

/** Participant: sets one entry of their input, or removes it with null. */
export function setRoundInputEntry(
  doc: Y.Doc,
  kindId: string,
  key: string,
  value: unknown,
  origin?: unknown,
): void {
  doc.transact(() => {
    const m = doc.getMap<unknown>(roundLayout(kindId).input)
    if (value === null || value === undefined) m.delete(key)
    else m.set(key, value)
  }, origin)
}

/** Everyone on the control document's roster, as rounds name them. */
export function readRoundParticipants(doc: Y.Doc): Map<string, RoundParticipant> {
  const out = new Map<string, RoundParticipant>()
  doc.getMap(ROSTER).forEach((value, id) => {
    const entry = rosterEntrySchema.safeParse(value)
    if (entry.success) out.set(id, { id, name: entry.data.name, group: entry.data.group })
  })
  return out
}

/**
 * The progress of every participant who has any, by participant id. `workshop` gives the
 * default settings a legacy layout's `of` falls back on.
 */
export function readRoundProgress(
  doc: Y.Doc,
  kind: AnyRoundKind,
  workshop: WorkshopSettings | null,
): Record<string, RoundProgress> {
  const layout = roundLayout(kind.id).progress
  const out: Record<string, RoundProgress> = {}
  if ('root' in layout) {
    doc.getMap(layout.root).forEach((value, id) => {
      const parsed = roundProgressSchema.safeParse(value)
      if (parsed.success) out[id] = parsed.data
    })
    return out
  }
  const settings = readRoundState(doc, kind, workshop).settings as Record<string, unknown>
  const of = settings[layout.ofSetting]
  doc.getMap('progress').forEach((_, id) => {
    out[id] = { done: readProgress(doc, id).dots, of: typeof of === 'number' ? of : 0 }
  })
  return out
}

/** Server: records one participant's progress in a round (only when it changed). */
export function setRoundProgress(
  doc: Y.Doc,
  kindId: string,
  participantId: string,
  progress: RoundProgress,
  origin?: unknown,
): void {
  const layout = roundLayout(kindId).progress
  if ('root' in layout) {
    const m = doc.getMap(layout.root)
    const current = roundProgressSchema.safeParse(m.get(participantId))
    if (current.success && current.data.done === progress.done && current.data.of === progress.of) {
      return
    }
    doc.transact(() => m.set(participantId, { done: progress.done, of: progress.of }), origin)
    return
  }
  const current = readProgress(doc, participantId)
  setProgress(doc, participantId, { ...current, dots: progress.done }, origin)
}

/**
 * Server: sets a participant's count to nothing done, keeping what it was out of (their input
 * is empty; no context is needed to know it counts for nothing).
 */
export function clearRoundProgress(
  doc: Y.Doc,
  kindId: string,
  participantId: string,
  origin?: unknown,
): void {
  const layout = roundLayout(kindId).progress
  if ('root' in layout) {
    const current = roundProgressSchema.safeParse(doc.getMap(layout.root).get(participantId))
    if (current.success)
      setRoundProgress(doc, kindId, participantId, { ...current.data, done: 0 }, origin)
    return
  }
  setRoundProgress(doc, kindId, participantId, { done: 0, of: 0 }, origin)
}
