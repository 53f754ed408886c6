// Registers the service worker (src/sw.ts) that lets a participant's phone reopen the app
// offline. Production builds only, and only where browsers allow one: https, or localhost.
// Registered once the page has loaded, so that its downloads do not compete with the page's.
let held: Promise<unknown> = Promise.resolve()

/**
 * Registration also waits for `work` (a download the page is making now), so that the worker's
 * precache does not fetch the same files at the same time and they cross the network once: it
 * takes them from the HTTP cache after.
 */
export function holdServiceWorker(work: Promise<unknown>): void {
  held = Promise.allSettled([held, work])
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const register = async () => {
    await held
    await navigator.serviceWorker
      // `updateViaCache: 'none'`: every check for a new deploy asks the server for sw.js.
      .register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .catch((error: unknown) => console.warn('service worker not registered', error))
  }
  if (document.readyState === 'complete') void register()
  else window.addEventListener('load', () => void register(), { once: true })
}
