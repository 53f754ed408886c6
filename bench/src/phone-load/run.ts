// One phone's run: a fresh browser context (cold: no HTTP cache, no service worker) joins a
// workshop and votes, reloads offline; then the same context (warm: cache and service worker from
// the first visit) joins a second workshop. A small script in every page (watcher.ts) notes the
// first animation frame at which each view is there, on the document's own clock (from the start
// of its navigation) and on the wall clock Node shares (for steps the facilitator starts).
import { writeFileSync } from 'node:fs'
import { join as joinPath } from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { Watch } from './watcher.js'
import { Facilitator } from './workshop.js'
import type { PhoneNetwork, RequestRecord } from './throttle.js'

const WAIT_MS = 60_000

/** The figures of one run, in ms (bytes where named). */
export interface PhoneRun {
  coldForm: number
  /** Join link → the app's entry has run: from then on, Join is answered at once. */
  coldApp: number
  /** Of `coldForm`, until the last response it waited for had arrived. */
  coldFormNetwork: number
  /**
   * Main-thread CPU time the document used until the form. Chrome's CPU throttling counts in it,
   * so it is this machine's own CPU time only with `--cpu 1`.
   */
  coldFormCpu: number
  coldJoin: number
  coldVote: number
  /** Bytes the page received until the join form was usable, and until the phase view. */
  coldFormBytes: number
  coldJoinBytes: number
  /** Bytes the service worker fetched to precache the participant route. */
  precacheBytes: number
  offlinePhase: number
  offlinePhaseCpu: number
  offlineVote: number
  warmForm: number
  warmApp: number
  warmFormNetwork: number
  warmFormCpu: number
  warmJoin: number
  warmVote: number
  warmFormBytes: number
  /** Content-Encoding the scripts arrived with (e.g. "br"). */
  scriptEncoding: string
  /** Each response of the cold load until the phase view, the page's and its worker's. */
  coldRequests: readonly RequestRecord[]
}

/**
 * When the last response the page had asked for before `until` arrived (ms on the page's clock):
 * the network's share of a load; what follows is the phone's CPU.
 */
function lastResponse(page: Page, until: number): Promise<number> {
  return page.evaluate((t) => {
    const ends = [
      performance.getEntriesByType('navigation'),
      performance.getEntriesByType('resource'),
    ]
      .flat()
      // The icon is fetched after the load event; nothing waits for it.
      .filter((e) => e.startTime < t && !/icon|manifest/.test(e.name))
      .map((e) => (e as PerformanceResourceTiming).responseEnd)
    return Math.max(0, ...ends.filter((end) => end <= t))
  }, until)
}

/**
 * The CPU time the document's main thread has used, in ms (Performance domain in thread time:
 * not the time it waited for a core; the CPU throttling's share counts in it).
 */
async function mainThreadCpu(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000
}

/**
 * With `--profile DIR`: a CPU profile of the page's main thread while `step` runs, written to
 * DIR/<name>.cpuprofile (open it in Chrome's DevTools, Performance panel). The profiler costs CPU
 * of its own, so the timings of a profiled run are not the benchmark's.
 */
async function profiled<T>(
  cdp: CDPSession,
  dir: string | undefined,
  name: string,
  step: () => Promise<T>,
): Promise<T> {
  if (!dir) return step()
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  try {
    return await step()
  } finally {
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(joinPath(dir, `${name}.cpuprofile`), JSON.stringify(profile))
  }
}

/** Opens the join link and waits for the form; ms from navigation start, and bytes. */
async function openJoinLink(
  page: Page,
  cdp: CDPSession,
  watch: Watch,
  base: string,
  path: string,
  network: PhoneNetwork,
) {
  network.resetTransfer()
  watch.forget()
  await page.goto(base + path, { waitUntil: 'commit', timeout: WAIT_MS })
  const { page: ms } = await watch.next('form', WAIT_MS)
  // The page's metrics start again with each document.
  const cpu = await mainThreadCpu(cdp)
  const bytes = network.transfer.page
  const app = (await watch.next('app', WAIT_MS)).page
  return { ms, app, cpu, network: await lastResponse(page, ms), bytes }
}

/**
 * Fills in the form, taps Join, and waits for the phase view; ms from the tap. A person takes a
 * few seconds to type a name; the tap waits as long as the page is still busy after the form
 * appeared (the service worker fetching its precache), not longer.
 */
async function join(page: Page, watch: Watch, name: string): Promise<number> {
  await page.getByLabel('Your name').fill(name)
  await page.getByRole('radio', { name: 'Surgeons', exact: true }).check()
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  watch.forget('tap')
  await page.getByRole('button', { name: 'Join', exact: true }).click()
  const tapped = await watch.next('tap', WAIT_MS)
  const shown = await watch.next('phase', WAIT_MS)
  return shown.page - tapped.page
}

/** The facilitator moves to the vote, then opens it; ms until the phone can place a dot. */
async function voteReady(watch: Watch, facilitator: Facilitator): Promise<number> {
  for (const phase of ['brainstorm', 'cluster', 'vote'] as const) facilitator.phase(phase)
  await watch.next('vote', WAIT_MS)
  const opened = Date.now()
  await facilitator.openVoting()
  return (await watch.next('dot', WAIT_MS)).wall - opened
}

/** Waits until a service worker controls the page and the page's documents are on the device. */
async function readyForOffline(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      )
    }
    // A read on each device copy runs after every write the page started before it.
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('triage:')) continue
      await new Promise<void>((done, fail) => {
        const open = indexedDB.open(name)
        open.onerror = () => fail(open.error ?? new Error('open failed'))
        open.onsuccess = () => {
          const db = open.result
          const read = db.transaction('updates').objectStore('updates').count()
          read.onsuccess = () => {
            db.close()
            done()
          }
          read.onerror = () => fail(read.error ?? new Error('read failed'))
        }
      })
    }
  })
}

export async function runPhone(
  browser: Browser,
  base: string,
  network: PhoneNetwork,
  run: number,
  profileDir?: string,
): Promise<PhoneRun> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    hasTouch: true,
    isMobile: true,
  })
  const first = await Facilitator.create(base, `Phone load ${run}a`)
  const second = await Facilitator.create(base, `Phone load ${run}b`)
  try {
    const watch = await Watch.install(context)
    const page = await context.newPage()
    const cdp = await network.page(context, page)
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' })

    // Cold: the join link, the form, the phase view, the vote.
    const form = await profiled(cdp, profileDir, `run${run}-cold-form`, () =>
      openJoinLink(page, cdp, watch, base, first.joinPath, network),
    )
    const scriptEncoding =
      [...network.transfer.encodings].find(([path]) => path.endsWith('.js'))?.[1] ?? '?'
    const coldJoin = await profiled(cdp, profileDir, `run${run}-cold-join`, () =>
      join(page, watch, `Dana ${run}`),
    )
    const coldJoinBytes = network.transfer.page
    const coldRequests = [...network.transfer.requests]
    const coldVote = await voteReady(watch, first)
    await readyForOffline(page)
    const precacheBytes = network.transfer.worker

    // Offline: the tab reloads in a dead zone.
    await network.setOffline(true)
    watch.forget()
    const offlinePhase = await profiled(cdp, profileDir, `run${run}-offline-reload`, async () => {
      await page.reload({ waitUntil: 'commit', timeout: WAIT_MS })
      return (await watch.next('phase', WAIT_MS)).page
    })
    const offlinePhaseCpu = await mainThreadCpu(cdp)
    const offlineVote = (await watch.next('dot', WAIT_MS)).page
    await network.setOffline(false)

    // Warm: another workshop's join link on the same phone.
    const warm = await openJoinLink(page, cdp, watch, base, second.joinPath, network)
    const warmJoin = await join(page, watch, `Dana ${run}`)
    const warmVote = await voteReady(watch, second)
    return {
      coldForm: form.ms,
      coldApp: form.app,
      coldFormNetwork: form.network,
      coldFormCpu: form.cpu,
      coldJoin,
      coldVote,
      coldFormBytes: form.bytes,
      coldJoinBytes,
      precacheBytes,
      offlinePhase,
      offlinePhaseCpu,
      offlineVote,
      warmForm: warm.ms,
      warmApp: warm.app,
      warmFormNetwork: warm.network,
      warmFormCpu: warm.cpu,
      warmJoin,
      warmVote,
      warmFormBytes: warm.bytes,
      scriptEncoding,
      coldRequests,
    }
  } finally {
    first.close()
    second.close()
    await context.close()
    network.forgetPages()
  }
}
