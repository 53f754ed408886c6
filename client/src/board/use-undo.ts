// Undo of this device's own changes to a document: a Yjs UndoManager that tracks only the
// transactions tagged with this device's origin, so one person's undo never reverts another's
// change. Each action shows a toast with "Undo" (until the next action or ~8 s); Ctrl/Cmd+Z
// outside a text field undoes too (text fields keep their own undo).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import * as Y from 'yjs'
import { CLUSTERS, IDEAS } from '@triage/shared'
import { isUndoShortcut, UNDO_TOAST_MS } from './undo-model'

export interface UndoToastState {
  /** A new id per action, so the same words shown again restart the timer. */
  readonly id: number
  readonly message: string
}

export interface Undo {
  /** The origin to pass to the document's writers for changes that may be undone. */
  readonly origin: object
  /** Says that an undoable action was done: shows the toast with `message`. */
  done(message: string): void
  /** Undoes this device's last change; false when there is nothing to undo. */
  undo(): boolean
  dismiss(): void
  readonly toast: UndoToastState | null
}

/** The shared types an undo manager watches (as Yjs types them). */
export type UndoScope = ConstructorParameters<typeof Y.UndoManager>[0]

/** What undo on the board reverts: the ideas (moves, merges, deletions) and the clusters. */
export const boardUndoScope = (doc: Y.Doc): UndoScope => [doc.getMap(IDEAS), doc.getMap(CLUSTERS)]

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || target.matches('input, textarea, select'))

/**
 * `scope` names the shared types of `doc` whose changes may be undone; `shortcut` listens for
 * Ctrl/Cmd+Z on the page while the part that uses it is on screen.
 */
export function useUndo(
  doc: Y.Doc,
  scope: (doc: Y.Doc) => UndoScope,
  { shortcut = false, onUndone }: { shortcut?: boolean; onUndone?: () => void } = {},
): Undo {
  const origin = useMemo(() => ({ undo: 'this device' }), [])
  const manager = useRef<Y.UndoManager | null>(null)
  const scopeRef = useRef(scope)
  const [toast, setToast] = useState<UndoToastState | null>(null)
  const nextId = useRef(1)

  useEffect(() => {
    const m = new Y.UndoManager(scopeRef.current(doc), {
      trackedOrigins: new Set([origin]),
      // Each action is its own step: two quick moves are undone one at a time.
      captureTimeout: 0,
    })
    manager.current = m
    return () => {
      manager.current = null
      m.destroy()
    }
  }, [doc, origin])

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), UNDO_TOAST_MS)
    return () => clearTimeout(timer)
  }, [toast])

  const onUndoneRef = useRef(onUndone)
  onUndoneRef.current = onUndone
  const undo = useCallback(() => {
    const m = manager.current
    setToast(null)
    if (!m || m.undoStack.length === 0) return false
    m.undo()
    onUndoneRef.current?.()
    return true
  }, [])
  const done = useCallback((message: string) => {
    setToast({ id: nextId.current++, message })
  }, [])
  const dismiss = useCallback(() => setToast(null), [])

  useEffect(() => {
    if (!shortcut) return
    const onKey = (event: KeyboardEvent) => {
      if (!isUndoShortcut(event) || isTextField(event.target)) return
      event.preventDefault()
      undo()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [shortcut, undo])

  return { origin, done, undo, dismiss, toast }
}
