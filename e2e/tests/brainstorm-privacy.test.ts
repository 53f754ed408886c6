// Silent brainstorming keeps an idea's text on the author's device and the server until the
// facilitator reveals it: every websocket frame the other phone and the facilitator receive is
// searched for the text, byte by byte. After the reveal it is on both boards, attributed or
// anonymous as the workshop says.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { captureFrames } from '../fixtures/frames'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'
import { eventually } from '../fixtures/poll'

const GROUPS = ['Surgeons', 'Radiologists']
const WAIT = 15_000

const suite = useSuite()

/** A marker no page would show or send by chance. */
const marker = (label: string) =>
  `${label}${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`

/** The card holding `text` on a phone's board (a list of cards, no other card's text inside). */
const phoneCard = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Board' }).getByRole('listitem').filter({ hasText: text })

/** The card `text` on the facilitator's board, found by its drag handle. */
const desktopCard = (page: Page, text: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `Move: ${text}`, exact: true }) })

/** The facilitator's progress line of one participant. */
const progressLine = (page: Page, line: string) =>
  page
    .getByRole('list', { name: 'Brainstorm progress' })
    .getByRole('listitem')
    .filter({ hasText: line })

async function openAll(): Promise<{ facilitator: Screen; a: Screen; b: Screen }> {
  return {
    facilitator: await openFacilitator(suite.browser, suite.server.baseURL),
    a: await openPhone(suite.browser, suite.server.baseURL),
    b: await openPhone(suite.browser, suite.server.baseURL),
  }
}

async function closeAll(screens: { facilitator: Screen; a: Screen; b: Screen }) {
  for (const s of [screens.a, screens.b, screens.facilitator]) await s.context.close()
}

async function startBrainstorm(
  facilitator: Page,
  phones: { a: Page; b: Page },
  code: string,
  nameA: string,
) {
  await joinWorkshop(phones.a, { code, name: nameA, group: 'Surgeons' })
  await joinWorkshop(phones.b, { code, name: 'Eli Brandt', group: 'Radiologists' })
  await facilitator.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
  await Promise.all([waitForPhase(phones.a, 'Brainstorm'), waitForPhase(phones.b, 'Brainstorm')])
}

/** Adds a draft on phone A the way a participant does: type, Enter. */
async function addDraft(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'New idea' })
  await box.fill(text)
  await box.press('Enter')
  await page
    .getByRole('list', { name: 'Your drafts' })
    .getByRole('listitem')
    .filter({ hasText: text })
    .waitFor({ timeout: WAIT })
  // Fast entry: the box is empty again and still has the focus for the next idea.
  await expect(box.inputValue()).resolves.toBe('')
  await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
}

describe('silent brainstorm privacy', () => {
  it('a draft reaches no other device before the reveal, then both boards, attributed', async () => {
    const screens = await openAll()
    const { facilitator, a, b } = screens
    // Before any page opens a socket: Playwright reports only sockets opened after this.
    const seenByB = captureFrames(b.page)
    const seenByFacilitator = captureFrames(facilitator.page)
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Theatre lists',
        groups: GROUPS,
        anonymous: false,
      })
      await startBrainstorm(facilitator.page, { a: a.page, b: b.page }, joinCode, 'Dana Quill')
      expect(seenByB.sockets()).toBeGreaterThan(0)
      expect(seenByFacilitator.sockets()).toBeGreaterThan(0)

      const secret = marker('SecretIdea')
      const kept = `Start theatre lists earlier ${secret}`
      const edited = `${kept} on Mondays`
      const discarded = marker('Discarded')
      // An empty idea is refused on the phone, with the reason.
      await a.page.getByRole('button', { name: 'Add idea' }).click()
      await a.page.getByRole('alert').filter({ hasText: 'An idea cannot be empty' }).waitFor()

      await addDraft(a.page, kept)
      await addDraft(a.page, `Buy a second scanner ${discarded}`)
      await progressLine(facilitator.page, 'Dana Quill: 2 ideas').waitFor({ timeout: WAIT })

      // Edit one draft, delete the other.
      await a.page.getByRole('button', { name: `Edit draft: ${kept}` }).click()
      await a.page.getByRole('textbox', { name: 'Edit draft' }).fill(edited)
      await a.page.getByRole('button', { name: 'Save' }).click()
      await a.page.getByRole('button', { name: `Edit draft: ${edited}` }).waitFor()
      await a.page
        .getByRole('button', { name: `Delete draft: Buy a second scanner ${discarded}` })
        .click()
      // The server has A's drafts (it counts them for the facilitator): one left.
      await progressLine(facilitator.page, 'Dana Quill: 1 idea').waitFor({ timeout: WAIT })
      await expect(
        a.page.getByRole('list', { name: 'Your drafts' }).getByRole('listitem').count(),
      ).resolves.toBe(1)

      // Only counts reached anyone else, never the text, also not on the facilitator's screen.
      expect(seenByB.contains(secret)).toBe(false)
      expect(seenByFacilitator.contains(secret)).toBe(false)
      expect(seenByB.contains(discarded)).toBe(false)
      expect(seenByFacilitator.contains(discarded)).toBe(false)
      await expect(facilitator.page.getByText(secret).count()).resolves.toBe(0)

      await facilitator.page.getByRole('button', { name: 'Reveal ideas' }).click()

      // On both boards, with the author, since this workshop is not anonymous.
      const onB = phoneCard(b.page, edited)
      await onB.waitFor({ timeout: WAIT })
      await expect(onB.textContent()).resolves.toContain('Dana Quill')
      await desktopCard(facilitator.page, edited).waitFor({ timeout: WAIT })
      expect(seenByB.contains(secret)).toBe(true)
      expect(seenByFacilitator.contains(secret)).toBe(true)
      // Attributed: the author travels with the idea (what the anonymous test rules out).
      expect(seenByB.framesWith(secret).some((f) => f.includes('Dana Quill'))).toBe(true)

      // The deleted draft was never revealed.
      expect(seenByB.contains(discarded)).toBe(false)
      expect(seenByFacilitator.contains(discarded)).toBe(false)

      // A's drafts became A's ideas on the board; B has none.
      const own = a.page.getByRole('list', { name: 'Your ideas on the board' })
      await own.getByRole('listitem').filter({ hasText: edited }).waitFor({ timeout: WAIT })
      await expect(a.page.getByRole('list', { name: 'Your drafts' }).count()).resolves.toBe(0)
      await expect(
        b.page.getByRole('list', { name: 'Your ideas on the board' }).count(),
      ).resolves.toBe(0)

      // A withdraws it: gone from B's board too.
      await a.page.getByRole('button', { name: `Withdraw idea: ${edited}` }).click()
      await eventually(async () => expect(await b.page.getByText(edited).count()).toBe(0))
    } finally {
      await closeAll(screens)
    }
  })

  it('with anonymity on, nothing in the revealed idea says who wrote it', async () => {
    const screens = await openAll()
    const { facilitator, a, b } = screens
    const seenByB = captureFrames(b.page)
    const seenByFacilitator = captureFrames(facilitator.page)
    try {
      // The landing form keeps ideas anonymous unless told otherwise.
      const { joinCode, workshopId } = await createWorkshop(facilitator.page, {
        title: 'Imaging backlog',
        groups: GROUPS,
      })
      const nameA = 'Priya Okonkwo'
      await startBrainstorm(facilitator.page, { a: a.page, b: b.page }, joinCode, nameA)
      const participantId = await a.page.evaluate(
        (key) =>
          (JSON.parse(localStorage.getItem(key) ?? '{}') as { participantId?: string })
            .participantId,
        `triage:session:${workshopId}`,
      )
      expect(participantId).toMatch(/^[A-Za-z0-9_-]{8,}$/)

      const secret = marker('AnonIdea')
      const text = `Shared reporting rota ${secret}`
      await addDraft(a.page, text)
      await progressLine(facilitator.page, `${nameA}: 1 idea`).waitFor({ timeout: WAIT })
      expect(seenByB.contains(secret)).toBe(false)
      expect(seenByFacilitator.contains(secret)).toBe(false)

      await facilitator.page.getByRole('button', { name: 'Reveal ideas' }).click()
      const onB = phoneCard(b.page, text)
      await onB.waitFor({ timeout: WAIT })
      await desktopCard(facilitator.page, text).waitFor({ timeout: WAIT })

      // No frame that carries the idea carries an identifier of its author.
      for (const capture of [seenByB, seenByFacilitator]) {
        const carriers = capture.framesWith(secret)
        expect(carriers.length).toBeGreaterThan(0)
        for (const frame of carriers) {
          expect(frame.includes(participantId!)).toBe(false)
          expect(frame.includes(nameA)).toBe(false)
        }
      }
      // Nor does the card.
      await expect(onB.textContent()).resolves.not.toContain(nameA)
      await expect(desktopCard(facilitator.page, text).textContent()).resolves.not.toContain(nameA)
      // A still knows it is theirs.
      await a.page
        .getByRole('list', { name: 'Your ideas on the board' })
        .getByRole('listitem')
        .filter({ hasText: text })
        .waitFor({ timeout: WAIT })
    } finally {
      await closeAll(screens)
    }
  })
})

describe('the brainstorm timer on a phone', () => {
  it('a stop timer closes idea entry at zero, and more time opens it again', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { joinCode, workshopId } = await createWorkshop(facilitator.page, {
        title: 'Clinic letters',
        groups: GROUPS,
      })
      await joinWorkshop(phone.page, { code: joinCode, name: 'Dana', group: 'Surgeons' })
      await facilitator.page.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
      await waitForPhase(phone.page, 'Brainstorm')
      await addDraft(phone.page, 'Template for discharge letters')

      // A short timer through the API (the console's smallest step is a minute).
      const token = await facilitator.page.evaluate(
        (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token,
        `triage:session:${workshopId}`,
      )
      const timer = (data: object) =>
        facilitator.page.request.post(`/api/workshops/${workshopId}/timer`, {
          headers: { authorization: `Bearer ${token}` },
          data,
        })
      expect((await timer({ action: 'start', seconds: 3, onZero: 'stop' })).status()).toBe(204)

      const box = phone.page.getByRole('textbox', { name: 'New idea' })
      await phone.page.getByRole('timer', { name: 'Time left' }).waitFor({ timeout: WAIT })
      await expect(box.isEnabled()).resolves.toBe(true)
      await eventually(async () => expect(await box.isDisabled()).toBe(true), { timeout: WAIT })
      await phone.page.getByText('idea entry is closed').waitFor()
      await expect(phone.page.getByRole('button', { name: 'Add idea' }).isDisabled()).resolves.toBe(
        true,
      )
      await expect(
        phone.page
          .getByRole('button', { name: 'Edit draft: Template for discharge letters' })
          .isDisabled(),
      ).resolves.toBe(true)

      expect((await timer({ action: 'add', seconds: 60 })).status()).toBe(204)
      await eventually(async () => expect(await box.isEnabled()).toBe(true), { timeout: WAIT })
      await addDraft(phone.page, 'Shorter clinic letters')
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})

describe('open adding on a phone', () => {
  it('an idea added with "Add to board" is on the other phone at once, and stays the author\'s', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const a = await openPhone(suite.browser, suite.server.baseURL)
    const b = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Bed management',
        groups: GROUPS,
      })
      await startBrainstorm(facilitator.page, { a: a.page, b: b.page }, joinCode, 'Dana')
      await facilitator.page.getByRole('checkbox', { name: 'Open adding' }).check()
      const add = a.page.getByRole('button', { name: 'Add to board' })
      await add.waitFor({ timeout: WAIT })
      // The phase line no longer promises privacy.
      await a.page.getByText('Everyone sees them at once').waitFor()

      const text = `Discharge lounge ${marker('Open')}`
      const box = a.page.getByRole('textbox', { name: 'New idea' })
      await box.fill(text)
      await add.click()
      await eventually(async () => expect(await box.inputValue()).toBe(''), { timeout: WAIT })
      await phoneCard(b.page, text).waitFor({ timeout: WAIT })
      await a.page
        .getByRole('list', { name: 'Your ideas on the board' })
        .getByRole('listitem')
        .filter({ hasText: text })
        .waitFor({ timeout: WAIT })

      // Back to silent drafting while A is typing: what A typed stays, and becomes a draft.
      await box.fill('Half-written thought')
      await facilitator.page.getByRole('checkbox', { name: 'Open adding' }).uncheck()
      await a.page.getByRole('button', { name: 'Add idea' }).click({ timeout: WAIT })
      await a.page
        .getByRole('list', { name: 'Your drafts' })
        .getByRole('listitem')
        .filter({ hasText: 'Half-written thought' })
        .waitFor({ timeout: WAIT })
    } finally {
      for (const s of [a, b, facilitator]) await s.context.close()
    }
  })
})
