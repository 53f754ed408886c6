// Content rules for a member's update to the board, checked before the server applies it.
// Members edit cards together, but only the server adds ideas, nobody rewrites who wrote an
// idea, and a participant deletes only their own ideas — and may put one of their own deleted
// ideas back (an undo), proven by its tag. Works on the encoded update, so a
// refused update is never applied, stored or broadcast.
import * as Y from 'yjs'
import { IDEAS, PROTECTED_IDEA_KEYS } from './board.js'
import { META } from './version.js'

/**
 * Parts of the board only the server writes (its schema version). Members may add parts of
 * their own; the document's quota bounds what they cost.
 */
const SERVER_ROOTS: ReadonlySet<string> = new Set([META])

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string }

export interface BoardGuardRules {
  /** Whether this writer may delete the idea (`idea` is its map, with its tag). */
  mayDeleteIdea(ideaId: string, idea: Y.Map<unknown>): boolean
  /**
   * Whether this writer may put a deleted idea back under `ideaId` (an undo re-creates it with
   * new structs), `tag` being the ownership tag the restored idea carries. Absent: never.
   */
  mayRestoreIdea?(ideaId: string, tag: string | null): boolean
}

/**
 * Where an item sits: in the root ideas map, inside one idea's map, or anywhere else; or
 * `unknown` when it hangs off something the server does not hold (Yjs would keep it pending
 * and place it only once that arrives, so it cannot be judged now), or `malformed`.
 */
type Place =
  | { readonly in: 'ideas'; readonly key: string | null }
  | { readonly in: 'idea'; readonly ideaId: string; readonly key: string | null }
  | { readonly in: 'other' }
  | { readonly in: 'server' }
  | { readonly in: 'unknown' }
  | { readonly in: 'malformed' }

const OTHER: Place = { in: 'other' }
const SERVER: Place = { in: 'server' }
const REFUSED_SERVER: GuardVerdict = { ok: false, reason: 'that part of the board is the server’s' }
const UNKNOWN: Place = { in: 'unknown' }
const MALFORMED: Place = { in: 'malformed' }
const OK: GuardVerdict = { ok: true }
const REFUSED_MALFORMED: GuardVerdict = { ok: false, reason: 'malformed update' }
const REFUSED_UNKNOWN: GuardVerdict = {
  ok: false,
  reason: 'the update builds on changes the server does not have',
}

/** The place of an item already in the document. */
function placeInDoc(item: Y.Item, ideas: unknown, serverRoots: ReadonlySet<unknown>): Place {
  const parent = item.parent as { _item: Y.Item | null } | null
  if (parent === ideas) return { in: 'ideas', key: item.parentSub }
  const holder = parent?._item
  if (holder && holder.parent === ideas && holder.parentSub !== null) {
    return { in: 'idea', ideaId: holder.parentSub, key: item.parentSub }
  }
  // Up to the root (types nest a few levels at most): is it one only the server writes?
  let type = parent
  for (let depth = 0; type?._item && depth < 64; depth++) {
    type = type._item.parent as { _item: Y.Item | null } | null
  }
  return type && serverRoots.has(type) ? SERVER : OTHER
}

/** The place of an item whose parent type is held by an item at `holder`. */
function childPlace(holder: Place, key: string | null): Place {
  if (holder.in === 'unknown' || holder.in === 'malformed' || holder.in === 'server') return holder
  if (holder.in === 'ideas' && holder.key !== null) return { in: 'idea', ideaId: holder.key, key }
  return OTHER
}

const isId = (v: unknown): v is Y.ID =>
  typeof v === 'object' && v !== null && 'client' in v && 'clock' in v

/** Binary search for the struct holding `clock` in structs sorted by clock; null if none. */
function findStruct<T extends { id: Y.ID; length: number }>(list: readonly T[], clock: number) {
  let lo = 0
  let hi = list.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = list[mid]!
    if (clock < s.id.clock) hi = mid - 1
    else if (clock >= s.id.clock + s.length) lo = mid + 1
    else return s
  }
  return null
}

/** The value the update writes under `key` straight into the new map held by `map`. */
function freshValue(fresh: ReadonlyMap<number, Y.Item[]>, map: Y.Item, key: string): unknown {
  let value: unknown = undefined
  for (const items of fresh.values()) {
    for (const item of items) {
      if (item.parentSub !== key || !isId(item.parent) || !Y.compareIDs(item.parent, map.id)) {
        continue
      }
      // Two values under one key in one update: only a forged update writes that.
      if (value !== undefined) return null
      value = item.content instanceof Y.ContentAny ? (item.content.getContent()[0] ?? null) : null
    }
  }
  return value
}

/**
 * Checks an update a member (not the facilitator) sends to the board. `doc` is the board as
 * the server holds it, before the update.
 */
export function checkBoardUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  rules: BoardGuardRules,
): GuardVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return REFUSED_MALFORMED
  }
  const ideas = doc.getMap<unknown>(IDEAS)
  const serverRoots = new Set<unknown>([...SERVER_ROOTS].map((name) => doc.share.get(name)))
  const stateOf = (client: number) => Y.getState(doc.store, client)

  // Structs of the update by client, in clock order: `sent` for what the delete set may
  // name, `fresh` for the items the document does not hold yet (Yjs skips the others).
  const sent = new Map<number, (Y.Item | Y.GC)[]>()
  const fresh = new Map<number, Y.Item[]>()
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip || s.length <= 0) continue
    const client = s.id.client
    const list = sent.get(client) ?? []
    const previous = list[list.length - 1]
    // Yjs never sends a client's structs twice or out of order; one that overlaps is forged.
    if (previous && s.id.clock < previous.id.clock + previous.length) return REFUSED_MALFORMED
    list.push(s)
    sent.set(client, list)
    if (!(s instanceof Y.Item)) continue
    const known = stateOf(client)
    if (s.id.clock + s.length <= known) continue
    // Yjs would glue the unknown tail of such a struct onto the document's last item of that
    // client, whatever the struct says its place is: only a forged update does this.
    if (s.id.clock < known) return REFUSED_MALFORMED
    const items = fresh.get(client) ?? []
    items.push(s)
    fresh.set(client, items)
  }

  /** What an id points to: an item of the document, a new item of this update, or neither. */
  const lookup = (id: Y.ID): { doc: Y.Item } | { fresh: Y.Item } | 'gone' | 'missing' => {
    if (id.clock < stateOf(id.client)) {
      const struct = Y.getItem(doc.store, id)
      // Collected (deleted) content: Yjs turns whatever hangs off it into garbage as well.
      return struct instanceof Y.Item ? { doc: struct } : 'gone'
    }
    const item = findStruct(fresh.get(id.client) ?? [], id.clock)
    return item ? { fresh: item } : 'missing'
  }

  // Each item's place follows from its parent or from the neighbour it was inserted next to
  // (Yjs takes the left one first). Walked without recursion and remembered, so a long
  // chain of items cannot exhaust the stack or the CPU.
  const places = new Map<Y.Item, Place>()
  const placeOfFresh = (start: Y.Item): Place => {
    const path: { item: Y.Item; child: boolean }[] = []
    const onPath = new Set<Y.Item>()
    let current = start
    let found: Place
    for (;;) {
      const memo = places.get(current)
      if (memo) {
        found = memo
        break
      }
      if (onPath.has(current)) {
        found = MALFORMED
        break
      }
      onPath.add(current)
      const parent = current.parent as unknown
      if (typeof parent === 'string') {
        path.push({ item: current, child: false })
        found =
          parent === IDEAS
            ? { in: 'ideas', key: current.parentSub }
            : SERVER_ROOTS.has(parent)
              ? SERVER
              : OTHER
        break
      }
      const child = isId(parent)
      const ref = child ? parent : (current.origin ?? current.rightOrigin)
      path.push({ item: current, child })
      // A client's own earlier items are the only ones of its own it can refer to.
      if (!ref || (ref.client === current.id.client && ref.clock >= current.id.clock)) {
        found = MALFORMED
        break
      }
      const target = lookup(ref)
      if (target === 'gone') {
        found = OTHER
        break
      }
      if (target === 'missing') {
        found = UNKNOWN
        break
      }
      if ('doc' in target) {
        found = placeInDoc(target.doc, ideas, serverRoots)
        break
      }
      current = target.fresh
    }
    // `found` is the place of what the last step refers to; unwind to the start.
    let place = found
    for (let i = path.length - 1; i >= 0; i--) {
      const step = path[i]!
      if (step.child) place = childPlace(place, step.item.parentSub)
      places.set(step.item, place)
    }
    return places.get(start)!
  }

  // Ideas put back by this update (an undone delete): a new map under a key no idea holds.
  const restored = new Map<string, Y.Item>()
  for (const items of fresh.values()) {
    for (const item of items) {
      const place = placeOfFresh(item)
      if (place.in === 'malformed') return REFUSED_MALFORMED
      if (place.in === 'unknown') return REFUSED_UNKNOWN
      if (place.in === 'server') return REFUSED_SERVER
      if (place.in === 'ideas') {
        const restorable =
          rules.mayRestoreIdea !== undefined &&
          place.key !== null &&
          !ideas.has(place.key) &&
          !restored.has(place.key) &&
          item.content instanceof Y.ContentType &&
          item.content.type instanceof Y.Map
        if (!restorable) return { ok: false, reason: 'only the server adds ideas' }
        restored.set(place.key, item)
      }
    }
  }
  for (const [ideaId, map] of restored) {
    const tag = freshValue(fresh, map, 'tag')
    if (!rules.mayRestoreIdea!(ideaId, typeof tag === 'string' ? tag : null)) {
      return { ok: false, reason: 'only the server adds ideas; you may put back only your own' }
    }
  }
  for (const items of fresh.values()) {
    for (const item of items) {
      const place = places.get(item)!
      if (place.in !== 'idea' || place.key === null || !PROTECTED_IDEA_KEYS.has(place.key)) continue
      // The keys of an idea being put back are written once, straight into its new map.
      const into = restored.get(place.ideaId)
      if (into && isId(item.parent) && Y.compareIDs(item.parent, into.id)) continue
      return { ok: false, reason: `the ${place.key} of an idea cannot be changed` }
    }
  }

  // Deletions: whole ideas first, so their own keys may go with them.
  const deletedIdeas = new Set<string>()
  const deletedInIdeas: { ideaId: string; key: string | null }[] = []
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client) ?? []
    const known = stateOf(client)
    let previousEnd = -1
    for (const { clock, len } of ranges) {
      // Yjs writes each client's ranges sorted and merged; overlapping ones only cost time.
      if (clock < previousEnd) return REFUSED_MALFORMED
      previousEnd = clock + len
      // Deleting what the server does not hold yet would wait and strike when it arrives:
      // only the update's own new structs may be named beyond the document's state.
      for (let at = Math.max(clock, known); at < clock + len;) {
        const own = findStruct(sent.get(client) ?? [], at)
        if (!own) return REFUSED_UNKNOWN
        at = own.id.clock + own.length
      }
      const end = Math.min(clock + len, known)
      if (clock >= end) continue
      let index = Y.findIndexSS(structs, clock)
      for (; index < structs.length; index++) {
        const struct = structs[index]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const place = placeInDoc(struct, ideas, serverRoots)
        if (place.in === 'server') return REFUSED_SERVER
        if (place.in === 'ideas' && place.key !== null) {
          const value = ideas.get(place.key)
          if (!(value instanceof Y.Map) || !rules.mayDeleteIdea(place.key, value)) {
            return { ok: false, reason: 'you may delete only your own ideas' }
          }
          deletedIdeas.add(place.key)
        } else if (place.in === 'idea') {
          deletedInIdeas.push(place)
        }
      }
    }
  }
  for (const place of deletedInIdeas) {
    if (deletedIdeas.has(place.ideaId)) continue
    if (place.key !== null && PROTECTED_IDEA_KEYS.has(place.key)) {
      return { ok: false, reason: `the ${place.key} of an idea cannot be changed` }
    }
  }
  return OK
}
