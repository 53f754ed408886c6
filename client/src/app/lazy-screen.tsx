// A screen in a lazy chunk that renders without suspending once its code is there. React.lazy
// suspends on its first render even when the chunk is already loaded, and React then keeps the
// fallback on screen for up to 300 ms (its fallback throttle): a phone that had loaded its view
// while the person typed would still wait that long after tapping Join, and one reopening its
// workshop offline would too. `preload` loads the chunk ahead (the join page, main.tsx before the
// first render); once it has, the screen renders at once.
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'

export interface LazyScreen<P extends object> {
  /** Renders the screen; a fallback while its chunk loads, if it was not loaded ahead. */
  readonly Screen: ComponentType<P & { readonly fallback: ReactNode }>
  /** Loads the chunk (once); a failure is forgotten, so that a later load tries again. */
  readonly preload: () => Promise<unknown>
}

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null
  let pending: Promise<ComponentType<P>> | null = null
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null
        throw error
      },
    ))
  const Lazy = lazy(() => preload().then((component) => ({ default: component })))
  function Screen({ fallback, ...props }: P & { readonly fallback: ReactNode }) {
    // Decided once per mount: switching from the Suspense path to the loaded one would remount.
    const [Loaded] = useState(() => loaded)
    if (Loaded) return <Loaded {...(props as P)} />
    return (
      <Suspense fallback={fallback}>
        <Lazy {...(props as P)} />
      </Suspense>
    )
  }
  return { Screen, preload }
}
