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
   * Work Yjs may do to integrate one update, estimated before it is applied (see
   * `integrationWork`): steps of its conflict scans, splits of items the server holds, structs
   * its deletions visit. Honest edits cost about one unit per struct; forged neighbours far
   * apart, long key histories walked from their start, or thousands of cuts into one item would
   * otherwise cost time quadratic in the document, on every apply and on every load.
   */
  readonly maxWork: number
  /**
   * Entries in a map key's history that a value written without naming the current one (as a
   * client that has not seen the key writes it) may walk. Yjs walks the whole history for
   * each such value, live and again on every load, in an order the update cannot choose.
   */
  readonly maxKeyHistory: number
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
  maxWork: 250_000,
  maxKeyHistory: 128,
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

type AnyType = Y.AbstractType<unknown>

/** A character of an item the server holds: the left neighbour a new item names. */
interface Point {
  readonly struct: Y.Item
  readonly clock: number
}

const isPoint = (v: unknown): v is Point =>
  typeof v === 'object' && v !== null && 'struct' in v && 'clock' in v

/** Clocks (sorted) with a weight each, summed between two clocks by prefix sums. */
class Weights {
  private readonly clocks: number[] = []
  private readonly sums: number[] = [0]
  constructor(entries: readonly { clock: number; weight: number }[]) {
    for (const e of [...entries].sort((a, b) => a.clock - b.clock)) {
      this.clocks.push(e.clock)
      this.sums.push(this.sums[this.sums.length - 1]! + e.weight)
    }
  }
  /** The weights of the clocks strictly between `lo` and `hi`. */
  between(lo: number, hi: number): number {
    const index = (x: number, orEqual: boolean) => {
      let a = 0
      let b = this.clocks.length
      while (a < b) {
        const m = (a + b) >> 1
        if (this.clocks[m]! < x || (orEqual && this.clocks[m] === x)) a = m + 1
        else b = m
      }
      return a
    }
    const from = index(lo, true)
    const to = index(hi, false)
    return to > from ? this.sums[to]! - this.sums[from]! : 0
  }
  get total(): number {
    return this.sums[this.sums.length - 1]!
  }
}

/**
 * Estimates the work Yjs does integrating an update into `doc`, counting no further than just
 * past `limits.maxWork` (infinite when a value would walk more than `maxKeyHistory`). Pure:
 * reads the document, never changes it. An upper bound, in units of about one step of Yjs's
 * conflict scan (`Item.integrate`):
 *
 * - A new item is placed by a scan from its left neighbour (its origin; without one, the start
 *   of its list, or of its key's history, which Yjs first walks to from the current value)
 *   towards its right neighbour (its rightOrigin, else the end). The scan passes only items
 *   that hang, through their origins, off the left neighbour or off what it has passed, so it
 *   is bounded by the new items hanging there (whole subtrees) and, from a character the server
 *   holds or from a start, by the server's items up to the right neighbour and what hangs off
 *   them. Honest items name neighbours that were adjacent where they were made: little lies
 *   between. Forged ones can name neighbours a whole list apart, hang thousands of items off one
 *   spot, or start from the beginning of a long key history, item after item.
 * - A cut inside an item the server holds (a neighbour or a deletion boundary in its middle)
 *   splits it: the client's struct list is spliced and a JSON array copied.
 * - Each struct a deletion range covers is visited (ranges are sorted and apart: checked).
 */
export function integrationWork(
  doc: Y.Doc,
  fresh: ReadonlyMap<number, readonly (Y.Item | Y.GC)[]>,
  ds: { clients: Map<number, { clock: number; len: number }[]> },
  limits: Pick<UpdateLimits, 'maxWork' | 'maxKeyHistory'>,
): number {
  const budget = limits.maxWork
  const stateOf = (client: number) => Y.getState(doc.store, client)
  const structsOf = (client: number) => (doc.store.clients.get(client) ?? []) as (Y.Item | Y.GC)[]
  const serverAt = (id: Y.ID): Y.Item | Y.GC | null =>
    id.clock < stateOf(id.client) ? findStruct(structsOf(id.client), id.clock) : null
  const freshAt = (id: Y.ID): Y.Item | Y.GC | null =>
    id.clock < stateOf(id.client) ? null : findStruct(fresh.get(id.client) ?? [], id.clock)
  // The left neighbour Yjs uses: a new struct that starts inside what the server holds is cut
  // there, and its remainder follows the sender's own last struct.
  const originOf = (item: Y.Item): Y.ID | null => {
    const known = stateOf(item.id.client)
    return item.id.clock < known ? Y.createID(item.id.client, known - 1) : item.origin
  }
  /** The item a new item follows, else the one it precedes (Yjs takes the parent from it). */
  const neighbourOf = (item: Y.Item): Y.Item | Y.GC | null => {
    const ref = originOf(item) ?? item.rightOrigin
    return ref ? (serverAt(ref) ?? freshAt(ref)) : null
  }

  const items: Y.Item[] = []
  let work = 0
  for (const list of fresh.values()) {
    for (const s of list) {
      work += 1
      if (s instanceof Y.Item) items.push(s)
    }
  }

  // Cuts inside items the server holds, each counted once.
  const cuts = new Set<string>()
  const cut = (client: number, clock: number, onlyLive: boolean) => {
    if (clock >= stateOf(client)) return
    const structs = structsOf(client)
    const s = findStruct(structs, clock)
    if (!(s instanceof Y.Item) || s.id.clock === clock || (onlyLive && s.deleted)) return
    const key = `${client}:${clock}`
    if (cuts.has(key)) return
    cuts.add(key)
    work += 1 + structs.length / 64 + (s.content instanceof Y.ContentAny ? s.length / 16 : 0)
  }
  for (const item of items) {
    const origin = originOf(item)
    if (origin) cut(origin.client, origin.clock + 1, false)
    if (item.rightOrigin) cut(item.rightOrigin.client, item.rightOrigin.clock, false)
  }
  if (work > budget) return work

  // The parent of a new item: a type the server holds, or a name for one it does not have.
  const parents = new Map<Y.Item, unknown>()
  const parentOf = (start: Y.Item): unknown => {
    const path: Y.Item[] = []
    let item: Y.Item | null = start
    let found: unknown = null
    while (item !== null && path.length <= items.length) {
      const memo = parents.get(item)
      if (memo !== undefined) {
        found = memo
        break
      }
      path.push(item)
      const parent = item.parent as unknown
      if (typeof parent === 'string') {
        found = doc.share.get(parent) ?? `root ${parent}`
        break
      }
      if (isId(parent)) {
        const holder = serverAt(parent)
        found =
          holder instanceof Y.Item && holder.content instanceof Y.ContentType
            ? holder.content.type
            : `item ${parent.client}:${parent.clock}`
        break
      }
      // No parent written: Yjs takes the neighbour's (none when that was collected).
      const next = neighbourOf(item)
      if (!(next instanceof Y.Item)) break
      if (next.parent instanceof Y.AbstractType) {
        found = next.parent
        break
      }
      item = next
    }
    for (const p of path) parents.set(p, found)
    return found
  }
  const keyOf = (item: Y.Item): string | null => {
    if (item.parentSub !== null || item.parent !== null) return item.parentSub
    const next = neighbourOf(item)
    return next instanceof Y.Item ? next.parentSub : null
  }
  // The spot a list or a key's history starts at, as a key.
  const typeNames = new Map<unknown, string>()
  const startOf = (item: Y.Item): unknown => {
    const parent = parentOf(item)
    const key = keyOf(item)
    if (key === null) return parent
    let name = typeNames.get(parent)
    if (name === undefined) {
      name = `type ${typeNames.size}`
      typeNames.set(parent, name)
    }
    return `${name}\u0000${key}`
  }

  // What each new item hangs off: a new struct (holding its origin), a character the server
  // holds (a Point), or the start of its list or key history; null when Yjs collects it.
  const points = new Map<string, Point>()
  const hangsOff = new Map<Y.Item, unknown>()
  for (const item of items) {
    const origin = originOf(item)
    let off: unknown
    if (origin === null) off = startOf(item)
    else {
      const server = serverAt(origin)
      if (server instanceof Y.Item) {
        const key = `${origin.client}:${origin.clock}`
        off = points.get(key)
        if (!off) {
          off = { struct: server, clock: origin.clock } satisfies Point
          points.set(key, off as Point)
        }
      } else if (server) off = null
      else {
        const f = freshAt(origin)
        off = f instanceof Y.Item ? f : null
      }
    }
    hangsOff.set(item, off)
  }
  // Subtrees: each new item with the new items hanging off it, directly or not. Origins of new
  // items point back (checked: no cycles), so depths order children before their parents.
  const depth = new Map<Y.Item, number>()
  for (const start of items) {
    const path: Y.Item[] = []
    let item: Y.Item | null = start
    let d = 0
    while (item !== null && !depth.has(item) && path.length <= items.length) {
      path.push(item)
      const off = hangsOff.get(item)
      item = off instanceof Y.Item && hangsOff.has(off) ? off : null
    }
    if (item !== null) d = depth.get(item) ?? 0
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, ++d)
  }
  const subtree = new Map<Y.Item, number>()
  /** Summed subtrees of the new items hanging off each spot that is not a new item. */
  const weightAt = new Map<unknown, number>()
  for (const item of [...items].sort((a, b) => depth.get(b)! - depth.get(a)!)) {
    const size = (subtree.get(item) ?? 0) + 1
    subtree.set(item, size)
    const off = hangsOff.get(item)
    if (off instanceof Y.Item && hangsOff.has(off)) subtree.set(off, (subtree.get(off) ?? 0) + size)
    else weightAt.set(off, (weightAt.get(off) ?? 0) + size)
  }
  // Per server item, the new subtrees hanging off its characters.
  const byStruct = new Map<Y.Item, { clock: number; weight: number }[]>()
  for (const p of points.values()) {
    const list = byStruct.get(p.struct) ?? []
    list.push({ clock: p.clock, weight: weightAt.get(p) ?? 0 })
    byStruct.set(p.struct, list)
  }
  // The spot (not a new item) a new item hangs off through the new items above it.
  const roots = new Map<Y.Item, unknown>()
  const rootOf = (start: Y.Item): unknown => {
    const path: Y.Item[] = []
    let item = start
    let found: unknown = null
    while (path.length <= items.length) {
      if (roots.has(item)) {
        found = roots.get(item)
        break
      }
      path.push(item)
      const up = hangsOff.get(item)
      if (!(up instanceof Y.Item) || !hangsOff.has(up)) {
        found = up ?? null
        break
      }
      item = up
    }
    for (const p of path) roots.set(p, found)
    return found
  }
  const hanging = new Map<Y.Item, Weights>()
  for (const [struct, list] of byStruct) hanging.set(struct, new Weights(list))
  const hangingIn = (s: Y.Item, lo: number, hi: number) => hanging.get(s)?.between(lo, hi) ?? 0

  // A key's history starts where walking left from its current value ends (once per key).
  const histories = new Map<unknown, { first: Y.Item | null; length: number }>()
  const historyOf = (type: AnyType, key: string, spot: unknown) => {
    let h = histories.get(spot)
    if (!h) {
      let first = type._map.get(key) ?? null
      let length = first ? 1 : 0
      while (first?.left) {
        first = first.left
        length++
      }
      h = { first, length }
      histories.set(spot, h)
    }
    return h
  }

  for (const item of items) {
    const off = hangsOff.get(item)
    if (off === null || off === undefined) continue
    const own = subtree.get(item)!
    if (off instanceof Y.Item) {
      // Off a new item: the scan passes at most the other new items hanging off it.
      work += subtree.get(off)! - 1 - own
      if (work > budget) return work
      continue
    }
    // The other new items hanging off the same spot, with theirs.
    work += (weightAt.get(off) ?? own) - own
    // Where the scan ends: at the right neighbour (a character of a server item), or past
    // where a new right neighbour hangs, or at the end.
    let right: Point | null = null
    let rightAfter: Point | null = null
    if (item.rightOrigin) {
      const r = serverAt(item.rightOrigin)
      if (r instanceof Y.GC) continue // Yjs collects the item
      if (r) right = { struct: r, clock: item.rightOrigin.clock }
      else {
        // A new right neighbour hangs (through new items) off a server character, or a start.
        const f = freshAt(item.rightOrigin)
        if (!(f instanceof Y.Item)) continue // collected: so is the item
        const top = rootOf(f)
        // Hanging off the same spot: what lies between is counted with that spot.
        if (top === off) continue
        if (isPoint(top)) rightAfter = top
      }
    }
    let o: Y.Item | null
    if (isPoint(off)) {
      const { struct, clock } = off
      if (right?.struct === struct && right.clock > clock) {
        work += hangingIn(struct, clock, right.clock)
        continue
      }
      if (rightAfter?.struct === struct && rightAfter.clock >= clock) {
        work += hangingIn(struct, clock, rightAfter.clock + 1)
        continue
      }
      // The rest of the item after the cut, and what hangs there.
      work += 1 + hangingIn(struct, clock, Number.POSITIVE_INFINITY)
      o = struct.right
    } else {
      const parent = parentOf(item)
      if (!(parent instanceof Y.AbstractType)) continue
      const key = keyOf(item)
      if (key !== null) {
        const h = historyOf(parent as AnyType, key, off)
        if (h.length > limits.maxKeyHistory) return Number.POSITIVE_INFINITY
        // Walked to its start twice (to scan from there, to link the item in): pointer steps.
        work += h.length / 2
        o = h.first
      } else {
        o = parent._start
      }
    }
    for (; o !== null; o = o.right) {
      if (right?.struct === o) {
        work += hangingIn(o, Number.NEGATIVE_INFINITY, right.clock)
        break
      }
      if (rightAfter?.struct === o) {
        work += 1 + hangingIn(o, Number.NEGATIVE_INFINITY, rightAfter.clock + 1)
        break
      }
      work += 1 + (hanging.get(o)?.total ?? 0)
      if (work > budget) return work
    }
    if (work > budget) return work
  }

  // Deletions: every struct a range covers is visited (a cheap step); a boundary inside a live
  // item cuts it.
  for (const [client, ranges] of ds.clients) {
    const known = stateOf(client)
    const structs = structsOf(client)
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known)
      if (clock >= end) continue
      const first = indexOfClock(structs, clock)
      const last = indexOfClock(structs, end - 1)
      if (first >= 0 && last >= first) work += (last - first + 1) / 16
      cut(client, clock, true)
      cut(client, end, true)
      if (work > budget) return work
    }
  }
  return work
}

/**
 * Whether a cut at `clock` of `client` falls inside a live map value the server holds: one
 * longer than one unit, which only a forged update (before the check refused those) writes.
 */
export function splitsMapValue(doc: Y.Doc, client: number, clock: number): boolean {
  if (clock >= Y.getState(doc.store, client)) return false
  const s = findStruct((doc.store.clients.get(client) ?? []) as (Y.Item | Y.GC)[], clock)
  return s instanceof Y.Item && s.parentSub !== null && !s.deleted && s.id.clock < clock
}

/** A character of the server's document, or where a list starts or ends. */
type Anchor = Point | 'start' | 'end'
/** The list (or key history) a new item joins, or 'collected' when Yjs turns it into GC. */
type Place = { readonly list: string; readonly key: string | null } | 'collected'

/**
 * Why a new item's neighbours are not as Yjs writes them, or null. Yjs writes an item with the
 * neighbours it had where it was made: both in one list or key history, the left one before
 * the right one, and no right neighbour at all in a key's history (a map value). Yjs trusts
 * them: an item that breaks this is placed according to how the receiving document happens to
 * split its structs and what it already holds. The server would place it one way, a fresh
 * client rebuilding the document from the server's encoding another, and a value one of them
 * keeps is deleted in the other (the long fuzz run: same state vector, different deletions).
 *
 * An order that depends on where a new neighbour lands is checked as far as the neighbours it
 * names itself allow (the left one's own left, the right one's own right); items Yjs collects
 * pass. Walking a list to find the right neighbour after the left one takes at most
 * `maxSteps` steps; past them the update is too costly.
 */
export function misplacedNeighbour(
  doc: Y.Doc,
  fresh: ReadonlyMap<number, readonly (Y.Item | Y.GC)[]>,
  maxSteps: number,
): string | null {
  const stateOf = (client: number) => Y.getState(doc.store, client)
  const serverAt = (id: Y.ID): Y.Item | Y.GC | null =>
    id.clock < stateOf(id.client)
      ? findStruct((doc.store.clients.get(id.client) ?? []) as (Y.Item | Y.GC)[], id.clock)
      : null
  const freshAt = (id: Y.ID): Y.Item | Y.GC | null =>
    id.clock < stateOf(id.client) ? null : findStruct(fresh.get(id.client) ?? [], id.clock)
  // A new struct that starts inside what the server holds is cut there (diffUpdate); Yjs puts
  // the rest after the sender's own previous character.
  const originOf = (item: Y.Item): Y.ID | null => {
    const known = stateOf(item.id.client)
    return item.id.clock < known ? Y.createID(item.id.client, known - 1) : item.origin
  }
  const roots = new Map<unknown, string>()
  for (const [name, type] of doc.share) roots.set(type, name)
  const listOf = (type: Y.AbstractType<unknown>): string =>
    type._item === null
      ? `root ${roots.get(type) ?? '?'}`
      : `#${type._item.id.client}:${type._item.id.clock}`

  const places = new Map<Y.Item, Place>()
  /** The place of the character at `id`: held by the server, or new and placed already. */
  const placeAt = (id: Y.ID): Place => {
    const server = serverAt(id)
    if (server instanceof Y.Item) {
      return server.parent instanceof Y.AbstractType
        ? { list: listOf(server.parent as Y.AbstractType<unknown>), key: server.parentSub }
        : 'collected'
    }
    if (server) return 'collected'
    const f = freshAt(id)
    return f instanceof Y.Item ? (places.get(f) ?? 'collected') : 'collected'
  }
  /** The new items whose place an item's place depends on. */
  const dependsOn = (item: Y.Item): Y.Item[] => {
    const origin = originOf(item)
    const parent = item.parent as unknown
    const refs =
      origin || item.rightOrigin ? [origin, item.rightOrigin] : isId(parent) ? [parent] : []
    const deps: Y.Item[] = []
    for (const ref of refs) {
      const f = ref ? freshAt(ref) : null
      if (f instanceof Y.Item && !places.has(f)) deps.push(f)
    }
    return deps
  }
  /** As Yjs's getMissing: from the left neighbour, else the right one, else the parent. */
  const placeOnce = (item: Y.Item): Place => {
    const origin = originOf(item)
    const left = origin ? placeAt(origin) : null
    const right = item.rightOrigin ? placeAt(item.rightOrigin) : null
    if (left === 'collected' || right === 'collected') return 'collected'
    if (left) return left
    if (right) return right
    const parent = item.parent as unknown
    if (typeof parent === 'string') return { list: `root ${parent}`, key: item.parentSub }
    if (!isId(parent)) return 'collected'
    const server = serverAt(parent)
    const holder = server ?? freshAt(parent)
    const live =
      holder instanceof Y.Item &&
      holder.content instanceof Y.ContentType &&
      (server !== null || places.get(holder) !== 'collected')
    return live ? { list: `#${parent.client}:${parent.clock}`, key: item.parentSub } : 'collected'
  }
  // References between new items are acyclic (checked before): places in dependency order,
  // without recursion (a chain can be as long as the update).
  let total = 0
  for (const list of fresh.values()) total += list.length
  let budget = 8 * total + 16
  const placeOf = (start: Y.Item): Place => {
    const stack = [start]
    while (stack.length > 0) {
      if (--budget < 0) return 'collected'
      const item = stack[stack.length - 1]!
      if (places.has(item)) {
        stack.pop()
        continue
      }
      const deps = dependsOn(item)
      if (deps.length > 0) {
        stack.push(...deps)
        continue
      }
      places.set(item, placeOnce(item))
      stack.pop()
    }
    return places.get(start) ?? 'collected'
  }

  /**
   * The server character a position is bounded by: the left neighbour's own left neighbour,
   * and so on, until one the server holds (else the start); likewise to the right (else the end).
   */
  const anchors = { left: new Map<Y.Item, Anchor>(), right: new Map<Y.Item, Anchor>() }
  const anchorAt = (id: Y.ID, side: 'left' | 'right'): Anchor => {
    const path: Y.Item[] = []
    let found: Anchor = side === 'left' ? 'start' : 'end'
    for (let at: Y.ID | null = id; at !== null;) {
      const server = serverAt(at)
      if (server instanceof Y.Item) {
        found = { struct: server, clock: at.clock }
        break
      }
      const f = freshAt(at)
      if (!(f instanceof Y.Item)) break
      const memo = anchors[side].get(f)
      if (memo) {
        found = memo
        break
      }
      if (path.length > total) break
      path.push(f)
      at = side === 'left' ? originOf(f) : f.rightOrigin
    }
    for (const p of path) anchors[side].set(p, found)
    return found
  }

  let steps = 0
  for (const list of fresh.values()) {
    for (const item of list) {
      if (!(item instanceof Y.Item)) continue
      const origin = originOf(item)
      // Yjs cuts the neighbours' items before it looks at anything else.
      if (
        (origin && splitsMapValue(doc, origin.client, origin.clock + 1)) ||
        (item.rightOrigin && splitsMapValue(doc, item.rightOrigin.client, item.rightOrigin.clock))
      ) {
        return 'an item would cut a map value in two'
      }
      const place = placeOf(item)
      if (place === 'collected') continue
      if (place.key !== null) {
        // Yjs writes each map value alone, one unit long (only deleted ones merge into runs):
        // a longer one could later be cut in two, its first part kept where the server holds
        // it and deleted where a fresh client rebuilds the key's history.
        if (item.length > 1 && !(item.content instanceof Y.ContentDeleted)) {
          return 'a map value is longer than one'
        }
        if (item.rightOrigin !== null) return 'a map value names a right neighbour'
        continue
      }
      if (item.rightOrigin === null || origin === null) continue
      const left = placeAt(origin)
      const right = placeAt(item.rightOrigin)
      if (left === 'collected' || right === 'collected') continue
      if (left.list !== right.list || left.key !== right.key) {
        return 'an item names neighbours in different lists'
      }
      const from = anchorAt(origin, 'left')
      const to = anchorAt(item.rightOrigin, 'right')
      if (from === 'start' || from === 'end' || to === 'start' || to === 'end') continue
      if (from.struct === to.struct) {
        if (to.clock > from.clock) continue
        return 'an item names its right neighbour before its left one'
      }
      let s: Y.Item | null = from.struct.right
      while (s !== null && s !== to.struct) {
        if (++steps > maxSteps) return 'the update would take too long to apply'
        s = s.right
      }
      if (s === null) return 'an item names its right neighbour before its left one'
    }
  }
  return null
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
