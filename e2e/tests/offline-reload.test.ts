// A phone in a dead zone: the service worker keeps the app shell, IndexedDB keeps the workshop,
// so a page reloaded offline still opens the vote and takes dots, which count once the phone is
// back while voting is open. And a new deploy (another asset hash) is what the next online load
// runs, after which an offline reload opens the new version. The server serves its own copy of
// the build, so that the test can deploy a second build into it.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addItems } from '../fixtures/board'
import { launchBrowser, openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { eventually } from '../fixtures/poll'
import { startServer, type TestServer } from '../fixtures/server'
import {
  addDotButton,
  addDots,
  participantIdOf,
  readResultsTable,
  votingProgressLine,
  waitForDotsLeft,
} from '../fixtures/voting'
import {
  createWorkshop,
  joinWorkshop,
  waitForPhase,
  waitForStatus,
  type CreatedWorkshop,
} from '../fixtures/workshop'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']
const ROTA = 'Shared on-call rota'
const LOUNGE = 'Discharge lounge'
const TRIAGE = 'Radiology request triage'
const ITEMS = [ROTA, LOUNGE, TRIAGE]

const clientDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../client')

let server: TestServer
let browser: Browser
let work: string
/** The folder the server serves: the build `npm test` made, then the next deploy. */
let served: string
/** A second build, with another build id and so other asset hashes; started in beforeAll. */
let nextBuild: Promise<string>

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'triage-deploy-'))
  served = join(work, 'served')
  await cp(join(clientDir, 'dist'), served, { recursive: true })
  nextBuild = buildClient(join(work, 'next'), `next-${process.pid}`)
  // Not awaited here; a failure is reported by the test that uses it.
  nextBuild.catch(() => {})
  server = await startServer({ env: { STATIC_DIR: served } })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await nextBuild?.catch(() => {})
  if (work) await rm(work, { recursive: true, force: true })
})

/** `vite build` of the client into `outDir` (service worker and compressed copies included). */
function buildClient(outDir: string, buildId: string): Promise<string> {
  return new Promise((done, fail) => {
    const vite = join(clientDir, 'node_modules', 'vite', 'bin', 'vite.js')
    const args = [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--sourcemap', 'false']
    const proc = spawn(process.execPath, args, {
      cwd: clientDir,
      env: { ...process.env, TRIAGE_BUILD_ID: buildId, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    proc.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()))
    proc.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()))
    proc.once('error', fail)
    proc.once('exit', (code) =>
      code === 0 ? done(outDir) : fail(new Error(`vite build failed (${code}):\n${log}`)),
    )
  })
}

/** The entry script index.html loads, e.g. `/assets/index-AbC123.js`. */
function entryOf(html: string): string {
  const m = /<script type="module"[^>]*src="([^"]+)"/.exec(html)
  if (!m?.[1]) throw new Error('index.html names no entry script')
  return m[1]
}

/** Waits until a service worker controls the page, and says which state it is in. */
async function serviceWorkerState(page: Page): Promise<string> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) {
      // Activated, and about to claim this page (clients.claim()).
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      )
    }
    // `ready` resolves once a worker is active, which includes still activating (its cache
    // clean-up running): wait for that to end, then say where it stands.
    const worker = navigator.serviceWorker.controller
    if (worker?.state === 'activating') {
      await new Promise<void>((resolve) => {
        const settled = () => {
          if (worker.state === 'activating') return
          worker.removeEventListener('statechange', settled)
          resolve()
        }
        worker.addEventListener('statechange', settled)
        settled()
      })
    }
    return navigator.serviceWorker.controller?.state ?? 'none'
  })
}

/** The network is gone for the service worker too, so what it serves comes from its cache. */
async function expectWorkerOffline(phone: Screen): Promise<void> {
  const workers = phone.context.serviceWorkers()
  expect(workers).toHaveLength(1)
  const reach = await workers[0]!.evaluate(() =>
    fetch('/healthz', { cache: 'no-store' }).then(
      () => 'reached the server',
      () => 'offline',
    ),
  )
  expect(reach).toBe('offline')
}

/** Whether the page's origin has `url` in any cache (the service worker's precache). */
const cached = (page: Page, url: string) =>
  page.evaluate(async (u) => (await caches.match(u)) !== undefined, url)

/**
 * Updates y-indexeddb holds for a document. The read is a transaction on the same store, so it
 * runs only after every write the page started before it: once it answers, what the page had
 * received is on the device.
 */
async function storedUpdates(page: Page, name: string): Promise<number> {
  return page.evaluate(async (db) => {
    const known = await indexedDB.databases()
    if (!known.some((d) => d.name === db)) return -1
    return new Promise<number>((done, fail) => {
      const request = indexedDB.open(db)
      request.onerror = () => fail(request.error ?? new Error('open failed'))
      request.onsuccess = () => {
        const connection = request.result
        const count = connection.transaction('updates').objectStore('updates').count()
        count.onsuccess = () => {
          connection.close()
          done(count.result)
        }
        count.onerror = () => fail(count.error ?? new Error('count failed'))
      }
    })
  }, name)
}

/** Waits until the phone keeps each of its three documents on the device. */
async function keptOnDevice(page: Page, workshopId: string): Promise<void> {
  const participantId = await participantIdOf(page, workshopId)
  for (const doc of ['control', 'board', `private/${participantId}`]) {
    await eventually(
      async () =>
        expect(await storedUpdates(page, `triage:${workshopId}/${doc}`)).toBeGreaterThan(0),
      { timeout: WAIT },
    )
  }
}

/** A workshop in the vote, on ideas, with Dana's phone joined; voting opened when asked. */
async function voteWithPhone(
  facilitator: Screen,
  phone: Screen,
  title: string,
  { open }: { open: boolean },
): Promise<CreatedWorkshop> {
  const fac = facilitator.page
  const workshop = await createWorkshop(fac, { title, groups: GROUPS })
  await joinWorkshop(phone.page, { code: workshop.joinCode, name: 'Dana', group: 'Surgeons' })
  await addItems(fac, ITEMS)
  for (const next of ['Brainstorm', 'Cluster', 'Vote']) {
    await fac.getByRole('button', { name: `Next phase: ${next}` }).click()
  }
  await waitForPhase(phone.page, 'Vote')
  await fac.getByRole('radio', { name: 'Ideas', exact: true }).check()
  if (open) {
    await fac.getByRole('button', { name: 'Open voting' }).click()
    await fac.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: WAIT })
    await waitForDotsLeft(phone.page, 5, 5)
  }
  return workshop
}

describe('a phone that reloads offline', () => {
  it('shows its phase view from the service worker and IndexedDB; dots placed then count once back', async () => {
    const facilitator = await openFacilitator(browser, server.baseURL)
    const phone = await openPhone(browser, server.baseURL)
    const fac = facilitator.page
    const page = phone.page
    try {
      const workshop = await voteWithPhone(facilitator, phone, 'Scanner hours', { open: true })
      expect(await serviceWorkerState(page)).toBe('activated')
      await votingProgressLine(fac, 'Dana: 0 of 5 dots').waitFor({ timeout: WAIT })
      await keptOnDevice(page, workshop.workshopId)

      // The lift doors close; the browser reloads the tab.
      await phone.context.setOffline(true)
      await expectWorkerOffline(phone)
      await waitForStatus(page, /Offline/)
      const response = await page.reload()
      expect(response?.fromServiceWorker()).toBe(true)
      await waitForPhase(page, 'Vote')
      await page.getByText('You are Dana · Surgeons').waitFor({ timeout: WAIT })
      await waitForStatus(page, /Offline/)
      await page.getByText('You are offline').waitFor({ timeout: WAIT })
      await waitForDotsLeft(page, 5, 5)

      // Dots placed offline, after the reload: kept on the phone, not yet at the server.
      await addDots(page, ROTA, 2)
      await addDots(page, LOUNGE, 1)
      await waitForDotsLeft(page, 2, 5)
      await expect(votingProgressLine(fac, 'Dana: 0 of 5 dots').count()).resolves.toBe(1)

      // Back in range while voting is still open: the dots reach the server, once.
      await phone.context.setOffline(false)
      await waitForStatus(page, 'Connected')
      await votingProgressLine(fac, 'Dana: 3 of 5 dots').waitFor({ timeout: WAIT })
      await fac.getByRole('button', { name: 'Close voting' }).click()
      await fac.getByRole('button', { name: 'Reveal results' }).click()
      const results = await readResultsTable(fac)
      expect(
        Object.fromEntries(Object.entries(results).map(([item, row]) => [item, row.Dots])),
      ).toEqual({ [ROTA]: '2', [LOUNGE]: '1', [TRIAGE]: '0' })
      // And the phone's own view agrees after another (online) reload.
      await page.reload()
      await page.getByRole('table', { name: 'Results' }).waitFor({ timeout: WAIT })
      await waitForOwnDotsAfterResults(page)
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('runs a new deploy on the next online load, and opens that version offline after it', async () => {
    const facilitator = await openFacilitator(browser, server.baseURL)
    const phone = await openPhone(browser, server.baseURL)
    const page = phone.page
    try {
      const workshop = await voteWithPhone(facilitator, phone, 'Theatre lists', { open: false })
      expect(await serviceWorkerState(page)).toBe('activated')
      const oldEntry = entryOf(await readFile(join(served, 'index.html'), 'utf8'))
      expect(await cached(page, oldEntry)).toBe(true)

      // Deploy: the server restarts on the next build, whose entry has another hash.
      const next = await nextBuild
      const newEntry = entryOf(await readFile(join(next, 'index.html'), 'utf8'))
      expect(newEntry).not.toBe(oldEntry)
      await server.stop()
      await rm(served, { recursive: true, force: true })
      await cp(next, served, { recursive: true })
      await server.restart()

      // The next online load runs the new build…
      await page.reload()
      await waitForPhase(page, 'Vote')
      const running = await page.evaluate(
        () => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '',
      )
      expect(new URL(running).pathname).toBe(newEntry)
      // …and the new service worker takes over and drops the old build from the device.
      await eventually(
        async () => {
          expect(await cached(page, newEntry)).toBe(true)
          expect(await cached(page, oldEntry)).toBe(false)
        },
        { timeout: WAIT },
      )
      await keptOnDevice(page, workshop.workshopId)

      // Offline now, the new version opens.
      await phone.context.setOffline(true)
      await expectWorkerOffline(phone)
      const response = await page.reload()
      expect(response?.fromServiceWorker()).toBe(true)
      await waitForPhase(page, 'Vote')
      const offlineEntry = await page.evaluate(
        () => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '',
      )
      expect(new URL(offlineEntry).pathname).toBe(newEntry)
      await page.getByText('Voting has not opened yet').waitFor({ timeout: WAIT })
      await expect(addDotButton(page, ROTA).isDisabled()).resolves.toBe(true)
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
    // The second build runs alongside the first test; on a busy 2-core machine it may take a
    // minute of its own.
  }, 240_000)
})

/** After the reveal the phone lists where its own dots went: each counted once. */
async function waitForOwnDotsAfterResults(page: Page): Promise<void> {
  const own = page.getByRole('region', { name: 'Your dots', exact: true })
  for (const [item, dots] of [
    [ROTA, '2 dots'],
    [LOUNGE, '1 dot'],
  ]) {
    await own
      .getByRole('listitem')
      .filter({ hasText: item })
      .filter({ hasText: dots })
      .waitFor({ timeout: WAIT })
  }
  await expect(own.getByRole('listitem').count()).resolves.toBe(2)
}
