// History-based navigation as an external store: pushState + popstate, read with useSyncExternalStore.
import { useSyncExternalStore } from 'react'

const NAVIGATE_EVENT = 'triage:navigate'

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener)
  window.addEventListener(NAVIGATE_EVENT, listener)
  return () => {
    window.removeEventListener('popstate', listener)
    window.removeEventListener(NAVIGATE_EVENT, listener)
  }
}

const getPathname = () => window.location.pathname

/** The current location pathname; re-renders on navigation. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPathname, () => '/')
}

/** Moves to `path` inside the app without a page load. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', path)
  else window.history.pushState(null, '', path)
  window.scrollTo(0, 0)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

/** Whether a click on a link should be left to the browser (new tab, download, …). */
export function isModifiedClick(event: {
  button: number
  metaKey: boolean
  ctrlKey: boolean
  shiftKey: boolean
  altKey: boolean
  defaultPrevented: boolean
}): boolean {
  return (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
}
