// axe (WCAG 2.1 A and AA, and axe's best practices) finds nothing on any view: the console,
// a phone and the projector in every phase and state of it, the start and join pages, and the
// notices a page shows instead of the workshop.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems, boardOf, cardIn, handleOf } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { addDots, waitForDotsLeft } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
/** Each state is scanned on three screens; on a busy two-core machine one scan takes seconds. */
const SCANS = 180_000
const GROUPS = ['Surgeons', 'Radiologists']
const LINK = 'https://intranet.example-hospital.org/imaging/requests/2026/backlog-review?ref=board'

const suite = useSuite()

interface Session {
  readonly f: Page
  readonly p: Page
  readonly projector: Page
  readonly workshopId: string
  readonly joinCode: string
  /** Scans the console, the phone and the projector as they are now. */
  scan(state: string): Promise<void>
  toPhase(label: string): Promise<void>
  close(): Promise<void>
}

async function session(title: string): Promise<Session> {
  const facilitator: Screen = await openFacilitator(suite.browser, suite.server.baseURL)
  const phone: Screen = await openPhone(suite.browser, suite.server.baseURL)
  const close = async () => {
    await phone.context.close()
    await facilitator.context.close()
  }
  try {
    const f = facilitator.page
    const p = phone.page
    const { workshopId, joinCode } = await createWorkshop(f, {
      title,
      groups: GROUPS,
      anonymous: false,
    })
    await addItems(f, ['Bed board', 'Theatre list', 'Discharge lounge'])
    await joinWorkshop(p, { code: joinCode, name: 'Dana', group: 'Surgeons' })
    const projector = await facilitator.context.newPage()
    await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
    await projector.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: WAIT })
    const scan = async (state: string) => {
      await expectNoAxeViolations(f, `the console (${state})`)
      await expectNoAxeViolations(p, `the phone (${state})`)
      await expectNoAxeViolations(projector, `the projector (${state})`)
    }
    const toPhase = async (label: string) => {
      await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label }).click()
      await waitForPhase(p, label)
      await projector
        .getByRole('heading', { level: 2, name: label, exact: true })
        .waitFor({ timeout: WAIT })
    }
    return { f, p, projector, workshopId, joinCode, scan, toPhase, close }
  } catch (error) {
    await close()
    throw error
  }
}

describe('axe finds no violations', () => {
  it(
    'in set-up and the brainstorm before the reveal, on every screen',
    async () => {
      const { f, p, projector, scan, toPhase, close } = await session('Theatre turnaround')
      try {
        await scan('set-up')

        await toPhase('Brainstorm')
        await scan('brainstorm, nothing written yet')
        const box = p.getByRole('textbox', { name: 'New idea' })
        await box.fill('Shorter handover')
        await box.press('Enter')
        await p.getByRole('button', { name: 'Edit draft: Shorter handover' }).waitFor()
        await f.getByRole('spinbutton', { name: 'Minutes' }).fill('0.1')
        await f.getByRole('button', { name: 'Start timer' }).click()
        await projector.getByRole('timer', { name: 'Time left' }).waitFor({ timeout: WAIT })
        await scan('brainstorm, a draft and the timer running')
        await p.getByText('Time is up — idea entry is closed').waitFor({ timeout: WAIT })
        await scan('brainstorm, time is up')
      } finally {
        await close()
      }
    },
    SCANS,
  )

  it(
    'in the brainstorm after the reveal and with open adding, on every screen',
    async () => {
      const { f, p, scan, toPhase, close } = await session('Discharge letters')
      try {
        await toPhase('Brainstorm')
        const box = p.getByRole('textbox', { name: 'New idea' })
        await box.fill('Shorter handover')
        await box.press('Enter')
        await p.getByRole('button', { name: 'Edit draft: Shorter handover' }).waitFor()
        await f.getByRole('button', { name: 'Reveal ideas' }).click()
        await p
          .getByRole('list', { name: 'Your ideas on the board' })
          .getByText('Shorter handover')
          .waitFor({ timeout: WAIT })
        await cardIn(f, 'Unclustered', 'Shorter handover').waitFor({ timeout: WAIT })
        await scan('brainstorm, revealed')
        await f.getByRole('checkbox', { name: 'Open adding' }).check()
        await p.getByRole('button', { name: 'Add to board' }).waitFor({ timeout: WAIT })
        await scan('brainstorm, open adding')
      } finally {
        await close()
      }
    },
    SCANS,
  )

  it(
    'in the cluster phase, on every screen',
    async () => {
      const { f, p, projector, scan, toPhase, close } = await session('Bed management')
      try {
        await toPhase('Cluster')
        await p.getByLabel('Name of a new cluster').fill('Staffing')
        await p.getByRole('button', { name: 'New cluster' }).click()
        await p
          .getByRole('combobox', { name: 'Move to cluster: Bed board' })
          .selectOption({ label: 'Staffing' })
        await cardIn(f, 'Staffing', 'Bed board').waitFor({ timeout: WAIT })
        await cardIn(projector, 'Staffing', 'Bed board').waitFor({ timeout: WAIT })
        await scan('cluster')

        // While a card is dragged with the keyboard its text and controls keep their contrast.
        await handleOf(f, 'Theatre list').focus()
        await f.keyboard.press('Space')
        await boardOf(f)
          .getByRole('button', { name: 'Move: Theatre list', pressed: true })
          .waitFor({ timeout: WAIT })
        await expectNoAxeViolations(f, 'the console (a card being dragged)')
        await f.keyboard.press('Escape')

        // A card with a long link stays within its column (and off its neighbours' buttons).
        await addItems(f, [LINK])
        const card = cardIn(f, 'Unclustered', LINK)
        await card.waitFor({ timeout: WAIT })
        const column = await boardOf(f).getByRole('list', { name: 'Unclustered' }).boundingBox()
        const box = await card.boundingBox()
        const text = await card.getByRole('textbox').boundingBox()
        expect(box!.x + box!.width).toBeLessThanOrEqual(column!.x + column!.width + 0.5)
        expect(text!.x + text!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5)

        await f.getByRole('checkbox', { name: 'Lock board' }).check()
        await p.getByText('The facilitator has locked the board').waitFor({ timeout: WAIT })
        await scan('cluster, locked')
      } finally {
        await close()
      }
    },
    SCANS,
  )

  it(
    'in the vote before and while it is open, on every screen',
    async () => {
      const { f, p, projector, scan, toPhase, close } = await session('Imaging backlog')
      try {
        await toPhase('Vote')
        await projector.getByText('Voting has not opened yet').waitFor({ timeout: WAIT })
        await scan('vote, not open yet')
        await f.getByRole('button', { name: 'Open voting' }).click()
        await waitForDotsLeft(p, 5, 5)
        await addDots(p, 'Theatre list', 2)
        await f.getByText('1 of 1 participants have placed dots').waitFor({ timeout: WAIT })
        await scan('vote, open')
      } finally {
        await close()
      }
    },
    SCANS,
  )

  it(
    'in the vote once it is closed and its results revealed, on every screen',
    async () => {
      const { f, p, projector, scan, toPhase, close } = await session('Scanner hours')
      try {
        await toPhase('Vote')
        await f.getByRole('button', { name: 'Open voting' }).click()
        await waitForDotsLeft(p, 5, 5)
        await addDots(p, 'Theatre list', 2)
        await f.getByRole('button', { name: 'Close voting' }).click()
        await p.getByText('Voting is closed').waitFor({ timeout: WAIT })
        await scan('vote, closed')
        await f.getByRole('button', { name: 'Change settings and reopen' }).click()
        await expectNoAxeViolations(f, 'the console (vote, changing the settings to reopen)')
        await f.getByRole('button', { name: 'Keep the sealed settings' }).click()
        await f.getByRole('button', { name: 'Reveal results' }).click()
        for (const page of [f, p, projector]) {
          await page.getByRole('img', { name: /^Dots per item/ }).waitFor({ timeout: WAIT })
        }
        await scan('vote, results revealed')
      } finally {
        await close()
      }
    },
    SCANS,
  )

  it(
    'in the later phases, on the start and join pages, and on every notice',
    async () => {
      const { f, p, projector, workshopId, joinCode, scan, toPhase, close } =
        await session('Imaging investment')
      const stranger = await openPhone(suite.browser, suite.server.baseURL)
      try {
        for (const phase of ['Impact vs effort', 'Weigh', 'Decide']) {
          await toPhase(phase)
          await scan(phase)
        }
        // The start page of a device that has joined: its workshops are listed.
        await p.goto('/')
        await p.getByRole('heading', { name: 'Your workshops on this device' }).waitFor()
        await expectNoAxeViolations(p, 'the start page with this device’s workshops')
        await p.goto(`/w/${workshopId}`)
        await waitForPhase(p, 'Decide')
        await f.getByRole('button', { name: 'Delete workshop' }).click()
        await expectNoAxeViolations(f, 'the console (confirming the deletion)')

        const s = stranger.page
        await s.goto(`/j/${joinCode}`)
        await s.getByLabel('Your name').waitFor({ timeout: WAIT })
        await expectNoAxeViolations(s, 'the join page')
        await s.goto(`/w/${workshopId}`)
        await s.getByRole('heading', { name: /not joined this workshop/ }).waitFor()
        await expectNoAxeViolations(s, 'a workshop not joined on this device')
        await s.goto(`/w/${workshopId}/board`)
        await s.getByRole('heading', { name: /Open the projector view/ }).waitFor()
        await expectNoAxeViolations(s, 'the projector view without a session')
        await s.goto(`/w/${workshopId}/facilitate`)
        await s.getByRole('heading', { name: 'This page is for the facilitator' }).waitFor()
        await expectNoAxeViolations(s, 'the console without a session')
        await s.goto('/j/ZZZZZZ')
        await s.getByRole('heading', { name: 'Cannot join' }).waitFor({ timeout: WAIT })
        await expectNoAxeViolations(s, 'a join code that does not exist')
        await s.goto('/nowhere')
        await s.getByRole('heading', { name: 'Page not found' }).waitFor()
        await expectNoAxeViolations(s, 'a page that does not exist')

        // Deleted: the console goes to the start page (with the workshops of this device), the
        // phone and the projector say it is gone.
        await f.getByRole('button', { name: 'Delete permanently' }).click()
        await f.waitForURL((url) => url.pathname === '/', { timeout: WAIT })
        await expectNoAxeViolations(f, 'the start page')
        await p.getByText('This workshop has been deleted.').waitFor({ timeout: WAIT })
        await expectNoAxeViolations(p, 'the phone once the workshop is deleted')
        await projector.getByText('This workshop has been deleted.').waitFor({ timeout: WAIT })
        await expectNoAxeViolations(projector, 'the projector once the workshop is deleted')
      } finally {
        await stranger.context.close()
        await close()
      }
    },
    SCANS,
  )
})
