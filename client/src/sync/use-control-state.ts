// A snapshot of the control document that re-renders on every change to it.
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { observeDoc, readControl, type ControlState } from '@triage/shared'

interface Cached {
  value: ControlState
  stale: boolean
}

const cache = new WeakMap<Y.Doc, Cached>()

function markStale(doc: Y.Doc): void {
  const entry = cache.get(doc)
  if (entry) entry.stale = true
}

/** Reads the control document once per change, so unchanged renders get the same object. */
function snapshot(doc: Y.Doc): ControlState {
  const entry = cache.get(doc)
  if (entry && !entry.stale) return entry.value
  if (!entry) {
    // Also catches changes that land between render and subscribe.
    observeDoc(doc, () => markStale(doc))
  }
  const value = readControl(doc)
  cache.set(doc, { value, stale: false })
  return value
}

export function useControlState(doc: Y.Doc): ControlState {
  const subscribe = useCallback(
    (listener: () => void) =>
      observeDoc(doc, () => {
        // Listeners run in registration order; mark first so the snapshot React reads is fresh.
        markStale(doc)
        listener()
      }),
    [doc],
  )
  const getSnapshot = useCallback(() => snapshot(doc), [doc])
  return useSyncExternalStore(subscribe, getSnapshot)
}
