// A join link's first screen: index.html draws the join form before the app has loaded
// (client/src/features/join/join-boot.ts), so that a phone on a slow network can type its name
// while React and the app arrive; Join hands the form to the app, which joins as its own form
// does. Here the app's entry script is held back to show the form working without it.
import type { Route } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { recordLiveRegions, waitForFocus, waitForSaid } from '../fixtures/a11y'
import { expectNoAxeViolations } from '../fixtures/axe'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { createWorkshop, waitForPhase, waitForStatus } from '../fixtures/workshop'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']
/** The app's entry chunk (the first screen's form needs none of it). */
const ENTRY = /\/assets\/index-[\w-]+\.js$/

const suite = useSuite()

describe("a join link's first screen", () => {
  it('takes a name and a group before the app has loaded, and joins once it has', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Theatre flow',
        groups: GROUPS,
      })
      const p = phone.page
      await recordLiveRegions(phone.context)
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      let asked = false
      await phone.context.route(ENTRY, async (route: Route) => {
        asked = true
        await held
        await route.continue()
      })

      // Not waiting for the load event: the held script is part of it.
      await p.goto(`/j/${joinCode}`, { waitUntil: 'commit' })
      await p.getByRole('heading', { level: 1, name: 'Theatre flow' }).waitFor({ timeout: WAIT })
      await expectNoAxeViolations(p, "the join link's first screen")
      await p.getByLabel('Your name').fill('Dana')
      await p.getByRole('radio', { name: 'Surgeons', exact: true }).check()
      await p.getByRole('button', { name: 'Join', exact: true }).click()
      // Tapped before the app arrived: the form says it is joining, and waits for the app.
      await p.getByRole('button', { name: 'Joining…', exact: true }).waitFor({ timeout: WAIT })
      expect(asked).toBe(true)
      expect(new URL(p.url()).pathname).toBe(`/j/${joinCode}`)

      release()
      await p.waitForURL(/\/w\/[A-Za-z0-9_-]+$/, { timeout: WAIT })
      await p.getByText('You are Dana · Surgeons').waitFor({ timeout: WAIT })
      await waitForPhase(p, 'Set-up')
      await waitForStatus(p, 'Connected')
      await waitForSaid(p, 'Joined as Dana (Surgeons).')
      await waitForFocus(p.getByRole('heading', { level: 1, name: 'Theatre flow' }))
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('says what is missing when Join is tapped without a name, where the focus was', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Ward rounds',
        groups: GROUPS,
      })
      const p = phone.page
      await recordLiveRegions(phone.context)
      await p.goto(`/j/${joinCode}`)
      await p.getByRole('radio', { name: 'Radiologists', exact: true }).check()
      await p.getByRole('button', { name: 'Join', exact: true }).click()
      await waitForSaid(p, 'Enter your name.', 'assertive')
      await waitForFocus(p.getByRole('button', { name: 'Join', exact: true }))
      // The group chosen on the first screen is still chosen.
      expect(await p.getByRole('radio', { name: 'Radiologists', exact: true }).isChecked()).toBe(
        true,
      )
      await p.getByLabel('Your name').fill('Sam')
      await p.getByRole('button', { name: 'Join', exact: true }).click()
      await p.getByText('You are Sam · Radiologists').waitFor({ timeout: WAIT })
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})
