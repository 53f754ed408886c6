// The seam between the generic room manager and an application's rules on who may write what.
// As tldraw's TLSocketRoom takes a push filter, `Rooms` takes a policy and holds no rule itself.
import type * as Y from 'yjs'
import type { DocRef } from '@triage/shared'
import type { Peer } from './peer.js'

/** Another document, kept in memory until `release` (a policy's checks may read it). */
export interface HeldDocument {
  readonly doc: Y.Doc
  /** Lets the document go; calling it again does nothing. */
  release(): void
}

/** What a policy may ask of the room manager: to hold the documents its checks read. */
export interface DocumentHolder {
  hold(ref: DocRef): Promise<HeldDocument>
}

/** The policy's rule for one loaded document. */
export interface DocumentGuard {
  /**
   * Whether this peer may apply this update to the document right now: null when it may,
   * otherwise the reason it may not (the update is then not applied, stored or broadcast).
   * Runs on every update, so it reads only what is in memory.
   */
  authorize(peer: Peer, update: Uint8Array, doc: Y.Doc): string | null
  /** The document unloaded (or failed to load): let go of what the guard holds. */
  release(): void
}

export interface AccessPolicy {
  /**
   * A document is loading: before anyone can write it, the policy takes what its checks will
   * read (holding another document, say) and returns the guard that decides every update
   * while the document is loaded.
   */
  guard(ref: DocRef, holder: DocumentHolder): Promise<DocumentGuard>
}
