// The bound check every incoming Yjs update passes before the server applies it, for every
// document kind: ids, clocks and lengths within bounds, contents of the kinds and sizes our
// documents use, clean text, and nothing that Yjs would park as pending. What it returns tells
// the room to apply the update whole, to ignore it, to ask the sender for what is missing, or
// to refuse it. Pure: it reads the document and never changes it. Its parts: the limits and
// verdicts (update-limits), what content may hold (update-content), the structs an update
// names (update-structs), the work Yjs would do to integrate it (integration-work) and where
// its new items sit among their neighbours (update-neighbours).
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { integrationWork } from './integration-work.js'
import { checkContent, nameOk } from './update-content.js'
import { DEFAULT_UPDATE_LIMITS, type UpdateLimits, type UpdateVerdict } from './update-limits.js'
import { misplacedNeighbour, splitsMapValue } from './update-neighbours.js'
import { dependsOnItself, findStruct, indexOfClock, isId, refsOf } from './update-structs.js'

export * from './update-limits.js'
export { integrationWork } from './integration-work.js'
export { misplacedNeighbour, splitsMapValue } from './update-neighbours.js'
export { indexOfClock } from './update-structs.js'

const refuse = (reason: string): UpdateVerdict => ({ kind: 'refuse', reason })
const defer = (reason: string): UpdateVerdict => ({ kind: 'defer', reason })
const NOTHING_NEW: UpdateVerdict = { kind: 'nothing-new' }

/**
 * Checks an update a client sends against the document as the server holds it. Never throws.
 * On `apply`, the returned update is the one to apply: when the sender's structs overlap what
 * the server already holds (a sync step 2 computed against an older state), it is cut down to
 * the part the server lacks, so Yjs places the rest after the server's own copy rather than
 * where the sender claims.
 */
export function checkUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  limits: UpdateLimits = DEFAULT_UPDATE_LIMITS,
): UpdateVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return refuse('malformed update')
  }
  const { structs, ds } = decoded
  if (structs.length > limits.maxStructs) return refuse('too many changes in one update')
  // Yjs keeps only the last run of a client it reads twice: every run must be a client of its own.
  const runs = decoding.readVarUint(decoding.createDecoder(update))

  const stateOf = (client: number) => Y.getState(doc.store, client)
  // New structs of each client, in clock order, and the clock where each client's new part
  // begins; every item of the update (Yjs resolves the references of known ones too).
  const fresh = new Map<number, (Y.Item | Y.GC)[]>()
  const freshFrom = new Map<number, number>()
  const items: Y.Item[] = []
  const seen = new Set<number>()
  let overlaps = false
  let lastClient = -1
  let lastEnd = -1
  for (const s of structs) {
    const { client, clock } = s.id
    if (!Number.isSafeInteger(client) || client < 0) return refuse('malformed client id')
    if (!Number.isSafeInteger(s.length) || s.length <= 0) return refuse('malformed update')
    const end = clock + s.length
    if (!Number.isSafeInteger(end) || end > limits.maxClock) {
      return refuse('a clock is out of range')
    }
    // Yjs writes each client's structs once, in one run, in clock order, without gaps (a
    // client in two runs would have Yjs keep only the last).
    if (client !== lastClient) {
      if (seen.has(client)) return refuse('malformed update')
      seen.add(client)
    } else if (clock !== lastEnd) {
      return refuse('malformed update')
    }
    lastClient = client
    lastEnd = end
    if (s instanceof Y.Skip) return refuse('the update has holes')
    if (s instanceof Y.Item) {
      // A client refers only to its own earlier structs; anything else makes Yjs throw or park.
      for (const ref of refsOf(s)) {
        if (ref.client === client && ref.clock >= clock) return refuse('malformed update')
      }
      items.push(s)
    }
    const known = stateOf(client)
    if (end <= known) continue
    const list = fresh.get(client) ?? []
    if (list.length === 0) {
      if (clock > known) return defer('a gap in the sender’s changes')
      if (clock < known) overlaps = true
      freshFrom.set(client, Math.max(clock, known))
    }
    if (end - freshFrom.get(client)! > limits.maxClockStep) return refuse('the update is too large')
    if (s instanceof Y.GC && !limits.allowGc) {
      return refuse('collected content cannot be sent to this document')
    }
    list.push(s)
    fresh.set(client, list)
  }

  if (runs !== seen.size) return refuse('malformed update')

  // Every reference must point at what the server holds or at this update, without cycles.
  const inUpdate = (id: Y.ID) => findStruct(fresh.get(id.client) ?? [], id.clock)
  let crossReferences = false
  for (const item of items) {
    for (const ref of refsOf(item)) {
      if (ref.clock < stateOf(ref.client)) continue
      if (inUpdate(ref) === null) return defer('builds on changes the server does not have')
      if (ref.client !== item.id.client) crossReferences = true
    }
  }
  // Only references between clients' new structs can close a circle.
  if (
    crossReferences &&
    dependsOnItself(fresh, (id) => (id.clock < stateOf(id.client) ? null : inUpdate(id)))
  ) {
    return refuse('malformed update')
  }
  for (const list of fresh.values()) {
    for (const s of list) {
      if (!(s instanceof Y.Item)) continue
      const item = s
      const parent = item.parent as unknown
      if (typeof parent === 'string') {
        if (!nameOk(parent, limits)) return refuse('malformed document root')
      } else if (isId(parent)) {
        // Checked with the other references above.
      } else if (parent !== null || (item.origin === null && item.rightOrigin === null)) {
        return refuse('malformed update')
      }
      if (item.parentSub !== null && !nameOk(item.parentSub, limits)) {
        return refuse('malformed key')
      }
      const reason = checkContent(item, limits)
      if (reason) return refuse(reason)
    }
  }

  // Deletions: of what the server holds (new only if not yet deleted), or of this update's own.
  let deletes = false
  let ranges = 0
  for (const [client, list] of ds.clients) {
    if (!Number.isSafeInteger(client) || client < 0) return refuse('malformed client id')
    const known = stateOf(client)
    const own = fresh.get(client) ?? []
    const structsOf = doc.store.clients.get(client) ?? []
    let previousEnd = 0
    for (const { clock, len } of list) {
      if (++ranges > limits.maxDeleteRanges) return refuse('too many deletions in one update')
      const end = clock + len
      if (!Number.isSafeInteger(end) || len <= 0 || end > limits.maxClock) {
        return refuse('malformed deletion')
      }
      // Yjs writes each client's ranges sorted and merged. Overlapping ones would have the
      // check and Yjs walk the same structs once per range.
      if (clock < previousEnd) return refuse('malformed deletion')
      previousEnd = end
      if (end > known) {
        // Beyond what the server holds: only this update's own new content may be named.
        for (let at = Math.max(clock, known); at < end;) {
          const s = findStruct(own, at)
          if (!s) return defer('deletes changes the server does not have')
          at = s.id.clock + s.length
          deletes = true
        }
      }
      if (splitsMapValue(doc, client, clock) || (end < known && splitsMapValue(doc, client, end))) {
        return refuse('a deletion would cut a map value in two')
      }
      if (deletes || clock >= known) continue
      // Within what the server holds: new only where something is not deleted yet.
      const first = indexOfClock(structsOf, clock)
      if (first < 0) return refuse('malformed deletion')
      for (let i = first; i < structsOf.length; i++) {
        const s = structsOf[i]!
        if (s.id.clock >= Math.min(end, known)) break
        if (!s.deleted) {
          deletes = true
          break
        }
      }
    }
  }

  if (fresh.size === 0 && !deletes) return NOTHING_NEW
  const misplaced = misplacedNeighbour(doc, fresh, limits.maxWork)
  if (misplaced) return refuse(misplaced)
  if (integrationWork(doc, fresh, ds, limits) > limits.maxWork) {
    return refuse('the update would take too long to apply')
  }
  const writers = [...fresh.keys()]
  if (!overlaps) return { kind: 'apply', update, writers }
  try {
    return { kind: 'apply', update: Y.diffUpdate(update, Y.encodeStateVector(doc)), writers }
  } catch {
    return refuse('malformed update')
  }
}

/** Whether Yjs holds anything back in `doc` (structs or deletions waiting for what is missing). */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}
