// The y-websocket messages the lean client speaks, and the decoding of the stamps ({i, t}) that
// every benchmark update and presence state carries. Decoding is cached by message bytes: a
// broadcast reaches every client as the same bytes, so it is decoded once, not once per client.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

import { MSG_AWARENESS } from '../../server/src/sync/protocol.js'

// The wire format is the server's own: the same message types and encoders.
export {
  MSG_AUTH,
  MSG_AWARENESS,
  MSG_QUERY_AWARENESS,
  MSG_SYNC,
  SYNC_STEP1,
  SYNC_STEP2,
  SYNC_UPDATE,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
} from '../../server/src/sync/protocol.js'

/** The root map every benchmark write goes to (the board allows members any root type but ideas). */
export const BENCH_MAP = 'bench'

/** What a benchmark write carries: its global index and its send time (ms, shared clock). */
export interface Stamp {
  readonly i: number
  readonly t: number
}

/** A presence stamp, with the awareness client id that sent it. */
export interface PresenceStamp extends Stamp {
  readonly clientId: number
}

/** The clock every client of the generator stamps and reads: one process, one clock. */
export const clock = (): number => performance.timeOrigin + performance.now()

/** An awareness message with one client's state (y-protocols' awareness update format). */
export function encodePresenceMessage(
  clientId: number,
  clock: number,
  state: Record<string, unknown> | null,
): Uint8Array {
  return encodeAwarenessMessage([{ clientId, clock, json: JSON.stringify(state) }])
}

const isStamp = (v: unknown): v is Stamp =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Stamp).i === 'number' &&
  typeof (v as Stamp).t === 'number'

/** The stamps in a Yjs update (one update, or several merged by the server). */
export function stampsOfUpdate(update: Uint8Array): Stamp[] {
  const out: Stamp[] = []
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue
    for (const value of struct.content.arr) if (isStamp(value)) out.push({ i: value.i, t: value.t })
  }
  return out
}

/** The stamps of the states in an awareness update (removals and foreign states skipped). */
export function stampsOfAwareness(update: Uint8Array): PresenceStamp[] {
  const d = decoding.createDecoder(update)
  const n = decoding.readVarUint(d)
  const out: PresenceStamp[] = []
  for (let k = 0; k < n; k++) {
    const clientId = decoding.readVarUint(d)
    decoding.readVarUint(d) // clock
    const json = decoding.readVarString(d)
    if (json === 'null') continue
    const state: unknown = JSON.parse(json)
    if (isStamp(state)) out.push({ clientId, i: state.i, t: state.t })
  }
  return out
}

/** One entry of an awareness update, its state left as JSON text. */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly json: string
}

export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update)
  const n = decoding.readVarUint(d)
  const out: AwarenessEntry[] = []
  for (let k = 0; k < n; k++) {
    const clientId = decoding.readVarUint(d)
    const clock = decoding.readVarUint(d)
    out.push({ clientId, clock, json: decoding.readVarString(d) })
  }
  return out
}

/** An awareness message carrying these entries. */
export function encodeAwarenessMessage(entries: readonly AwarenessEntry[]): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId)
    encoding.writeVarUint(inner, entry.clock)
    encoding.writeVarString(inner, entry.json)
  }
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MSG_AWARENESS)
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  return encoding.toUint8Array(e)
}

/** Reads the payload of a sync message after its two header varints. */
export function syncPayload(message: Uint8Array): { sub: number; payload: Uint8Array } {
  const d = decoding.createDecoder(message)
  decoding.readVarUint(d)
  const sub = decoding.readVarUint(d)
  return { sub, payload: decoding.readVarUint8Array(d) }
}

/** The payload of an awareness message. */
export function awarenessPayload(message: Uint8Array): Uint8Array {
  const d = decoding.createDecoder(message)
  decoding.readVarUint(d)
  return decoding.readVarUint8Array(d)
}

const CACHEABLE_BYTES = 256 * 1024
const GENERATION_SIZE = 4096

/**
 * Decoded values by message bytes, in two generations: when the young one fills, it becomes the
 * old one, so a message still being delivered to the last clients is not decoded again.
 */
export class DecodeCache<T> {
  private young = new Map<string, T>()
  private old = new Map<string, T>()
  hits = 0
  misses = 0

  constructor(private readonly decode: (message: Buffer) => T) {}

  get(message: Buffer): T {
    if (message.length > CACHEABLE_BYTES) {
      this.misses++
      return this.decode(message)
    }
    const key = message.toString('latin1')
    let value = this.young.get(key)
    if (value === undefined) {
      value = this.old.get(key)
      if (value === undefined) {
        this.misses++
        value = this.decode(message)
      } else {
        this.hits++
      }
      if (this.young.size >= GENERATION_SIZE) {
        this.old = this.young
        this.young = new Map()
      }
      this.young.set(key, value)
    } else {
      this.hits++
    }
    return value
  }
}
