// Removing a participant from the console: a question first, then their phone is disconnected
// with a message that says why, the roster and the other phones no longer count them, and
// reloading the phone does not bring them back.
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import {
  createWorkshop,
  joinWorkshop,
  rosterEntry,
  waitForPresence,
  waitForStatus,
} from '../fixtures/workshop'

const WAIT = 15_000
const REMOVED = 'The facilitator removed you from this workshop.'

const suite = useSuite()

describe('removing a participant', () => {
  it('asks first, disconnects their phone for good, and leaves the others be', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const mallory = await openPhone(suite.browser, suite.server.baseURL)
    const dana = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const f = facilitator.page
      const { joinCode } = await createWorkshop(f, {
        title: 'Ward flow',
        groups: ['Surgeons', 'Radiologists'],
        objective: 'Choose two ward tools to fund this year',
      })
      await joinWorkshop(mallory.page, { code: joinCode, name: 'Mallory', group: 'Surgeons' })
      await joinWorkshop(dana.page, { code: joinCode, name: 'Dana', group: 'Radiologists' })
      // The phones show what the workshop is for.
      await dana.page
        .getByText('Objective: Choose two ward tools to fund this year')
        .waitFor({ timeout: WAIT })
      await waitForPresence(f, { group: 'Surgeons', name: 'Mallory', presence: 'Online' })
      await waitForPresence(f, { group: 'Radiologists', name: 'Dana', presence: 'Online' })

      // Asking is not removing: keeping them changes nothing.
      await f.getByRole('button', { name: 'Remove Mallory' }).click()
      await f.getByText('Remove Mallory from the workshop?').waitFor()
      await expectNoAxeViolations(f, 'the console asking to remove a participant')
      await f.getByRole('button', { name: 'Keep Mallory' }).click()
      await expect(rosterEntry(f, 'Surgeons', 'Mallory').count()).resolves.toBe(1)

      await f.getByRole('button', { name: 'Remove Mallory' }).click()
      await f.getByRole('button', { name: 'Remove Mallory', exact: true }).last().click()
      await mallory.page.getByText(REMOVED, { exact: false }).waitFor({ timeout: WAIT })
      await f.getByRole('heading', { name: 'Participants (1)' }).waitFor({ timeout: WAIT })
      await expect(rosterEntry(f, 'Surgeons', 'Mallory').count()).resolves.toBe(0)

      // Dana stays connected and is told nothing.
      await waitForStatus(dana.page, 'Connected')
      await expect(dana.page.getByText(REMOVED).count()).resolves.toBe(0)

      // Reloading does not bring Mallory back: the phone forgot the session when it was cut.
      await mallory.page.reload()
      await mallory.page
        .getByText('You have not joined this workshop on this device')
        .waitFor({ timeout: WAIT })
      await expect(rosterEntry(f, 'Surgeons', 'Mallory').count()).resolves.toBe(0)
    } finally {
      await dana.context.close()
      await mallory.context.close()
      await facilitator.context.close()
    }
  })
})
