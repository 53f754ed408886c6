// The sync core without sockets: fake peers, a store whose writes we hold back.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CLOSE, type Identity, type ParticipantId, type WorkshopId } from '@triage/shared'
import type { Peer } from './peer.js'
import { AWARENESS_BATCH_MS, Room } from './room.js'

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
  /** How many updates each call to persist carried. */
  const calls: number[] = []
  const waiting: (() => void)[] = []
  return {
    written,
    calls,
    /** Lets the oldest held write complete. */
    release: () => waiting.shift()?.(),
    persist: (updates: readonly Uint8Array[]) =>
      new Promise<void>((resolve) =>
        waiting.push(() => {
          written.push(...updates)
          calls.push(updates.length)
          resolve()
        }),
      ),
  }
}

/** Awareness messages a peer was sent. */
const awarenessMessages = (peer: FakePeer) => peer.sent.filter((m) => m[0] === 1)

function awarenessMessage(clientId: number, state: Record<string, unknown>): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  // The update says "clientId" sets this state, whatever the helper document's own id is.
  awareness.states.set(clientId, state)
  awareness.meta.set(clientId, { clock: 1, lastUpdated: 0 })
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]))
  return encoding.toUint8Array(e)
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

  it('stores updates that arrive during a write as one batch and sends them as one message', async () => {
    const { room, store } = makeRoom()
    const a = fakePeer(facilitator)
    const b = fakePeer(participant('pppppppppppp'))
    const watcher = fakePeer(facilitator)
    for (const p of [a, b, watcher]) room.join(p)
    const first = new Y.Doc()
    first.getMap('m').set('first', 1)
    room.receive(a, updateMessage(first))
    await flushMicrotasks()
    // While the first write is on its way to disk, five more updates arrive from two peers.
    for (let i = 0; i < 5; i++) {
      const d = new Y.Doc()
      d.getMap('m').set(`k${i}`, i)
      room.receive(i % 2 === 0 ? a : b, updateMessage(d))
    }
    store.release()
    await flushMicrotasks()
    const before = watcher.sent.length
    store.release()
    await room.flushed()
    expect(store.calls).toEqual([1, 5])
    // One message carries the whole batch to each peer.
    expect(watcher.sent.length - before).toBe(1)
    expect(Object.keys(received(watcher).getMap('m').toJSON()).sort()).toEqual([
      'first',
      'k0',
      'k1',
      'k2',
      'k3',
      'k4',
    ])
  })

  it('stores updates that arrive while a sync answer waits before answering', async () => {
    const { room, store } = makeRoom()
    const a = fakePeer(facilitator)
    room.join(a)
    const one = new Y.Doc()
    one.getMap('m').set('one', 1)
    room.receive(a, updateMessage(one))
    await flushMicrotasks()
    const late = fakePeer(facilitator)
    room.join(late)
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 0)
    syncProtocol.writeSyncStep1(e, new Y.Doc())
    room.receive(late, encoding.toUint8Array(e))
    // Applied to the document after the answer was queued, before it is sent.
    const two = new Y.Doc()
    two.getMap('m').set('two', 2)
    room.receive(a, updateMessage(two))
    store.release()
    await flushMicrotasks()
    // "one" is stored, so it may go out; "two" is not stored yet, so neither the broadcast nor
    // the answer carries it.
    expect(received(late).getMap('m').toJSON()).toEqual({ one: 1 })
    store.release()
    await room.flushed()
    expect(received(late).getMap('m').toJSON()).toEqual({ one: 1, two: 2 })
  })

  it('answers peers that have nothing with the whole document, encoded once per change', async () => {
    const { room, store } = makeRoom()
    const writer = fakePeer(facilitator)
    room.join(writer)
    const step1 = () => {
      const e = encoding.createEncoder()
      encoding.writeVarUint(e, 0)
      syncProtocol.writeSyncStep1(e, new Y.Doc())
      return encoding.toUint8Array(e)
    }
    const answerOf = (peer: FakePeer) => peer.sent.filter((m) => m[0] === 0 && m[1] === 1).at(-1)
    const [p1, p2, p3] = [1, 2, 3].map(() => fakePeer(facilitator)) as [
      FakePeer,
      FakePeer,
      FakePeer,
    ]
    room.join(p1)
    room.join(p2)
    room.receive(p1, step1())
    room.receive(p2, step1())
    await room.flushed()
    expect(answerOf(p1)).toBe(answerOf(p2))
    const d = new Y.Doc()
    d.getMap('m').set('k', 1)
    room.receive(writer, updateMessage(d))
    await flushMicrotasks()
    store.release()
    room.join(p3)
    room.receive(p3, step1())
    await room.flushed()
    expect(answerOf(p3)).not.toBe(answerOf(p1))
    expect(received(p3).getMap('m').toJSON()).toEqual({ k: 1 })
  })

  it('sends the awareness changes of a moment to every peer in one message', async () => {
    vi.useFakeTimers()
    try {
      const { room } = makeRoom()
      const peers = [facilitator, participant('aaaaaaaaaaaa'), participant('bbbbbbbbbbbb')].map(
        (identity) => fakePeer(identity),
      )
      for (const p of peers) room.join(p)
      peers.forEach((p, i) =>
        room.receive(p, awarenessMessage(100 + i, { user: { name: `P${i}` } })),
      )
      expect(awarenessMessages(peers[0]!)).toHaveLength(0)
      vi.advanceTimersByTime(AWARENESS_BATCH_MS)
      for (const p of peers) {
        expect(awarenessMessages(p)).toHaveLength(1)
      }
      expect([...room.awareness.getStates().keys()].sort()).toEqual([100, 101, 102])
    } finally {
      vi.useRealTimers()
    }
  })

  it("lets a provider echo everyone's awareness back (as the stock one does) without closing it", () => {
    const { room } = makeRoom()
    const peers = Array.from({ length: 20 }, (_, i) =>
      fakePeer(participant(`p${String(i).padStart(11, '0')}`)),
    )
    peers.forEach((p, i) => {
      room.join(p)
      room.receive(p, awarenessMessage(500 + i, { user: { name: `P${i}` } }))
    })
    // The first peer sends all 20 states back, and states of ids that left.
    room.leave(peers[19]!)
    const echo = encoding.createEncoder()
    encoding.writeVarUint(echo, 1)
    encoding.writeVarUint8Array(
      echo,
      awarenessProtocol.encodeAwarenessUpdate(room.awareness, [
        ...room.awareness.getStates().keys(),
        519,
      ]),
    )
    room.receive(peers[0]!, encoding.toUint8Array(echo))
    expect(peers[0]!.closedWith).toBeNull()
    expect(room.awareness.getStates().size).toBe(19)
    expect(room.awareness.getStates().has(519)).toBe(false)
  })

  it('drops an update from a peer that may not write, and says so for every refused update', async () => {
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
    // Every refusal is told (issue 18, finding 10b): a client that missed one recovers on the next.
    const auth = reader.sent.filter((m) => m[0] === 2)
    expect(auth).toHaveLength(2)
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
