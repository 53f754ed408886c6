// Rewrites an incoming awareness update so that a peer can only speak for its own client ids,
// within bounds, and with the identity the server knows stamped on every state.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Identity } from '@triage/shared'
import { ProtocolError } from './peer.js'

export const AWARENESS_LIMITS = {
  /** Client ids one connection may own (a tab reloading keeps at most a few alive). */
  clientsPerPeer: 4,
  /** Entries in one awareness message. */
  entriesPerMessage: 16,
  /** Bytes of one state's JSON. */
  stateBytes: 4096,
} as const

export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  /** The state to apply; null removes the client. */
  readonly state: Record<string, unknown> | null
}

/** The server's word on who a state belongs to; clients cannot forge it. */
export function stampOf(identity: Identity): { role: string; participantId: string | null } {
  return {
    role: identity.role,
    participantId: identity.role === 'participant' ? identity.participantId : null,
  }
}

/**
 * Decodes an awareness update and keeps the entries this peer may make: ids it owns, or new
 * ids nobody owns while it has room for more. The stock provider sends every change it hears
 * back to the server (all states, on joining), so entries of other peers' ids and stale echoes
 * of ids that left (a clock the server has already seen) are skipped, not counted against the
 * limits; the frame size bounds the work. Throws ProtocolError on malformed input.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  identity: Identity,
  ownerOf: (clientId: number) => unknown,
  self: unknown,
  ownedCount: number,
  knownClock: (clientId: number) => number | undefined = () => undefined,
): AwarenessEntry[] {
  const d = decoding.createDecoder(update)
  const n = decoding.readVarUint(d)
  const out: AwarenessEntry[] = []
  let owned = ownedCount
  for (let i = 0; i < n; i++) {
    const clientId = decoding.readVarUint(d)
    const clock = decoding.readVarUint(d)
    const json = decoding.readVarString(d)
    const owner = ownerOf(clientId)
    if (owner !== undefined && owner !== self) continue
    if (owner === undefined) {
      const seen = knownClock(clientId)
      if (seen !== undefined && clock <= seen) continue
    }
    // Measured only for what this peer may say: an echo of another peer's state carries the
    // server's stamp, which can take a state sent just under the limit past it.
    if (json.length > AWARENESS_LIMITS.stateBytes)
      throw new ProtocolError('awareness state too large')
    if (out.length >= AWARENESS_LIMITS.entriesPerMessage) {
      throw new ProtocolError('too many awareness entries')
    }
    if (owner === undefined) {
      if (owned >= AWARENESS_LIMITS.clientsPerPeer) continue
      owned++
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(json)
    } catch {
      throw new ProtocolError('awareness state is not JSON')
    }
    if (parsed === null) {
      out.push({ clientId, clock, state: null })
    } else if (typeof parsed === 'object' && !Array.isArray(parsed)) {
      out.push({ clientId, clock, state: { ...parsed, identity: stampOf(identity) } })
    }
  }
  return out
}

/** Encodes entries in the awareness update format of y-protocols. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(e, entry.clientId)
    encoding.writeVarUint(e, entry.clock)
    encoding.writeVarString(e, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(e)
}
