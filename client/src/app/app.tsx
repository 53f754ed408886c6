// The app: picks the screen for the current path (the start and join pages, or one of the three
// shells: phone, console, projector, which render the current phase from app/phases.ts), keeps
// the page's live regions (which outlive a route change), and moves the focus to the new page's
// main heading after one. Console and projector load lazily, so a participant's phone downloads
// neither them nor the QR code library.
import { lazy, Suspense } from 'react'
import { JoinPage } from '../features/join/join-page'
import { LandingPage } from '../features/landing/landing-page'
import { PhoneShell } from './shells/phone/phone-shell'
import { usePathname } from '../lib/navigation'
import { Notice } from '../ui/alert'
import { LiveRegions } from '../ui/announcer'
import { useFocusOnRouteChange } from '../ui/focus'
import { Page } from '../ui/layout'
import { Link } from '../ui/link'
import { matchRoute } from './routes'

const ConsoleShell = lazy(() => import('./shells/console/console-shell'))
const ProjectorShell = lazy(() => import('./shells/projector/projector-shell'))
const ResultsShell = lazy(() => import('./shells/results/results-shell'))

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
      return <LandingPage />
    case 'join':
      return <JoinPage key={route.code} code={route.code} />
    case 'participant':
      return <PhoneShell key={route.workshopId} workshopId={route.workshopId} />
    case 'facilitate':
      return (
        <Suspense fallback={<Loading />}>
          <ConsoleShell key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      )
    case 'projector':
      return (
        <Suspense fallback={<Loading />}>
          <ProjectorShell key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
      )
    case 'results':
      return (
        <Suspense fallback={<Loading />}>
          <ResultsShell key={route.workshopId} workshopId={route.workshopId} />
        </Suspense>
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
