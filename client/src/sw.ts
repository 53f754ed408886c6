/// <reference lib="webworker" />
// The service worker (Workbox, built by vite-plugin-pwa into dist/sw.js): keeps the participant's
// app shell and lazy chunks on the device, so a phone that reloads or reopens the tab in a dead
// zone still opens its workshop from the device's copy. Pages always come from the network when
// it answers, so a new deploy is what the next online load runs; the console and the projector
// stay online-only.
import { clientsClaim } from 'workbox-core'
import { enable as enableNavigationPreload } from 'workbox-navigation-preload'
import {
  cleanupOutdatedCaches,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { NetworkOnly } from 'workbox-strategies'

declare const self: ServiceWorkerGlobalScope & {
  /** Filled in at build time: index.html, the participant route's chunks, manifest and icons. */
  readonly __WB_MANIFEST: (PrecacheEntry | string)[]
}

/** Pages that open offline: the start page, a join link, a participant's workshop. */
const OFFLINE_PAGES = [/^\/$/, /^\/j\/[^/]+\/?$/, /^\/w\/[A-Za-z0-9_-]+\/?$/]
/** How long a page request may hang on a network that is there but not working. */
const NETWORK_TIMEOUT_SECONDS = 4

// Hashed files are served from the cache. `/` is left to the page route below (no directory
// index), so that it is fetched fresh like every other page.
precacheAndRoute(self.__WB_MANIFEST, { directoryIndex: '', cleanURLs: false })
cleanupOutdatedCaches()

// A new deploy's worker takes over at once: pages are fetched from the network first, so no tab
// depends on the old worker's cache while it is online, and one that reloads offline gets the
// shell the new worker precached.
void self.skipWaiting()
clientsClaim()
// The page request starts while the worker boots instead of after.
enableNavigationPreload()

registerRoute(
  new NavigationRoute(
    new NetworkOnly({
      networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
      plugins: [
        {
          // Offline (or no answer in time): the precached index.html; the app then opens the
          // workshop from what the device keeps (session in localStorage, documents in IndexedDB).
          handlerDidError: async () => (await matchPrecache('/index.html')) ?? Response.error(),
        },
      ],
    }),
    { allowlist: OFFLINE_PAGES },
  ),
)
// Other pages (console, projector) are online-only; routed here so they use the preload too.
registerRoute(new NavigationRoute(new NetworkOnly()))
