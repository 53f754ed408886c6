// Binds a textarea to a card's shared Y.Text: each local change goes in as one minimal edit,
// and a remote change updates the textarea without moving the caret away from the user's spot.
// What the user types or pastes is cleaned first (text-diff.ts `cleanValue`).
import { useLayoutEffect, type RefObject } from 'react'
import type * as Y from 'yjs'
import { cleanValue, mapEdit, mapIndex, textDiff, type DeltaOp, type TextEdit } from './text-diff'

/** Transaction origin of this editor's own edits (its observer skips them). */
const LOCAL = Symbol('card text editor')

export function useSharedTextarea(
  ref: RefObject<HTMLTextAreaElement | null>,
  text: Y.Text | null,
): void {
  useLayoutEffect(() => {
    const node = ref.current
    const doc = text?.doc
    if (!node || !text || !doc) return
    /** The text as the textarea last showed it, in step with Y.Text unless `pending` holds. */
    let shown = text.toString()
    /** Remote changes not yet shown because an IME composition was under way. */
    let pending: DeltaOp[][] = []
    let composing = false

    const show = (deltas: readonly DeltaOp[][]) => {
      const focused = node.ownerDocument.activeElement === node
      let start = node.selectionStart
      let end = node.selectionEnd
      for (const delta of deltas) {
        start = mapIndex(start, delta)
        end = mapIndex(end, delta)
      }
      const value = text.toString()
      // The text content (defaultValue) carries the text too, so the card can be found by it.
      node.defaultValue = value
      // Always set: setting the value makes it "dirty", so later defaultValue updates (React
      // sets it on every render) can no longer reset the value and the caret.
      node.value = value
      shown = value
      if (focused) node.setSelectionRange(start, end, node.selectionDirection)
    }

    const apply = (edit: TextEdit) => {
      doc.transact(() => {
        if (edit.remove > 0) text.delete(edit.index, edit.remove)
        if (edit.insert.length > 0) text.insert(edit.index, edit.insert)
      }, LOCAL)
    }

    const onInput = () => {
      // While composing over unseen remote changes, the edit is taken at composition end.
      if (composing && pending.length > 0) return
      const { value, caret } = cleanValue(node.value, node.selectionEnd)
      const edit = textDiff(shown, value, caret)
      shown = value
      // Unsafe characters leave the screen too, but not mid-composition (that would break it):
      // until it ends, the textarea may show what the document does not hold.
      if (value !== node.value && !composing) {
        node.value = value
        node.setSelectionRange(caret, caret)
      }
      // The value is "dirty" now, so this only updates the text content, not the caret.
      node.defaultValue = value
      if (edit) apply(edit)
    }

    const onCompositionStart = () => {
      composing = true
    }

    const onCompositionEnd = () => {
      composing = false
      if (pending.length === 0) return onInput()
      const { value, caret } = cleanValue(node.value, node.selectionEnd)
      let edit = textDiff(shown, value, caret)
      const deltas = pending
      pending = []
      if (edit) {
        for (const delta of deltas) edit = mapEdit(edit, delta)
        apply(edit)
      }
      show(deltas)
    }

    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return
      const delta = event.delta as DeltaOp[]
      // Rewriting the value would break the composition: show the change when it ends.
      if (composing) pending.push(delta)
      else show([delta])
    }

    show([])
    node.addEventListener('input', onInput)
    node.addEventListener('compositionstart', onCompositionStart)
    node.addEventListener('compositionend', onCompositionEnd)
    text.observe(observer)
    return () => {
      node.removeEventListener('input', onInput)
      node.removeEventListener('compositionstart', onCompositionStart)
      node.removeEventListener('compositionend', onCompositionEnd)
      text.unobserve(observer)
    }
  }, [ref, text])
}
