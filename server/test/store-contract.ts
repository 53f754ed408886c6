// The behaviour every Store must have. SQLite runs it now; a PostgreSQL store runs it unchanged.
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

const replay = (updates: Uint8Array[]) => {
  const d = new Y.Doc()
  for (const u of updates) Y.applyUpdate(d, u)
  return d.getText('t').toString()
}

export function storeContract(name: string, factory: StoreFactory): void {
  describe(`Store contract: ${name}`, () => {
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
      await store.compactDocument(w.id, 'a/board', snapshot)
      const loaded = await store.loadDocument('a/board')
      expect(loaded).toHaveLength(1)
      expect(replay(loaded)).toBe(replay([snapshot]))
      await store.appendUpdate(w.id, 'a/board', textUpdate('d'))
      expect(await store.loadDocument('a/board')).toHaveLength(2)
      await store.close()
    })

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

    it('creates a named secret once and returns the same bytes from then on', async () => {
      const store = await factory.open()
      const a = await store.secret('one')
      expect(a).toBeInstanceOf(Uint8Array)
      expect(a.length).toBe(32)
      expect(await store.secret('one')).toEqual(a)
      expect(await store.secret('two')).not.toEqual(a)
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
