// The decision log of the facilitator's own steering. The facilitator changes the phase, the
// collect mode and the silent round by editing the control document; the control guard keeps
// them from writing the log, and this observer logs what the server accepted, in server time.
import type * as Y from 'yjs'
import { appendLogEvent, readSessionMarks, sessionChanges } from '@triage/shared'
import { LOAD_ORIGIN, REMOTE_ORIGIN } from '../sync/room.js'
import { SERVER_ORIGIN } from '../sync/rooms.js'

/**
 * Observes a loaded control document: after each transaction that is not the server's own,
 * the changes of phase, collect mode and silent round are appended to the log as events.
 * Returns a function that stops observing.
 */
export function observeSessionLog(doc: Y.Doc, now: () => number = Date.now): () => void {
  let marks = readSessionMarks(doc)
  const onTransaction = (transaction: Y.Transaction) => {
    const before = marks
    marks = readSessionMarks(doc)
    const origin = transaction.origin as unknown
    // Another node's change is logged by that node.
    if (origin === SERVER_ORIGIN || origin === LOAD_ORIGIN || origin === REMOTE_ORIGIN) return
    const events = sessionChanges(before, marks, now())
    // Written after this transaction has been stored and sent: its own, server-origin update.
    if (events.length > 0) queueMicrotask(() => appendLogEvent(doc, events, SERVER_ORIGIN))
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}
