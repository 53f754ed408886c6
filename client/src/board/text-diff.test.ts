// Text diffs for the shared card editor: minimal, caret-aware, surrogate-safe; caret mapping.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hasOnlySafeCharacters } from '@triage/shared'
import { applyEdit, cleanValue, mapEdit, mapIndex, textDiff, type DeltaOp } from './text-diff'

describe('textDiff', () => {
  it.each([
    ['typing at the end', 'Wait', 'Waits', undefined, { index: 4, remove: 0, insert: 's' }],
    ['typing in the middle', 'Wit', 'Wait', undefined, { index: 1, remove: 0, insert: 'a' }],
    ['deleting', 'Waits', 'Wait', undefined, { index: 4, remove: 1, insert: '' }],
    ['replacing a word', 'big beds', 'few beds', undefined, { index: 0, remove: 3, insert: 'few' }],
    ['replacing everything', 'abc', 'xyz', undefined, { index: 0, remove: 3, insert: 'xyz' }],
    ['from empty', '', 'new', undefined, { index: 0, remove: 0, insert: 'new' }],
    ['to empty', 'old', '', undefined, { index: 0, remove: 3, insert: '' }],
    [
      'repeated letter, no caret: after the run',
      'aa',
      'aaa',
      undefined,
      { index: 2, remove: 0, insert: 'a' },
    ],
    ['repeated letter typed at the start', 'aa', 'aaa', 1, { index: 0, remove: 0, insert: 'a' }],
    ['repeated letter typed in the middle', 'aa', 'aaa', 2, { index: 1, remove: 0, insert: 'a' }],
    ['backspace at the start of a run', 'aaa', 'aa', 0, { index: 0, remove: 1, insert: '' }],
    ['paste of a repeat at the start', 'ab', 'ababab', 4, { index: 0, remove: 0, insert: 'abab' }],
    ['selection replaced', 'abcd', 'aXd', 2, { index: 1, remove: 2, insert: 'X' }],
    ['emoji changed', 'a😀b', 'a😁b', undefined, { index: 1, remove: 2, insert: '😁' }],
    ['emoji after emoji', '😀', '😀😀', undefined, { index: 2, remove: 0, insert: '😀' }],
  ] as const)('%s', (_, before, after, caret, edit) => {
    const result = textDiff(before, after, caret)
    expect(result).toEqual(edit)
    expect(applyEdit(before, result!)).toBe(after)
  })

  it('is null when nothing changed', () => {
    expect(textDiff('same', 'same')).toBeNull()
  })

  it('round-trips random edits, with and without the caret', () => {
    const alphabet = ['a', 'b', ' ', '😀', 'é']
    let seed = 7
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const word = () => Array.from({ length: rand(6) }, () => alphabet[rand(alphabet.length)]!)
    for (let i = 0; i < 500; i++) {
      // Whole characters, so the edit itself never splits an emoji.
      const chars = [...word(), ...word()]
      const at = rand(chars.length + 1)
      const cut = rand(chars.length - at + 1)
      const inserted = word().join('')
      const before = chars.join('')
      const head = chars.slice(0, at).join('')
      const after = head + inserted + chars.slice(at + cut).join('')
      for (const caret of [undefined, head.length + inserted.length]) {
        const edit = textDiff(before, after, caret)
        if (before === after) expect(edit).toBeNull()
        else {
          expect(applyEdit(before, edit!)).toBe(after)
          // No lone surrogates at the edges of the edit.
          expect(edit!.insert).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/)
        }
      }
    }
  })
})

/** The delta Yjs reports for a change made to a Y.Text holding `text`. */
function deltaOf(text: string, change: (t: Y.Text) => void): DeltaOp[] {
  const doc = new Y.Doc()
  const ytext = doc.getText('t')
  ytext.insert(0, text)
  let delta: DeltaOp[] = []
  ytext.observe((event) => {
    delta = event.delta as DeltaOp[]
  })
  change(ytext)
  return delta
}

describe('mapIndex', () => {
  it.each([
    ['insert before the caret pushes it', 5, (t: Y.Text) => t.insert(0, 'xx'), 7],
    ['insert after the caret leaves it', 2, (t: Y.Text) => t.insert(4, 'xx'), 2],
    ['insert at the caret leaves it before the new text', 3, (t: Y.Text) => t.insert(3, 'x'), 3],
    ['delete before the caret pulls it', 5, (t: Y.Text) => t.delete(0, 2), 3],
    ['delete around the caret moves it to the cut', 3, (t: Y.Text) => t.delete(1, 4), 1],
    ['delete after the caret leaves it', 1, (t: Y.Text) => t.delete(2, 3), 1],
    ['delete ending at the caret', 4, (t: Y.Text) => t.delete(2, 2), 2],
    [
      'several changes in one transaction',
      6,
      (t: Y.Text) => t.doc!.transact(() => (t.insert(8, '!'), t.delete(0, 1), t.insert(2, 'yy'))),
      7,
    ],
  ] as const)('%s', (_, index, change, expected) => {
    expect(mapIndex(index, deltaOf('abcdefgh', change))).toBe(expected)
  })
})

describe('mapEdit', () => {
  it('moves a local edit past a remote insertion before it', () => {
    const delta = deltaOf('hello world', (t) => t.insert(0, 'Oh, '))
    const local = textDiff('hello world', 'hello there', 11)!
    const moved = mapEdit(local, delta)
    expect(applyEdit('Oh, hello world', moved)).toBe('Oh, hello there')
  })

  it('shrinks a local deletion that a remote deletion already covered', () => {
    const delta = deltaOf('abcdef', (t) => t.delete(2, 2))
    const moved = mapEdit({ index: 1, remove: 4, insert: 'X' }, delta)
    expect(applyEdit('abef', moved)).toBe('aXf')
  })
})

describe('cleanValue', () => {
  it.each([
    ['safe text: unchanged', 'Fix the pager', 4, 'Fix the pager', 4],
    ['a pasted override before the caret', 'ab\u202Ecd', 4, 'abcd', 3],
    ['an escape sequence after the caret', 'ab\u001b[0m', 1, 'ab[0m', 1],
    ['CR LF pasted: one line feed', 'a\r\nb', 3, 'a\nb', 2],
    ['tabs and line feeds kept', 'a\n\tb', 3, 'a\n\tb', 3],
    ['a combining mark typed after its letter', 'cafe\u0301', 5, 'café', 4],
    ['isolates around a name', '\u2066Dana\u2069', 6, 'Dana', 4],
  ] as const)('%s', (_, value, caret, expected, expectedCaret) => {
    expect(cleanValue(value, caret)).toEqual({ value: expected, caret: expectedCaret })
  })

  it('gives an edit that leaves the shared text clean, whatever was pasted', () => {
    const doc = new Y.Doc()
    const text = doc.getText('t')
    text.insert(0, 'Wait for beds')
    const typed = 'Wait\u202E for \u0000\u001b[31mbeds\r\n\u2067today'
    const { value, caret } = cleanValue(typed, typed.length)
    const edit = textDiff(text.toString(), value, caret)!
    text.delete(edit.index, edit.remove)
    text.insert(edit.index, edit.insert)
    expect(text.toString()).toBe('Wait for [31mbeds\ntoday')
    expect(hasOnlySafeCharacters(text.toString(), true)).toBe(true)
  })
})
