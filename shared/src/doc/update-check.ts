// The bound check every incoming Yjs update passes before the server applies it, for every
// document kind: ids, clocks and lengths within bounds, contents of the kinds and sizes our
// documents use, clean text, and nothing that Yjs would park as pending. What it returns tells
// the room to apply the update whole, to ignore it, to ask the sender for what is missing, or
// to refuse it. Pure: it reads the document and never changes it.
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { hasOnlySafeCharacters } from '../schema/text.js'

export interface UpdateLimits {
  /** Structs (items, GC, skips) in one update. */
  readonly maxStructs: number
  /** How far past what the server holds one update may take a client's clock. */
  readonly maxClockStep: number
  /** Largest clock any struct may reach (far below 2^53, so state vectors stay decodable). */
  readonly maxClock: number
  /** Characters of one string (text content, or a string value inside a map or array). */
  readonly maxStringLength: number
  /** Estimated bytes of one value written into a map or array. */
  readonly maxValueBytes: number
  /** Nesting of arrays and objects inside one value. */
  readonly maxValueDepth: number
  /** Characters of a map key or a root name. */
  readonly maxKeyLength: number
  /** Delete-set ranges in one update. */
  readonly maxDeleteRanges: number
  /**
   * GC structs (collected content) may be sent. An honest catch-up carries them (a card added
   * and deleted while a reconnect was pending); bounded by the clock step and written only
   * under the sender's own client ids, they mark a range as gone and nothing more.
   */
  readonly allowGc: boolean
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 100_000,
  maxClockStep: 1_048_576,
  maxClock: 2 ** 40,
  maxStringLength: 100_000,
  maxValueBytes: 64 * 1024,
  maxValueDepth: 16,
  maxKeyLength: 256,
  maxDeleteRanges: 100_000,
  allowGc: true,
}

export type UpdateVerdict =
  /** Apply `update` (the sender's own, or the part the server lacks); `writers` wrote new structs. */
  | { readonly kind: 'apply'; readonly update: Uint8Array; readonly writers: readonly number[] }
  /** Brings nothing the server lacks (a reader's sync step 2, say): ignore without a word. */
  | { readonly kind: 'nothing-new' }
  /**
   * Builds on changes the server does not have yet (a gap in the sender's clocks, a missing
   * neighbour, a deletion of unknown content). Applying it would park it; the sender is asked
   * for what is missing instead, and an honest client's answer brings it whole.
   */
  | { readonly kind: 'defer'; readonly reason: string }
  /** Not allowed, whatever the server holds. */
  | { readonly kind: 'refuse'; readonly reason: string }

const refuse = (reason: string): UpdateVerdict => ({ kind: 'refuse', reason })
const defer = (reason: string): UpdateVerdict => ({ kind: 'defer', reason })
const NOTHING_NEW: UpdateVerdict = { kind: 'nothing-new' }

const isId = (v: unknown): v is Y.ID =>
  typeof v === 'object' && v !== null && 'client' in v && 'clock' in v

const ALLOWED_TYPES: readonly unknown[] = [Y.Map, Y.Array, Y.Text]

/** Checks one value of a ContentAny; returns a reason to refuse, or null. */
function checkValue(value: unknown, limits: UpdateLimits): string | null {
  let bytes = 0
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }]
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!
    if (depth > limits.maxValueDepth) return 'a value is nested too deeply'
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
        bytes += 1
        break
      case 'number':
        if (!Number.isFinite(v)) return 'a number is not finite'
        bytes += 8
        break
      case 'string':
        if (v.length > limits.maxStringLength) return 'a text is too long'
        if (!hasOnlySafeCharacters(v, true)) return 'a text holds control or direction characters'
        bytes += v.length
        break
      case 'object':
        if (v === null) {
          bytes += 1
        } else if (Array.isArray(v)) {
          bytes += 1
          for (const x of v as unknown[]) stack.push({ v: x, depth: depth + 1 })
        } else if (Object.getPrototypeOf(v) === Object.prototype) {
          bytes += 1
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
            if (k.length > limits.maxKeyLength || !hasOnlySafeCharacters(k, false)) {
              return 'a key is too long or holds control characters'
            }
            bytes += k.length
            stack.push({ v: x, depth: depth + 1 })
          }
        } else {
          return 'binary values are not accepted'
        }
        break
      default:
        // bigint, symbol, function: nothing our documents hold, and not JSON.
        return `values of type ${typeof v} are not accepted`
    }
    if (bytes > limits.maxValueBytes) return 'a value is too large'
  }
  return null
}

/** Checks the content of a new item; returns a reason to refuse, or null. */
function checkContent(item: Y.Item, limits: UpdateLimits): string | null {
  const c = item.content
  if (c instanceof Y.ContentString) {
    if (c.str.length > limits.maxStringLength) return 'a text is too long'
    if (!hasOnlySafeCharacters(c.str, true)) return 'a text holds control or direction characters'
    return null
  }
  if (c instanceof Y.ContentAny) {
    for (const v of c.arr) {
      const reason = checkValue(v, limits)
      if (reason) return reason
    }
    return null
  }
  if (c instanceof Y.ContentDeleted) return null
  if (c instanceof Y.ContentType) {
    return ALLOWED_TYPES.includes(c.type.constructor)
      ? null
      : 'this kind of shared type is not used here'
  }
  // Binary, embeds, formatting, JSON (legacy) and subdocuments: none of our documents use them.
  return 'this kind of content is not accepted'
}

const nameOk = (name: string, limits: UpdateLimits) =>
  name.length > 0 && name.length <= limits.maxKeyLength && hasOnlySafeCharacters(name, false)

/** Binary search for the index of the struct holding `clock` in structs sorted by clock; -1. */
export function indexOfClock(list: readonly { id: Y.ID; length: number }[], clock: number): number {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return mid
  }
  return -1
}

function findStruct<T extends { id: Y.ID; length: number }>(list: readonly T[], clock: number) {
  const i = indexOfClock(list, clock)
  return i < 0 ? null : list[i]!
}

/** The ids an item refers to: its neighbours when inserted, and its parent when it is an id. */
function refsOf(item: Y.Item): Y.ID[] {
  const refs: Y.ID[] = []
  if (item.origin) refs.push(item.origin)
  if (item.rightOrigin) refs.push(item.rightOrigin)
  const parent = item.parent as unknown
  if (isId(parent)) refs.push(parent)
  return refs
}

/**
 * Whether the new structs depend on each other in a circle (each waits for its client's
 * previous struct and for what it refers to): Yjs would park all of them. Iterative, so a long
 * chain cannot exhaust the stack.
 */
function dependsOnItself(
  fresh: ReadonlyMap<number, readonly (Y.Item | Y.GC)[]>,
  newStructAt: (id: Y.ID) => Y.Item | Y.GC | null,
): boolean {
  const state = new Map<Y.Item | Y.GC, 1 | 2>() // 1: on the current path, 2: done
  const previous = new Map<Y.Item | Y.GC, Y.Item | Y.GC>()
  for (const list of fresh.values()) list.forEach((s, i) => i > 0 && previous.set(s, list[i - 1]!))
  const depsOf = (s: Y.Item | Y.GC): (Y.Item | Y.GC)[] => {
    const deps: (Y.Item | Y.GC)[] = []
    const before = previous.get(s)
    if (before) deps.push(before)
    if (s instanceof Y.Item) {
      for (const ref of refsOf(s)) {
        const target = newStructAt(ref)
        if (target && target !== s) deps.push(target)
      }
    }
    return deps
  }
  for (const list of fresh.values()) {
    for (const start of list) {
      if (state.has(start)) continue
      const stack: { s: Y.Item | Y.GC; deps: (Y.Item | Y.GC)[] }[] = [
        { s: start, deps: depsOf(start) },
      ]
      state.set(start, 1)
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!
        const next = top.deps.pop()
        if (next === undefined) {
          state.set(top.s, 2)
          stack.pop()
          continue
        }
        const mark = state.get(next)
        if (mark === 1) return true
        if (mark === 2) continue
        state.set(next, 1)
        stack.push({ s: next, deps: depsOf(next) })
      }
    }
  }
  return false
}

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
    for (const { clock, len } of list) {
      if (++ranges > limits.maxDeleteRanges) return refuse('too many deletions in one update')
      const end = clock + len
      if (!Number.isSafeInteger(end) || len <= 0 || end > limits.maxClock) {
        return refuse('malformed deletion')
      }
      if (end > known) {
        // Beyond what the server holds: only this update's own new content may be named.
        for (let at = Math.max(clock, known); at < end;) {
          const s = findStruct(own, at)
          if (!s) return defer('deletes changes the server does not have')
          at = s.id.clock + s.length
          deletes = true
        }
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
