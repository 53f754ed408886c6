// Rules for the facilitator's own updates to the control document, checked before the server
// applies them. The facilitator steers the session (phase, lock, settings), but what the server
// decides — the roster, progress, results, the status of a vote — only the server writes, and
// voting settings are fixed once voting has opened: a sealed vote keeps the rules it was cast under.
// The decision log is the server's record of what was done: no client adds, edits or deletes
// an entry (the server logs the facilitator's phase and mode changes itself, in its own time).
import * as Y from 'yjs'
import type { GuardVerdict } from './board-guard.js'
import { indexOfClock } from './update-check.js'
import { MATRIX_ADOPTED } from './matrix.js'
import { frameworkRefusal } from './framework.js'
import { isRoundControlRoot, isRoundProgressRoot, ROUND_SERVER_KEYS } from './rounds.js'

/** Roots of the control document that only the server writes. */
const SERVER_ROOTS: ReadonlySet<string> = new Set([
  'roster',
  'progress',
  'results',
  'meta',
  'log',
  // The adopted 2x2 aggregate: adopting is logged, so only the server's action writes it.
  MATRIX_ADOPTED,
])

const OK: GuardVerdict = { ok: true }

/** Where a map entry sits: its root's name and its key (null when not directly in a root). */
interface Place {
  readonly root: string | null
  readonly key: string | null
}

const isId = (v: unknown): v is Y.ID =>
  typeof v === 'object' && v !== null && 'client' in v && 'clock' in v

/** The names of the root types of `doc`, by type (built once per check: roots may be many). */
function rootNames(doc: Y.Doc): Map<unknown, string> {
  const names = new Map<unknown, string>()
  for (const [name, t] of doc.share) names.set(t, name)
  return names
}

/**
 * Checks an update the facilitator sends to the control document. `doc` is the control
 * document as the server holds it, before the update; the update has passed `checkUpdate`, so
 * every reference points at the document or at the update itself.
 */
export function checkControlUpdate(doc: Y.Doc, update: Uint8Array): GuardVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch {
    return { ok: false, reason: 'malformed update' }
  }
  // Every sealed round (voting and the kinds after it) keeps its settings open only in set-up.
  const settingsOpen = (root: string) => {
    const status = doc.share.has(root) ? doc.getMap(root).get('status') : undefined
    return status === undefined || status === 'setup'
  }
  const refusal = (place: Place): GuardVerdict | null => {
    const framework = frameworkRefusal(doc, place.root, place.key)
    if (framework) return { ok: false, reason: framework }
    if (place.root !== null && (SERVER_ROOTS.has(place.root) || isRoundProgressRoot(place.root))) {
      return { ok: false, reason: `the ${place.root} is written by the server` }
    }
    if (place.root !== null && isRoundControlRoot(place.root) && place.key !== null) {
      if (ROUND_SERVER_KEYS.has(place.key)) {
        return { ok: false, reason: 'the status of a vote is written by the server' }
      }
      if (place.key === 'settings' && !settingsOpen(place.root)) {
        return {
          ok: false,
          reason: 'voting settings are fixed once voting opens; reopen voting to change them',
        }
      }
    }
    return null
  }

  const known = (client: number) => Y.getState(doc.store, client)
  // New items by client, in clock order (as Yjs writes them).
  const fresh = new Map<number, Y.Item[]>()
  for (const s of decoded.structs) {
    if (s instanceof Y.Item && s.id.clock + s.length > known(s.id.client)) {
      const list = fresh.get(s.id.client) ?? []
      list.push(s)
      fresh.set(s.id.client, list)
    }
  }
  const freshAt = (id: Y.ID): Y.Item | null => {
    const list = fresh.get(id.client) ?? []
    const i = indexOfClock(list, id.clock)
    return i < 0 ? null : list[i]!
  }
  const roots = rootNames(doc)
  const placeOfDocItem = (item: Y.Item): Place => ({
    root: roots.get(item.parent) ?? null,
    key: item.parentSub,
  })
  const NOWHERE: Place = { root: null, key: null }
  const places = new Map<Y.Item, Place>()
  /**
   * The place of a new item: from its parent, else from the neighbour it was put next to
   * (walked without recursion and remembered, so a long chain costs linear time).
   */
  const placeOfFresh = (start: Y.Item): Place => {
    const path: Y.Item[] = []
    const onPath = new Set<Y.Item>()
    let item = start
    let found: Place = NOWHERE
    for (;;) {
      const memo = places.get(item)
      if (memo) {
        found = memo
        break
      }
      if (onPath.has(item)) break
      onPath.add(item)
      path.push(item)
      const parent = item.parent as unknown
      if (typeof parent === 'string') {
        found = { root: parent, key: item.parentSub }
        break
      }
      if (isId(parent)) {
        found = { root: null, key: item.parentSub }
        break
      }
      const ref = item.origin ?? item.rightOrigin
      if (!ref) break
      if (ref.clock < known(ref.client)) {
        const neighbour = Y.getItem(doc.store, ref)
        if (neighbour instanceof Y.Item) found = placeOfDocItem(neighbour)
        break
      }
      const next = freshAt(ref)
      if (!next) break
      item = next
    }
    for (const step of path) places.set(step, found)
    return found
  }

  for (const list of fresh.values()) {
    for (const item of list) {
      const refused = refusal(placeOfFresh(item))
      if (refused) return refused
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client) ?? []
    for (const { clock, len } of ranges) {
      const first = indexOfClock(structs, Math.min(clock, known(client) - 1))
      if (first < 0) continue
      for (let i = first; i < structs.length && structs[i]!.id.clock < clock + len; i++) {
        const s = structs[i]!
        if (s.id.clock + s.length <= clock || !(s instanceof Y.Item) || s.deleted) continue
        const refused = refusal(placeOfDocItem(s))
        if (refused) return refused
      }
    }
  }
  return OK
}
