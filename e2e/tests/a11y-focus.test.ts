// Focus that stays put (WCAG 2.4.3) and a visible focus ring (1.4.11): after each page change
// the focus is on the new page's main heading; after each action that removes or disables its
// button it lands on the next meaningful place, never on the page; and the ring, read from the
// computed styles, contrasts at least 3:1 with what is around it on every kind of control.
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { contrast, focusRingOf, waitForFocus } from '../fixtures/a11y'
import { addItems, boardOf, handleOf, keyboardDragReady } from '../fixtures/board'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { addDotButton, removeDotButton, waitForDotsLeft, waitForOwnDots } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase, waitForStatus } from '../fixtures/workshop'
import { eventually } from '../fixtures/poll'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']

const suite = useSuite()

/** Presses `target` with the keyboard, as a keyboard or switch user does. */
async function pressWithKeyboard(target: Locator): Promise<void> {
  await target.focus()
  await target.page().keyboard.press('Enter')
}

async function toPhase(f: Page, phone: Page, label: string) {
  await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label }).click()
  await waitForPhase(phone, label)
}

describe('focus that stays put', () => {
  it('after each page change the focus is on the new page’s main heading', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    const p = phone.page
    const title = 'Ward rounds'
    try {
      // Creating a workshop opens its console.
      await f.goto('/')
      await f.getByLabel('Title', { exact: true }).fill(title)
      await f.getByLabel('Stakeholder groups').fill(GROUPS.join('\n'))
      await pressWithKeyboard(f.getByRole('button', { name: 'Create workshop' }))
      await f.waitForURL(/\/facilitate$/, { timeout: WAIT })
      await waitForFocus(f.getByRole('heading', { level: 1, name: title }))
      const link = await eventually(async () => {
        const value = await f.getByLabel('Join link').inputValue()
        if (!value.includes('/j/')) throw new Error('no join link yet')
        return value
      })
      const code = decodeURIComponent(new URL(link).pathname.split('/').pop() ?? '')

      // The two join steps: the code on the start page, then name and group.
      await p.goto('/')
      await p.getByLabel('Join code').fill(code)
      await p.getByLabel('Join code').press('Enter')
      await p.waitForURL(/\/j\//, { timeout: WAIT })
      await waitForFocus(p.getByRole('heading', { level: 1, name: title }))
      await p.getByLabel('Your name').fill('Dana')
      await p.getByRole('radio', { name: 'Surgeons', exact: true }).check()
      await pressWithKeyboard(p.getByRole('button', { name: 'Join', exact: true }))
      await p.waitForURL(/\/w\/[A-Za-z0-9_-]+$/, { timeout: WAIT })
      await p.getByText('You are Dana · Surgeons').waitFor({ timeout: WAIT })
      await waitForFocus(p.getByRole('heading', { level: 1, name: title }))

      // A link within the app is a page change too.
      await p.goto(new URL(f.url()).pathname)
      await p.getByRole('heading', { name: 'This page is for the facilitator' }).waitFor()
      await pressWithKeyboard(p.getByRole('link', { name: 'Go to your workshop view' }))
      await waitForPhase(p, 'Set-up')
      await waitForFocus(p.getByRole('heading', { level: 1, name: title }))
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('after each action that removes or disables its button, the focus lands somewhere meaningful', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    const p = phone.page
    try {
      const { joinCode } = await createWorkshop(f, { title: 'Imaging backlog', groups: GROUPS })
      await addItems(f, ['Bed board', 'Theatre list'])
      await joinWorkshop(p, { code: joinCode, name: 'Dana', group: 'Surgeons' })
      await toPhase(f, p, 'Brainstorm')

      // 1. Start timer: still there, so the focus stays on it (not on the page meanwhile).
      const start = f.getByRole('button', { name: 'Start timer' })
      await pressWithKeyboard(start)
      await f.getByRole('timer', { name: 'Time left' }).waitFor({ timeout: WAIT })
      await waitForFocus(start)
      // Clear timer disables itself: the focus goes to the new status.
      await pressWithKeyboard(f.getByRole('button', { name: 'Clear timer' }))
      await waitForFocus(f.getByText('No timer running', { exact: true }))

      // 2. Reveal ideas: stays, for the next round.
      const box = p.getByRole('textbox', { name: 'New idea' })
      await box.fill('Shorter handover')
      await box.press('Enter')
      const reveal = f.getByRole('button', { name: 'Reveal ideas' })
      await pressWithKeyboard(reveal)
      await f.getByText('Revealed 1 idea', { exact: true }).waitFor({ timeout: WAIT })
      await waitForFocus(reveal)

      await toPhase(f, p, 'Vote')
      // 3. Open voting: its button goes; the status line says voting is open.
      await pressWithKeyboard(f.getByRole('button', { name: 'Open voting' }))
      await waitForFocus(f.getByText('Voting is open: participants are placing their dots.'))

      // 8. The phone's last "Remove a dot" of an item disables it: the focus goes to "Add a
      // dot" beside it; and the other way round at the most dots one item may have.
      await waitForDotsLeft(p, 5, 5)
      await pressWithKeyboard(addDotButton(p, 'Bed board'))
      await waitForOwnDots(p, 'Bed board', 1)
      await pressWithKeyboard(removeDotButton(p, 'Bed board'))
      await waitForOwnDots(p, 'Bed board', 0)
      await expect(removeDotButton(p, 'Bed board').isDisabled()).resolves.toBe(true)
      await waitForFocus(addDotButton(p, 'Bed board'))
      for (let dots = 1; dots <= 3; dots++) {
        await p.keyboard.press('Enter')
        await waitForOwnDots(p, 'Bed board', dots)
      }
      await expect(addDotButton(p, 'Bed board').isDisabled()).resolves.toBe(true)
      await waitForFocus(removeDotButton(p, 'Bed board'))

      // 4. Close voting: the status line says the votes are sealed.
      await pressWithKeyboard(f.getByRole('button', { name: 'Close voting' }))
      await waitForFocus(f.getByText('Voting is closed: the votes are sealed.'))
      // 5. Reveal results: the results' heading.
      await pressWithKeyboard(f.getByRole('button', { name: 'Reveal results' }))
      await waitForFocus(f.getByRole('heading', { name: 'Vote results' }))

      // Closing to newcomers disables its button: the status line says what it did.
      await pressWithKeyboard(f.getByRole('button', { name: 'Close to new participants' }))
      await waitForFocus(f.getByText('Closed: the join code no longer admits anyone new.'))
      // 6. Delete workshop: the confirmation question. 7. Keep the workshop: back.
      await pressWithKeyboard(f.getByRole('button', { name: 'Delete workshop' }))
      await waitForFocus(f.getByText('Delete this workshop and everything anyone wrote in it'))
      await pressWithKeyboard(f.getByRole('button', { name: 'Keep the workshop' }))
      await waitForFocus(f.getByRole('button', { name: 'Delete workshop' }))
      // Deleting it: a page change, to the start page's heading.
      await pressWithKeyboard(f.getByRole('button', { name: 'Delete workshop' }))
      await pressWithKeyboard(f.getByRole('button', { name: 'Delete permanently' }))
      await f.waitForURL((url) => url.pathname === '/', { timeout: WAIT })
      await waitForFocus(
        f.getByRole('heading', { level: 1, name: 'Decide together what to build next' }),
      )
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})

/** The ring is drawn, solid, at least 2 px, and at least 3:1 against both its neighbours. */
async function expectVisibleRing(what: string, target: Locator) {
  const ring = await focusRingOf(target)
  expect(ring.visible, `${what}: :focus-visible`).toBe(true)
  expect(ring.outlineStyle, `${what}: outline style`).toBe('solid')
  expect(ring.outlineWidth, `${what}: outline width`).toBeGreaterThanOrEqual(2)
  // Outside: the surface the control sits on.
  expect(contrast(ring.ring, ring.outside), `${what}: ring against the surface`).toBeGreaterThan(3)
  // Inside: the halo between ring and control, or the control itself.
  const inner = ring.halo ?? ring.control
  expect(contrast(ring.ring, inner), `${what}: ring against its inner edge`).toBeGreaterThan(3)
  // And the indicator stands out from the control (a coloured button, a white field).
  const fromControl = Math.max(
    contrast(ring.ring, ring.control),
    ring.halo ? contrast(ring.halo, ring.control) : 0,
  )
  expect(fromControl, `${what}: indicator against the control`).toBeGreaterThan(3)
}

describe('a visible focus ring', () => {
  it('contrasts at least 3:1 on every kind of control, on light surfaces and coloured buttons', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    const p = phone.page
    try {
      const { joinCode } = await createWorkshop(f, { title: 'Ward flow', groups: GROUPS })
      await addItems(f, ['Bed board', 'Theatre list'])
      // The start page's link and a join page's radio choices, on the phone.
      await p.goto(`/j/${joinCode}`)
      await expectVisibleRing('link', p.getByRole('link', { name: 'Triage Board' }))
      await expectVisibleRing('text field', p.getByLabel('Your name'))
      await expectVisibleRing('radio choice', p.getByRole('radio', { name: 'Surgeons' }))
      await expectVisibleRing('primary button (phone)', p.getByRole('button', { name: 'Join' }))
      await joinWorkshop(p, { code: joinCode, name: 'Dana', group: 'Surgeons' })

      // The console in set-up.
      await expectVisibleRing('primary button', f.getByRole('button', { name: /^Next phase/ }))
      await expectVisibleRing('button', f.getByRole('button', { name: 'Copy link' }))
      await expectVisibleRing('link as a button', f.getByRole('link', { name: /projector/ }))
      await expectVisibleRing('danger button', f.getByRole('button', { name: 'Delete workshop' }))
      await expectVisibleRing(
        'phase step',
        f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: 'Vote' }),
      )
      await expectVisibleRing('text area', f.getByLabel('Items, one a line'))
      await expectVisibleRing('file field', f.getByLabel('Import CSV'))

      await toPhase(f, p, 'Brainstorm')
      await expectVisibleRing('number field', f.getByRole('spinbutton', { name: 'Minutes' }))
      await expectVisibleRing('list', f.getByRole('combobox', { name: 'At zero' }))
      await expectVisibleRing('checkbox', f.getByRole('checkbox', { name: 'Open adding' }))
      await expectVisibleRing('disclosure', f.getByText(/^Invite participants/))

      await toPhase(f, p, 'Cluster')
      await expectVisibleRing('drag handle', handleOf(f, 'Bed board'))
      await expectVisibleRing(
        'card text',
        boardOf(f).getByRole('textbox', { name: 'Edit idea: Bed board' }),
      )
      await expectVisibleRing(
        'merge list',
        boardOf(f).getByRole('combobox', { name: 'Merge: Bed board' }),
      )
      await expectVisibleRing(
        'small danger button',
        boardOf(f).getByRole('button', { name: 'Delete idea: Bed board' }),
      )
      await expectVisibleRing(
        'phone list',
        p.getByRole('combobox', { name: 'Move to cluster: Bed board' }),
      )

      await toPhase(f, p, 'Vote')
      await expectVisibleRing(
        'radio choice (console)',
        f.getByRole('radio', { name: 'Ideas', exact: true }),
      )
      await f.getByRole('button', { name: 'Open voting' }).click()
      await waitForStatus(p, 'Connected')
      await waitForDotsLeft(p, 5, 5)
      await expectVisibleRing('dot button (primary)', addDotButton(p, 'Bed board'))
      await addDotButton(p, 'Bed board').click()
      await waitForOwnDots(p, 'Bed board', 1)
      await expectVisibleRing('dot button', removeDotButton(p, 'Bed board'))
      await f.getByRole('button', { name: 'Close voting' }).click()
      await f.getByRole('button', { name: 'Reveal results' }).click()
      await expectVisibleRing(
        'scrollable table',
        f.getByRole('region', { name: 'Results', exact: true }),
      )
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})

describe('less motion when the system asks for it', () => {
  it('a card moved with the keyboard jumps to the next column instead of sliding', async () => {
    const context = await suite.browser.newContext({
      baseURL: suite.server.baseURL,
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    })
    const f = await context.newPage()
    try {
      await createWorkshop(f, { title: 'Calm board', groups: GROUPS })
      await addItems(f, ['Bed board', 'Theatre list'])
      await f.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
      await f.getByRole('button', { name: 'Next phase: Cluster' }).click()
      await boardOf(f).getByRole('button', { name: 'New cluster' }).click()
      await boardOf(f)
        .getByRole('textbox', { name: /^Cluster name: / })
        .waitFor({ timeout: WAIT })

      await handleOf(f, 'Bed board').focus()
      await f.keyboard.press('Space')
      await boardOf(f)
        .getByRole('button', { name: 'Move: Bed board', pressed: true })
        .waitFor({ timeout: WAIT })
      await keyboardDragReady(f)
      await f.keyboard.press('ArrowRight')
      // The card under the keyboard (dnd-kit's overlay) moves without a transition; so does
      // everything else on the page.
      const longest = await f.evaluate(() => {
        const seconds = (list: string) => Math.max(...list.split(',').map((s) => parseFloat(s)))
        let most = 0
        for (const el of Array.from(document.querySelectorAll('*'))) {
          const style = getComputedStyle(el)
          most = Math.max(most, seconds(style.transitionDuration), seconds(style.animationDuration))
        }
        return most
      })
      expect(longest).toBeLessThanOrEqual(0.00001)
      await f.keyboard.press('Escape')
    } finally {
      await context.close()
    }
  })
})
