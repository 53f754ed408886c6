// The workshop's access policy, handed to the room manager: who may write each document right
// now (the board lock, the brainstorm's input window, the board and control guards). Board and
// private documents hold the workshop's control document while loaded: its lock flag, phase and
// timer decide who may write them, and every check reads them from memory.
import type * as Y from 'yjs'
import {
  checkBoardUpdate,
  checkControlUpdate,
  documentAccess,
  ideaTag,
  isBoardLocked,
  readPhase,
  readTimer,
  timeIsUp,
  type DocRef,
  type Identity,
} from '@triage/shared'
import type { AccessPolicy, DocumentGuard } from '../sync/access-policy.js'
import type { Peer } from '../sync/peer.js'

export interface WorkshopPolicyOptions {
  /** Whether a participant wrote an idea, from the tag the server put on it. */
  readonly ownsIdea?: (
    identity: Extract<Identity, { role: 'participant' }>,
    ideaId: string,
    tag: string | null,
  ) => boolean
}

export function workshopAccessPolicy(options: WorkshopPolicyOptions = {}): AccessPolicy {
  return {
    async guard(ref, holder): Promise<DocumentGuard> {
      const control =
        ref.kind === 'control'
          ? null
          : await holder.hold({ workshopId: ref.workshopId, kind: 'control' })
      return {
        authorize: (peer, update, doc) =>
          authorize(ref, control?.doc, peer, update, doc, options.ownsIdea),
        release: () => control?.release(),
      }
    },
  }
}

/** The check run on every incoming update: null when it may be applied. */
function authorize(
  ref: DocRef,
  controlDoc: Y.Doc | undefined,
  peer: Peer,
  update: Uint8Array,
  doc: Y.Doc,
  ownsIdea: WorkshopPolicyOptions['ownsIdea'],
): string | null {
  const boardLocked = controlDoc ? isBoardLocked(controlDoc) : false
  const inputClosed =
    ref.kind === 'private' && controlDoc !== undefined
      ? readPhase(controlDoc) === 'brainstorm' &&
        timeIsUp({ timer: readTimer(controlDoc) }, Date.now())
      : false
  const access = documentAccess(peer.identity, ref, { boardLocked, inputClosed })
  if (access !== 'write') return 'read-only'
  const identity = peer.identity
  if (ref.kind === 'control') {
    const verdict = checkControlUpdate(doc, update)
    if (!verdict.ok) return verdict.reason
  }
  if (ref.kind === 'board' && identity.role === 'participant') {
    const verdict = checkBoardUpdate(doc, update, {
      mayDeleteIdea: (ideaId, idea) =>
        ownsIdea !== undefined && ownsIdea(identity, ideaId, ideaTag(idea)),
      // An undone delete re-creates the idea with new structs: its tag still proves it is theirs.
      mayRestoreIdea: (ideaId, tag) => ownsIdea !== undefined && ownsIdea(identity, ideaId, tag),
    })
    if (!verdict.ok) return verdict.reason
  }
  return null
}
