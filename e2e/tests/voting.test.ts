// Dot voting with a facilitator and three phones in two stakeholder groups. Where anyone put
// their dots travels only in that person's private document: every websocket frame each device
// receives is recorded per socket and searched for the vote map and the item keys. One phone
// votes offline and its dots count once it is back; after the reveal the results table on the
// console and on a phone matches numbers worked out by hand below. A second test shows that
// dots placed while the server is out of reach survive a reload (kept in IndexedDB).
import type { WebSocketRoute } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { eventually } from '../fixtures/poll'
import {
  addDotButton,
  addDots,
  anyFrameHolds,
  captureSockets,
  docOfSocket,
  itemKeysIn,
  itemsToVoteOn,
  participantIdOf,
  readResultsTable,
  removeDotButton,
  voteRow,
  votingProgressLine,
  waitForDotsLeft,
  waitForOwnDots,
  yString,
  type SocketCapture,
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
const TURNAROUND = 'Theatre turnaround board'
const TRIAGE = 'Radiology request triage'
const LOUNGE = 'Discharge lounge'
const ITEMS = [ROTA, TURNAROUND, TRIAGE, LOUNGE]

// The plan, with the default rules (5 dots each, at most 3 on one item):
//   Ana (Surgeons):     rota 3, turnaround 2
//   Ben (Surgeons):     rota 2, turnaround 1, lounge 2
//   Cy  (Radiologists): triage 3, lounge 2        (placed while offline)
// Dots per group: Surgeons 5 + 5 = 10, Radiologists 5.
// Totals: rota 3 + 2 = 5, lounge 2 + 2 = 4, turnaround 2 + 1 = 3, triage 3
//   → raw ranks: rota 1st, lounge 2nd, turnaround and triage tied 3rd.
// Normalised = the mean, over the two groups, of the share of that group's dots the item got:
//   rota       (5/10 + 0/5) / 2 = (0.5 + 0)   / 2 = 0.25 → 25.0%
//   turnaround (3/10 + 0/5) / 2 = (0.3 + 0)   / 2 = 0.15 → 15.0%
//   triage     (0/10 + 3/5) / 2 = (0   + 0.6) / 2 = 0.30 → 30.0%
//   lounge     (2/10 + 2/5) / 2 = (0.2 + 0.4) / 2 = 0.30 → 30.0%
//   → normalised ranks: triage and lounge tied 1st, rota 3rd, turnaround 4th. The radiologists'
//     five dots weigh as much as the surgeons' ten, so the ranking differs from the raw one.
const EXPECTED: Record<string, Record<string, string>> = {
  [ROTA]: { Dots: '5', Surgeons: '5', Radiologists: '0', Normalised: '25.0%', Rank: '1st' },
  [LOUNGE]: { Dots: '4', Surgeons: '2', Radiologists: '2', Normalised: '30.0%', Rank: '2nd' },
  [TURNAROUND]: {
    Dots: '3',
    Surgeons: '3',
    Radiologists: '0',
    Normalised: '15.0%',
    Rank: 'tied 3rd',
  },
  [TRIAGE]: { Dots: '3', Surgeons: '0', Radiologists: '3', Normalised: '30.0%', Rank: 'tied 3rd' },
}

const suite = useSuite()

interface Device {
  readonly name: string
  readonly screen: Screen
  readonly capture: SocketCapture
}

async function open(name: string, kind: 'facilitator' | 'phone'): Promise<Device> {
  const screen = await (kind === 'facilitator' ? openFacilitator : openPhone)(
    suite.browser,
    suite.server.baseURL,
  )
  // Before the first navigation: Playwright reports only sockets opened after this.
  return { name, screen, capture: captureSockets(screen.page) }
}

/** Items on the board, then on through brainstorm and cluster to the vote, on ideas. */
async function startVote(facilitator: Device, phones: readonly Device[]): Promise<void> {
  const page = facilitator.screen.page
  await addItems(page, ITEMS)
  for (const next of ['Brainstorm', 'Cluster', 'Vote']) {
    await page.getByRole('button', { name: `Next phase: ${next}` }).click()
  }
  await Promise.all(phones.map((p) => waitForPhase(p.screen.page, 'Vote')))
  await page.getByRole('radio', { name: 'Ideas', exact: true }).check()
}

async function openVoting(facilitator: Device): Promise<void> {
  const page = facilitator.screen.page
  await page.getByRole('button', { name: 'Open voting' }).click()
  await page.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: WAIT })
}

describe('dot voting', () => {
  it('three phones in two groups vote, one offline; nothing of where leaks before the reveal', async () => {
    const facilitator = await open('facilitator', 'facilitator')
    const ana = await open('Ana', 'phone')
    const ben = await open('Ben', 'phone')
    const cy = await open('Cy', 'phone')
    const phones = [ana, ben, cy]
    const devices = [facilitator, ...phones]
    const fac = facilitator.screen.page
    try {
      const workshop: CreatedWorkshop = await createWorkshop(fac, {
        title: 'Imaging investment',
        groups: GROUPS,
      })
      await joinWorkshop(ana.screen.page, {
        code: workshop.joinCode,
        name: 'Ana',
        group: 'Surgeons',
      })
      await joinWorkshop(ben.screen.page, {
        code: workshop.joinCode,
        name: 'Ben',
        group: 'Surgeons',
      })
      await joinWorkshop(cy.screen.page, {
        code: workshop.joinCode,
        name: 'Cy',
        group: 'Radiologists',
      })
      const ids = new Map<Device, string>()
      for (const p of phones) ids.set(p, await participantIdOf(p.screen.page, workshop.workshopId))
      const privateDoc = (p: Device) => `${workshop.workshopId}/private/${ids.get(p)}`

      await startVote(facilitator, phones)

      // Before voting opens: the items are listed, the buttons are off.
      const a = ana.screen.page
      await a.getByText('Voting has not opened yet').waitFor({ timeout: WAIT })
      await expect(itemsToVoteOn(a).getByRole('listitem').count()).resolves.toBe(ITEMS.length)
      await expect(addDotButton(a, ROTA).isDisabled()).resolves.toBe(true)

      await openVoting(facilitator)
      for (const p of phones) await waitForDotsLeft(p.screen.page, 5, 5)
      await eventually(async () => expect(await addDotButton(a, ROTA).isEnabled()).toBe(true), {
        timeout: WAIT,
      })
      await votingProgressLine(fac, 'Cy: 0 of 5 dots').waitFor({ timeout: WAIT })

      // Big tap targets, and the budget line in view at the top and the bottom of the list.
      const plus = await addDotButton(a, ROTA).boundingBox()
      expect(plus!.width).toBeGreaterThanOrEqual(44)
      expect(plus!.height).toBeGreaterThanOrEqual(44)
      const budgetInView = async () => {
        const box = await a.getByText('5 of 5 dots left', { exact: true }).boundingBox()
        expect(box).not.toBeNull()
        expect(box!.y).toBeGreaterThanOrEqual(0)
        expect(box!.y + box!.height).toBeLessThanOrEqual(740)
      }
      await a.evaluate(() => window.scrollTo(0, 0))
      await budgetInView()
      await voteRow(a, LOUNGE).scrollIntoViewIfNeeded()
      await budgetInView()

      // Ana: 3 on the rota (the cap), 2 on the turnaround board (the budget); one taken back.
      await addDots(a, ROTA, 3)
      await expect(addDotButton(a, ROTA).isDisabled()).resolves.toBe(true)
      await waitForDotsLeft(a, 2, 5)
      await addDots(a, TURNAROUND, 2)
      await waitForDotsLeft(a, 0, 5)
      await expect(addDotButton(a, TRIAGE).isDisabled()).resolves.toBe(true)
      await expect(removeDotButton(a, TRIAGE).isDisabled()).resolves.toBe(true)
      await removeDotButton(a, TURNAROUND).click()
      await waitForDotsLeft(a, 1, 5)
      await addDots(a, TURNAROUND, 1)
      await waitForDotsLeft(a, 0, 5)
      await votingProgressLine(fac, 'Ana: 5 of 5 dots').waitFor({ timeout: WAIT })
      await expectNoAxeViolations(a, 'the phone vote view')

      // Ben; Ana's phone still shows only her own dots.
      const b = ben.screen.page
      await addDots(b, ROTA, 2)
      await addDots(b, TURNAROUND, 1)
      await addDots(b, LOUNGE, 2)
      await waitForDotsLeft(b, 0, 5)
      await votingProgressLine(fac, 'Ben: 5 of 5 dots').waitFor({ timeout: WAIT })
      await waitForOwnDots(a, LOUNGE, 0)
      await waitForOwnDots(b, ROTA, 2)

      // Cy goes offline, votes there, and comes back.
      const c = cy.screen.page
      await cy.screen.context.setOffline(true)
      await waitForStatus(c, /Offline/)
      await c.getByText('You are offline').waitFor({ timeout: WAIT })
      const sentBefore = cy.capture.sent().length
      await addDots(c, TRIAGE, 3)
      await addDots(c, LOUNGE, 2)
      await waitForDotsLeft(c, 0, 5)
      // Nothing left the phone, and the server counts none of it yet.
      expect(cy.capture.sent().length).toBe(sentBefore)
      await expect(votingProgressLine(fac, 'Cy: 0 of 5 dots').count()).resolves.toBe(1)
      await cy.screen.context.setOffline(false)
      await votingProgressLine(fac, 'Cy: 5 of 5 dots').waitFor({ timeout: WAIT })
      await waitForStatus(c, 'Connected')
      await fac.getByText('3 of 3 participants have placed dots').waitFor({ timeout: WAIT })

      // Close: the phones stop taking dots.
      await fac.getByRole('button', { name: 'Close voting' }).click()
      await fac.getByRole('button', { name: 'Reveal results' }).waitFor({ timeout: WAIT })
      await a.getByText('Voting is closed').waitFor({ timeout: WAIT })
      await expect(addDotButton(a, TRIAGE).isDisabled()).resolves.toBe(true)
      await expect(removeDotButton(a, ROTA).isDisabled()).resolves.toBe(true)

      // --- Before the reveal: where the dots went reached no other device. ---
      const votesMap = yString('votes')
      // What each voter sent on its own private socket: the vote map and the keys it voted on.
      // (This is what the checks below look for, so they would find it if it leaked.)
      const sentKeys = new Map<Device, Set<string>>()
      for (const p of phones) {
        const own = p.capture.sent((doc) => doc === privateDoc(p))
        expect(anyFrameHolds(own, [votesMap]), `${p.name} sent the vote map`).toBe(true)
        sentKeys.set(p, itemKeysIn(own))
        // Nothing about votes went out on the shared documents.
        const shared = p.capture.sent((doc) => doc !== privateDoc(p))
        expect(itemKeysIn(shared).size, `${p.name} sent item keys on a shared doc`).toBe(0)
      }
      expect([...sentKeys.values()].map((k) => k.size)).toEqual([2, 3, 2])
      const allKeys = new Set([...sentKeys.values()].flatMap((k) => [...k]))
      expect(allKeys.size).toBe(ITEMS.length)

      for (const device of devices) {
        const own = ids.has(device) ? privateDoc(device) : null
        // No socket to anyone else's private document was ever opened.
        for (const s of device.capture.sockets()) {
          const doc = docOfSocket(s.url)
          if (doc.includes('/private/')) expect(doc, `${device.name} opened ${doc}`).toBe(own)
        }
        const received = device.capture.received((doc) => doc !== own)
        expect(received.length).toBeGreaterThan(0)
        expect(anyFrameHolds(received, [votesMap]), `${device.name} got a vote map`).toBe(false)
        expect([...itemKeysIn(received)], `${device.name} got item keys`).toEqual([])
        expect(anyFrameHolds(received, [...allKeys])).toBe(false)
        const others = phones.filter((p) => p !== device).map(privateDoc)
        expect(anyFrameHolds(device.capture.received(), others)).toBe(false)
      }
      // The control document did carry the progress (counts of dots); the loop above shows it
      // carried nothing of where they went.
      const control = `${workshop.workshopId}/control`
      const controlFrames = facilitator.capture.received((doc) => doc === control)
      expect(anyFrameHolds(controlFrames, [yString('dots')])).toBe(true)
      const framesBeforeReveal = controlFrames.length

      // --- Reveal: totals, per group, normalised, ranks and ties as worked out above. ---
      await fac.getByRole('button', { name: 'Reveal results' }).click()
      expect(await readResultsTable(fac)).toEqual(EXPECTED)
      await a.getByRole('table', { name: 'Results' }).waitFor({ timeout: WAIT })
      expect(await readResultsTable(a)).toEqual(EXPECTED)
      for (const page of [fac, a]) {
        await page
          .getByText('The group-normalised ranking differs from the raw ranking')
          .waitFor({ timeout: WAIT })
        const changes = page.getByRole('list', { name: 'Items whose rank changes' })
        for (const [label, normalised] of [
          [TRIAGE, 'tied 1st'],
          [LOUNGE, 'tied 1st'],
          [ROTA, '3rd'],
          [TURNAROUND, '4th'],
        ]) {
          await changes
            .getByRole('listitem')
            .filter({ hasText: label })
            .filter({ hasText: normalised })
            .waitFor({ timeout: WAIT })
        }
      }
      // The results name the items by key, so now the keys do arrive: the check above could fail.
      const afterReveal = facilitator.capture.received((doc) => doc === control)
      expect(itemKeysIn(afterReveal.slice(framesBeforeReveal))).toEqual(allKeys)
      // Closing and revealing are in the decision log (the control document; no view shows it),
      // as typed events the server wrote.
      expect(anyFrameHolds(afterReveal, ['round-closed'])).toBe(true)
      expect(anyFrameHolds(afterReveal, ['round-revealed'])).toBe(true)
    } finally {
      for (const d of devices) await d.screen.context.close()
    }
  })

  it('dots placed while the server is out of reach survive a reload and count when it is back', async () => {
    const facilitator = await open('facilitator', 'facilitator')
    const phone = await open('Dana', 'phone')
    const fac = facilitator.screen.page
    const page = phone.screen.page
    // The phone's private document goes through this route: passed on, or cut off.
    let blocked = false
    const routes: WebSocketRoute[] = []
    await phone.screen.context.routeWebSocket(
      (url) => url.pathname.includes('/private/'),
      (ws) => {
        if (blocked) return ws.close({ code: 1011, reason: 'unreachable' })
        routes.push(ws)
        ws.connectToServer()
      },
    )
    try {
      const workshop = await createWorkshop(fac, { title: 'Scanner hours', groups: GROUPS })
      await joinWorkshop(page, { code: workshop.joinCode, name: 'Dana', group: 'Surgeons' })
      const store = `triage:${workshop.workshopId}/private/${await participantIdOf(page, workshop.workshopId)}`
      await startVote(facilitator, [phone])
      await openVoting(facilitator)
      await waitForDotsLeft(page, 5, 5)
      await votingProgressLine(fac, 'Dana: 0 of 5 dots').waitFor({ timeout: WAIT })

      // The server is out of reach for this document (the rest of the page stays connected).
      blocked = true
      for (const route of routes.splice(0)) await route.close({ code: 1011 })
      const stored = await storedUpdates(page, store)
      await addDots(page, TRIAGE, 2)
      await waitForDotsLeft(page, 3, 5)
      // Written to IndexedDB before the page goes away.
      expect(stored).toBeGreaterThan(0)
      await eventually(
        async () => expect(await storedUpdates(page, store)).toBeGreaterThanOrEqual(stored + 2),
        { timeout: WAIT },
      )
      await expect(votingProgressLine(fac, 'Dana: 0 of 5 dots').count()).resolves.toBe(1)

      await page.reload()
      await waitForPhase(page, 'Vote')
      // From the phone's own copy: the server never had these dots.
      await waitForOwnDots(page, TRIAGE, 2)
      await waitForDotsLeft(page, 3, 5)
      await expect(votingProgressLine(fac, 'Dana: 0 of 5 dots').count()).resolves.toBe(1)

      blocked = false
      await votingProgressLine(fac, 'Dana: 2 of 5 dots').waitFor({ timeout: WAIT })
    } finally {
      await phone.screen.context.close()
      await facilitator.screen.context.close()
    }
  })
})

/** Updates y-indexeddb holds for a document on the page's origin (-1 while there is none). */
async function storedUpdates(page: Screen['page'], name: string): Promise<number> {
  return page.evaluate(async (db) => {
    const known = await indexedDB.databases()
    if (!known.some((d) => d.name === db)) return -1
    return new Promise<number>((resolve, reject) => {
      const request = indexedDB.open(db)
      request.onerror = () => reject(request.error ?? new Error('open failed'))
      request.onsuccess = () => {
        const connection = request.result
        const count = connection.transaction('updates').objectStore('updates').count()
        count.onsuccess = () => {
          connection.close()
          resolve(count.result)
        }
        count.onerror = () => reject(count.error ?? new Error('count failed'))
      }
    })
  }, name)
}
