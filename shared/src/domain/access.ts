// Who may read and write which document: the table in DESIGN.md as one pure function.
import type { DocRef } from '../schema/doc-ref.js'
import type { ParticipantId, WorkshopId } from '../schema/ids.js'

/** Whom a token speaks for. */
export type Identity =
  | {
      readonly workshopId: WorkshopId
      readonly role: 'facilitator'
      /** Set when the token is the co-facilitator link's, not the creator's own. */
      readonly via?: 'co-facilitator'
    }
  | {
      readonly workshopId: WorkshopId
      readonly role: 'participant'
      readonly participantId: ParticipantId
    }
  /**
   * The read-only link: sees what everyone sees, never writes, never a private document. The
   * projector link is one too, with a token of its own.
   */
  | { readonly workshopId: WorkshopId; readonly role: 'viewer'; readonly via?: 'projector' }

export type Access = 'none' | 'read' | 'write'

/** What the control document says at the moment of a check. */
export interface AccessState {
  /** Participants may read the board but not change it. */
  readonly boardLocked: boolean
  /** The brainstorm timer ran out with "stop input": private documents are read-only. */
  readonly inputClosed?: boolean
}

/**
 * The access an identity has to a document. The state comes from the control document at
 * the moment of the check, so locking and the timer take effect on the next message.
 */
export function documentAccess(identity: Identity, ref: DocRef, state: AccessState): Access {
  if (identity.workshopId !== ref.workshopId) return 'none'
  if (identity.role === 'viewer') return ref.kind === 'private' ? 'none' : 'read'
  const facilitator = identity.role === 'facilitator'
  switch (ref.kind) {
    case 'control':
      return facilitator ? 'write' : 'read'
    case 'board':
      return facilitator || !state.boardLocked ? 'write' : 'read'
    case 'private':
      if (identity.role !== 'participant' || identity.participantId !== ref.participantId) {
        return 'none'
      }
      return state.inputClosed === true ? 'read' : 'write'
  }
}

/**
 * Who writes under a Yjs client id, as the server records it per document: a client id one
 * identity has written can never be written by another. Facilitator devices share one key.
 */
export function writerKey(identity: Identity): string {
  return identity.role === 'participant' ? `participant:${identity.participantId}` : identity.role
}
