// Structure-aware random Yjs updates (update format v1), written byte by byte with lib0 so that
// every field can be out of range: client ids (0, 2^32, 2^53, 2^64…), clocks, lengths, parents
// (root names, ids of real or made-up items), origins, every content kind (and unknown ones),
// GC and Skip structs, delete sets. Also random state vectors, and valid edits made with Yjs
// itself on a copy of the document as the fuzzing connection last saw it.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { Rng } from './rng.js'

/** A number that may lie beyond 2^53 (then a bigint), written as an exact LEB128 varuint. */
export type Num = number | bigint

/** Values around the limits of readVarUint (2^53) and of 32- and 64-bit integers. */
export const HUGE: readonly bigint[] = [
  2n ** 31n - 1n,
  2n ** 31n,
  2n ** 32n - 1n,
  2n ** 32n,
  2n ** 48n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 1n,
  2n ** 56n,
  2n ** 63n,
  2n ** 64n - 1n,
  2n ** 70n,
]

const SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/** A HUGE value as a number when it is safe, else as a bigint. */
export function huge(rng: Rng): Num {
  const v = rng.pick(HUGE)
  return v <= SAFE ? Number(v) : v
}

/** Writes `value` as an LEB128 varuint, exactly (also beyond 2^53), padded with `extra` bytes. */
export function writeNum(e: encoding.Encoder, value: Num, extra = 0): void {
  if (extra === 0 && typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) {
    encoding.writeVarUint(e, value)
    return
  }
  let v = typeof value === 'bigint' ? value : BigInt(Math.max(0, Math.floor(value)))
  if (v < 0n) v = 0n
  const bytes: number[] = []
  do {
    bytes.push(Number(v & 0x7fn))
    v >>= 7n
  } while (v > 0n)
  // An overlong encoding: the same value with needless continuation bytes.
  for (let i = 0; i < extra; i++) bytes.push(0)
  for (let i = 0; i < bytes.length - 1; i++) bytes[i]! |= 0x80
  for (const b of bytes) encoding.write(e, b)
}

const add = (a: Num, b: Num): Num => {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b
    if (Number.isSafeInteger(s)) return s
  }
  return BigInt(a) + BigInt(b)
}

/** The root types of a document kind and the keys its readers look at. */
export interface Vocabulary {
  readonly roots: readonly { readonly name: string; readonly kind: 'map' | 'text' | 'array' }[]
  /** Keys that mean something in this document (map keys, idea keys…). */
  readonly keys: readonly string[]
  /**
   * Keys this connection never writes: the facilitator's fuzzing connection does not lock the
   * board or start a timer, which would make the honest participants' edits refused by rule.
   */
  readonly avoidKeys: ReadonlySet<string>
}

const BOARD_KEYS = [
  'cluster',
  'mergedInto',
  'text',
  'createdAt',
  'source',
  'author',
  'tag',
  'round',
  'name',
]
const CONTROL_KEYS = [
  'title',
  'objective',
  'groups',
  'dotBudget',
  'maxDotsPerItem',
  'anonymous',
  'phase',
  'boardLocked',
  'collect',
  'round',
  'timer',
  'settings',
  'status',
  'openedAt',
  'closedAt',
  'vote',
]
const PRIVATE_KEYS = ['text', 'createdAt']

export function vocabulary(
  kind: 'board' | 'control' | 'private',
  avoidKeys: readonly string[] = [],
): Vocabulary {
  const avoid = new Set(avoidKeys)
  const keys = kind === 'board' ? BOARD_KEYS : kind === 'control' ? CONTROL_KEYS : PRIVATE_KEYS
  const roots: Vocabulary['roots'] =
    kind === 'board'
      ? [
          { name: 'ideas', kind: 'map' },
          { name: 'clusters', kind: 'map' },
          { name: 'notes', kind: 'text' },
        ]
      : kind === 'control'
        ? [
            { name: 'settings', kind: 'map' },
            { name: 'session', kind: 'map' },
            { name: 'roster', kind: 'map' },
            { name: 'log', kind: 'array' },
            { name: 'progress', kind: 'map' },
            { name: 'voting', kind: 'map' },
            { name: 'results', kind: 'map' },
            { name: 'meta', kind: 'map' },
          ]
        : [
            { name: 'drafts', kind: 'map' },
            { name: 'mine', kind: 'map' },
            { name: 'votes', kind: 'map' },
            { name: 'meta', kind: 'map' },
          ]
  return {
    roots: [
      ...roots,
      { name: 'fuzz-map', kind: 'map' },
      { name: 'fuzz-text', kind: 'text' },
      { name: 'fuzz-array', kind: 'array' },
    ],
    keys: keys.filter((k) => !avoid.has(k)),
    avoidKeys: avoid,
  }
}

/** This connection's own Yjs client ids and the clock each continues at. */
export class OwnClients {
  readonly ids: number[]
  private readonly next = new Map<number, number>()
  /** What the server has confirmed of each id, and the clock units it accepted in all. */
  private readonly confirmed = new Map<number, number>()
  accepted = 0
  /** Times the server accepted an own id past 2^53 (a clock no decoder can read back). */
  unsafe = 0

  constructor(rng: Rng, count = 4) {
    this.ids = Array.from({ length: count }, () => rng.u32())
  }

  pick(rng: Rng): number {
    return rng.pick(this.ids)
  }

  clockOf(id: number): number {
    return this.next.get(id) ?? 0
  }

  /** The server should now hold `delta` more clock units of `id` (if it accepts them). */
  advance(id: number, delta: Num): void {
    const to = add(this.clockOf(id), delta)
    if (typeof to === 'number') this.next.set(id, to)
  }

  /** After a round trip the mirror holds what the server accepted: continue from there. */
  resync(mirror: Y.Doc | null): void {
    for (const id of this.ids) {
      const state = mirror ? Y.getState(mirror.store, id) : 0
      const before = this.confirmed.get(id)
      if (!Number.isSafeInteger(state)) {
        if (before === undefined || state > before) this.unsafe++
      } else if (before !== undefined && state > before) this.accepted += state - before
      this.confirmed.set(id, state)
      this.next.set(id, state)
    }
  }

  /** Swaps one id for a fresh one (an id whose clock is lost for good). */
  renew(rng: Rng): void {
    const i = rng.int(this.ids.length)
    this.next.delete(this.ids[i]!)
    this.confirmed.delete(this.ids[i]!)
    this.ids[i] = rng.u32()
  }
}

export interface GenContext {
  readonly rng: Rng
  /** The document as this connection last saw it (updated on every round trip). */
  readonly mirror: Y.Doc | null
  readonly own: OwnClients
  /** Client ids other identities wrote with (honest clients, the server): borrowing attempts. */
  readonly foreign: () => readonly number[]
  /** Client ids never to write with (honest clients of the same identity). */
  readonly avoid: ReadonlySet<number>
  readonly vocab: Vocabulary
}

// ---------------------------------------------------------------------------------------------
// Random values

const ALPHABETS = [
  'abcdefghijklmnopqrstuvwxyz ',
  'ÄÖÜäöüßéèêçñ',
  '漢字仮名交じり文',
  '\u0000\u0001\u001b\u007f\r\n\t',
  '\u202e\u202d\u2066\u2067\u2068\u2069\u200b\ufeff',
  '\u0301\u0308\u0327',
]

/**
 * A random string: letters, accents, CJK, emoji; unless `clean`, also control and bidi
 * characters, lone surrogates and any other code unit.
 */
export function randomString(rng: Rng, small = 16, max = 4096, clean = false): string {
  const n = rng.size(small, max)
  if (n > 64) {
    // A long string: a random chunk, repeated.
    const chunk =
      rng.chance(0.3) && !clean
        ? rng.pick(['x', 'ab', '\u{1F600}', '\u202e'])
        : randomString(rng, 64, 64, clean)
    return chunk.repeat(Math.ceil(n / Math.max(1, chunk.length))).slice(0, n)
  }
  let s = ''
  const alphabets = clean ? ALPHABETS.slice(0, 3) : ALPHABETS
  while (s.length < n) {
    const r = rng.float()
    if (r < 0.7 || (clean && r >= 0.85)) {
      const alphabet = rng.pick(alphabets)
      s += alphabet[rng.int(alphabet.length)]!
    } else if (r < 0.85) s += String.fromCodePoint(0x1f300 + rng.int(0x300))
    else if (r < 0.92)
      s += String.fromCharCode(0xd800 + rng.int(0x800)) // lone surrogate
    else s += String.fromCharCode(rng.int(0x10000))
  }
  return s
}

function randomKey(rng: Rng, vocab: Vocabulary, tame = false): string {
  const r = rng.float()
  if (r < 0.55 && vocab.keys.length > 0) return rng.pick(vocab.keys)
  if (r < 0.65 && !tame) return rng.pick(['', '__proto__', 'constructor', 'identity', 'toString'])
  let key = randomString(rng, 12, tame ? 40 : 300, tame)
  while (vocab.avoidKeys.has(key)) key += '_'
  return key
}

function randomRootName(rng: Rng, vocab: Vocabulary): string {
  const r = rng.float()
  if (r < 0.75) return rng.pick(vocab.roots).name
  if (r < 0.8) return ''
  return randomString(rng, 12, 2000)
}

type AnyValue =
  | undefined
  | null
  | number
  | bigint
  | boolean
  | string
  | Uint8Array
  | AnyValue[]
  | { [key: string]: AnyValue }

/** A random value for ContentAny / awareness states: every type lib0's writeAny knows. */
/**
 * A random value for ContentAny / awareness states: every type lib0's writeAny knows, or with
 * `tame` only what JSON holds (finite numbers, clean strings, no binary or bigint), which the
 * server may well accept, so that fuzzing also reaches what happens after an update is applied.
 */
export function randomAny(
  rng: Rng,
  vocab: Vocabulary,
  depth = 0,
  budget: { nodes: number; tame?: boolean } = { nodes: 256 },
): AnyValue {
  budget.nodes--
  const leafOnly = depth >= 5 || budget.nodes <= 0
  const tame = budget.tame === true
  const kind = rng.weighted({
    int: 3,
    float: 2,
    bigint: tame ? 0 : 1,
    bool: 2,
    nil: 1,
    undef: tame ? 0 : 1,
    string: 4,
    binary: tame ? 0 : 1,
    array: leafOnly ? 0 : 2,
    object: leafOnly ? 0 : 3,
  })
  switch (kind) {
    case 'int':
      return rng.pick([0, 1, -1, 3, 2 ** 31 - 1, -(2 ** 31), rng.range(-1000, 1000)])
    case 'float':
      if (tame) return rng.pick([0.5, -0, 1e308, 2 ** 53, rng.float()])
      return rng.pick([NaN, Infinity, -Infinity, -0, 0.5, 1e308, 2 ** 53, 2 ** 64, rng.float()])
    case 'bigint':
      return rng.pick([0n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 42n])
    case 'bool':
      return rng.chance(0.5)
    case 'nil':
      return null
    case 'undef':
      return undefined
    case 'string':
      return randomString(rng, 16, 2048, tame)
    case 'binary':
      return rng.bytes(rng.size(8, 1024))
    case 'array':
      return Array.from({ length: rng.size(3, 64) }, () => randomAny(rng, vocab, depth + 1, budget))
    case 'object': {
      const o: { [key: string]: AnyValue } = {}
      const n = rng.size(3, 32)
      for (let i = 0; i < n; i++) {
        // defineProperty: a key '__proto__' stays a key here (lib0's readAny, on the other end,
        // turns it into the prototype).
        Object.defineProperty(o, randomKey(rng, vocab, tame), {
          value: randomAny(rng, vocab, depth + 1, budget),
          enumerable: true,
          writable: true,
          configurable: true,
        })
      }
      return o
    }
  }
}

/** Writes a lib0 "any" nested `depth` levels deep (arrays or objects), iteratively. */
function writeDeepAny(e: encoding.Encoder, depth: number, objects: boolean): void {
  for (let i = 0; i < depth; i++) {
    if (objects) {
      encoding.write(e, 118)
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, 'a')
    } else {
      encoding.write(e, 117)
      encoding.writeVarUint(e, 1)
    }
  }
  encoding.write(e, 126)
}

// ---------------------------------------------------------------------------------------------
// Ids the document knows

interface KnownStruct {
  readonly client: number
  readonly clock: number
  readonly length: number
  readonly isType: boolean
}

/** The client ids a document holds, cached while their number stays the same. */
const clientLists = new WeakMap<Y.Doc, { size: number; all: number[] }>()

function clientsOf(doc: Y.Doc): number[] {
  const size = doc.store.clients.size
  let entry = clientLists.get(doc)
  if (!entry || entry.size !== size) {
    entry = { size, all: [...doc.store.clients.keys()] }
    clientLists.set(doc, entry)
  }
  return entry.all
}

function randomKnownStruct(doc: Y.Doc | null, rng: Rng, avoid?: ReadonlySet<number>) {
  if (!doc) return null
  const all = clientsOf(doc)
  const clients = avoid && avoid.size > 0 ? all.filter((c) => !avoid.has(c)) : all
  if (clients.length === 0) return null
  for (let attempt = 0; attempt < 4; attempt++) {
    const client = rng.pick(clients)
    const structs = doc.store.clients.get(client)
    if (!structs || structs.length === 0) continue
    const s = structs[rng.int(structs.length)]!
    const isType = s instanceof Y.Item && s.content instanceof Y.ContentType
    return { client, clock: s.id.clock, length: s.length, isType } satisfies KnownStruct
  }
  return null
}

/** A struct of a type (a map, text or array that is not a root), to be a parent. */
function randomKnownType(doc: Y.Doc | null, rng: Rng): KnownStruct | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const s = randomKnownStruct(doc, rng)
    if (s?.isType) return s
  }
  return null
}

/** A client id: own, another identity's, one the document holds, fresh, or out of range. */
function randomClient(ctx: GenContext): { client: Num; own: boolean } {
  const { rng } = ctx
  const r = rng.weighted({ own: 45, known: 15, foreign: 10, fresh: 3, special: 15, random: 5 })
  if (r === 'own') return { client: ctx.own.pick(rng), own: true }
  if (r === 'known') {
    const s = randomKnownStruct(ctx.mirror, rng, ctx.avoid)
    if (s) return { client: s.client, own: false }
  }
  if (r === 'foreign') {
    const ids = ctx.foreign().filter((id) => !ctx.avoid.has(id))
    if (ids.length > 0) return { client: rng.pick(ids), own: false }
  }
  if (r === 'fresh') return { client: rng.u32(), own: false }
  if (r === 'special') return { client: rng.chance(0.3) ? 0 : huge(rng), own: false }
  return { client: rng.int(2 ** 53), own: false }
}

function randomClock(ctx: GenContext, client: Num, own: boolean): Num {
  const { rng } = ctx
  if (own && rng.chance(0.8)) return ctx.own.clockOf(client as number)
  const known = typeof client === 'number' && ctx.mirror ? Y.getState(ctx.mirror.store, client) : 0
  const r = rng.weighted({ state: 40, gap: 10, overlap: 10, zero: 15, small: 10, huge: 15 })
  switch (r) {
    case 'state':
      return known
    case 'gap':
      return known + rng.range(1, 3)
    case 'overlap':
      return Math.max(0, known - rng.range(1, 3))
    case 'zero':
      return 0
    case 'small':
      return rng.int(1000)
    case 'huge':
      return huge(rng)
  }
}

function randomLength(rng: Rng): Num {
  const r = rng.float()
  if (r < 0.4) return 1
  if (r < 0.75) return rng.range(0, 64)
  if (r < 0.85) return rng.range(1000, 2 ** 20)
  return huge(rng)
}

/** An id to refer to: a real item (any character of it), a new struct of this update, or not. */
function randomRef(ctx: GenContext, previous: { client: Num; clock: Num } | null) {
  const { rng } = ctx
  const r = rng.weighted({ previous: previous ? 35 : 0, known: 40, random: 15, huge: 10 })
  if (r === 'previous' && previous) return previous
  if (r === 'known') {
    const s = randomKnownStruct(ctx.mirror, rng)
    if (s) return { client: s.client, clock: s.clock + rng.int(Math.max(1, s.length)) }
  }
  if (r === 'huge') return { client: rng.chance(0.5) ? huge(rng) : rng.u32(), clock: huge(rng) }
  return { client: rng.u32(), clock: rng.int(100) }
}

// ---------------------------------------------------------------------------------------------
// Update

const CONTENT_WEIGHTS = {
  string: 28,
  any: 24,
  deleted: 8,
  type: 10,
  binary: 5,
  embed: 4,
  format: 4,
  json: 4,
  doc: 2,
  deepAny: 1,
  unknown: 2,
} as const

const TAME_CONTENT_WEIGHTS: Readonly<Record<keyof typeof CONTENT_WEIGHTS, number>> = {
  string: 40,
  any: 40,
  deleted: 5,
  type: 15,
  binary: 0,
  embed: 0,
  format: 0,
  json: 0,
  doc: 0,
  deepAny: 0,
  unknown: 0,
}

/** Writes an item's content; returns its length in clock units. */
function writeContent(
  e: encoding.Encoder,
  ctx: GenContext,
  kind: keyof typeof CONTENT_WEIGHTS,
  small: boolean,
  tame: boolean,
) {
  const { rng, vocab } = ctx
  const any = () => randomAny(rng, vocab, 0, { nodes: small ? 2 : 48, tame }) as never
  switch (kind) {
    case 'string': {
      const s = small ? randomString(rng, 8, 16, tame) : randomString(rng, 24, 60_000, tame)
      encoding.writeVarString(e, s)
      return s.length
    }
    case 'any': {
      const n = rng.chance(0.05) ? 0 : small ? 1 : rng.size(2, 40)
      encoding.writeVarUint(e, n)
      for (let i = 0; i < n; i++) encoding.writeAny(e, any())
      return n
    }
    case 'deepAny': {
      encoding.writeVarUint(e, 1)
      writeDeepAny(e, small ? rng.range(10, 100) : rng.range(100, 20_000), rng.chance(0.5))
      return 1
    }
    case 'deleted': {
      const len = randomLength(rng)
      writeNum(e, len)
      return len
    }
    case 'type': {
      const ref = rng.chance(0.9) ? rng.int(7) : rng.range(7, 300)
      encoding.writeVarUint(e, ref)
      if (ref === 3 || ref === 5) encoding.writeVarString(e, randomString(rng, 8, 200))
      return 1
    }
    case 'binary':
      encoding.writeVarUint8Array(e, rng.bytes(small ? rng.int(16) : rng.size(16, 8192)))
      return 1
    case 'embed':
      encoding.writeVarString(e, randomJson(rng, vocab))
      return 1
    case 'format':
      encoding.writeVarString(e, randomKey(rng, vocab))
      encoding.writeVarString(e, randomJson(rng, vocab))
      return 1
    case 'json': {
      const n = small ? 1 : rng.size(2, 20)
      encoding.writeVarUint(e, n)
      for (let i = 0; i < n; i++) {
        encoding.writeVarString(e, rng.chance(0.2) ? 'undefined' : randomJson(rng, vocab))
      }
      return n
    }
    case 'doc':
      encoding.writeVarString(e, randomString(rng, 12, 200))
      encoding.writeAny(e, rng.chance(0.5) ? ({ autoLoad: true } as never) : any())
      return 1
    case 'unknown':
      return 1
  }
}

/** JSON text, valid or not. */
export function randomJson(rng: Rng, vocab: Vocabulary): string {
  const r = rng.float()
  if (r < 0.6) {
    const value = randomAny(rng, vocab)
    try {
      return (
        JSON.stringify(value, (_k, v: unknown) =>
          typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? [...v] : v,
        ) ?? 'null'
      )
    } catch {
      return '{}'
    }
  }
  if (r < 0.7) return '['.repeat(rng.range(100, 5000))
  if (r < 0.8) return '[' + '['.repeat(2000) + ']'.repeat(2001)
  return randomString(rng, 16, 512)
}

export interface GeneratedUpdate {
  readonly update: Uint8Array
  /** Structs written per client id, for the log. */
  readonly summary: string
}

/** A random update in Yjs's v1 format: structs for 0–4 clients and a random delete set. */
export function randomUpdate(ctx: GenContext): GeneratedUpdate {
  const { rng } = ctx
  const e = encoding.createEncoder()
  const clientCount = rng.weighted({ zero: 4, one: 70, two: 16, many: 10 })
  const n = { zero: 0, one: 1, two: 2, many: rng.range(3, 8) }[clientCount]
  const parts: string[] = []
  // Bytes of content this update may carry; beyond them, contents are tiny.
  const budget = rng.size(4096, 512 * 1024)
  // Half of the updates carry only what JSON holds, with clean text.
  const tame = rng.chance(0.5)
  encoding.writeVarUint(e, n)
  const usedClients = new Set<string>()
  for (let c = 0; c < n; c++) {
    let { client, own } = randomClient(ctx)
    // Yjs never repeats a client in one update; a repeat is still worth sending sometimes.
    if (usedClients.has(String(client)) && rng.chance(0.8)) {
      client = rng.u32()
      own = false
    }
    usedClients.add(String(client))
    const structs = rng.weighted({ one: 55, few: 30, many: 12, storm: 3 })
    const count = {
      one: 1,
      few: rng.range(2, 8),
      many: rng.range(9, 200),
      storm: rng.range(500, 6000),
    }[structs]
    const startClock = randomClock(ctx, client, own)
    let clock = startClock
    writeNum(e, count)
    writeNum(e, client)
    writeNum(e, startClock)
    let previous: { client: Num; clock: Num } | null = null
    const kinds: Record<string, number> = {}
    for (let i = 0; i < count; i++) {
      const kind =
        structs === 'storm'
          ? 'gc'
          : rng.weighted({ item: 80, gc: 10, skip: 6, badInfo: 1, lengthOnly: 3 })
      kinds[kind] = (kinds[kind] ?? 0) + 1
      let length: Num = 1
      if (kind === 'gc') {
        encoding.write(e, 0)
        length = structs === 'storm' ? 1 : randomLength(rng)
        writeNum(e, length)
      } else if (kind === 'skip') {
        encoding.write(e, 10)
        length = randomLength(rng)
        writeNum(e, length)
      } else if (kind === 'badInfo') {
        encoding.write(e, rng.range(11, 31) | (rng.int(8) << 5))
        encoding.writeUint8Array(e, rng.bytes(rng.int(16)))
      } else if (kind === 'lengthOnly') {
        // An item of ContentDeleted: any length, nowhere in particular.
        encoding.write(e, 1)
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, randomRootName(ctx.rng, ctx.vocab))
        length = randomLength(rng)
        writeNum(e, length)
      } else {
        const content = rng.weighted(tame ? TAME_CONTENT_WEIGHTS : CONTENT_WEIGHTS)
        const hasOrigin = rng.chance(0.45)
        const hasRight = rng.chance(0.2)
        const hasSub = rng.chance(0.45)
        const ref =
          content === 'unknown'
            ? rng.pick([0, 9, 10, ...Array.from({ length: 21 }, (_, k) => k + 11)])
            : CONTENT_REF[content]
        encoding.write(
          e,
          (ref & 0x1f) | (hasOrigin ? 0x80 : 0) | (hasRight ? 0x40 : 0) | (hasSub ? 0x20 : 0),
        )
        if (hasOrigin) {
          const id = randomRef(ctx, previous)
          writeNum(e, id.client)
          writeNum(e, id.clock)
        }
        if (hasRight) {
          const id = randomRef(ctx, null)
          writeNum(e, id.client)
          writeNum(e, id.clock)
        }
        if (!hasOrigin && !hasRight) {
          const byName = rng.chance(0.6)
          encoding.writeVarUint(e, byName ? 1 : rng.chance(0.95) ? 0 : rng.range(2, 300))
          if (byName) encoding.writeVarString(e, randomRootName(rng, ctx.vocab))
          else {
            const type = rng.chance(0.7) ? randomKnownType(ctx.mirror, rng) : null
            const id = type ?? randomRef(ctx, previous)
            writeNum(e, id.client)
            writeNum(e, id.clock)
          }
          if (hasSub) encoding.writeVarString(e, randomKey(rng, ctx.vocab, tame))
        }
        length = writeContent(e, ctx, content, encoding.length(e) > budget, tame)
      }
      if (length !== 0 && length !== 0n) previous = { client, clock: add(clock, add(length, -1)) }
      clock = add(clock, length)
    }
    if (own && typeof client === 'number' && startClock === ctx.own.clockOf(client)) {
      ctx.own.advance(client, add(clock, -startClock))
    }
    parts.push(
      `${String(client)}@${String(startClock)}: ${Object.entries(kinds)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    )
  }
  // The delete set.
  const dsClients = rng.weighted({ none: 50, one: 35, few: 12, many: 3 })
  const m = { none: 0, one: 1, few: rng.range(2, 4), many: rng.range(5, 50) }[dsClients]
  encoding.writeVarUint(e, m)
  let ranges = 0
  for (let c = 0; c < m; c++) {
    const known = rng.chance(0.5) ? randomKnownStruct(ctx.mirror, rng) : null
    const client = known ? known.client : randomClient(ctx).client
    writeNum(e, client)
    const k = rng.weighted({ one: 60, few: 30, many: 10 })
    const count = { one: 1, few: rng.range(2, 5), many: rng.range(6, 200) }[k]
    writeNum(e, count)
    ranges += count
    for (let i = 0; i < count; i++) {
      const real = i === 0 && known !== null && rng.chance(0.7)
      writeNum(e, real ? known.clock : rng.chance(0.8) ? rng.int(2000) : huge(rng))
      writeNum(e, real ? known.length : randomLength(rng))
    }
  }
  if (ranges > 0) parts.push(`delete ${ranges} range(s) of ${m} client(s)`)
  // Sometimes a stray tail.
  if (rng.chance(0.03)) encoding.writeUint8Array(e, rng.bytes(rng.range(1, 8)))
  return { update: encoding.toUint8Array(e), summary: parts.join('; ') || 'empty' }
}

const CONTENT_REF: Record<Exclude<keyof typeof CONTENT_WEIGHTS, 'unknown'>, number> = {
  deleted: 1,
  json: 2,
  binary: 3,
  string: 4,
  embed: 5,
  format: 6,
  type: 7,
  any: 8,
  deepAny: 8,
  doc: 9,
}

/** A state vector: the mirror's, a made-up one, one with out-of-range numbers, or broken. */
export function randomStateVector(ctx: GenContext): Uint8Array {
  const { rng } = ctx
  const kind = rng.weighted({
    mirror: 25,
    empty: 10,
    random: 25,
    huge: 20,
    truncated: 10,
    junk: 10,
  })
  if (kind === 'mirror' && ctx.mirror) return Y.encodeStateVector(ctx.mirror)
  if (kind === 'empty') return rng.chance(0.5) ? new Uint8Array([0]) : new Uint8Array(0)
  if (kind === 'junk') return rng.bytes(rng.size(8, 512))
  const e = encoding.createEncoder()
  const n = rng.size(3, 2000)
  writeNum(e, kind === 'truncated' ? n + rng.range(1, 1000) : n)
  for (let i = 0; i < n; i++) {
    const client = kind === 'huge' && rng.chance(0.5) ? huge(rng) : randomClient(ctx).client
    const clock = kind === 'huge' && rng.chance(0.7) ? huge(rng) : rng.int(5000)
    writeNum(e, client)
    writeNum(e, clock)
  }
  return encoding.toUint8Array(e)
}

// ---------------------------------------------------------------------------------------------
// Valid edits, made with Yjs on a copy of the mirror

/**
 * Makes random but well-formed edits with Yjs itself on a copy of the mirror, under one of the
 * connection's own client ids, and returns the update they produce (null if nothing changed).
 */
export function scratchEdit(ctx: GenContext): GeneratedUpdate | null {
  const { rng, vocab } = ctx
  const doc = new Y.Doc()
  try {
    if (ctx.mirror) Y.applyUpdate(doc, Y.encodeStateAsUpdate(ctx.mirror))
  } catch {
    // A mirror that cannot be copied: edit an empty document.
  }
  // An own id whose last update the server has confirmed (else a fresh one): Yjs continues
  // at the clock the copy holds, which must be where the server is.
  const ready = () => ctx.own.ids.filter((id) => Y.getState(doc.store, id) === ctx.own.clockOf(id))
  if (ready().length === 0) ctx.own.renew(rng)
  const candidates = ready()
  if (candidates.length === 0) {
    doc.destroy()
    return null
  }
  const used = rng.pick(candidates)
  doc.clientID = used
  const start = Y.getState(doc.store, used)
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const ops: string[] = []
  const edits = rng.range(1, 4)
  for (let i = 0; i < edits; i++) {
    const root = rng.pick(vocab.roots)
    try {
      doc.transact(() => ops.push(editOnce(ctx, doc, root)))
    } catch {
      // A root already defined as another type, or a value Yjs refuses: try the next edit.
    }
  }
  ctx.own.advance(used, Y.getState(doc.store, used) - start)
  doc.destroy()
  if (updates.length === 0) return null
  let update = updates[0]!
  if (updates.length > 1) {
    try {
      update = Y.mergeUpdates(updates)
    } catch {
      // Content Yjs writes but cannot write again once read (a '__proto__' key): send the
      // first edit alone.
    }
  }
  return { update, summary: `edit as ${used}: ${ops.join(', ')}` }
}

function editOnce(ctx: GenContext, doc: Y.Doc, root: Vocabulary['roots'][number]): string {
  const { rng, vocab } = ctx
  const tame = rng.chance(0.7)
  const value = () => randomAny(rng, vocab, 2, { nodes: 24, tame }) as never
  if (root.kind === 'text') {
    const text = doc.getText(root.name)
    if (text.length > 0 && rng.chance(0.3)) {
      const at = rng.int(text.length)
      text.delete(at, rng.range(1, Math.min(50, text.length - at)))
      return `delete in ${root.name}`
    }
    text.insert(rng.int(text.length + 1), randomString(rng, 12, 2000, tame))
    return `insert in ${root.name}`
  }
  if (root.kind === 'array') {
    const arr = doc.getArray<unknown>(root.name)
    if (arr.length > 0 && rng.chance(0.3)) {
      arr.delete(rng.int(arr.length))
      return `delete in ${root.name}`
    }
    arr.insert(rng.int(arr.length + 1), [value()])
    return `insert in ${root.name}`
  }
  const map = doc.getMap<unknown>(root.name)
  const keys = [...map.keys()].filter((k) => !vocab.avoidKeys.has(k))
  // Into a nested map (an idea, a cluster…) half of the time.
  const nested = keys.map((k) => map.get(k)).filter((v): v is Y.Map<unknown> => v instanceof Y.Map)
  if (nested.length > 0 && rng.chance(0.5)) {
    const inner = rng.pick(nested)
    const innerKeys = [...inner.keys()]
    if (innerKeys.length > 0 && rng.chance(0.25)) {
      const k = rng.pick(innerKeys)
      inner.delete(k)
      return `delete ${root.name}.*.${k}`
    }
    const k =
      rng.chance(0.5) && innerKeys.length > 0 ? rng.pick(innerKeys) : randomKey(rng, vocab, tame)
    if (k === 'text' && rng.chance(0.5)) {
      const t = inner.get('text')
      if (t instanceof Y.Text) {
        t.insert(rng.int(t.length + 1), randomString(rng, 8, 500, tame))
        return `edit text of ${root.name}.*`
      }
    }
    inner.set(k, value())
    return `set ${root.name}.*.${k}`
  }
  if (keys.length > 0 && rng.chance(0.25)) {
    const k = rng.pick(keys)
    map.delete(k)
    return `delete ${root.name}.${k}`
  }
  const k = rng.chance(0.4) && keys.length > 0 ? rng.pick(keys) : randomKey(rng, vocab, tame)
  const r = rng.float()
  if (r < 0.15) {
    const m = new Y.Map<unknown>()
    map.set(k, m)
    m.set(randomKey(rng, vocab, tame), value())
    if (rng.chance(0.5)) m.set('text', new Y.Text(randomString(rng, 8, 200, tame)))
  } else if (r < 0.2) map.set(k, new Y.Text(randomString(rng, 8, 200, tame)))
  else if (r < 0.25) map.set(k, Y.Array.from([value()]))
  else map.set(k, value())
  return `set ${root.name}.${k}`
}
