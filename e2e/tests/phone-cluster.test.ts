// Clustering on a phone is a list with a "move to cluster" select per card, not a tiny canvas:
// a move there shows up in that cluster on the facilitator's screen and on another phone. Also
// checks the phone's brainstorm and cluster views with axe, and that a laptop gets the board.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { eventually } from '../fixtures/poll'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const OWN = 'Night shift handover checklist'
const ITEMS = ['Shared on-call rota', 'Theatre turnaround board']

const suite = useSuite()

/** No axe violations on the page as it is now; the message names each one and where. */
async function expectNoAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const found = violations.map(
    (v) => `${v.id} (${v.impact ?? '?'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
  expect(found, `axe violations in ${what}`).toEqual([])
}

/**
 * The card `text` within the list named `list` (a cluster, or "Unclustered"), found by the
 * card's own move control: the phone's select or the desktop drag handle. (Matching on text
 * alone would also find other cards, whose "Merge into" options list this card's text.)
 */
const cardIn = (page: Page, list: string, text: string) =>
  page
    .getByRole('list', { name: list, exact: true })
    .getByRole('listitem')
    .filter({
      has: page
        .getByRole('combobox', { name: `Move to cluster: ${text}`, exact: true })
        .or(page.getByRole('button', { name: `Move: ${text}`, exact: true })),
    })

describe('clustering on a phone', () => {
  it('moves a card with the list action, seen by the facilitator and another phone', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const a = await openPhone(suite.browser, suite.server.baseURL)
    const b = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Ward flow',
        groups: ['Nurses', 'Surgeons'],
      })
      await joinWorkshop(a.page, { code: joinCode, name: 'Dana', group: 'Nurses' })
      await joinWorkshop(b.page, { code: joinCode, name: 'Eli', group: 'Surgeons' })

      // Brainstorm: A drafts an idea; the phone view passes axe with a draft on it.
      await facilitator.page.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
      await waitForPhase(a.page, 'Brainstorm')
      const box = a.page.getByRole('textbox', { name: 'New idea' })
      await box.fill(OWN)
      await box.press('Enter')
      await a.page.getByRole('button', { name: `Edit draft: ${OWN}` }).waitFor({ timeout: WAIT })
      await expectNoAxeViolations(a.page, 'the phone brainstorm view')

      // The facilitator reveals it and adds two items of their own.
      await facilitator.page.getByRole('button', { name: 'Reveal ideas' }).click()
      await facilitator.page.getByLabel('Items, one a line').fill(ITEMS.join('\n'))
      await facilitator.page.getByRole('button', { name: 'Add items' }).click()
      await facilitator.page.getByRole('button', { name: 'Next phase: Cluster' }).click()
      await Promise.all([waitForPhase(a.page, 'Cluster'), waitForPhase(b.page, 'Cluster')])
      for (const text of [OWN, ...ITEMS]) {
        await cardIn(a.page, 'Unclustered', text).waitFor({ timeout: WAIT })
      }

      // A phone makes a cluster; everyone gets it.
      await a.page.getByLabel('Name of a new cluster').fill('Staffing')
      await a.page.getByRole('button', { name: 'New cluster' }).click()
      // (An empty list has no height, so it is there but not "visible".)
      await b.page
        .getByRole('list', { name: 'Staffing', exact: true })
        .waitFor({ state: 'attached', timeout: WAIT })

      // The list action: move a card into the cluster.
      await a.page
        .getByRole('combobox', { name: `Move to cluster: ${ITEMS[0]}` })
        .selectOption({ label: 'Staffing' })
      await cardIn(facilitator.page, 'Staffing', ITEMS[0]!).waitFor({ timeout: WAIT })
      await cardIn(b.page, 'Staffing', ITEMS[0]!).waitFor({ timeout: WAIT })
      await expect(cardIn(b.page, 'Unclustered', ITEMS[0]!).count()).resolves.toBe(0)
      await expect(
        b.page.getByRole('combobox', { name: `Move to cluster: ${ITEMS[0]}` }).inputValue(),
      ).resolves.not.toBe('')

      // And back out again from the other phone.
      await b.page
        .getByRole('combobox', { name: `Move to cluster: ${ITEMS[0]}` })
        .selectOption({ label: 'Unclustered' })
      await cardIn(a.page, 'Unclustered', ITEMS[0]!).waitFor({ timeout: WAIT })
      await cardIn(facilitator.page, 'Unclustered', ITEMS[0]!).waitFor({ timeout: WAIT })

      // Each phone may delete only its own ideas.
      await expect(
        a.page.getByRole('button', { name: `Delete idea: ${OWN}` }).count(),
      ).resolves.toBe(1)
      await expect(a.page.getByRole('button', { name: /^Delete idea:/ }).count()).resolves.toBe(1)
      await expect(b.page.getByRole('button', { name: /^Delete idea:/ }).count()).resolves.toBe(0)

      // Who is on the board: at least both phones.
      await eventually(async () => {
        const line = await a.page.getByText(/^\d+ on the board$/).textContent()
        expect(Number.parseInt(line ?? '0', 10)).toBeGreaterThanOrEqual(2)
      })
      await expectNoAxeViolations(a.page, 'the phone cluster view')

      // Locked by the facilitator: told so, and the controls are off.
      await facilitator.page.getByRole('checkbox', { name: 'Lock board' }).check()
      await a.page.getByText('The facilitator has locked the board').waitFor({ timeout: WAIT })
      await expect(
        a.page.getByRole('combobox', { name: `Move to cluster: ${ITEMS[1]}` }).isDisabled(),
      ).resolves.toBe(true)
      await expect(
        a.page.getByRole('button', { name: `Delete idea: ${OWN}` }).isDisabled(),
      ).resolves.toBe(true)
      await facilitator.page.getByRole('checkbox', { name: 'Lock board' }).uncheck()
      await eventually(async () =>
        expect(
          await a.page.getByRole('combobox', { name: `Move to cluster: ${ITEMS[1]}` }).isEnabled(),
        ).toBe(true),
      )

      // A participant on a laptop gets the desktop board (drag handles), not the list.
      const laptop = await openFacilitator(suite.browser, suite.server.baseURL)
      try {
        await joinWorkshop(laptop.page, { code: joinCode, name: 'Fay', group: 'Surgeons' })
        await laptop.page
          .getByRole('button', { name: `Move: ${ITEMS[1]}`, exact: true })
          .waitFor({ timeout: WAIT })
        await expect(
          laptop.page.getByRole('combobox', { name: /^Move to cluster:/ }).count(),
        ).resolves.toBe(0)
      } finally {
        await laptop.context.close()
      }

      // A deletes their own idea: gone for everyone.
      await a.page.getByRole('button', { name: `Delete idea: ${OWN}` }).click()
      await eventually(async () => {
        expect(await b.page.getByText(OWN).count()).toBe(0)
        expect(await facilitator.page.getByText(OWN).count()).toBe(0)
      })
    } finally {
      for (const s of [a, b, facilitator]) await s.context.close()
    }
  })
})
