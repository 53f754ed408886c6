// Unit tests of the undo rules: the shortcut and the removal notices a participant gets.
import { describe, expect, it } from 'vitest'
import { isUndoShortcut, nextRemovedIdeas, removedIdeaText } from './undo-model'

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>>,
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
})

describe('isUndoShortcut', () => {
  it.each([
    ['Ctrl+Z', key('z', { ctrlKey: true }), true],
    ['Cmd+Z', key('z', { metaKey: true }), true],
    ['Ctrl+Z with Caps Lock', key('Z', { ctrlKey: true }), true],
    ['Ctrl+Shift+Z (redo)', key('Z', { ctrlKey: true, shiftKey: true }), false],
    ['Ctrl+Alt+Z', key('z', { ctrlKey: true, altKey: true }), false],
    ['Z alone', key('z', {}), false],
    ['Ctrl+Y', key('y', { ctrlKey: true }), false],
  ])('%s → %s', (_, event, expected) => {
    expect(isUndoShortcut(event)).toBe(expected)
  })
})

describe('nextRemovedIdeas', () => {
  const mine = new Set(['a', 'b'])
  const texts: Record<string, string> = { a: 'Night shifts', b: 'Parking', c: 'Not mine' }
  const textOf = (id: string) => texts[id]

  it('tells about own ideas removed by someone else, not about others’ ideas', () => {
    expect(nextRemovedIdeas([], { deleted: ['a', 'c'], added: [] }, mine, textOf)).toEqual([
      { id: 'a', text: 'Night shifts' },
    ])
  })

  it('drops the notice when the idea is put back, and keeps the others', () => {
    const now = [
      { id: 'a', text: 'Night shifts' },
      { id: 'b', text: 'Parking' },
    ]
    expect(nextRemovedIdeas(now, { deleted: [], added: ['a'] }, mine, textOf)).toEqual([
      { id: 'b', text: 'Parking' },
    ])
  })

  it('lists each idea once, and not at all when removed and put back in one change', () => {
    const now = [{ id: 'a', text: 'Night shifts' }]
    expect(nextRemovedIdeas(now, { deleted: ['a'], added: [] }, mine, textOf)).toEqual(now)
    expect(nextRemovedIdeas([], { deleted: ['b'], added: ['b'] }, mine, textOf)).toEqual([])
  })

  it('words the notice with or without the text', () => {
    expect(removedIdeaText({ id: 'a', text: 'Parking' })).toBe(
      'Your idea “Parking” was removed from the board by someone else.',
    )
    expect(removedIdeaText({ id: 'a', text: '' })).toMatch(/One of your ideas/)
  })
})
