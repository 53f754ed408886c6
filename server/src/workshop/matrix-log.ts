// The decision log of the facilitator's hand moves on the 2x2. Positions are the facilitator's
// own edits of the control document; this observer logs, in server time, each accepted move
// that takes an item into another quadrant, onto the matrix or off it.
import type * as Y from 'yjs'
import {
  appendLogEvent,
  handMoves,
  MATRIX_POSITIONS,
  matrixRatings,
  readMatrixPlacement,
  readRoundResult,
} from '@triage/shared'
import { LOAD_ORIGIN, REMOTE_ORIGIN } from '../sync/room.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'

/** Observes a loaded control document's 2x2 positions; returns a function that stops. */
export function observeMatrixLog(doc: Y.Doc, now: () => number = Date.now): () => void {
  const positionsMap = doc.getMap(MATRIX_POSITIONS)
  let positions = readMatrixPlacement(doc).positions
  const onTransaction = (transaction: Y.Transaction) => {
    // `changed` is typed for any event type; a Y.Map<unknown> is one of them.
    if (!transaction.changed.has(positionsMap as never)) return
    const before = positions
    positions = readMatrixPlacement(doc).positions
    const origin = transaction.origin as unknown
    // Another node's change is logged by that node.
    if (origin === SERVER_ORIGIN || origin === LOAD_ORIGIN || origin === REMOTE_ORIGIN) return
    // Items are named as the revealed ratings named them; an item placed without a round by key.
    const labels = new Map(readRoundResult(doc, matrixRatings)?.items.map((i) => [i.key, i.label]))
    const events = handMoves(before, positions, (key) => labels.get(key) ?? key, now())
    // Written after this transaction has been stored and sent: its own, server-origin update.
    if (events.length > 0) queueMicrotask(() => appendLogEvent(doc, events, SERVER_ORIGIN))
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}
