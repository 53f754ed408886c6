// The sync core without sockets: fake peers, a store whose writes we hold back.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CLOSE, type Identity, type ParticipantId, type WorkshopId } from '@triage/shared'
import type { Peer } from './peer.js'
import { Room } from './room.js'

const workshopId = 'wwwwwwwwwwww' as WorkshopId
const facilitator: Identity = { workshopId, role: 'facilitator' }
const participant = (id: string): Identity => ({
  workshopId,
  role: 'participant',
  participantId: id as ParticipantId,
})

interface FakePeer extends Peer {
  sent: Uint8Array[]
  closedWith: number | null
}

function fakePeer(identity: Identity): FakePeer {
  const peer: FakePeer = {
    identity,
    sent: [],
    closedWith: null,
    send: (m) => peer.sent.push(m),
    close: (code) => {
      peer.closedWith = code
    },
  }
  return peer
}

function deferredStore() {
  const written: Uint8Array[] = []
  const waiting: (() => void)[] = []
  return {
    written,
    /** Lets the oldest held write complete. */
    release: () => waiting.shift()?.(),
    persist: (u: Uint8Array) =>
      new Promise<void>((resolve) =>
        waiting.push(() => {
          written.push(u)
          resolve()
        }),
      ),
  }
}

function updateMessage(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc))
  return encoding.toUint8Array(e)
}

/** Decodes the sync updates a peer was sent into a fresh document. */
function received(peer: FakePeer): Y.Doc {
  const doc = new Y.Doc()
  for (const m of peer.sent) {
    const d = decoding.createDecoder(m)
    if (decoding.readVarUint(d) !== 0) continue
    syncProtocol.readSyncMessage(d, encoding.createEncoder(), doc, null)
  }
  return doc
}

const flushMicrotasks = () => new Promise<void>((r) => setImmediate(r))

function makeRoom(canWrite: (p: Peer) => boolean = () => true) {
  const store = deferredStore()
  const room = new Room(
    'w/board',
    {
      persist: store.persist,
      compact: async () => {},
      authorize: (peer) => (canWrite(peer) ? null : 'read-only'),
      onEmpty: () => {},
      onFatal: (err) => {
        throw err
      },
    },
    1000,
  )
  return { room, store }
}

describe('Room', () => {
  it('broadcasts an update only after the store has it', async () => {
    const { room, store } = makeRoom()
    const a = fakePeer(facilitator)
    const b = fakePeer(participant('pppppppppppp'))
    room.join(a)
    room.join(b)
    const source = new Y.Doc()
    source.getText('t').insert(0, 'hello')
    room.receive(a, updateMessage(source))
    expect(room.doc.getText('t').toString()).toBe('hello')
    await flushMicrotasks()
    expect(received(b).getText('t').toString()).toBe('')
    store.release()
    await room.flushed()
    expect(store.written).toHaveLength(1)
    expect(received(b).getText('t').toString()).toBe('hello')
    // The sender is not echoed its own update.
    expect(received(a).getText('t').toString()).toBe('')
  })

  it('answers sync step 1 only after pending writes, so nothing unstored leaks', async () => {
    const { room, store } = makeRoom()
    const a = fakePeer(facilitator)
    room.join(a)
    const source = new Y.Doc()
    source.getText('t').insert(0, 'queued')
    room.receive(a, updateMessage(source))
    const late = fakePeer(facilitator)
    room.join(late)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    syncProtocol.writeSyncStep1(e, new Y.Doc())
    room.receive(late, encoding.toUint8Array(e))
    await flushMicrotasks()
    expect(received(late).getText('t').toString()).toBe('')
    store.release()
    await room.flushed()
    expect(received(late).getText('t').toString()).toBe('queued')
  })

  it('drops an update from a peer that may not write, and says so once', async () => {
    const { room, store } = makeRoom((p) => p.identity.role === 'facilitator')
    const reader = fakePeer(participant('pppppppppppp'))
    const watcher = fakePeer(facilitator)
    room.join(reader)
    room.join(watcher)
    const source = new Y.Doc()
    source.getText('t').insert(0, 'nope')
    room.receive(reader, updateMessage(source))
    room.receive(reader, updateMessage(source))
    await room.flushed()
    expect(room.doc.getText('t').toString()).toBe('')
    expect(store.written).toHaveLength(0)
    const auth = reader.sent.filter((m) => m[0] === 2)
    expect(auth).toHaveLength(1)
    expect(received(watcher).getText('t').toString()).toBe('')
  })

  it('closes only the peer whose message is malformed', () => {
    const { room } = makeRoom()
    const bad = fakePeer(facilitator)
    const good = fakePeer(facilitator)
    room.join(bad)
    room.join(good)
    room.receive(bad, new Uint8Array([9, 9, 9]))
    room.receive(bad, new Uint8Array([0, 2, 50, 1]))
    expect(bad.closedWith).toBe(CLOSE.badMessage)
    expect(good.closedWith).toBeNull()
  })
})
