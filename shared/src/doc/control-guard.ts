// Rules for the facilitator's own updates to the control document, checked before the server
// applies them. The facilitator steers the session (phase, lock, settings), but what the server
// decides — the roster, progress, results, the status of a vote — only the server writes, and
// voting settings are fixed once voting has opened: a sealed vote keeps the rules it was cast under.
// The decision log is the server's record of what was done: no client adds, edits or deletes
// an entry (the server logs the facilitator's phase and mode changes itself, in its own time).
// The decisions root holds exactly decision maps, their plain fields and a rationale text
// (decisions.ts), so every place is resolved from its root down, nested types included.
import * as Y from 'yjs'
import type { GuardVerdict } from './board-guard.js'
import { indexOfClock } from './update-structs.js'
import { MATRIX_ADOPTED } from './matrix.js'
import { DONE_ROOT } from './done.js'
import { frameworkRefusal } from './framework.js'
import { isRoundControlRoot, isRoundProgressRoot, ROUND_SERVER_KEYS } from './rounds.js'
import {
  DECISIONS_ROOT,
  decisionRationale,
  decisionsRefusal,
  type ControlPath,
} from './decisions.js'
import { DECISION_LIMITS, RATIONALE_KEY } from '../schema/decision.js'

/** Roots of the control document that only the server writes. */
const SERVER_ROOTS: ReadonlySet<string> = new Set([
  'roster',
  'progress',
  'results',
  'meta',
  'log',
  // The adopted 2x2 aggregate: adopting is logged, so only the server's action writes it.
  MATRIX_ADOPTED,
  // "I'm done" marks: a participant asks the server (POST /api/workshops/:id/done).
  DONE_ROOT,
])

const OK: GuardVerdict = { ok: true }

/**
 * Where an item sits: the keys from its root down (`[root, key]` for a root's entry; a
 * sequence position is null), or `[null]` when it cannot be told.
 */
type Place = ControlPath

/** Deeper than this, a place is not walked further (our control document nests 4 deep). */
const MAX_DEPTH = 32

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
  const refusal = (path: Place, content: Y.Item['content'] | null): GuardVerdict | null => {
    const place = { root: path[0] ?? null, key: path.length >= 2 ? (path[1] ?? null) : null }
    const decisions = decisionsRefusal(path, content)
    if (decisions) return { ok: false, reason: decisions }
    const framework = frameworkRefusal(doc, path, content)
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
  const NOWHERE: Place = [null]
  const docPaths = new Map<unknown, Place>()
  /** The path of an item the server holds: its parent's path and its key (walked upwards). */
  const placeOfDocItem = (start: Y.Item): Place => {
    const chain: Y.Item[] = []
    let item: Y.Item | null = start
    let base: Place = NOWHERE
    while (item) {
      const memo = docPaths.get(item)
      if (memo) {
        base = memo
        break
      }
      chain.push(item)
      const parent = item.parent as Y.AbstractType<unknown> | null
      const name = parent ? roots.get(parent) : undefined
      if (name !== undefined) {
        base = [name]
        break
      }
      if (chain.length > MAX_DEPTH) break
      item = parent?._item ?? null
    }
    // `base` is the path of the parent of the last item walked; unwind to `start`.
    let path = base
    for (let i = chain.length - 1; i >= 0; i--) {
      path = base === NOWHERE ? NOWHERE : [...path, chain[i]!.parentSub]
      docPaths.set(chain[i]!, path)
    }
    return path
  }
  const places = new Map<Y.Item, Place>()
  /**
   * The path of a new item: from its parent (a root, or a type the server holds or the update
   * brings), else from the neighbour it was put next to (walked without recursion and
   * remembered, so a long chain costs linear time).
   */
  const placeOfFresh = (start: Y.Item, depth = 0): Place => {
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
        found = [parent, item.parentSub]
        break
      }
      if (isId(parent)) {
        if (depth >= MAX_DEPTH) break
        const typeItem =
          parent.clock < known(parent.client) ? Y.getItem(doc.store, parent) : freshAt(parent)
        if (!(typeItem instanceof Y.Item)) break
        const above =
          parent.clock < known(parent.client)
            ? placeOfDocItem(typeItem)
            : placeOfFresh(typeItem, depth + 1)
        found = above === NOWHERE ? NOWHERE : [...above, item.parentSub]
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
  /** Characters each decision's rationale gains (new text) and loses (deletions) here. */
  const rationaleGrowth = new Map<string, number>()
  const grow = (path: Place, by: number) => {
    if (path.length === 4 && path[0] === DECISIONS_ROOT && path[2] === RATIONALE_KEY) {
      const id = path[1]!
      rationaleGrowth.set(id, (rationaleGrowth.get(id) ?? 0) + by)
    }
  }

  for (const list of fresh.values()) {
    for (const item of list) {
      const path = placeOfFresh(item)
      const refused = refusal(path, item.content)
      if (refused) return refused
      if (item.content instanceof Y.ContentString) grow(path, item.content.str.length)
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
        const path = placeOfDocItem(s)
        const refused = refusal(path, null)
        if (refused) return refused
        if (s.countable) {
          const gone = Math.min(s.id.clock + s.length, clock + len) - Math.max(s.id.clock, clock)
          grow(path, -gone)
        }
      }
    }
  }
  for (const [id, by] of rationaleGrowth) {
    const now = decisionRationale(doc, id)?.length ?? 0
    if (by > 0 && now + by > DECISION_LIMITS.rationale) {
      return {
        ok: false,
        reason: `a rationale is at most ${DECISION_LIMITS.rationale} characters`,
      }
    }
  }
  return OK
}
