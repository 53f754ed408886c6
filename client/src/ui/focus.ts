// Focus that stays put: after an action removes or disables the control that had the focus,
// and after a route change, the focus goes to the next meaningful place instead of falling
// to the page (where a screen reader starts again from the top). One helper for every screen.
import { useEffect, useRef } from 'react'

/** How long to wait for the place to appear (a render, a sync with the server). */
const WAIT_MS = 10_000

/** The page's main heading, once it names what the page is (not while it says "Loading…"). */
export const mainHeading = (): Element | null =>
  document.querySelector('main h1:not([aria-busy="true"])')

/**
 * Once the focus has fallen to the page — the control that had it (`from`) was removed or
 * disabled — moves it to what `find` returns, as soon as that is in the page and enabled (find
 * returns null until then: a render or a document update may still have to bring it). Gives up
 * when the person puts the focus somewhere themselves, when it is already on the target, or
 * after ten seconds. An element that cannot take the focus by itself (a heading, a status line)
 * gets tabindex="-1". Returns a function that stops waiting.
 */
export function moveFocus(
  find: () => Element | null | undefined,
  from: Element | null = document.activeElement,
): () => void {
  let done = false
  const observer = new MutationObserver(() => attempt())
  const timeout = window.setTimeout(() => stop(), WAIT_MS)
  function stop() {
    done = true
    observer.disconnect()
    window.clearTimeout(timeout)
  }
  function attempt() {
    if (done) return
    const active = document.activeElement
    // A control disabled while it has the focus loses it (the browser may still report it).
    const fallen = !active || active === document.body || active.matches(':disabled')
    // The person is somewhere else now: leave the focus with them.
    if (!fallen && active !== from) return stop()
    const target = find()
    if (target && target === active) return stop()
    // Still on the control: wait until it goes (or stays, and so does the focus).
    if (!fallen) return
    if (!(target instanceof HTMLElement) || !target.isConnected || target.matches(':disabled')) {
      return
    }
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) {
      target.setAttribute('tabindex', '-1')
    }
    target.focus()
    stop()
  }
  observer.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  })
  attempt()
  return stop
}

/**
 * After the app moves to another route (not on the first load, where the browser starts at
 * the top of the page), the focus goes to the new page's main heading.
 */
export function useFocusOnRouteChange(pathname: string): void {
  const shown = useRef(pathname)
  useEffect(() => {
    if (shown.current === pathname) return
    shown.current = pathname
    return moveFocus(mainHeading)
  }, [pathname])
}
