// Entry point: mounts the app and its styles. A join link's page may already show its form,
// drawn by the first screen (features/join/join-boot.ts) before this script arrived: the app
// then takes the page over when Join is tapped, with what the person typed.
import { StrictMode } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { App, preloadPhoneShell, preloadScreen } from './app/app'
import { registerServiceWorker } from './app/service-worker'
import {
  focusTarget,
  handOverJoin,
  takeJoinBoot,
  type JoinBoot,
} from './features/join/join-handoff'
import './ui/styles.css'

// The app's code has arrived and run: from here on, a Join tapped is answered at once (measured
// by the phone-load benchmark, bench/src/phone-load/).
performance.mark('triage:app')

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
const container = root

const app = (
  <StrictMode>
    <App />
  </StrictMode>
)

/** Waits for Join on the first screen's form, then renders the app's join page over it. */
async function takeOver(boot: JoinBoot): Promise<void> {
  const info = await boot.ready
  // No form (an unknown code, no answer): the app's join page asks again and says why.
  if (!info) return createRoot(container).render(app)
  preloadPhoneShell()
  await boot.submitted
  const values = boot.values()
  handOverJoin({ code: boot.code, info, ...values })
  // In one task with reading the values: nothing typed in between is lost.
  flushSync(() => createRoot(container).render(app))
  focusTarget(container, values.focus)?.focus()
}

const boot = takeJoinBoot()
if (boot) {
  void takeOver(boot)
} else {
  // The first screen's code comes before the first render (see app/lazy-screen.tsx); the join
  // page, in this chunk, needs nothing more.
  void preloadScreen(window.location.pathname).then(() => createRoot(container).render(app))
}
registerServiceWorker()
