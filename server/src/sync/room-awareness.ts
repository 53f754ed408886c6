// Awareness (presence, cursors) of one room: each connection speaks only for the client ids it
// owns, changes gather for a moment and go out as one message, and other nodes hear only what
// this room's own peers said.
import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { writerKey } from '@triage/shared'
import {
  filterAwarenessUpdate,
  encodeAwarenessEntries,
  type AwarenessEntry,
} from './awareness-filter.js'
import type { Peer } from './peer.js'
import { encodeAwarenessMessage } from './protocol.js'
import { UNKNOWN_WRITER, type RoomWriters } from './room-writers.js'

/** How long awareness changes gather before one message carries them all to every peer. */
export const AWARENESS_BATCH_MS = 25

/** Origin of awareness changes heard from another node: never published again. */
export const REMOTE_AWARENESS = Symbol('remote awareness')

/** A client id and the identity (a `writerKey`) it speaks for. */
export interface ClientOwner {
  readonly clientId: number
  readonly owner: string
}

export interface AwarenessHooks {
  /** Sends one message to every peer of the room. */
  broadcast(message: Uint8Array): void
  /** This room's own peers changed awareness: the encoded change and whom each id speaks for. */
  onAwareness?(update: Uint8Array, owners: readonly ClientOwner[]): void
}

export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness
  /** The client ids each connected peer speaks for. */
  private readonly owned = new Map<Peer, Set<number>>()
  /** Awareness client ids and the connection that currently speaks for each. */
  private readonly owners = new Map<number, Peer>()
  /** Peers that have sent awareness at least once. */
  private readonly announced = new WeakSet<Peer>()
  /** Client ids changed since the last awareness message went out. */
  private readonly changed = new Set<number>()
  /** Of those, the ones this room's own peers changed (other nodes hear of these). */
  private readonly own = new Set<number>()
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor(
    doc: Y.Doc,
    private readonly writers: RoomWriters,
    private readonly hooks: AwarenessHooks,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onUpdate)
  }

  /** A peer joined: it speaks for nothing yet; the message it needs to see who is here, if any. */
  join(peer: Peer): Uint8Array | null {
    this.owned.set(peer, new Set())
    return this.snapshot()
  }

  /** Every state the room knows, as one message (null when there is none). */
  snapshot(): Uint8Array | null {
    const states = [...this.awareness.getStates().keys()]
    if (states.length === 0) return null
    return encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states))
  }

  /** A peer left: the ids it spoke for are gone. */
  leave(peer: Peer): void {
    const owned = this.owned.get(peer)
    if (!owned) return
    this.owned.delete(peer)
    for (const id of owned) this.owners.delete(id)
    if (owned.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], null)
  }

  /** One awareness update from a peer: only the entries it may speak for are applied. */
  receive(peer: Peer, update: Uint8Array): void {
    const owned = this.owned.get(peer)
    if (!owned) return
    const key = writerKey(peer.identity)
    // An id is spoken for by the connection using it now, or else by the identity that wrote
    // or announced presence under it first.
    const ownerOf = (id: number): unknown => {
      const current = this.owners.get(id)
      if (current) return current
      const first = this.writers.ownerOf(id)
      return first === undefined || first === key ? undefined : first
    }
    // A stock provider that reconnects announces itself first, alone, with the clock it had:
    // the room has seen that clock, so y-protocols would ignore it and the member would stay
    // absent until the next renewal. Its own identity's id, free now, is taken back with a
    // clock past the one seen (the echo tells the client). Later messages are not: those may
    // be echoes of others' states.
    const first = !this.announced.has(peer)
    this.announced.add(peer)
    const back = first ? soleEntryId(update) : null
    const reannounce =
      back !== null &&
      !this.owners.has(back) &&
      !this.awareness.states.has(back) &&
      this.writers.ownerOf(back) === key
        ? back
        : null
    let entries: AwarenessEntry[] = filterAwarenessUpdate(
      update,
      peer.identity,
      ownerOf,
      peer,
      owned.size,
      (id) => (id === reannounce ? undefined : this.awareness.meta.get(id)?.clock),
    )
    if (entries.length === 0) return
    if (reannounce !== null) {
      const seen = this.awareness.meta.get(reannounce)?.clock ?? 0
      entries = entries.map((e) =>
        e.clientId === reannounce && e.state !== null && e.clock <= seen
          ? { ...e, clock: seen + 1 }
          : e,
      )
    }
    for (const e of entries) {
      if (e.state === null) continue
      owned.add(e.clientId)
      this.owners.set(e.clientId, peer)
      this.writers.announce(e.clientId, key)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), peer)
    for (const e of entries) {
      if (e.state !== null) continue
      owned.delete(e.clientId)
      this.owners.delete(e.clientId)
    }
  }

  /** Applies another node's awareness change; each id stays with the identity it speaks for. */
  applyRemote(update: Uint8Array, owners: readonly ClientOwner[]): void {
    if (this.closed) return
    for (const { clientId, owner } of owners) {
      if (this.owners.has(clientId)) continue
      const first = this.writers.ownerOf(clientId)
      if (first !== undefined && first !== owner) return
      this.writers.announce(clientId, owner)
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_AWARENESS)
    } catch {
      // A node sends what it encoded; one that cannot be read is dropped.
    }
  }

  destroy(): void {
    if (this.closed) return
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.owned.clear()
    this.owners.clear()
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  /**
   * Awareness goes to every peer, the sender too: the stock provider counts it as liveness.
   * Changes gather for a moment and go out as one message, so a join storm or a room full of
   * moving cursors costs one send per peer per moment, not one per change.
   */
  private readonly onUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const local = origin !== REMOTE_AWARENESS && this.hooks.onAwareness !== undefined
    for (const list of [changes.added, changes.updated, changes.removed]) {
      for (const id of list) {
        this.changed.add(id)
        if (local) this.own.add(id)
      }
    }
    if (this.changed.size === 0 || this.timer) return
    this.timer = setTimeout(this.flush, AWARENESS_BATCH_MS)
  }

  private readonly flush = (): void => {
    this.timer = null
    const changed = [...this.changed]
    const own = [...this.own]
    this.changed.clear()
    this.own.clear()
    if (this.closed) return
    if (own.length > 0) {
      const owners = own.map((clientId) => {
        const peer = this.owners.get(clientId)
        const owner = peer
          ? writerKey(peer.identity)
          : (this.writers.announcerOf(clientId) ?? UNKNOWN_WRITER)
        return { clientId, owner }
      })
      this.hooks.onAwareness?.(awarenessProtocol.encodeAwarenessUpdate(this.awareness, own), owners)
    }
    if (changed.length === 0 || this.owned.size === 0) return
    this.hooks.broadcast(
      encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
    )
  }
}

/** The client id of an awareness update that holds exactly one entry, or null. */
function soleEntryId(update: Uint8Array): number | null {
  try {
    const d = decoding.createDecoder(update)
    return decoding.readVarUint(d) === 1 ? decoding.readVarUint(d) : null
  } catch {
    return null
  }
}
