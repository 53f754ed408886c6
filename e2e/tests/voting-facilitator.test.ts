// The facilitator's dot-voting controls against a real server, a real phone and the projector:
// settings checked in the page, opening and closing reach the phone, progress shows dots used
// (never where), and the reveal shows the results table and chart everywhere; axe finds nothing.
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { eventually } from '../fixtures/poll'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const GROUPS = ['Surgeons', 'Radiologists']
const ITEMS = ['Bed board', 'Theatre list', 'Discharge letters']
const CHART = 'Dots per item, stacked by stakeholder group'
const WAIT = 15_000

const suite = useSuite()

const addDot = (phone: Page, label: string) =>
  phone.getByRole('button', { name: `Add a dot to ${label}`, exact: true })

async function waitDisabled(button: Locator, disabled: boolean) {
  await eventually(async () => expect(await button.isDisabled()).toBe(disabled), {
    timeout: WAIT,
  })
}

/** The cells of the results row whose header is `label`, as the page shows them. */
async function resultRow(page: Page, label: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: 'Results', exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: label, exact: true }) })
  const cells = await row.getByRole('cell').allTextContents()
  return [label, ...cells.map((c) => c.trim())]
}

describe('facilitator dot voting', () => {
  it('checks settings, opens, follows progress, closes, reveals on every screen; axe is clean', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    const p = phone.page
    try {
      const { joinCode } = await createWorkshop(f, {
        title: 'Ward flow',
        groups: GROUPS,
        anonymous: false,
      })
      await joinWorkshop(p, { code: joinCode, name: 'Dana', group: 'Surgeons' })
      await f.getByRole('textbox', { name: 'Items, one a line' }).fill(ITEMS.join('\n'))
      await f.getByRole('button', { name: 'Add items' }).click()
      await f.getByText('Added 3 items').waitFor({ timeout: WAIT })

      await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: 'Vote' }).click()
      await waitForPhase(p, 'Vote')
      // A projector on the facilitator's laptop (same session), in its own tab.
      const projector = await facilitator.context.newPage()
      await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
      await projector.getByText('Voting has not opened yet').waitFor({ timeout: WAIT })

      // Nothing opens yet: the phone's buttons stay disabled.
      await addDot(p, 'Bed board').waitFor({ timeout: WAIT })
      await expect(addDot(p, 'Bed board').isDisabled()).resolves.toBe(true)

      // Settings the schema refuses are refused in the page, with its message, and not opened.
      await f.getByRole('spinbutton', { name: 'Dots per person' }).fill('2')
      await f.getByRole('spinbutton', { name: 'Most dots on one item' }).fill('3')
      await f.getByRole('button', { name: 'Open voting' }).click()
      await f
        .getByRole('alert')
        .filter({ hasText: 'Dots on one item cannot be more than dots per person' })
        .waitFor({ timeout: WAIT })
      await expect(
        f.getByRole('spinbutton', { name: 'Most dots on one item' }).getAttribute('aria-invalid'),
      ).resolves.toBe('true')
      await expect(f.getByRole('button', { name: 'Close voting' }).count()).resolves.toBe(0)
      await expect(addDot(p, 'Bed board').isDisabled()).resolves.toBe(true)

      await f.getByRole('spinbutton', { name: 'Dots per person' }).fill('4')
      await f.getByRole('spinbutton', { name: 'Most dots on one item' }).fill('2')
      await expect(f.getByRole('checkbox', { name: 'Anonymous votes' }).isChecked()).resolves.toBe(
        false,
      )
      const voteOn = f.getByRole('radiogroup', { name: 'Vote on' })
      await voteOn.getByRole('radio', { name: 'Ideas', exact: true }).check()
      await expect(voteOn.getByRole('radio').count()).resolves.toBe(4)
      await f.getByText('3 items will be voted on').waitFor({ timeout: WAIT })
      // Clusters only: none exist, so there would be nothing to vote on.
      await voteOn.getByRole('radio', { name: 'Clusters', exact: true }).check()
      await f.getByText('There is nothing to vote on yet').waitFor({ timeout: WAIT })
      await voteOn.getByRole('radio', { name: 'Ideas', exact: true }).check()

      await f.getByRole('button', { name: 'Open voting' }).click()
      await f.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: WAIT })
      await expect(
        f.getByRole('alert').filter({ hasText: 'cannot be more' }).count(),
      ).resolves.toBe(0)
      await waitDisabled(addDot(p, 'Bed board'), false)
      await p.getByText('4 of 4 dots left').waitFor({ timeout: WAIT })

      const progress = f.getByRole('list', { name: 'Voting progress' })
      await progress.getByRole('listitem').filter({ hasText: 'Dana: 0 of 4 dots' }).waitFor()
      await f.getByText('0 of 1 participants have placed dots').waitFor()
      await projector
        .getByText('Voting is open: 0 of 1 participants have placed dots')
        .waitFor({ timeout: WAIT })

      await addDot(p, 'Bed board').click()
      await p.getByText('3 of 4 dots left').waitFor({ timeout: WAIT })
      await addDot(p, 'Bed board').click()
      await addDot(p, 'Theatre list').click()
      await p.getByText('1 of 4 dots left').waitFor({ timeout: WAIT })
      await progress
        .getByRole('listitem')
        .filter({ hasText: 'Dana: 3 of 4 dots' })
        .waitFor({ timeout: WAIT })
      await f.getByText('1 of 1 participants have placed dots').waitFor({ timeout: WAIT })
      await projector
        .getByText('Voting is open: 1 of 1 participants have placed dots')
        .waitFor({ timeout: WAIT })
      // Progress is counts only: before the reveal no screen but the phone says where.
      await expect(f.getByRole('table', { name: 'Results' }).count()).resolves.toBe(0)
      await expect(progress.getByText('Bed board').count()).resolves.toBe(0)

      await f.getByRole('button', { name: 'Close voting' }).click()
      await f.getByRole('button', { name: 'Reveal results' }).waitFor({ timeout: WAIT })
      await f.getByRole('button', { name: 'Reopen voting' }).waitFor()
      await waitDisabled(addDot(p, 'Discharge letters'), true)
      await waitDisabled(addDot(p, 'Bed board'), true)

      // Reopening lets the phone vote again; closing again seals it again.
      await f.getByRole('button', { name: 'Reopen voting' }).click()
      await waitDisabled(addDot(p, 'Discharge letters'), false)
      await f.getByRole('button', { name: 'Close voting' }).click()
      await f.getByRole('button', { name: 'Reveal results' }).waitFor({ timeout: WAIT })
      await waitDisabled(addDot(p, 'Discharge letters'), true)

      await expectNoAxeViolations(f, 'the facilitator’s vote view (closed)')

      await f.getByRole('button', { name: 'Reveal results' }).click()
      const table = f.getByRole('table', { name: 'Results', exact: true })
      await table.waitFor({ timeout: WAIT })
      await expect(table.getByRole('columnheader').allTextContents()).resolves.toEqual([
        'Item',
        'Dots',
        'Surgeons',
        'Radiologists',
        'Normalised',
        'Rank',
      ])
      // One surgeon with 3 dots: 2/3 and 1/3 of the only voting group's dots.
      await expect(resultRow(f, 'Bed board')).resolves.toEqual([
        'Bed board',
        '2',
        '2',
        '0',
        '66.7%',
        '1st',
      ])
      await expect(resultRow(f, 'Theatre list')).resolves.toEqual([
        'Theatre list',
        '1',
        '1',
        '0',
        '33.3%',
        '2nd',
      ])
      await expect(resultRow(f, 'Discharge letters')).resolves.toEqual([
        'Discharge letters',
        '0',
        '0',
        '0',
        '0.0%',
        '3rd',
      ])
      await f.getByText('Raw and group-normalised rankings agree').waitFor()
      await f.getByText('1 of 1 Surgeons voted').waitFor()
      await f.getByText('0 of 0 Radiologists voted').waitFor()
      await f.getByRole('img', { name: CHART }).waitFor({ timeout: WAIT })
      await f
        .getByRole('list', { name: 'Chart legend: stakeholder groups' })
        .getByText('Surgeons')
        .waitFor()
      // Open voting: who voted where.
      const ballots = f.getByRole('table', { name: 'Who voted where' })
      await ballots
        .getByRole('row')
        .filter({ hasText: 'Dana' })
        .filter({ hasText: 'Bed board: 2 dots' })
        .waitFor()

      await p.getByRole('table', { name: 'Results', exact: true }).waitFor({ timeout: WAIT })
      await p.getByRole('img', { name: CHART }).waitFor({ timeout: WAIT })
      await expect(resultRow(p, 'Bed board')).resolves.toEqual([
        'Bed board',
        '2',
        '2',
        '0',
        '66.7%',
        '1st',
      ])
      // The projector shows the chart first, the table on request.
      await projector.getByRole('img', { name: CHART }).waitFor({ timeout: WAIT })
      await projector.getByText(/^Show all \d+ items$/).click()
      await projector
        .getByRole('table', { name: 'Results', exact: true })
        .waitFor({ timeout: WAIT })

      await expectNoAxeViolations(f, 'the facilitator’s vote results')
      await expectNoAxeViolations(projector, 'the projector’s vote results')

      // The next phase's console is the 2x2's own, which starts from the vote's top items.
      await f
        .getByRole('list', { name: 'Phases' })
        .getByRole('button', { name: 'Impact vs effort' })
        .click()
      await f
        .getByRole('heading', { name: 'Impact vs effort', level: 2 })
        .waitFor({ timeout: WAIT })
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})
