// Registers the service worker (src/sw.ts) that lets a participant's phone reopen the app
// offline. Production builds only, and only where browsers allow one: https, or localhost.
// Registered once the page has loaded, so that its downloads do not compete with the page's.
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const register = () => {
    navigator.serviceWorker
      // `updateViaCache: 'none'`: every check for a new deploy asks the server for sw.js.
      .register('/sw.js', { scope: '/', updateViaCache: 'none' })
      .catch((error: unknown) => console.warn('service worker not registered', error))
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
