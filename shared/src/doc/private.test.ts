// Unit tests of the private document accessors: drafts, and the ideas recorded as one's own.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LIMITS } from '../schema/workshop.js'
import {
  deleteDraft,
  editDraft,
  markMine,
  markRevealed,
  putDraft,
  readDrafts,
  readPrivate,
} from './private.js'

const T0 = 1_700_000_000_000

function countUpdates(doc: Y.Doc): { count: number } {
  const counter = { count: 0 }
  doc.on('update', () => counter.count++)
  return counter
}

describe('readPrivate', () => {
  it('reads an empty document as no drafts and nothing revealed', () => {
    expect(readPrivate(new Y.Doc())).toEqual({ drafts: [], mine: new Set() })
  })

  it('reads back drafts oldest first, ties by id', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'd3', 'Third', T0 + 30)
    putDraft(doc, 'd1', 'First', T0 + 10)
    putDraft(doc, 'd2b', 'Same time, later id', T0 + 20)
    putDraft(doc, 'd2a', 'Same time, earlier id', T0 + 20)
    expect(readDrafts(doc)).toEqual([
      { id: 'd1', text: 'First', createdAt: T0 + 10 },
      { id: 'd2a', text: 'Same time, earlier id', createdAt: T0 + 20 },
      { id: 'd2b', text: 'Same time, later id', createdAt: T0 + 20 },
      { id: 'd3', text: 'Third', createdAt: T0 + 30 },
    ])
  })

  it.each<[string, unknown]>([
    ['text', 'Just a string'],
    ['a number', 7],
    ['null', null],
    ['no text', { createdAt: T0 }],
    ['text that is not a string', { text: 42, createdAt: T0 }],
    ['no createdAt', { text: 'Undated' }],
    ['a createdAt that is text', { text: 'Dated', createdAt: 'today' }],
    ['text over the limit', { text: 'x'.repeat(LIMITS.ideaText + 1), createdAt: T0 }],
    ['empty text', { text: '', createdAt: T0 }],
    ['blank text', { text: ' \n\t ', createdAt: T0 }],
    ['a shared map', new Y.Map()],
  ])('drops a draft stored as %s', (_, value) => {
    const doc = new Y.Doc()
    putDraft(doc, 'ok', 'Kept', T0)
    doc.getMap('drafts').set('bad', value)
    expect(readDrafts(doc)).toEqual([{ id: 'ok', text: 'Kept', createdAt: T0 }])
  })

  it('keeps a draft exactly at the length limit', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'd', 'x'.repeat(LIMITS.ideaText), T0)
    expect(readDrafts(doc)).toHaveLength(1)
  })

  it('reads at most the allowed number of drafts, the oldest', () => {
    const doc = new Y.Doc()
    const n = LIMITS.draftsPerParticipant
    doc.transact(() => {
      for (let i = n; i >= 0; i--) putDraft(doc, `d${i}`, `Draft ${i}`, T0 + i)
    })
    const drafts = readDrafts(doc)
    expect(drafts).toHaveLength(n)
    expect(drafts[0]!.id).toBe('d0')
    expect(drafts[n - 1]!.id).toBe(`d${n - 1}`)
  })

  it('does not let blank drafts take places within the limit', () => {
    const doc = new Y.Doc()
    const n = LIMITS.draftsPerParticipant
    doc.transact(() => {
      for (let i = 0; i < 5; i++) putDraft(doc, `blank${i}`, '  ', T0 - 1)
      for (let i = 0; i < n; i++) putDraft(doc, `d${i}`, `Draft ${i}`, T0 + i)
    })
    expect(readDrafts(doc)).toHaveLength(n)
  })

  it.each<[string, unknown]>([
    ['true', true],
    ['the string "true"', 'true'],
    ['1', 1],
    ['an object', { mine: true }],
  ])('records an idea as mine only when stored as true: %s', (label, value) => {
    const doc = new Y.Doc()
    doc.getMap('mine').set('idea-1', value)
    expect(readPrivate(doc).mine.has('idea-1')).toBe(label === 'true')
  })
})

describe('putDraft, editDraft and deleteDraft', () => {
  it('replaces a draft with the same id', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'd', 'First', T0)
    putDraft(doc, 'd', 'Second', T0 + 5)
    expect(readDrafts(doc)).toEqual([{ id: 'd', text: 'Second', createdAt: T0 + 5 }])
  })

  it('edits the text and keeps the draft’s place in the list', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'a', 'Alpha', T0 + 1)
    putDraft(doc, 'b', 'Beta', T0 + 2)
    editDraft(doc, 'a', 'Alpha, reworded')
    expect(readDrafts(doc)).toEqual([
      { id: 'a', text: 'Alpha, reworded', createdAt: T0 + 1 },
      { id: 'b', text: 'Beta', createdAt: T0 + 2 },
    ])
  })

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['stored as garbage', 'garbage'],
  ])('does not edit a draft that is %s', (_, stored) => {
    const doc = new Y.Doc()
    if (stored !== undefined) doc.getMap('drafts').set('d', stored)
    const updates = countUpdates(doc)
    editDraft(doc, 'd', 'New text')
    expect(updates.count).toBe(0)
    expect(doc.getMap('drafts').get('d')).toBe(stored)
  })

  it('deletes a draft, and ignores one that is not there', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'a', 'Alpha', T0)
    putDraft(doc, 'b', 'Beta', T0 + 1)
    deleteDraft(doc, 'a')
    deleteDraft(doc, 'nobody')
    expect(readDrafts(doc).map((d) => d.id)).toEqual(['b'])
  })
})

describe('markRevealed and markMine', () => {
  it('removes the revealed drafts and records their ideas, in one update', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'd1', 'One', T0)
    putDraft(doc, 'd2', 'Two', T0 + 1)
    putDraft(doc, 'd3', 'Three', T0 + 2)
    const origins: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    markRevealed(
      doc,
      [
        { draftId: 'd1', ideaId: 'i1' },
        { draftId: 'd3', ideaId: 'i3' },
      ],
      'server',
    )
    expect(origins).toEqual(['server'])
    expect(readPrivate(doc)).toEqual({
      drafts: [{ id: 'd2', text: 'Two', createdAt: T0 + 1 }],
      mine: new Set(['i1', 'i3']),
    })
  })

  it('shows a replica the drafts and the ideas change together', () => {
    const server = new Y.Doc()
    putDraft(server, 'd1', 'One', T0)
    const phone = new Y.Doc()
    Y.applyUpdate(phone, Y.encodeStateAsUpdate(server))
    const seen: [number, number][] = []
    phone.on('update', () => {
      const state = readPrivate(phone)
      seen.push([state.drafts.length, state.mine.size])
    })
    server.on('update', (update: Uint8Array) => Y.applyUpdate(phone, update))
    markRevealed(server, [{ draftId: 'd1', ideaId: 'i1' }])
    expect(seen).toEqual([[0, 1]])
  })

  it('adds to what was recorded before', () => {
    const doc = new Y.Doc()
    markMine(doc, 'i1', 'server')
    markRevealed(doc, [{ draftId: 'gone', ideaId: 'i2' }])
    expect(readPrivate(doc).mine).toEqual(new Set(['i1', 'i2']))
  })

  it('records one idea with the origin given', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    markMine(doc, 'i1', 'open-adding')
    expect(origins).toEqual(['open-adding'])
    expect(readPrivate(doc).mine).toEqual(new Set(['i1']))
  })
})
