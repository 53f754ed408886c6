// A part of a page loaded on demand: each phase's screens are chunks of their own (the phone
// downloads the current phase's code only, never the console's or the projector's). Loading
// starts when a screen first asks for the part, a failed download is tried again when the
// device comes back online, and a part already loaded renders at once.
import { useEffect, useReducer, useState } from 'react'

export interface LazyPart<T> {
  /** Starts (or joins) the download; a failed one may be tried again. */
  readonly load: () => Promise<T>
  /** The module's default export, once loaded; null before. */
  readonly loaded: () => T | null
}

/** A part whose code is `importer`'s module (a dynamic import: its own chunk). */
export function lazyPart<T>(importer: () => Promise<{ default: T }>): LazyPart<T> {
  let loading: Promise<T> | null = null
  let value: T | null = null
  return {
    load: () =>
      (loading ??= importer().then(
        (module) => (value = module.default),
        (error: unknown) => {
          loading = null
          throw error
        },
      )),
    loaded: () => value,
  }
}

export type PartState<T> =
  | { readonly kind: 'none' }
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed' }
  | { readonly kind: 'ready'; readonly value: T }

const NONE = { kind: 'none' } as const
const LOADING = { kind: 'loading' } as const
const FAILED = { kind: 'failed' } as const

/** `part`'s state on this screen, loading it if needed ('none' when there is no part). */
export function usePart<T>(part: LazyPart<T> | undefined): PartState<T> {
  const [, loaded] = useReducer((n: number) => n + 1, 0)
  const [failed, setFailed] = useState<LazyPart<T> | null>(null)
  const value = part?.loaded() ?? null
  useEffect(() => {
    if (!part || value !== null) return
    let live = true
    const load = () =>
      void part.load().then(
        () => live && loaded(),
        () => live && setFailed(part),
      )
    load()
    // Back online: try again by itself.
    window.addEventListener('online', load)
    return () => {
      live = false
      window.removeEventListener('online', load)
    }
  }, [part, value])
  if (!part) return NONE
  if (value !== null) return { kind: 'ready', value }
  return failed === part ? FAILED : LOADING
}
