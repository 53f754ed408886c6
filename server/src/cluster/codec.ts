// What nodes tell each other over Redis, as bytes: an accepted update with the sequence numbers
// it was stored under, an awareness change with whom each entry speaks for, and workshop events.
// Decoding is bounded and total: a message that does not read cleanly is dropped and counted.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'

const UPDATE = 1
const AWARENESS = 2
const EVENT = 3

/** Largest payload one message may carry (the largest frame a client may send, with room). */
export const MAX_CLUSTER_PAYLOAD = 8 * 1024 * 1024
const MAX_CLAIMS = 4096
const MAX_STRING = 512

/** Whose connections an event closes: every field given must match. */
export const connectionFilterSchema = z
  .object({
    workshopId: z.string().min(1).max(200),
    role: z.enum(['facilitator', 'participant', 'viewer']).optional(),
    participantId: z.string().min(1).max(200).optional(),
    /** The link a connection was opened with: a kind, or 'own' for none (the creator's token). */
    via: z.enum(['own', 'co-facilitator', 'projector']).optional(),
  })
  .strict()
export type ConnectionFilter = z.infer<typeof connectionFilterSchema>

export const clusterEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('close-connections'),
      filter: connectionFilterSchema,
      code: z.number().int().min(1000).max(4999),
      reason: z.string().max(120),
    })
    .strict(),
  z
    .object({ type: z.literal('workshop-deleted'), workshopId: z.string().min(1).max(200) })
    .strict(),
  /** Asks every node to store and publish what it accepted for the workshop, then answer. */
  z.object({ type: z.literal('fence'), id: z.string().min(1).max(64) }).strict(),
  z
    .object({ type: z.literal('fence-ack'), id: z.string().min(1).max(64), to: z.string().max(64) })
    .strict(),
])
export type ClusterEvent = z.infer<typeof clusterEventSchema>

export type ClusterMessage =
  | {
      readonly type: 'update'
      readonly node: string
      readonly doc: string
      /** The stored sequence numbers the update covers, inclusive. */
      readonly from: number
      readonly to: number
      readonly update: Uint8Array
      /** Client ids first written in this update, and by whom (a `writerKey`). */
      readonly claims: readonly { clientId: number; owner: string }[]
    }
  | {
      readonly type: 'awareness'
      readonly node: string
      readonly doc: string
      readonly update: Uint8Array
      /** The identity each client id in the update speaks for. */
      readonly owners: readonly { clientId: number; owner: string }[]
    }
  | { readonly type: 'event'; readonly node: string; readonly event: ClusterEvent }

export function encodeClusterMessage(message: ClusterMessage): Uint8Array {
  const e = encoding.createEncoder()
  switch (message.type) {
    case 'update':
      encoding.writeVarUint(e, UPDATE)
      encoding.writeVarString(e, message.node)
      encoding.writeVarString(e, message.doc)
      encoding.writeVarUint(e, message.from)
      encoding.writeVarUint(e, message.to)
      encoding.writeVarUint8Array(e, message.update)
      writeOwners(e, message.claims)
      break
    case 'awareness':
      encoding.writeVarUint(e, AWARENESS)
      encoding.writeVarString(e, message.node)
      encoding.writeVarString(e, message.doc)
      encoding.writeVarUint8Array(e, message.update)
      writeOwners(e, message.owners)
      break
    case 'event':
      encoding.writeVarUint(e, EVENT)
      encoding.writeVarString(e, message.node)
      encoding.writeVarString(e, JSON.stringify(message.event))
      break
  }
  return encoding.toUint8Array(e)
}

/** The message, or null when it is not one this node can read. */
export function decodeClusterMessage(data: Uint8Array): ClusterMessage | null {
  if (data.length > MAX_CLUSTER_PAYLOAD + 64 * 1024) return null
  try {
    const d = decoding.createDecoder(data)
    const type = decoding.readVarUint(d)
    const node = readString(d)
    let message: ClusterMessage | null = null
    if (type === UPDATE) {
      const doc = readString(d)
      const from = decoding.readVarUint(d)
      const to = decoding.readVarUint(d)
      const update = decoding.readVarUint8Array(d)
      const claims = readOwners(d)
      if (from < 1 || to < from || !Number.isSafeInteger(to)) return null
      message = { type: 'update', node, doc, from, to, update, claims }
    } else if (type === AWARENESS) {
      const doc = readString(d)
      const update = decoding.readVarUint8Array(d)
      message = { type: 'awareness', node, doc, update, owners: readOwners(d) }
    } else if (type === EVENT) {
      const text = decoding.readVarString(d)
      if (text.length > 4096) return null
      const event = clusterEventSchema.safeParse(JSON.parse(text))
      if (!event.success) return null
      message = { type: 'event', node, event: event.data }
    }
    if (!message || decoding.hasContent(d)) return null
    return message
  } catch {
    return null
  }
}

function writeOwners(
  e: encoding.Encoder,
  owners: readonly { clientId: number; owner: string }[],
): void {
  encoding.writeVarUint(e, owners.length)
  for (const o of owners) {
    encoding.writeVarUint(e, o.clientId)
    encoding.writeVarString(e, o.owner)
  }
}

function readOwners(d: decoding.Decoder): { clientId: number; owner: string }[] {
  const n = decoding.readVarUint(d)
  if (n > MAX_CLAIMS) throw new Error('too many owners')
  const owners: { clientId: number; owner: string }[] = []
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d)
    if (!Number.isSafeInteger(clientId)) throw new Error('client id out of range')
    owners.push({ clientId, owner: readString(d) })
  }
  return owners
}

function readString(d: decoding.Decoder): string {
  const s = decoding.readVarString(d)
  if (s.length === 0 || s.length > MAX_STRING) throw new Error('bad string')
  return s
}
