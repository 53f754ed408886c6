// Honest signals, with a facilitator, a projector and two phones (360x740, touch): "I'm done"
// is counted on the console and the projector and can be taken back, and counts again from
// nothing when the next round opens; the countdown stops with the reveal on every screen; the
// counts say what they count; the phone's line follows the round (no "Place your dots" after
// the results); the idea field shows its count and says when the limit is reached; the lock is
// drawn, not an emoji.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../fixtures/artifacts'
import { expectNoAxeViolations } from '../fixtures/axe'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { eventually } from '../fixtures/poll'
import { useSuite } from '../fixtures/suite'
import { addDotButton } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']

const suite = useSuite()

const timer = (page: Page) => page.getByRole('timer', { name: 'Time left' })
const doneButton = (page: Page) => page.getByRole('button', { name: "I'm done", exact: true })
const undoneButton = (page: Page) =>
  page.getByRole('button', { name: "I'm not done yet", exact: true })

async function toPhase(f: Page, label: string, phones: readonly Page[]) {
  await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label }).click()
  for (const p of phones) await waitForPhase(p, label)
}

describe('honest signals', () => {
  it('counts "I\'m done" on console and projector, stops the countdown, says what it counts', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const dana = await openPhone(suite.browser, suite.server.baseURL)
    const eli = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    const d = dana.page
    const e = eli.page
    try {
      const { joinCode } = await createWorkshop(f, { title: 'Ward signals', groups: GROUPS })
      await joinWorkshop(d, { code: joinCode, name: 'Dana', group: 'Surgeons' })
      await joinWorkshop(e, { code: joinCode, name: 'Eli', group: 'Radiologists' })
      const projector = await facilitator.context.newPage()
      await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
      await projector.getByRole('heading', { name: 'Ward signals' }).waitFor({ timeout: WAIT })

      // Set-up collects nothing: no "I'm done" anywhere.
      await expect(doneButton(d).count()).resolves.toBe(0)

      await toPhase(f, 'Brainstorm', [d, e])
      await f.getByRole('spinbutton', { name: 'Minutes' }).fill('5')
      await f.getByRole('button', { name: 'Start timer' }).click()
      for (const page of [f, d, e, projector]) await timer(page).waitFor({ timeout: WAIT })

      // The idea field: several lines, its count in view, the limit said when reached.
      const box = d.getByRole('textbox', { name: 'New idea' })
      await expect(box.evaluate((el) => el.tagName)).resolves.toBe('TEXTAREA')
      await d.getByText('0 / 500', { exact: true }).waitFor({ timeout: WAIT })
      await box.fill('x'.repeat(600))
      await d.getByText('500 / 500', { exact: true }).waitFor({ timeout: WAIT })
      await d
        .getByText('That is the limit: an idea is at most 500 characters.')
        .first()
        .waitFor({ timeout: WAIT })
      await d.screenshot({ path: await artifactPath('signals/phone-idea-limit.png') })
      // Shift+Enter is a new line; Enter adds the idea.
      await box.fill('Bed board')
      await box.press('Shift+Enter')
      await box.pressSequentially('in every ward')
      await expect(box.inputValue()).resolves.toBe('Bed board\nin every ward')
      await box.press('Enter')
      await eventually(async () => expect(await box.inputValue()).toBe(''), { timeout: WAIT })
      await e.getByRole('textbox', { name: 'New idea' }).fill('Theatre list')
      await e.getByRole('textbox', { name: 'New idea' }).press('Enter')

      // Dana says she is done: the console tags her line and counts; so does the projector.
      const brainstorm = f.getByRole('list', { name: 'Brainstorm progress' })
      await doneButton(d).click()
      await undoneButton(d).waitFor({ timeout: WAIT })
      await brainstorm
        .getByRole('listitem')
        .filter({ hasText: 'Dana: 1 idea' })
        .filter({ hasText: 'done' })
        .waitFor({ timeout: WAIT })
      await f.getByText('1 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await projector.getByText('1 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await expect(
        brainstorm
          .getByRole('listitem')
          .filter({ hasText: 'Eli' })
          .filter({ hasText: 'done' })
          .count(),
      ).resolves.toBe(0)
      // And takes it back.
      await undoneButton(d).click()
      await doneButton(d).waitFor({ timeout: WAIT })
      await f.getByText('0 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await projector.getByText('0 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await doneButton(d).click()
      await doneButton(e).click()
      await f.getByText('2 of 2 done', { exact: true }).waitFor({ timeout: WAIT })

      // The reveal ends the silent round: no countdown keeps running on any screen.
      await f.getByRole('button', { name: 'Reveal ideas' }).click()
      await f.getByText('Revealed 2 ideas', { exact: true }).waitFor({ timeout: WAIT })
      for (const page of [f, d, e, projector]) {
        await timer(page).waitFor({ state: 'detached', timeout: WAIT })
      }
      await f.getByText('No timer running').waitFor({ timeout: WAIT })
      // Counts say what they count: cards on the board, drafts not yet revealed.
      await f
        .getByText('0 ideas waiting to be revealed · 2 ideas on the board', { exact: true })
        .waitFor({ timeout: WAIT })
      await projector.getByText('No drafts waiting to be revealed').waitFor({ timeout: WAIT })
      await expect(projector.getByText('No ideas drafted yet').count()).resolves.toBe(0)

      // The lock is drawn (an SVG), not an emoji that needs a font.
      await toPhase(f, 'Cluster', [d, e])
      await f.getByRole('checkbox', { name: 'Lock board' }).check()
      const locked = projector.getByText('The board is locked')
      await locked.waitFor({ timeout: WAIT })
      await expect(locked.locator('svg').count()).resolves.toBe(1)
      await expect(locked.textContent()).resolves.not.toMatch(/\p{Extended_Pictographic}/u)
      await f.getByRole('checkbox', { name: 'Lock board' }).uncheck()

      // The vote: a new step, so nobody is done with it yet.
      await toPhase(f, 'Vote', [d, e])
      await d
        .getByText('Voting opens soon: the facilitator will tell you when to place your dots.')
        .waitFor({ timeout: WAIT })
      await expect(doneButton(d).count()).resolves.toBe(0)
      await f.getByRole('button', { name: 'Open voting' }).click()
      await f.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: WAIT })
      await d.getByText('Place your dots on the items that matter most to you.').waitFor({
        timeout: WAIT,
      })
      await f.getByText('0 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await projector.getByText('0 of 2 done', { exact: true }).waitFor({ timeout: WAIT })

      // One dot is a start, not a vote: counted as placed, not as done.
      await eventually(
        async () => expect(await addDotButton(d, 'Theatre list').isEnabled()).toBe(true),
        {
          timeout: WAIT,
        },
      )
      await addDotButton(d, 'Theatre list').click()
      await f.getByText('1 of 2 participants have placed dots').waitFor({ timeout: WAIT })
      await projector
        .getByText('Voting is open: 1 of 2 participants have placed dots')
        .waitFor({ timeout: WAIT })
      await f.getByText('0 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await doneButton(d).click()
      const voting = f.getByRole('list', { name: 'Voting progress' })
      await voting
        .getByRole('listitem')
        .filter({ hasText: 'Dana: 1 of 5 dots' })
        .filter({ hasText: 'done' })
        .waitFor({ timeout: WAIT })
      await f.getByText('1 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await projector.getByText('1 of 2 done', { exact: true }).waitFor({ timeout: WAIT })
      await f.screenshot({ path: await artifactPath('signals/console-done.png'), fullPage: true })
      await expectNoAxeViolations(d, 'the phone with "I\'m done" (vote open)')

      // After the results no phone asks for dots, and "I'm done" is gone.
      await f.getByRole('button', { name: 'Close voting' }).click()
      await d.getByText('The vote has ended: the results come next.').waitFor({
        timeout: WAIT,
      })
      await expect(doneButton(e).count()).resolves.toBe(0)
      await f.getByRole('button', { name: 'Reveal results' }).click()
      for (const p of [d, e]) {
        await p.getByText('The votes are counted: see the results.').waitFor({ timeout: WAIT })
        await expect(p.getByText(/Place your dots/).count()).resolves.toBe(0)
        await expect(doneButton(p).count()).resolves.toBe(0)
        await expect(undoneButton(p).count()).resolves.toBe(0)
      }
      await expect(projector.getByText(/of 2 done/).count()).resolves.toBe(0)
    } finally {
      await eli.context.close()
      await dana.context.close()
      await facilitator.context.close()
    }
  })
})
