// How a room's stored updates reach its peers: encoded once per message, merged where Yjs can
// merge them, and never sent back to the one peer a batch came from.
import * as Y from 'yjs'
import type { Peer } from './peer.js'
import { encodeUpdateMessage } from './protocol.js'

/** An accepted update waiting to be stored, and the peer (or origin) it came from. */
export interface Accepted {
  readonly update: Uint8Array
  readonly origin: unknown
}

/** Sends updates to every peer, merged into one message when they can be, else each alone. */
export function sendAll(peers: ReadonlySet<Peer>, updates: readonly Uint8Array[]): void {
  if (updates.length === 0 || peers.size === 0) return
  let out = updates
  if (updates.length > 1) {
    try {
      out = [Y.mergeUpdates([...updates])]
    } catch {
      // Each goes out alone.
    }
  }
  for (const update of out) {
    const message = encodeUpdateMessage(update)
    for (const peer of peers) peer.send(message)
  }
}

/**
 * Sends a stored batch (merged into one update) to the peers. What other nodes stored rides in
 * the same message, so a peer gets one send per broadcast. A peer whose own updates are in a
 * mixed batch gets them back, which Yjs ignores; a batch from one peer skips that peer.
 */
export function sendBatch(
  peers: ReadonlySet<Peer>,
  batch: readonly Accepted[],
  merged: Uint8Array,
  relayed: readonly Uint8Array[],
): void {
  if (peers.size === 0) return
  if (relayed.length > 0) {
    try {
      const all = encodeUpdateMessage(Y.mergeUpdates([merged, ...relayed]))
      for (const peer of peers) peer.send(all)
      return
    } catch {
      // Sent apart below.
    }
  }
  const origin = batch[0]?.origin
  const single = batch.every((b) => b.origin === origin)
  const message = encodeUpdateMessage(merged)
  for (const peer of peers) if (!single || peer !== origin) peer.send(message)
  sendAll(peers, relayed)
}

/** Sends each update of a batch alone (its merge failed), never back to the peer it came from. */
export function sendApart(peers: ReadonlySet<Peer>, batch: readonly Accepted[]): void {
  for (const b of batch) {
    const message = encodeUpdateMessage(b.update)
    for (const peer of peers) if (peer !== b.origin) peer.send(message)
  }
}
