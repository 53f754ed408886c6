// Minimal edits between two versions of a card's text, and caret mapping through remote edits:
// what binds a textarea to a shared Y.Text without rewriting the whole text on every keystroke.
import { cleanText } from '@triage/shared'

/** Replace `remove` characters at `index` with `insert` (UTF-16 code units, as Y.Text counts). */
export interface TextEdit {
  readonly index: number
  readonly remove: number
  readonly insert: string
}

/** One operation of a Yjs text delta (`event.delta` of a Y.Text observer). */
export interface DeltaOp {
  readonly insert?: unknown
  readonly retain?: number
  readonly delete?: number
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff

/**
 * The single edit that turns `before` into `after`: everything between their common prefix and
 * common suffix. `caret` (where the caret is in `after`) settles ambiguous cases such as typing
 * "a" into "aa", so the edit lands where the user typed. Never splits a surrogate pair. Null
 * when the texts are equal.
 */
export function textDiff(before: string, after: string, caret?: number): TextEdit | null {
  if (before === after) return null
  const shorter = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (caret !== undefined) {
    // Text typed before the caret: the edit ends at the caret, so the prefix cannot pass its start.
    const grown = Math.max(0, after.length - before.length)
    prefix = Math.min(prefix, Math.max(0, caret - grown))
  }
  let suffix = 0
  const room = shorter - prefix
  while (
    suffix < room &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  if (caret !== undefined) suffix = Math.min(suffix, Math.max(0, after.length - caret))
  if (prefix > 0 && isHigh(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLow(before.charCodeAt(before.length - suffix))) suffix--
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  }
}

/**
 * The textarea's value as the board may hold it (`cleanText`, multi-line: NFC, no control or
 * direction characters), with the caret moved to the same place in it. Whatever is typed or
 * pasted passes through here before its edit is computed, so that the server never refuses an
 * honest edit for a stray control character.
 */
export function cleanValue(value: string, caret: number): { value: string; caret: number } {
  const clean = cleanText(value, { multiline: true })
  if (clean === value) return { value, caret }
  const before = cleanText(value.slice(0, Math.max(0, caret)), { multiline: true }).length
  return { value: clean, caret: Math.min(before, clean.length) }
}

/** Applies an edit to a string (the inverse check of `textDiff`). */
export function applyEdit(text: string, edit: TextEdit): string {
  return text.slice(0, edit.index) + edit.insert + text.slice(edit.index + edit.remove)
}

const insertLength = (insert: unknown): number => (typeof insert === 'string' ? insert.length : 1)

/**
 * Where a position in the old text ends up after a delta was applied. Text inserted exactly at
 * the position goes after it (a caret stays put when someone types where it is); a position
 * inside deleted text moves to where the deletion was.
 */
export function mapIndex(index: number, delta: readonly DeltaOp[]): number {
  let old = 0
  let shift = 0
  for (const op of delta) {
    if (op.retain !== undefined) {
      old += op.retain
    } else if (op.insert !== undefined) {
      if (old < index) shift += insertLength(op.insert)
    } else if (op.delete !== undefined) {
      if (index >= old + op.delete) shift -= op.delete
      else if (index > old) shift -= index - old
      old += op.delete
    }
  }
  return index + shift
}

/** Moves a local edit, made against the old text, onto the text after a remote delta. */
export function mapEdit(edit: TextEdit, delta: readonly DeltaOp[]): TextEdit {
  const start = mapIndex(edit.index, delta)
  const end = Math.max(start, mapIndex(edit.index + edit.remove, delta))
  return { index: start, remove: end - start, insert: edit.insert }
}
