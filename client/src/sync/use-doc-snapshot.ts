// A snapshot of a Yjs document, read once per change, that re-renders on every change to it.
import { useCallback, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { observeDoc, readControl, type ControlState } from '@triage/shared'

interface Cached {
  value: unknown
  stale: boolean
}

/** Per document, per reader: the last snapshot and whether the document changed since. */
const cache = new WeakMap<Y.Doc, Map<(doc: Y.Doc) => unknown, Cached>>()

function entries(doc: Y.Doc): Map<(doc: Y.Doc) => unknown, Cached> {
  let map = cache.get(doc)
  if (!map) {
    const created = new Map<(doc: Y.Doc) => unknown, Cached>()
    map = created
    cache.set(doc, created)
    // Also catches changes that land between render and subscribe.
    observeDoc(doc, () => markStale(created))
  }
  return map
}

function markStale(map: Map<(doc: Y.Doc) => unknown, Cached>): void {
  for (const entry of map.values()) entry.stale = true
}

/** Reads the document once per change, so unchanged renders get the same object. */
function snapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const map = entries(doc)
  const entry = map.get(read)
  if (entry && !entry.stale) return entry.value as T
  const value = read(doc)
  map.set(read, { value, stale: false })
  return value
}

/** `read` must be a stable function (module level), since it keys the cache. */
export function useDocSnapshot<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const subscribe = useCallback(
    (listener: () => void) =>
      observeDoc(doc, () => {
        // Listeners run in registration order; mark first so the snapshot React reads is fresh.
        const map = cache.get(doc)
        if (map) markStale(map)
        listener()
      }),
    [doc],
  )
  const getSnapshot = useCallback(() => snapshot(doc, read), [doc, read])
  return useSyncExternalStore(subscribe, getSnapshot)
}

export const useControlState = (doc: Y.Doc): ControlState => useDocSnapshot(doc, readControl)
