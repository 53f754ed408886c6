// The work Yjs would do to integrate an update, bounded before it is applied.
import * as Y from 'yjs'
import type { UpdateLimits } from './update-limits.js'
import {
  findStruct,
  indexOfClock,
  isId,
  isPoint,
  type AnyType,
  type Point,
} from './update-structs.js'

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
