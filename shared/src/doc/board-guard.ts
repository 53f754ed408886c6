// Content rules for a member's update to the board, checked before the server applies it.
// Members edit cards together, but only the server adds ideas, nobody rewrites who wrote an
// idea, and a participant deletes only their own ideas. Works on the encoded update, so a
// refused update is never applied, stored or broadcast.
import * as Y from 'yjs'
import { IDEAS, PROTECTED_IDEA_KEYS } from './board.js'

export type GuardVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string }

export interface BoardGuardRules {
  /** Whether this writer may delete the idea (`idea` is its map, with its tag). */
  mayDeleteIdea(ideaId: string, idea: Y.Map<unknown>): boolean
}

/** Where an item sits: in the root ideas map, inside one idea's map, or anywhere else. */
type Place =
  | { readonly in: 'ideas'; readonly key: string | null }
  | { readonly in: 'idea'; readonly ideaId: string; readonly key: string | null }
  | { readonly in: 'other' }

const OTHER: Place = { in: 'other' }
const OK: GuardVerdict = { ok: true }

function docItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  const structs = doc.store.clients.get(id.client)
  if (!structs || structs.length === 0) return null
  const last = structs[structs.length - 1]!
  if (id.clock >= last.id.clock + last.length) return null
  const struct = Y.getItem(doc.store, id)
  return struct instanceof Y.Item ? struct : null
}

/** The place of an item already in the document. */
function placeInDoc(item: Y.Item, ideas: unknown): Place {
  const parent = item.parent as { _item: Y.Item | null } | null
  if (parent === ideas) return { in: 'ideas', key: item.parentSub }
  const holder = parent?._item
  if (holder && holder.parent === ideas && holder.parentSub !== null) {
    return { in: 'idea', ideaId: holder.parentSub, key: item.parentSub }
  }
  return OTHER
}

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`

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
    return { ok: false, reason: 'malformed update' }
  }
  const ideas = doc.getMap<unknown>(IDEAS)
  const fresh = new Map<string, Y.Item>()
  for (const s of decoded.structs) if (s instanceof Y.Item) fresh.set(idKey(s.id), s)

  /** Finds the place of an item of this update, or of the document, by its id. */
  const placeOf = (id: Y.ID, depth: number): Place => {
    const known = docItem(doc, id)
    if (known) return placeInDoc(known, ideas)
    // Ids inside one struct of this update point into it by clock offset.
    for (const item of fresh.values()) {
      if (
        item.id.client === id.client &&
        id.clock >= item.id.clock &&
        id.clock < item.id.clock + item.length
      ) {
        return placeOfFresh(item, depth + 1)
      }
    }
    return OTHER
  }

  const placeOfFresh = (item: Y.Item, depth: number): Place => {
    if (depth > 64) return OTHER
    const parent = item.parent as unknown
    if (typeof parent === 'string') {
      return parent === IDEAS ? { in: 'ideas', key: item.parentSub } : OTHER
    }
    if (parent && typeof parent === 'object' && 'client' in parent) {
      // The parent is a type held by another item: where is that item?
      const holder = placeOf(parent as Y.ID, depth)
      if (holder.in === 'ideas' && holder.key !== null) {
        return { in: 'idea', ideaId: holder.key, key: item.parentSub }
      }
      return OTHER
    }
    // No parent written: it is inherited from the neighbour the item was inserted next to.
    const neighbour = item.origin ?? item.rightOrigin
    return neighbour ? placeOf(neighbour, depth) : OTHER
  }

  for (const item of fresh.values()) {
    const place = placeOfFresh(item, 0)
    if (place.in === 'ideas') return { ok: false, reason: 'only the server adds ideas' }
    if (place.in === 'idea' && place.key !== null && PROTECTED_IDEA_KEYS.has(place.key)) {
      return { ok: false, reason: `the ${place.key} of an idea cannot be changed` }
    }
  }

  // Deletions: whole ideas first, so their own keys may go with them.
  const deletedIdeas = new Set<string>()
  const deletedInIdeas: { ideaId: string; key: string | null }[] = []
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    for (const { clock, len } of ranges) {
      const last = structs[structs.length - 1]!
      const end = Math.min(clock + len, last.id.clock + last.length)
      if (clock >= end) continue
      let index = Y.findIndexSS(structs, clock)
      for (; index < structs.length; index++) {
        const struct = structs[index]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const place = placeInDoc(struct, ideas)
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
