// The behaviour every Store must have, job by job (directory, document log, sealed inputs,
// secrets), across them, and with two stores (two nodes) on the same storage. SQLite and
// PostgreSQL run it unchanged.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ParticipantId, WorkshopId } from '@triage/shared'
import {
  DuplicateJoinCodeError,
  type ParticipantRecord,
  type Store,
  type WorkshopRecord,
} from '../src/store/store.js'

export interface StoreFactory {
  /** A new, empty store. */
  open(): Promise<Store>
  /** The same storage opened again after `close` (omit for stores that cannot). */
  reopen?(): Promise<Store>
  /**
   * A second store on the storage the last `open` made, open at the same time as the first: a
   * second server node on the same database.
   */
  another(): Promise<Store>
}

const workshop = (n: number, over: Partial<WorkshopRecord> = {}): WorkshopRecord => ({
  id: `workshop-${n}-xxxx` as WorkshopId,
  joinCode: `CODE${n}X`,
  title: `Workshop ${n}`,
  groups: [{ id: 'g1', name: 'Surgeons' }],
  facilitatorTokenHash: `fhash-${n}`,
  createdAt: 1000 + n,
  closedAt: null,
  ...over,
})

const participant = (n: number, w: WorkshopRecord): ParticipantRecord => ({
  id: `participant-${n}-xx` as ParticipantId,
  workshopId: w.id,
  name: `P${n}`,
  groupId: 'g1',
  tokenHash: `phash-${n}`,
  joinedAt: 2000 + n,
})

const textUpdate = (text: string) => {
  const d = new Y.Doc()
  d.getText('t').insert(0, text)
  return Y.encodeStateAsUpdate(d)
}

const replay = (updates: readonly Uint8Array[]) => {
  const d = new Y.Doc()
  for (const u of updates) Y.applyUpdate(d, u)
  return d.getText('t').toString()
}

/** One writer's document: `type` appends text and returns the update it made. */
function writer() {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  return {
    type(more: string): Uint8Array {
      let made: Uint8Array | null = null
      const take = (u: Uint8Array) => {
        made = u
      }
      doc.on('update', take)
      text.insert(text.length, more)
      doc.off('update', take)
      return made!
    },
    /** The whole document as one update, as a room snapshots it. */
    state: () => Y.encodeStateAsUpdate(doc),
  }
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
    directoryContract(factory)
    documentLogContract(factory)
    sealedInputsContract(factory)
    secretsContract(factory)
    wholeStoreContract(factory)
    catchUpContract(factory)
    twoNodesContract(factory)
  })
}

function directoryContract(factory: StoreFactory): void {
  describe('Directory', () => {
    it('creates, finds and lists workshops', async () => {
      const store = await factory.open()
      const w1 = workshop(1)
      await store.createWorkshop(w1)
      await store.createWorkshop(workshop(2))
      expect(await store.getWorkshop(w1.id)).toEqual(w1)
      expect(await store.getWorkshopByCode('CODE1X')).toEqual(w1)
      expect(await store.getWorkshopByCode('NOPE00')).toBeNull()
      expect((await store.listWorkshops()).map((w) => w.id)).toEqual([w1.id, workshop(2).id])
      await store.close()
    })

    it('refuses a join code that is taken', async () => {
      const store = await factory.open()
      await store.createWorkshop(workshop(1))
      await expect(
        store.createWorkshop(workshop(2, { joinCode: 'CODE1X' })),
      ).rejects.toBeInstanceOf(DuplicateJoinCodeError)
      await store.close()
    })

    it('closes a workshop once', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      await store.closeWorkshop(w.id, 5000)
      await store.closeWorkshop(w.id, 6000)
      expect((await store.getWorkshop(w.id))?.closedAt).toBe(5000)
      await store.close()
    })

    it('maps token hashes to facilitators and participants', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const p = participant(1, w)
      await store.addParticipant(p)
      expect(await store.findToken('fhash-1')).toEqual({ workshopId: w.id, role: 'facilitator' })
      expect(await store.findToken('phash-1')).toEqual({
        workshopId: w.id,
        role: 'participant',
        participantId: p.id,
      })
      expect(await store.findToken('unknown')).toBeNull()
      expect(await store.listParticipants(w.id)).toEqual([p])
      await store.close()
    })

    it('keeps one device link per kind: replaced, told, revoked, gone with the workshop', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      expect(await store.deviceLinkSince(w.id, 'projector')).toBeNull()
      await store.setDeviceLink(w.id, 'projector', 'proj-1', 10)
      await store.setDeviceLink(w.id, 'co-facilitator', 'co-1', 11)
      expect(await store.findToken('proj-1')).toEqual({
        workshopId: w.id,
        role: 'viewer',
        via: 'projector',
      })
      expect(await store.findToken('co-1')).toEqual({
        workshopId: w.id,
        role: 'facilitator',
        via: 'co-facilitator',
      })
      await store.setDeviceLink(w.id, 'projector', 'proj-2', 20)
      expect(await store.findToken('proj-1')).toBeNull()
      expect(await store.deviceLinkSince(w.id, 'projector')).toBe(20)
      expect(await store.revokeDeviceLink(w.id, 'projector')).toBe(true)
      expect(await store.revokeDeviceLink(w.id, 'projector')).toBe(false)
      expect(await store.findToken('proj-2')).toBeNull()
      expect(await store.findToken('co-1')).not.toBeNull()
      await store.deleteWorkshop(w.id)
      expect(await store.findToken('co-1')).toBeNull()
      await store.close()
    })

    it('revokes a removed participant’s token for good, in its own workshop only', async () => {
      const store = await factory.open()
      const w = workshop(1)
      const other = workshop(2)
      await store.createWorkshop(w)
      await store.createWorkshop(other)
      const p = participant(1, w)
      const q = participant(2, w)
      await store.addParticipant(p)
      await store.addParticipant(q)
      expect(await store.revokeParticipant(other.id, p.id)).toBe(false)
      expect(await store.findToken('phash-1')).not.toBeNull()
      expect(await store.revokeParticipant(w.id, p.id)).toBe(true)
      expect(await store.revokeParticipant(w.id, p.id)).toBe(false)
      expect(await store.findToken('phash-1')).toBeNull()
      expect(await store.findToken('phash-2')).not.toBeNull()
      expect((await store.listParticipants(w.id)).map((r) => r.id)).toEqual([p.id, q.id])
      await store.close()
    })
  })
}

function documentLogContract(factory: StoreFactory): void {
  describe('DocumentLog', () => {
    it('appends updates and loads them in order; documents are separate', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const doc = new Y.Doc()
      const updates: Uint8Array[] = []
      doc.on('update', (u: Uint8Array) => updates.push(u))
      doc.getText('t').insert(0, 'abc')
      doc.getText('t').insert(3, 'def')
      for (const u of updates) await store.appendUpdate(w.id, 'a/board', u)
      await store.appendUpdate(w.id, 'a/control', textUpdate('other'))
      const loaded = await store.loadDocument('a/board')
      expect(loaded).toHaveLength(2)
      expect(loaded.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
      expect(replay(loaded)).toBe('abcdef')
      expect(await store.loadDocument('a/none')).toEqual([])
      await store.close()
    })

    it('appends several updates in order in one call', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      await store.appendUpdate(w.id, 'a/board', textUpdate('one'))
      await store.appendUpdates(w.id, 'a/board', [textUpdate('two'), textUpdate('three')])
      await store.appendUpdates(w.id, 'a/board', [])
      const loaded = await store.loadDocument('a/board')
      expect(loaded).toHaveLength(3)
      expect(loaded.map((u) => replay([u]))).toEqual(['one', 'two', 'three'])
      await store.close()
    })

    it('keeps the order of writes issued together, across documents', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const words = ['a', 'b', 'c', 'd', 'e', 'f']
      await Promise.all(
        words.flatMap((word) => [
          store.appendUpdate(w.id, 'a/board', textUpdate(word)),
          store.appendUpdate(w.id, 'a/control', textUpdate(word.toUpperCase())),
        ]),
      )
      const board = await store.loadDocument('a/board')
      const control = await store.loadDocument('a/control')
      expect(board.map((u) => replay([u]))).toEqual(words)
      expect(control.map((u) => replay([u]))).toEqual(words.map((x) => x.toUpperCase()))
      await store.close()
    })

    it('compacts a document into one snapshot', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      for (const t of ['a', 'b', 'c']) await store.appendUpdate(w.id, 'a/board', textUpdate(t))
      const snapshot = Y.mergeUpdates(await store.loadDocument('a/board'))
      const { lastSeq } = await store.loadLog('a/board')
      await store.compactDocument(w.id, 'a/board', snapshot, lastSeq)
      const loaded = await store.loadDocument('a/board')
      expect(loaded).toHaveLength(1)
      expect(replay(loaded)).toBe(replay([snapshot]))
      await store.appendUpdate(w.id, 'a/board', textUpdate('d'))
      expect(await store.loadDocument('a/board')).toHaveLength(2)
      await store.close()
    })

    it('numbers appends in increasing order and loads every row with its number and the last', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      expect(await store.loadLog('a/board')).toEqual({ rows: [], lastSeq: 0 })
      const first = await store.appendUpdate(w.id, 'a/board', textUpdate('one'))
      const last = await store.appendUpdates(w.id, 'a/board', [
        textUpdate('two'),
        textUpdate('three'),
      ])
      expect(await store.appendUpdates(w.id, 'a/board', [])).toBeNull()
      const log = await store.loadLog('a/board')
      expect(log.rows.map((r) => replay([r.data]))).toEqual(['one', 'two', 'three'])
      const seqs = log.rows.map((r) => r.seq)
      expect(seqs[0]).toBe(first)
      expect(seqs[2]).toBe(last)
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs)
      expect(new Set(seqs).size).toBe(3)
      expect(log.lastSeq).toBe(last)
      await store.close()
    })

    it('compaction never loses an append made after the snapshot was taken', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const a = writer()
      await store.appendUpdate(w.id, 'a/board', a.type('one '))
      const covered = await store.appendUpdate(w.id, 'a/board', a.type('two '))
      // The snapshot holds what was stored up to `covered`; the writer goes on meanwhile.
      const snapshot = a.state()
      const later = [a.type('three '), a.type('four')]
      await store.appendUpdate(w.id, 'a/board', later[0]!)
      await store.appendUpdates(w.id, 'a/board', [later[1]!])
      await store.compactDocument(w.id, 'a/board', snapshot, covered)
      const log = await store.loadLog('a/board')
      expect(log.rows).toHaveLength(3)
      // The later appends are there as they were written, after the snapshot.
      expect(log.rows.slice(1).map((r) => [...r.data])).toEqual(later.map((u) => [...u]))
      expect(replay(log.rows.map((r) => r.data))).toBe('one two three four')
      expect(replay(log.rows.map((r) => r.data))).toBe(replay([a.state()]))
      await store.close()
    })

    it('an append issued together with a compaction survives it', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const a = writer()
      const covered = await store.appendUpdate(w.id, 'a/board', a.type('kept '))
      const snapshot = a.state()
      const late = a.type('and late')
      // The append is issued first, so it lands before the compaction runs.
      await Promise.all([
        store.appendUpdate(w.id, 'a/board', late),
        store.compactDocument(w.id, 'a/board', snapshot, covered),
      ])
      const loaded = await store.loadDocument('a/board')
      expect(loaded).toHaveLength(2)
      expect(replay(loaded)).toBe('kept and late')
      await store.close()
    })

    it('keeps the snapshot in the place of what it folds, and folds it again later', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const a = writer()
      const covered = await store.appendUpdate(w.id, 'a/board', a.type('a'))
      const first = a.state()
      const after = await store.appendUpdate(w.id, 'a/board', a.type('b'))
      await store.compactDocument(w.id, 'a/board', first, covered)
      const log = await store.loadLog('a/board')
      expect(log.rows.map((r) => r.seq)).toEqual([covered, after])
      expect(log.lastSeq).toBe(after)
      expect(replay([log.rows[0]!.data])).toBe('a')
      // A later snapshot covering everything folds the first one and what followed it.
      await store.compactDocument(w.id, 'a/board', a.state(), log.lastSeq)
      const again = await store.loadDocument('a/board')
      expect(again).toHaveLength(1)
      expect(replay(again)).toBe('ab')
      await store.close()
    })

    it('compacts a document that has nothing stored yet into its first row', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      await store.appendUpdate(w.id, 'a/control', textUpdate('other'))
      await store.compactDocument(w.id, 'a/board', textUpdate('fresh'), 0)
      expect(replay(await store.loadDocument('a/board'))).toBe('fresh')
      expect(replay(await store.loadDocument('a/control'))).toBe('other')
      await store.close()
    })

    it('quarantines rows: the document loads without them, the others stay', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const good = await store.appendUpdate(w.id, 'a/board', textUpdate('good'))
      const bad = await store.appendUpdate(w.id, 'a/board', Uint8Array.of(5, 200, 1))
      await store.quarantineUpdates(w.id, 'a/board', [bad], 'unreadable')
      const log = await store.loadLog('a/board')
      expect(log.rows.map((r) => r.seq)).toEqual([good])
      expect(replay(log.rows.map((r) => r.data))).toBe('good')
      await store.close()
    })

    it('records the owner of each client id per document; an id keeps its first owner', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      expect(await store.loadWriters('a/board')).toEqual(new Map())
      await store.claimWriters(w.id, 'a/board', [
        { clientId: 1, owner: 'p:one' },
        { clientId: 2, owner: 'f' },
      ])
      await store.claimWriters(w.id, 'a/board', [{ clientId: 1, owner: 'p:two' }])
      await store.claimWriters(w.id, 'a/control', [{ clientId: 1, owner: 'f' }])
      expect(await store.loadWriters('a/board')).toEqual(
        new Map([
          [1, 'p:one'],
          [2, 'f'],
        ]),
      )
      expect(await store.loadWriters('a/control')).toEqual(new Map([[1, 'f']]))
      await store.deleteWorkshop(w.id)
      expect(await store.loadWriters('a/board')).toEqual(new Map())
      await store.close()
    })
  })
}

function wholeStoreContract(factory: StoreFactory): void {
  describe('the whole store', () => {
    it('deletes a workshop with its participants and documents, and nothing else', async () => {
      const store = await factory.open()
      const w1 = workshop(1)
      const w2 = workshop(2)
      await store.createWorkshop(w1)
      await store.createWorkshop(w2)
      await store.addParticipant(participant(1, w1))
      await store.addParticipant(participant(2, w2))
      await store.appendUpdate(w1.id, `${w1.id}/board`, textUpdate('gone'))
      await store.appendUpdate(w2.id, `${w2.id}/board`, textUpdate('kept'))
      expect(await store.deleteWorkshop(w1.id)).toBe(true)
      expect(await store.deleteWorkshop(w1.id)).toBe(false)
      expect(await store.getWorkshop(w1.id)).toBeNull()
      expect(await store.findToken('fhash-1')).toBeNull()
      expect(await store.findToken('phash-1')).toBeNull()
      expect(await store.loadDocument(`${w1.id}/board`)).toEqual([])
      expect(replay(await store.loadDocument(`${w2.id}/board`))).toBe('kept')
      expect(await store.findToken('phash-2')).not.toBeNull()
      await store.close()
    })

    it('keeps everything across close and reopen', async () => {
      if (!factory.reopen) return
      const store = await factory.open()
      const secret = await store.secret('kept')
      const w = workshop(1)
      await store.createWorkshop(w)
      await store.addParticipant(participant(1, w))
      await store.appendUpdate(w.id, 'a/board', textUpdate('durable'))
      await store.close()
      const again = await factory.reopen()
      expect(await again.getWorkshop(w.id)).toEqual(w)
      expect(await again.findToken('phash-1')).not.toBeNull()
      expect(replay(await again.loadDocument('a/board'))).toBe('durable')
      expect(await again.secret('kept')).toEqual(secret)
      await again.close()
    })
  })
}

function sealedInputsContract(factory: StoreFactory): void {
  describe('SealedInputs', () => {
    it('keeps sealed data per workshop and key, replaces and clears it, and deletes it with the workshop', async () => {
      const store = await factory.open()
      const w1 = workshop(1)
      const w2 = workshop(2)
      await store.createWorkshop(w1)
      await store.createWorkshop(w2)
      expect(await store.getSealed(w1.id, 'votes')).toBeNull()
      await store.putSealed(w1.id, 'votes', new Uint8Array([1, 2]))
      await store.putSealed(w2.id, 'votes', new Uint8Array([9]))
      await store.putSealed(w1.id, 'votes', new Uint8Array([3]))
      expect(await store.getSealed(w1.id, 'votes')).toEqual(new Uint8Array([3]))
      await store.putSealed(w1.id, 'other', new Uint8Array([4]))
      await store.putSealed(w1.id, 'other', null)
      expect(await store.getSealed(w1.id, 'other')).toBeNull()
      await store.deleteWorkshop(w1.id)
      expect(await store.getSealed(w1.id, 'votes')).toBeNull()
      expect(await store.getSealed(w2.id, 'votes')).toEqual(new Uint8Array([9]))
      await store.close()
    })

    it('runs steps under one key one at a time, in order, passing results and errors through', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const { most, entered } = await exclusiveSteps([store], w, 'votes', 8)
      expect(most).toBe(1)
      expect(entered).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
      // A step that fails fails its caller only; the next step under the key runs.
      const failing = store.exclusive(w.id, 'votes', async () => {
        throw new Error('refused')
      })
      const next = store.exclusive(w.id, 'votes', async () => 'next')
      await expect(failing).rejects.toThrow('refused')
      expect(await next).toBe('next')
      await store.close()
    })

    it('runs steps under different keys, or of different workshops, side by side', async () => {
      const store = await factory.open()
      const w1 = workshop(1)
      const w2 = workshop(2)
      await store.createWorkshop(w1)
      await store.createWorkshop(w2)
      // Each step waits for the one under the other key to start: one at a time, they would
      // wait for each other for ever.
      const sideBySide = async (a: [WorkshopRecord, string], b: [WorkshopRecord, string]) => {
        let startedA = () => {}
        let startedB = () => {}
        const aStarted = new Promise<void>((r) => (startedA = r))
        const bStarted = new Promise<void>((r) => (startedB = r))
        await Promise.all([
          store.exclusive(a[0].id, a[1], async () => {
            startedA()
            await bStarted
          }),
          store.exclusive(b[0].id, b[1], async () => {
            startedB()
            await aStarted
          }),
        ])
      }
      await sideBySide([w1, 'votes'], [w1, 'round:ratings'])
      await sideBySide([w1, 'votes'], [w2, 'votes'])
      await store.close()
    })
  })
}

/**
 * Runs `n` steps under one workshop and key at once, spread over `stores` in turn, each making
 * store round trips while inside; returns how many were ever inside together, and the order
 * they entered in.
 */
async function exclusiveSteps(stores: readonly Store[], w: WorkshopRecord, key: string, n: number) {
  let inside = 0
  let most = 0
  const entered: number[] = []
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const store = stores[i % stores.length]!
      return store.exclusive(w.id, key, async () => {
        inside++
        most = Math.max(most, inside)
        entered.push(i)
        // What a round's close does under the lock: read, write, read again.
        await store.getSealed(w.id, key)
        await store.putSealed(w.id, key, Uint8Array.of(i))
        expect(await store.getSealed(w.id, key)).toEqual(Uint8Array.of(i))
        inside--
        return i
      })
    }),
  )
  expect(results).toEqual(Array.from({ length: n }, (_, i) => i))
  return { most, entered }
}

function secretsContract(factory: StoreFactory): void {
  describe('Secrets', () => {
    it('creates a named secret once and returns the same bytes from then on', async () => {
      const store = await factory.open()
      const a = await store.secret('one')
      expect(a).toBeInstanceOf(Uint8Array)
      expect(a.length).toBe(32)
      expect(await store.secret('one')).toEqual(a)
      expect(await store.secret('two')).not.toEqual(a)
      await store.close()
    })
  })
}

function catchUpContract(factory: StoreFactory): void {
  describe('DocumentLog: catching up after a sequence number', () => {
    it('loads the rows after a number, in order, with the last number', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      expect(await store.loadUpdatesAfter('a/board', 0)).toEqual({
        rows: [],
        lastSeq: 0,
        compactedPast: false,
      })
      const s1 = await store.appendUpdate(w.id, 'a/board', textUpdate('one'))
      await store.appendUpdate(w.id, 'a/control', textUpdate('elsewhere'))
      const s3 = await store.appendUpdates(w.id, 'a/board', [
        textUpdate('two'),
        textUpdate('three'),
      ])
      const after = await store.loadUpdatesAfter('a/board', s1)
      expect(after.rows.map((r) => replay([r.data]))).toEqual(['two', 'three'])
      expect(after.rows.map((r) => r.seq)).toEqual(
        (await store.loadLog('a/board')).rows.slice(1).map((r) => r.seq),
      )
      expect(after.lastSeq).toBe(s3)
      expect(after.compactedPast).toBe(false)
      expect(await store.loadUpdatesAfter('a/board', s3!)).toEqual({
        rows: [],
        lastSeq: s3,
        compactedPast: false,
      })
      const all = await store.loadUpdatesAfter('a/board', 0)
      expect(all).toEqual({ ...(await store.loadLog('a/board')), compactedPast: false })
      await store.close()
    })

    it('says when a compaction folded rows after the number, and its rows still catch up', async () => {
      const store = await factory.open()
      const w = workshop(1)
      await store.createWorkshop(w)
      const a = writer()
      const held = await store.appendUpdate(w.id, 'a/board', a.type('one '))
      // A reader holds everything up to `held`: one text, as a node's document would.
      const reader = new Y.Doc()
      for (const r of (await store.loadLog('a/board')).rows) Y.applyUpdate(reader, r.data)
      const covered = await store.appendUpdate(w.id, 'a/board', a.type('two '))
      const snapshot = a.state()
      const later = await store.appendUpdate(w.id, 'a/board', a.type('three'))
      await store.compactDocument(w.id, 'a/board', snapshot, covered)

      const past = await store.loadUpdatesAfter('a/board', held)
      expect(past.compactedPast).toBe(true)
      expect(past.lastSeq).toBe(later)
      for (const r of past.rows) Y.applyUpdate(reader, r.data)
      expect(reader.getText('t').toString()).toBe('one two three')

      // From the compaction's number on, the single updates are there as they were written.
      const since = await store.loadUpdatesAfter('a/board', covered)
      expect(since.compactedPast).toBe(false)
      expect(since.rows.map((r) => r.seq)).toEqual([later])
      await store.close()
    })
  })
}

function twoNodesContract(factory: StoreFactory): void {
  describe('two nodes on one storage', () => {
    it('sees what the other node wrote: directory, sealed inputs and secrets', async () => {
      const one = await factory.open()
      const two = await factory.another()
      const w = workshop(1)
      await one.createWorkshop(w)
      await one.addParticipant(participant(1, w))
      expect(await two.getWorkshopByCode('CODE1X')).toEqual(w)
      expect(await two.findToken('phash-1')).not.toBeNull()
      await expect(two.createWorkshop(workshop(2, { joinCode: 'CODE1X' }))).rejects.toBeInstanceOf(
        DuplicateJoinCodeError,
      )
      await two.putSealed(w.id, 'votes', Uint8Array.of(7))
      expect(await one.getSealed(w.id, 'votes')).toEqual(Uint8Array.of(7))
      // Both nodes asking for a new secret at once agree on its value.
      const [a, b] = await Promise.all([one.secret('shared'), two.secret('shared')])
      expect(a).toEqual(b)
      expect(await two.revokeParticipant(w.id, participant(1, w).id)).toBe(true)
      expect(await one.findToken('phash-1')).toBeNull()
      await two.close()
      await one.close()
    })

    it('runs steps under one key one at a time across the two nodes', async () => {
      const one = await factory.open()
      const two = await factory.another()
      const w = workshop(1)
      await one.createWorkshop(w)
      for (let round = 0; round < 3; round++) {
        const { most } = await exclusiveSteps([one, two], w, 'votes', 6)
        expect(most).toBe(1)
      }
      await two.close()
      await one.close()
    })

    it('loses no append when two nodes race on one document with compactions in between', async () => {
      const one = await factory.open()
      const two = await factory.another()
      const w = workshop(1)
      await one.createWorkshop(w)
      const doc = 'a/board'
      const perNode = 60
      /** Each node's writer pushes its own items; every push is one stored update. */
      const node = (store: Store, label: string) => {
        const d = new Y.Doc()
        const list = d.getArray<string>('l')
        const seqs: number[] = []
        const run = async () => {
          for (let i = 0; i < perNode; i += 3) {
            const made: Uint8Array[] = []
            const take = (u: Uint8Array) => made.push(u)
            d.on('update', take)
            for (let k = i; k < i + 3; k++) list.push([`${label}${k}`])
            d.off('update', take)
            // One single append and one batch of two, issued together without waiting.
            const [first, last] = await Promise.all([
              store.appendUpdate(w.id, doc, made[0]!),
              store.appendUpdates(w.id, doc, made.slice(1)),
            ])
            seqs.push(first, last!)
          }
        }
        return { run, seqs }
      }
      const a = node(one, 'a')
      const b = node(two, 'b')
      const items = (rows: readonly { data: Uint8Array }[]) => {
        const d = new Y.Doc()
        for (const r of rows) Y.applyUpdate(d, r.data)
        return new Set(d.getArray<string>('l').toArray())
      }
      let writing = true
      /** Compacts from what a load returns, alternating nodes, while the writers write. */
      const compactor = async () => {
        let turn = 0
        let compactions = 0
        while (writing || compactions < 2) {
          const store = turn++ % 2 === 0 ? one : two
          const log = await store.loadLog(doc)
          if (log.rows.length > 1) {
            await store.compactDocument(
              w.id,
              doc,
              Y.mergeUpdates(log.rows.map((r) => r.data)),
              log.lastSeq,
            )
            compactions++
          }
          await new Promise((resolve) => setImmediate(resolve))
        }
        return compactions
      }
      /** Every append acknowledged before a load starts is in what that load returns. */
      const reader = async () => {
        let checks = 0
        while (writing) {
          const acknowledged = [...a.seqs, ...b.seqs]
          const log = await (checks % 2 === 0 ? one : two).loadLog(doc)
          for (const seq of acknowledged) expect(seq).toBeLessThanOrEqual(log.lastSeq)
          checks++
          await new Promise((resolve) => setImmediate(resolve))
        }
        return checks
      }
      const writers = Promise.all([a.run(), b.run()]).finally(() => {
        writing = false
      })
      const [, compactions, checks] = await Promise.all([writers, compactor(), reader()])
      expect(compactions).toBeGreaterThanOrEqual(2)
      expect(checks).toBeGreaterThan(0)

      // Each node's numbers increase in the order it issued its appends.
      for (const seqs of [a.seqs, b.seqs]) {
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
      }
      // No number was handed out twice.
      const everyAppend = [...a.seqs, ...b.seqs]
      expect(new Set(everyAppend).size).toBe(everyAppend.length)

      const expected = new Set([...Array(perNode).keys()].flatMap((k) => [`a${k}`, `b${k}`]))
      for (const store of [one, two]) {
        const log = await store.loadLog(doc)
        expect(items(log.rows)).toEqual(expected)
        const seqs = log.rows.map((r) => r.seq)
        expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
        expect(new Set(seqs).size).toBe(seqs.length)
        expect(log.lastSeq).toBe(Math.max(...everyAppend))
      }
      await two.close()
      await one.close()
    })

    it('a node that catches up after a number gets what the other node appended', async () => {
      const one = await factory.open()
      const two = await factory.another()
      const w = workshop(1)
      await one.createWorkshop(w)
      const a = writer()
      const held = await one.appendUpdate(w.id, 'a/board', a.type('from one, '))
      const mirror = new Y.Doc()
      for (const r of (await two.loadLog('a/board')).rows) Y.applyUpdate(mirror, r.data)
      const next = await one.appendUpdates(w.id, 'a/board', [a.type('then '), a.type('more')])
      const caught = await two.loadUpdatesAfter('a/board', held)
      expect(caught.lastSeq).toBe(next)
      expect(caught.compactedPast).toBe(false)
      for (const r of caught.rows) Y.applyUpdate(mirror, r.data)
      expect(mirror.getText('t').toString()).toBe('from one, then more')
      await two.close()
      await one.close()
    })
  })
}
