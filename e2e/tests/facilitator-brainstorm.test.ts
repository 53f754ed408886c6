// The facilitator's brainstorm and cluster controls against a real server and a real phone:
// the shared countdown, what happens at zero, progress and reveal, candidate items, the lock.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { eventually } from '../fixtures/poll'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const GROUPS = ['Surgeons', 'Radiologists']
const WAIT = 15_000

const suite = useSuite()

/** A workshop with Dana's phone joined, both screens open. */
async function session(title: string): Promise<{ facilitator: Screen; phone: Screen }> {
  const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
  const phone = await openPhone(suite.browser, suite.server.baseURL)
  const { joinCode } = await createWorkshop(facilitator.page, { title, groups: GROUPS })
  await joinWorkshop(phone.page, { code: joinCode, name: 'Dana', group: 'Surgeons' })
  return { facilitator, phone }
}

async function toPhase(facilitator: Page, phone: Page, label: string) {
  await facilitator
    .getByRole('list', { name: 'Phases' })
    .getByRole('button', { name: label })
    .click()
  await waitForPhase(phone, label)
}

const timer = (page: Page) => page.getByRole('timer', { name: 'Time left' })

/** Seconds shown by a m:ss countdown. */
function seconds(text: string | null): number {
  const m = /^(\d+):(\d{2})$/.exec(text?.trim() ?? '')
  if (!m) throw new Error(`not a m:ss countdown: ${JSON.stringify(text)}`)
  return Number(m[1]) * 60 + Number(m[2])
}

const unique = () => Math.random().toString(36).slice(2, 8)

describe('facilitator brainstorm controls', () => {
  it('every device shows the same countdown; adding a minute and clearing reach the phone', async () => {
    const { facilitator, phone } = await session('Theatre turnaround')
    const f = facilitator.page
    try {
      await toPhase(f, phone.page, 'Brainstorm')
      await expect(f.getByRole('spinbutton', { name: 'Minutes' }).inputValue()).resolves.toBe('5')
      await expect(timer(phone.page).count()).resolves.toBe(0)

      // Nonsense is refused in the page, with a message.
      await f.getByRole('spinbutton', { name: 'Minutes' }).fill('0')
      await f.getByRole('button', { name: 'Start timer' }).click()
      await f.getByRole('alert').filter({ hasText: 'from 0.1 to 60' }).waitFor({ timeout: WAIT })

      await f.getByRole('spinbutton', { name: 'Minutes' }).fill('2')
      await f.getByRole('combobox', { name: 'At zero' }).selectOption({ label: 'Only notify' })
      await f.getByRole('button', { name: 'Start timer' }).click()
      await timer(f).waitFor({ timeout: WAIT })
      await timer(phone.page).waitFor({ timeout: WAIT })
      await expect(
        f.getByRole('alert').filter({ hasText: 'from 0.1 to 60' }).count(),
      ).resolves.toBe(0)

      // Read both at (nearly) the same moment: they run on server time, so they agree.
      const [onLaptop, onPhone] = await Promise.all([
        timer(f).textContent(),
        timer(phone.page).textContent(),
      ])
      const a = seconds(onLaptop)
      const b = seconds(onPhone)
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1)
      expect(a).toBeGreaterThan(100)
      expect(a).toBeLessThanOrEqual(120)

      await f.getByRole('button', { name: 'Add 1 minute' }).click()
      await eventually(async () =>
        expect(seconds(await timer(phone.page).textContent())).toBeGreaterThan(160),
      )
      await eventually(async () =>
        expect(seconds(await timer(f).textContent())).toBeGreaterThan(160),
      )

      await f.getByRole('button', { name: 'Clear timer' }).click()
      await timer(phone.page).waitFor({ state: 'detached', timeout: WAIT })
      await timer(f).waitFor({ state: 'detached', timeout: WAIT })
      await f.getByText('No timer running').waitFor()
      await expect(f.getByRole('button', { name: 'Clear timer' }).isDisabled()).resolves.toBe(true)
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('at zero "Only notify" keeps idea entry open and "Stop input" closes it; progress and reveal', async () => {
    const { facilitator, phone } = await session('Discharge letters')
    const f = facilitator.page
    const p = phone.page
    const newIdea = p.getByRole('textbox', { name: 'New idea' })
    const progress = f.getByRole('list', { name: 'Brainstorm progress' })
    try {
      await toPhase(f, p, 'Brainstorm')
      await progress.getByRole('listitem').filter({ hasText: 'Dana: 0 ideas' }).waitFor()

      // 0.1 minutes is six seconds: short enough to see what happens at zero.
      await f.getByRole('spinbutton', { name: 'Minutes' }).fill('0.1')
      await f.getByRole('combobox', { name: 'At zero' }).selectOption({ label: 'Only notify' })
      await f.getByRole('button', { name: 'Start timer' }).click()
      await timer(p).waitFor({ timeout: WAIT })
      await p.getByText('Time is up', { exact: true }).waitFor({ timeout: WAIT })
      await expect(timer(p).textContent()).resolves.toBe('0:00')
      await expect(newIdea.isEnabled()).resolves.toBe(true)

      // Still writing after zero: the server takes the draft and counts it (never its text).
      const marker = `notify-${unique()}`
      await newIdea.fill(`Shorter handover ${marker}`)
      await p.getByRole('button', { name: 'Add idea' }).click()
      await p
        .getByRole('list', { name: 'Your drafts' })
        .getByText(`Shorter handover ${marker}`)
        .waitFor({ timeout: WAIT })
      await progress
        .getByRole('listitem')
        .filter({ hasText: 'Dana: 1 idea' })
        .waitFor({ timeout: WAIT })
      await expect(f.getByText(marker).count()).resolves.toBe(0)

      await f.getByRole('combobox', { name: 'At zero' }).selectOption({ label: 'Stop input' })
      await f.getByRole('button', { name: 'Start timer' }).click()
      await p.getByText('Time is up — idea entry is closed').waitFor({ timeout: WAIT })
      await eventually(async () => expect(await newIdea.isDisabled()).toBe(true))

      // Clearing the timer opens entry again.
      await f.getByRole('button', { name: 'Clear timer' }).click()
      await timer(p).waitFor({ state: 'detached', timeout: WAIT })
      await eventually(async () => expect(await newIdea.isEnabled()).toBe(true))

      await f.getByRole('button', { name: 'Reveal ideas' }).click()
      await f.getByText('Revealed 1 idea', { exact: true }).waitFor({ timeout: WAIT })
      await f.getByText(`Shorter handover ${marker}`).first().waitFor({ timeout: WAIT })
      await progress.getByRole('listitem').filter({ hasText: 'Dana: 1 idea' }).waitFor()
      // The reveal message is a polite live region, not a second connection status.
      await expect(
        f.getByRole('status').filter({ hasText: 'Revealed 1 idea' }).count(),
      ).resolves.toBe(0)
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('pasted and imported items reach both boards in the cluster phase; the lock reaches the phone', async () => {
    const { facilitator, phone } = await session('Imaging requests')
    const f = facilitator.page
    const p = phone.page
    const tag = unique()
    const items = [
      `Auto-protocol CT ${tag}`,
      `Priority flags ${tag}`,
      `Portable X-ray queue ${tag}`,
    ]
    try {
      await toPhase(f, p, 'Brainstorm')

      await f.getByRole('button', { name: 'Add items' }).click()
      await f.getByRole('alert').filter({ hasText: 'Write at least one item' }).waitFor()

      await f.getByRole('textbox', { name: 'Items, one a line' }).fill(items.join('\n'))
      await f.getByRole('button', { name: 'Add items' }).click()
      await f.getByText('Added 3 items', { exact: true }).waitFor({ timeout: WAIT })
      await expect(
        f.getByRole('textbox', { name: 'Items, one a line' }).inputValue(),
      ).resolves.toBe('')

      // A CSV with a header: the "Item" column is used; a repeat of a line is skipped.
      const csvItem = `Reporting turnaround ${tag}`
      await f.getByLabel('Import CSV').setInputFiles({
        name: 'items.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`Owner,Item\nEli,${csvItem}\nAnn,${csvItem}\n`, 'utf8'),
      })
      await f.getByText('Added 1 item (1 skipped)', { exact: true }).waitFor({ timeout: WAIT })

      await toPhase(f, p, 'Cluster')
      const facilitatorBoard = f.getByRole('region', { name: 'Board', exact: true })
      const phoneBoard = p.getByRole('region', { name: 'Board', exact: true })
      for (const text of [...items, csvItem]) {
        await facilitatorBoard.getByText(text).first().waitFor({ timeout: WAIT })
        await phoneBoard.getByText(text).first().waitFor({ timeout: WAIT })
      }

      const lock = f.getByRole('checkbox', { name: 'Lock board' })
      await expect(p.getByText('The facilitator has locked the board').count()).resolves.toBe(0)
      await lock.check()
      await p.getByText('The facilitator has locked the board').waitFor({ timeout: WAIT })
      await lock.uncheck()
      await p
        .getByText('The facilitator has locked the board')
        .waitFor({ state: 'detached', timeout: WAIT })
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})
