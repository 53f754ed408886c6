// The room manager with a policy of the test's own: the seam the workshop's rules plug into.
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  docName,
  type DocRef,
  type Identity,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import { openSqliteStore } from '../store/sqlite-store.js'
import type { AccessPolicy, DocumentGuard } from './access-policy.js'
import type { Peer } from './peer.js'
import { encodeUpdateMessage } from './protocol.js'
import { Rooms } from './rooms.js'

const workshopId = 'wwwwwwwwwwww' as WorkshopId
const board: DocRef = { workshopId, kind: 'board' }
const control: DocRef = { workshopId, kind: 'control' }
const facilitator: Identity = { workshopId, role: 'facilitator' }
const participant: Identity = {
  workshopId,
  role: 'participant',
  participantId: 'pppppppppppp' as ParticipantId,
}

function fakePeer(identity: Identity): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = []
  return { identity, sent, send: (m) => sent.push(m), close: () => {} }
}

/** An update writing `text` under a fresh client id. */
function textUpdate(text: string): Uint8Array {
  const d = new Y.Doc()
  d.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(d)
}

describe('Rooms: the access policy is handed in', () => {
  it('guards each document from its load to its unload with what the policy says', async () => {
    const guarded: string[] = []
    const released: string[] = []
    // Facilitators write; the board holds the control document while it is loaded.
    const policy: AccessPolicy = {
      async guard(ref, holder): Promise<DocumentGuard> {
        guarded.push(docName(ref))
        const held = ref.kind === 'board' ? await holder.hold(control) : null
        return {
          authorize: (peer) => (peer.identity.role === 'facilitator' ? null : 'facilitators only'),
          release: () => {
            released.push(docName(ref))
            held?.release()
          },
        }
      },
    }
    const store = openSqliteStore(':memory:')
    const rooms = new Rooms(store, {
      graceMs: 5,
      compactAfter: 1000,
      onError: (err) => {
        throw err
      },
      policy,
    })

    const lease = await rooms.acquire(board)
    expect(guarded).toEqual([docName(board), docName(control)])
    expect(rooms.isLoaded(control)).toBe(true)

    const host = fakePeer(facilitator)
    const phone = fakePeer(participant)
    lease.room.join(host)
    lease.room.join(phone)
    lease.room.receive(host, encodeUpdateMessage(textUpdate('kept')))
    lease.room.receive(phone, encodeUpdateMessage(textUpdate('refused')))
    await lease.room.flushed()
    expect(lease.room.doc.getText('t').toString()).toBe('kept')
    // The refusal is told to the peer as a permission-denied message (type 2).
    expect(phone.sent.some((m) => m[0] === 2)).toBe(true)

    lease.room.leave(host)
    lease.room.leave(phone)
    lease.release()
    await vi.waitFor(() => {
      expect(rooms.isLoaded(board)).toBe(false)
      expect(rooms.isLoaded(control)).toBe(false)
    })
    // The board's guard let the control document go, so it unloaded after it.
    expect(released).toEqual([docName(board), docName(control)])
    const stored = new Y.Doc()
    for (const u of await store.loadDocument(docName(board))) Y.applyUpdate(stored, u)
    expect(stored.getText('t').toString()).toBe('kept')
    await store.close()
  })

  it('releases what the guard took when the document fails to load', async () => {
    const released: string[] = []
    const policy: AccessPolicy = {
      async guard(ref) {
        return { authorize: () => null, release: () => released.push(docName(ref)) }
      },
    }
    const store = openSqliteStore(':memory:')
    const failing = {
      ...store,
      loadLog: () => Promise.reject(new Error('disk gone')),
    }
    const rooms = new Rooms(failing, { graceMs: 5, compactAfter: 1000, onError: () => {}, policy })
    await expect(rooms.acquire(board)).rejects.toThrow('disk gone')
    expect(released).toEqual([docName(board)])
    await store.close()
  })
})
