// Frames for the protocol fuzzer: (a) captured valid traffic, mutated (bit flips, byte insert
// and delete, truncation, varint inflation, splicing, merging); (b) structure-aware random Yjs
// updates and state vectors (yjs-gen.ts) in every sync message; (c) random awareness messages,
// other message types and random bytes. Every choice comes from a seeded Rng.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import type { Rng } from './rng.js'
import {
  huge,
  randomAny,
  randomJson,
  randomStateVector,
  randomString,
  randomUpdate,
  scratchEdit,
  writeNum,
  type GenContext,
} from './yjs-gen.js'

export const MSG_SYNC = 0
export const MSG_AWARENESS = 1
export const MSG_AUTH = 2
export const MSG_QUERY_AWARENESS = 3
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

/** One frame to send, with where it came from (for the log and the figures). */
export interface Frame {
  readonly data: Uint8Array
  /** A text frame instead of a binary one. */
  readonly text?: boolean
  readonly kind: FrameKind
  readonly note: string
}

export type FrameKind =
  | 'mutated'
  | 'replayed'
  | 'update'
  | 'edit'
  | 'state-vector'
  | 'awareness'
  | 'other-message'
  | 'random-bytes'

// ---------------------------------------------------------------------------------------------
// Messages

export function syncMessage(sub: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_SYNC)
  encoding.writeVarUint(e, sub)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

export function awarenessMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_AWARENESS)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** The parts of a sync or awareness message, or null when `frame` is neither. */
export function parseMessage(
  frame: Uint8Array,
): { type: number; sub: number | null; payload: Uint8Array } | null {
  try {
    const d = decoding.createDecoder(frame)
    const type = decoding.readVarUint(d)
    if (type === MSG_SYNC) {
      const sub = decoding.readVarUint(d)
      const payload = decoding.readVarUint8Array(d)
      return { type, sub, payload }
    }
    if (type === MSG_AWARENESS) return { type, sub: null, payload: decoding.readVarUint8Array(d) }
  } catch {
    // not a well-framed message
  }
  return null
}

function rewrap(message: { type: number; sub: number | null }, payload: Uint8Array): Uint8Array {
  return message.type === MSG_SYNC
    ? syncMessage(message.sub ?? SYNC_UPDATE, payload)
    : awarenessMessage(payload)
}

// ---------------------------------------------------------------------------------------------
// Captured traffic

export interface Captured {
  readonly data: Uint8Array
  /** `sent` by a stock provider, or `received` by one from the server. */
  readonly direction: 'sent' | 'received'
  readonly docKind: string
}

/** Valid frames recorded from stock providers, bounded; the seed decides what is picked. */
export class Corpus {
  private readonly frames: Captured[] = []
  private seen = 0

  constructor(
    private readonly max = 4096,
    private readonly maxFrameBytes = 256 * 1024,
  ) {}

  get size(): number {
    return this.frames.length
  }

  add(frame: Captured): void {
    if (frame.data.length === 0 || frame.data.length > this.maxFrameBytes) return
    this.seen++
    if (this.frames.length < this.max) this.frames.push(frame)
    // Reservoir sampling: later traffic replaces earlier frames at a falling rate.
    else this.frames[(this.seen * 2654435761) % this.max] = frame
  }

  pick(rng: Rng): Captured | null {
    return this.frames.length === 0 ? null : rng.pick(this.frames)
  }

  /** The payloads of captured sync updates (for merging). */
  pickUpdate(rng: Rng): Uint8Array | null {
    for (let i = 0; i < 8; i++) {
      const f = this.pick(rng)
      if (!f) return null
      const m = parseMessage(f.data)
      if (m && m.type === MSG_SYNC && m.sub !== SYNC_STEP1) return m.payload
    }
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// Mutators

/** Boundaries of the varuints one reads walking the frame from its start (headers align). */
function varintSpans(data: Uint8Array): [number, number][] {
  const spans: [number, number][] = []
  let start = 0
  for (let i = 0; i < data.length; i++) {
    if (data[i]! < 0x80) {
      spans.push([start, i + 1])
      start = i + 1
    }
  }
  return spans
}

function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0
  for (const p of parts) n += p.length
  const out = new Uint8Array(n)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x0a, 0x77, 0x7d]

export type MutatorName =
  'bitflip' | 'byte' | 'insert' | 'delete' | 'truncate' | 'varint' | 'splice' | 'duplicate'

/** One mutation of `data`; `other` is a second frame for splicing. */
export function mutate(
  rng: Rng,
  data: Uint8Array,
  name: MutatorName,
  other: Uint8Array,
): Uint8Array {
  const out = new Uint8Array(data)
  const n = data.length
  switch (name) {
    case 'bitflip': {
      if (n === 0) return out
      const flips = rng.range(1, 8)
      for (let i = 0; i < flips; i++) out[rng.int(n)]! ^= 1 << rng.int(8)
      return out
    }
    case 'byte': {
      if (n === 0) return out
      const count = rng.range(1, 4)
      for (let i = 0; i < count; i++) out[rng.int(n)] = rng.pick(INTERESTING)
      return out
    }
    case 'insert': {
      const at = rng.int(n + 1)
      return concat(data.subarray(0, at), rng.bytes(rng.range(1, 32)), data.subarray(at))
    }
    case 'delete': {
      if (n === 0) return out
      const at = rng.int(n)
      return concat(data.subarray(0, at), data.subarray(Math.min(n, at + rng.range(1, 32))))
    }
    case 'truncate':
      return data.slice(0, rng.int(n + 1))
    case 'varint': {
      const spans = varintSpans(data)
      if (spans.length === 0) return out
      // Header varints (type, sub-type, length) half of the time.
      const [from, to] = rng.chance(0.5)
        ? spans[rng.int(Math.min(3, spans.length))]!
        : rng.pick(spans)
      const e = encoding.createEncoder()
      const r = rng.weighted({ huge: 45, overlong: 25, nearby: 15, double: 15 })
      let value = 0
      let mult = 1
      for (let i = from; i < to; i++) {
        value += (data[i]! & 0x7f) * mult
        mult *= 128
      }
      // A run of continuation bytes longer than a double holds (0 × Infinity is NaN).
      if (!Number.isFinite(value)) value = 2 ** 64
      if (r === 'huge') writeNum(e, huge(rng))
      else if (r === 'overlong') writeNum(e, value, rng.range(1, 12))
      else if (r === 'nearby') writeNum(e, Math.max(0, value + rng.range(-2, 2)))
      else writeNum(e, value * 2 + 1)
      return concat(data.subarray(0, from), encoding.toUint8Array(e), data.subarray(to))
    }
    case 'splice': {
      const a = rng.int(n + 1)
      const b = rng.int(other.length + 1)
      return concat(data.subarray(0, a), other.subarray(b))
    }
    case 'duplicate': {
      if (n === 0) return out
      const at = rng.int(n)
      const len = rng.range(1, Math.min(64, n - at))
      const times = rng.range(1, rng.chance(0.1) ? 500 : 8)
      const chunk = data.subarray(at, at + len)
      return concat(
        data.subarray(0, at + len),
        ...Array.from({ length: times }, () => chunk),
        data.subarray(at + len),
      )
    }
  }
}

const MUTATOR_WEIGHTS: Readonly<Record<MutatorName, number>> = {
  bitflip: 20,
  byte: 10,
  insert: 10,
  delete: 10,
  truncate: 10,
  varint: 25,
  splice: 10,
  duplicate: 5,
}

// ---------------------------------------------------------------------------------------------
// Awareness and other messages

/** A random awareness update: ids (own, others', out of range), clocks, states of every shape. */
export function randomAwareness(ctx: GenContext, ownIds: readonly number[], clock: () => number) {
  const { rng, vocab } = ctx
  const e = encoding.createEncoder()
  const count = rng.weighted({ zero: 3, one: 60, few: 25, many: 8, lie: 4 })
  const n = { zero: 0, one: 1, few: rng.range(2, 5), many: rng.range(6, 40), lie: 0 }[count]
  writeNum(e, count === 'lie' ? (rng.chance(0.5) ? huge(rng) : rng.range(2, 1_000_000)) : n)
  const written = count === 'lie' ? rng.range(0, 2) : n
  const foreign = ctx.foreign()
  for (let i = 0; i < written; i++) {
    const who = rng.weighted({
      own: 55,
      foreign: foreign.length > 0 ? 25 : 0,
      huge: 10,
      zero: 5,
      random: 5,
    })
    const clientId =
      who === 'own'
        ? rng.pick(ownIds)
        : who === 'foreign'
          ? rng.pick(foreign)
          : who === 'huge'
            ? huge(rng)
            : who === 'zero'
              ? 0
              : rng.u32()
    writeNum(e, clientId)
    const c = rng.weighted({ next: 70, zero: 10, huge: 10, random: 10 })
    writeNum(e, c === 'next' ? clock() : c === 'zero' ? 0 : c === 'huge' ? huge(rng) : rng.u32())
    const state = rng.weighted({ object: 55, nil: 10, forged: 10, json: 12, big: 5, bad: 8 })
    let json: string
    if (state === 'object') {
      json = safeJson({
        user: { name: randomString(rng, 12, 200) },
        cursor: randomAny(rng, vocab, 2),
      })
    } else if (state === 'nil') json = 'null'
    else if (state === 'forged') {
      json = safeJson({
        identity: { role: rng.pick(['facilitator', 'participant', 'server']), participantId: 'x' },
        user: { name: 'Facilitator' },
      })
    } else if (state === 'json') json = randomJson(rng, vocab)
    else if (state === 'big')
      json = safeJson({ pad: 'x'.repeat(rng.pick([4000, 4096, 4097, 70_000])) })
    else json = randomString(rng, 16, 256)
    encoding.writeVarString(e, json)
  }
  return encoding.toUint8Array(e)
}

function safeJson(value: unknown): string {
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

function otherMessage(rng: Rng): { data: Uint8Array; note: string } {
  const e = encoding.createEncoder()
  const kind = rng.weighted({
    queryAwareness: 20,
    auth: 15,
    unknownType: 20,
    unknownSync: 15,
    emptyUpdate: 10,
    lyingLength: 10,
    bareType: 10,
  })
  switch (kind) {
    case 'queryAwareness':
      encoding.writeVarUint(e, MSG_QUERY_AWARENESS)
      if (rng.chance(0.3)) encoding.writeUint8Array(e, rng.bytes(rng.range(1, 16)))
      break
    case 'auth':
      encoding.writeVarUint(e, MSG_AUTH)
      writeNum(e, rng.chance(0.6) ? 0 : rng.chance(0.5) ? huge(rng) : rng.range(1, 300))
      if (rng.chance(0.8)) encoding.writeVarString(e, randomString(rng, 16, 2048))
      break
    case 'unknownType':
      writeNum(e, rng.chance(0.7) ? rng.range(4, 300) : huge(rng))
      encoding.writeUint8Array(e, rng.bytes(rng.int(64)))
      break
    case 'unknownSync':
      encoding.writeVarUint(e, MSG_SYNC)
      writeNum(e, rng.chance(0.7) ? rng.range(3, 300) : huge(rng))
      encoding.writeVarUint8Array(e, rng.bytes(rng.int(64)))
      break
    case 'emptyUpdate':
      encoding.writeVarUint(e, MSG_SYNC)
      encoding.writeVarUint(e, rng.pick([SYNC_STEP2, SYNC_UPDATE]))
      encoding.writeVarUint8Array(
        e,
        rng.pick([new Uint8Array([0, 0]), new Uint8Array(0), new Uint8Array([0])]),
      )
      break
    case 'lyingLength': {
      encoding.writeVarUint(e, rng.pick([MSG_SYNC, MSG_AWARENESS]))
      if (rng.chance(0.7)) encoding.writeVarUint(e, rng.int(3))
      const body = rng.bytes(rng.int(64))
      writeNum(e, rng.chance(0.5) ? body.length + rng.range(1, 100000) : huge(rng))
      encoding.writeUint8Array(e, body)
      break
    }
    case 'bareType':
      encoding.writeVarUint(e, rng.int(4))
      if (rng.chance(0.5)) encoding.writeVarUint(e, rng.int(3))
      break
  }
  return { data: encoding.toUint8Array(e), note: kind }
}

function randomBytes(rng: Rng): { data: Uint8Array; note: string; text?: boolean } {
  const r = rng.weighted({
    raw: 50,
    syncPrefix: 25,
    awarenessPrefix: 10,
    empty: 5,
    text: 5,
    oversize: 1,
  })
  if (r === 'empty') return { data: new Uint8Array(0), note: 'empty frame' }
  if (r === 'text')
    return {
      data: new TextEncoder().encode(randomString(rng, 16, 256)),
      note: 'text frame',
      text: true,
    }
  if (r === 'oversize')
    return { data: rng.bytes(1024 * 1024 + rng.range(1, 4096)), note: 'oversize frame' }
  const body = rng.bytes(rng.size(48, 8192))
  if (r === 'raw') return { data: body, note: `${body.length} random bytes` }
  if (r === 'syncPrefix') {
    return {
      data: syncMessage(rng.pick([SYNC_STEP1, SYNC_STEP2, SYNC_UPDATE]), body),
      note: 'random payload in a sync message',
    }
  }
  return { data: awarenessMessage(body), note: 'random payload in an awareness message' }
}

// ---------------------------------------------------------------------------------------------
// The generator

export const KIND_WEIGHTS: Readonly<Record<FrameKind, number>> = {
  mutated: 30,
  replayed: 3,
  update: 28,
  edit: 8,
  'state-vector': 5,
  awareness: 12,
  'other-message': 6,
  'random-bytes': 8,
}

/** Makes frames for one fuzzing connection from its own stream of the run's seed. */
export class FrameGenerator {
  private awarenessClock = 0
  private readonly ownAwareness: number[]

  constructor(
    private readonly ctx: GenContext,
    private readonly corpus: Corpus,
    private readonly weights: Readonly<Record<FrameKind, number>> = KIND_WEIGHTS,
  ) {
    this.ownAwareness = [ctx.rng.u32(), ctx.rng.u32()]
  }

  next(): Frame {
    const { rng } = this.ctx
    let kind = rng.weighted(this.weights)
    if ((kind === 'mutated' || kind === 'replayed') && this.corpus.size === 0) kind = 'update'
    switch (kind) {
      case 'mutated':
        return this.mutated()
      case 'replayed': {
        const f = this.corpus.pick(rng)!
        return { data: f.data, kind, note: `${f.direction} on ${f.docKind}` }
      }
      case 'update': {
        const u = randomUpdate(this.ctx)
        const sub = rng.weighted({ update: 70, step2: 25, step1: 5 })
        return {
          data: syncMessage(
            sub === 'update' ? SYNC_UPDATE : sub === 'step2' ? SYNC_STEP2 : SYNC_STEP1,
            u.update,
          ),
          kind,
          note: `${sub}: ${u.summary}`,
        }
      }
      case 'edit': {
        const u = scratchEdit(this.ctx)
        if (!u) return this.next()
        return {
          data: syncMessage(rng.chance(0.8) ? SYNC_UPDATE : SYNC_STEP2, u.update),
          kind,
          note: u.summary,
        }
      }
      case 'state-vector':
        return {
          data: syncMessage(SYNC_STEP1, randomStateVector(this.ctx)),
          kind,
          note: 'sync step 1',
        }
      case 'awareness':
        return {
          data: awarenessMessage(
            randomAwareness(this.ctx, this.ownAwareness, () => ++this.awarenessClock),
          ),
          kind,
          note: 'awareness',
        }
      case 'other-message': {
        const m = otherMessage(rng)
        return { data: m.data, kind, note: m.note }
      }
      case 'random-bytes': {
        const b = randomBytes(rng)
        return { data: b.data, kind, note: b.note, ...(b.text ? { text: true } : {}) }
      }
    }
  }

  private mutated(): Frame {
    const { rng } = this.ctx
    const source = this.corpus.pick(rng)!
    const other = this.corpus.pick(rng)!.data
    const message = parseMessage(source.data)
    const names: string[] = []
    // Merging two captured updates gives a valid update that no client sent as such.
    if (message?.type === MSG_SYNC && message.sub !== SYNC_STEP1 && rng.chance(0.1)) {
      const b = this.corpus.pickUpdate(rng)
      if (b) {
        try {
          return {
            data: syncMessage(SYNC_UPDATE, Y.mergeUpdates([message.payload, b])),
            kind: 'mutated',
            note: 'merge of two captured updates',
          }
        } catch {
          // not mergeable: mutate instead
        }
      }
    }
    // Inside a well-framed message, mutate the payload and fix the length prefix most of the
    // time, so that the mutation reaches the update decoder rather than the framing.
    const inner = message !== null && rng.chance(0.6)
    let data = inner ? message.payload : source.data
    const otherData = inner ? (parseMessage(other)?.payload ?? other) : other
    const count = rng.weighted({ one: 60, two: 25, three: 15 })
    for (let i = 0; i < { one: 1, two: 2, three: 3 }[count]; i++) {
      const name = rng.weighted(MUTATOR_WEIGHTS)
      names.push(name)
      data = mutate(rng, data, name, otherData)
    }
    return {
      data: inner ? rewrap(message, data) : data,
      kind: 'mutated',
      note: `${names.join('+')}${inner ? ' inside' : ''} of a frame ${source.direction} on ${source.docKind}`,
    }
  }
}
