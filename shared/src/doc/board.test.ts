import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { boardNotes, readBoardNotes } from './board.js'

describe('boardNotes and readBoardNotes', () => {
  it('reads an empty board as no notes', () => {
    expect(readBoardNotes(new Y.Doc())).toBe('')
  })

  it('returns the same shared text every time', () => {
    const doc = new Y.Doc()
    expect(boardNotes(doc)).toBe(boardNotes(doc))
    expect(boardNotes(doc)).toBeInstanceOf(Y.Text)
  })

  it.each<[string, (t: Y.Text) => void, string]>([
    ['an insert', (t) => t.insert(0, 'Hello'), 'Hello'],
    [
      'inserts in the middle',
      (t) => {
        t.insert(0, 'Hlo')
        t.insert(1, 'el')
      },
      'Hello',
    ],
    [
      'a deletion',
      (t) => {
        t.insert(0, 'Hello, world')
        t.delete(5, 7)
      },
      'Hello',
    ],
    ['multi-line text', (t) => t.insert(0, 'a\nb\n'), 'a\nb\n'],
  ])('reads back %s', (_, edit, expected) => {
    const doc = new Y.Doc()
    edit(boardNotes(doc))
    expect(readBoardNotes(doc)).toBe(expected)
  })

  it('merges concurrent edits of two replicas', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    boardNotes(a).insert(0, 'middle')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    boardNotes(a).insert(0, 'start ')
    boardNotes(b).insert(boardNotes(b).length, ' end')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(readBoardNotes(a)).toBe('start middle end')
    expect(readBoardNotes(b)).toBe('start middle end')
  })
})
