// Comparing Yjs documents: what one client had that another lacks (operations and deletions),
// the board as canonical JSON, and whether anything is parked as pending.
import * as Y from 'yjs'
import { CLUSTERS, IDEAS, readBoardNotes } from '@triage/shared'

/** JSON with object keys sorted, so two documents that integrated in another order compare equal. */
export function stableJson(value: unknown): string {
  const norm = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(norm)
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const key of Object.keys(v).sort()) out[key] = norm((v as Record<string, unknown>)[key])
      return out
    }
    return v
  }
  return JSON.stringify(norm(value))
}

/** The board's maps and notes as canonical JSON. */
export function boardJson(doc: Y.Doc): string {
  return stableJson({
    ideas: doc.getMap(IDEAS).toJSON(),
    clusters: doc.getMap(CLUSTERS).toJSON(),
    notes: readBoardNotes(doc),
  })
}

/** The state vector as a plain object, client id → clock. */
export function stateVector(doc: Y.Doc): Map<number, number> {
  return Y.decodeStateVector(Y.encodeStateVector(doc))
}

export function sameStateVector(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))
}

/** Sum of all clocks: how many operations (characters, map sets, …) the document holds. */
export function operationCount(doc: Y.Doc): number {
  let n = 0
  for (const clock of stateVector(doc).values()) n += clock
  return n
}

/** Whether the document holds structs or deletions it could not integrate. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

export interface Containment {
  /** Operations `had` holds that `fresh` does not (sum over clients of the clock difference). */
  readonly missingOps: number
  /** Deleted operations of `had` that `fresh` holds undeleted or not at all. */
  readonly missingDeletes: number
  /** Client ids with missing operations, with how many. */
  readonly byClient: ReadonlyMap<number, number>
}

/** What `had` (a snapshot an observer took) holds that `fresh` does not. */
export function missingFrom(had: Y.Doc, fresh: Y.Doc): Containment {
  const freshSv = stateVector(fresh)
  const byClient = new Map<number, number>()
  let missingOps = 0
  for (const [client, clock] of stateVector(had)) {
    const lacking = clock - (freshSv.get(client) ?? 0)
    if (lacking > 0) {
      missingOps += lacking
      byClient.set(client, lacking)
    }
  }
  const freshDs = Y.createDeleteSetFromStructStore(fresh.store)
  let missingDeletes = 0
  for (const [client, ranges] of Y.createDeleteSetFromStructStore(had.store).clients) {
    for (const range of ranges) {
      for (let clock = range.clock; clock < range.clock + range.len; clock++) {
        if (!Y.isDeleted(freshDs, Y.createID(client, clock))) missingDeletes++
      }
    }
  }
  return { missingOps, missingDeletes, byClient }
}

/** A copy of a document (its whole state, pending parts included) for later comparison. */
export function snapshotDoc(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
