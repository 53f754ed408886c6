// The read-only link: the facilitator makes it on the console (a link and a QR code); opened on
// a phone (360x740, touch) that never joined, it shows the revealed vote results and the board,
// offers nothing to edit, and downloads the rationale document; once revoked, the page says the
// link was withdrawn.
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../fixtures/artifacts'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems } from '../fixtures/board'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { addDots } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const TITLE = 'Imaging backlog'
const ITEMS = ['CT triage rules', 'Weekend MRI list', 'Report templates']

const suite = useSuite()

describe('the read-only link', () => {
  it('opens the results and the board on a phone, read only, until it is revoked', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const voter = await openPhone(suite.browser, suite.server.baseURL)
    const reader = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const f = facilitator.page
      const { joinCode } = await createWorkshop(f, { title: TITLE, groups: ['Radiologists'] })
      await joinWorkshop(voter.page, { code: joinCode, name: 'Rae', group: 'Radiologists' })
      await addItems(f, ITEMS)
      await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: 'Vote' }).click()
      await waitForPhase(voter.page, 'Vote')
      await f.getByRole('button', { name: 'Open voting' }).click()
      await addDots(voter.page, 'Weekend MRI list', 2)
      await f.getByRole('button', { name: 'Close voting' }).click()
      await f.getByRole('button', { name: 'Reveal results' }).click()

      const panel = f.getByRole('region', { name: 'Read-only link' })
      await panel.getByRole('button', { name: 'Create read-only link' }).click()
      const field = panel.getByRole('textbox', { name: 'Read-only link' })
      await field.waitFor({ timeout: WAIT })
      const link = await field.inputValue()
      expect(link).toMatch(/\/w\/[A-Za-z0-9_-]+\/results#[A-Za-z0-9_-]{20,}$/)
      await panel
        .getByRole('img', { name: 'QR code for the read-only link' })
        .waitFor({ timeout: WAIT })

      // The phone opens the link as it was shown (its own server address, same path and token).
      const url = new URL(link)
      const p = reader.page
      await p.goto(`${url.pathname}${url.hash}`)
      await p.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: WAIT })
      const votes = p.getByRole('region', { name: 'Vote results' })
      const row = votes
        .getByRole('table', { name: 'Results', exact: true })
        .getByRole('row')
        .filter({ has: p.getByRole('rowheader', { name: 'Weekend MRI list', exact: true }) })
      await row.waitFor({ timeout: WAIT })
      expect((await row.getByRole('cell').first().innerText()).trim()).toBe('2')
      const board = p.getByRole('region', { name: 'Board' })
      for (const item of ITEMS) {
        await board.getByRole('listitem').filter({ hasText: item }).waitFor({ timeout: WAIT })
      }
      // Nothing to type into, and no button but the document's downloads.
      expect(await p.getByRole('textbox').count()).toBe(0)
      const buttons = await p.getByRole('main').getByRole('button').allInnerTexts()
      expect(buttons.map((b) => b.trim())).toEqual([
        'Download the document (HTML, printable)',
        'Download the document (Markdown)',
      ])
      await p.screenshot({ path: await artifactPath('read-only-link/phone.png'), fullPage: true })
      await expectNoAxeViolations(p, 'the read-only results page on a phone')
      // Fits the phone: nothing wider than the screen.
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth)
      expect(overflow).toBeLessThanOrEqual(360)

      const [download] = await Promise.all([
        p.waitForEvent('download', { timeout: WAIT }),
        p.getByRole('button', { name: 'Download the document (Markdown)' }).tap(),
      ])
      expect(download.suggestedFilename()).toMatch(/^imaging-backlog-\d{4}-\d{2}-\d{2}\.md$/)

      await panel.getByRole('button', { name: 'Revoke read-only link' }).click()
      await panel.getByRole('button', { name: 'Create read-only link' }).waitFor({ timeout: WAIT })
      await p
        .getByText('The facilitator has withdrawn this link. Ask them for a new one.')
        .waitFor({ timeout: WAIT })
    } finally {
      await reader.context.close()
      await voter.context.close()
      await facilitator.context.close()
    }
  })
})
