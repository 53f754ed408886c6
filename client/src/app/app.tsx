// The app: picks the screen for the current path (the start and join pages, or one of the three
// shells: phone, console, projector, which render the current phase from app/phases.ts), keeps
// the page's live regions (which outlive a route change), and moves the focus to the new page's
// main heading after one. Only the join page is in the first load: a phone opening a join link
// shows the form after React and that page alone (issue 16). The phone view (with Yjs, the
// socket and the shared schemas) is a lazy chunk the join page loads while the person types; the
// start page is another; console and projector load lazily too, so a participant's phone
// downloads neither them nor the QR code library.
import { JoinPage } from '../features/join/join-page'
import { usePathname } from '../lib/navigation'
import { Notice } from '../ui/alert'
import { LiveRegions } from '../ui/announcer'
import { useFocusOnRouteChange } from '../ui/focus'
import { Page } from '../ui/layout'
import { Link } from '../ui/link'
import { lazyScreen } from './lazy-screen'
import { matchRoute } from './routes'
import { holdServiceWorker } from './service-worker'

const phone = lazyScreen(() => import('./shells/phone/phone-shell').then((m) => m.PhoneShell))
const landing = lazyScreen(() =>
  import('../features/landing/landing-page').then((m) => m.LandingPage),
)
const console_ = lazyScreen(() => import('./shells/console/console-shell').then((m) => m.default))
const projector = lazyScreen(() =>
  import('./shells/projector/projector-shell').then((m) => m.default),
)
const results = lazyScreen(() => import('./shells/results/results-shell').then((m) => m.default))

/** How long a participant's first render may wait for the device's copy of the workshop. */
const READ_AHEAD_MS = 400

/**
 * Loads the code of the screen for `pathname` (main.tsx, before the first render: a reload or a
 * tab reopened offline shows its screen at once instead of "Loading…" first). Never rejects.
 */
export function preloadScreen(pathname: string): Promise<unknown> {
  const route = matchRoute(pathname)
  const name = route.name
  if (route.name === 'participant') {
    // With the control document's copy read from the device (never waiting long for it).
    return phone
      .preload()
      .then(() => import('./shells/phone/phone-shell'))
      .then((m) =>
        Promise.race([
          m.readAheadControl(route.workshopId),
          new Promise((resolve) => window.setTimeout(resolve, READ_AHEAD_MS)),
        ]),
      )
      .catch(() => undefined)
  }
  const screen =
    name === 'participant'
      ? phone
      : name === 'landing'
        ? landing
        : name === 'facilitate'
          ? console_
          : name === 'projector'
            ? projector
            : name === 'results'
              ? results
              : null
  return screen ? screen.preload().catch(() => undefined) : Promise.resolve()
}

/** Lets the service worker register; on a join page, once the phone view is loaded. */
let releaseServiceWorker = () => {}
if (matchRoute(window.location.pathname).name === 'join') {
  holdServiceWorker(
    new Promise<void>((release) => {
      releaseServiceWorker = release
      // A join page that never shows its form (an unknown code) does not hold it for long.
      window.setTimeout(release, 15_000)
    }),
  )
}

/**
 * Starts loading the phone view, so that it opens at once when Join is tapped (the join page
 * once its form shows; main.tsx once a join link's first screen has shown it).
 */
export function preloadPhoneShell() {
  phone
    .preload()
    .catch(() => {
      // Offline or a failed chunk: the route's own import tries again, and says so if it fails.
    })
    .finally(releaseServiceWorker)
}

export function App() {
  const pathname = usePathname()
  useFocusOnRouteChange(pathname)
  return (
    <>
      <Screen pathname={pathname} />
      <LiveRegions />
    </>
  )
}

function Screen({ pathname }: { pathname: string }) {
  const route = matchRoute(pathname)
  switch (route.name) {
    case 'landing':
      return <landing.Screen fallback={<Loading />} />
    case 'join':
      return <JoinPage key={route.code} code={route.code} onReady={preloadPhoneShell} />
    case 'participant':
      return (
        <phone.Screen key={route.workshopId} workshopId={route.workshopId} fallback={<Loading />} />
      )
    case 'facilitate':
      return (
        <console_.Screen
          key={route.workshopId}
          workshopId={route.workshopId}
          fallback={<Loading />}
        />
      )
    case 'projector':
      return (
        <projector.Screen
          key={route.workshopId}
          workshopId={route.workshopId}
          fallback={<Loading />}
        />
      )
    case 'results':
      return (
        <results.Screen
          key={route.workshopId}
          workshopId={route.workshopId}
          fallback={<Loading />}
        />
      )
    case 'not-found':
      return (
        <Page width="narrow">
          <Notice title="Page not found">
            <p>
              <Link className="button button--primary" href="/">
                Go to the start page
              </Link>
            </p>
          </Notice>
        </Page>
      )
  }
}

function Loading() {
  return (
    <Page>
      <p className="muted">Loading…</p>
    </Page>
  )
}
