// What a room may replay from its stored log. A row is checked before it is applied, with
// bounds wide enough for any document the room itself stored (a snapshot folds thousands of
// updates), but not for clocks or client ids no update could have carried.
import * as Y from 'yjs'
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits } from '@triage/shared'

/** Bounds a stored row is held to on load: only the clocks and ids stay bounded. */
export const LOAD_LIMITS: UpdateLimits = {
  ...DEFAULT_UPDATE_LIMITS,
  maxStructs: Number.MAX_SAFE_INTEGER,
  maxClockStep: Number.MAX_SAFE_INTEGER,
  maxDeleteRanges: Number.MAX_SAFE_INTEGER,
}

/** Why a stored row cannot be loaded (out of bounds or unreadable), or null. */
export function loadableReason(
  data: Uint8Array,
  limits: UpdateLimits = LOAD_LIMITS,
): string | null {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(data)
  } catch {
    return 'unreadable'
  }
  for (const s of decoded.structs) {
    const end = s.id.clock + s.length
    if (!Number.isSafeInteger(s.id.client) || !Number.isSafeInteger(end) || end > limits.maxClock) {
      return 'a clock or client id out of bounds'
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    if (!Number.isSafeInteger(client)) return 'a client id out of bounds'
    for (const { clock, len } of ranges) {
      if (!Number.isSafeInteger(clock + len) || clock + len > limits.maxClock) {
        return 'a deletion out of bounds'
      }
    }
  }
  return null
}

/** A stored row as the room loads it. */
export interface LoadRow {
  readonly seq: number
  readonly data: Uint8Array
}

/**
 * Applies stored rows to `doc` in order, under `origin`. A row that cannot be applied (out of
 * bounds, unreadable, or throwing) is left out and reported, so one bad row never makes the
 * document unloadable. Bare rows are numbered by their place in the list.
 */
export function replayRows(
  doc: Y.Doc,
  rows: readonly (LoadRow | Uint8Array)[],
  origin: unknown,
): { bad: { seq: number; reason: string }[]; bytes: number; lastSeen: number } {
  const bad: { seq: number; reason: string }[] = []
  let bytes = 0
  let lastSeen = 0
  rows.forEach((row, index) => {
    const { seq, data } = row instanceof Uint8Array ? { seq: index, data: row } : row
    lastSeen = Math.max(lastSeen, seq)
    const reason = loadableReason(data)
    if (reason) {
      bad.push({ seq, reason })
      return
    }
    try {
      doc.transact(() => Y.applyUpdate(doc, data), origin)
      bytes += data.length
    } catch (err) {
      bad.push({ seq, reason: err instanceof Error ? err.message : 'cannot be applied' })
    }
  })
  return { bad, bytes, lastSeen }
}

/** Forgets what Yjs holds back in a document, so it can never be applied later. */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}
