// Where a new item sits among its neighbours: as Yjs writes it, or forged.
import * as Y from 'yjs'
import { findStruct, isId, type Point } from './update-structs.js'

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
