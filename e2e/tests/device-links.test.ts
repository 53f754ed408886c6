// The facilitation team's devices: a co-facilitator link opens the full console on a second
// browser, a projector link opens the projector view on a separate PC, the recovery link brings
// the console back to a browser that has never seen it, and revoking a link disconnects the
// device that opened it and nothing else.
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { openFacilitator } from '../fixtures/browser'
import { startServer } from '../fixtures/server'
import { useSuite } from '../fixtures/suite'
import { createWorkshop } from '../fixtures/workshop'

const WAIT = 15_000
const TITLE = 'Theatre flow'

const suite = useSuite()

/** Makes the link in its console panel and returns its path and fragment, as a device opens it. */
async function makeLink(f: Page, name: string): Promise<{ panel: Locator; path: string }> {
  const title = name.charAt(0).toUpperCase() + name.slice(1)
  const panel = f.getByRole('region', { name: title })
  await panel.getByRole('button', { name: `Create ${name}` }).click()
  const field = panel.getByRole('textbox', { name: title })
  await field.waitFor({ timeout: WAIT })
  await panel.getByRole('img', { name: `QR code for the ${name}` }).waitFor({ timeout: WAIT })
  const url = new URL(await field.inputValue())
  return { panel, path: `${url.pathname}${url.hash}` }
}

describe('device links for the facilitation team', () => {
  it('open the console and the projector on other devices until revoked', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const co = await openFacilitator(suite.browser, suite.server.baseURL)
    const room = await openFacilitator(suite.browser, suite.server.baseURL)
    const spare = await openFacilitator(suite.browser, suite.server.baseURL)
    try {
      const f = facilitator.page
      const { joinCode } = await createWorkshop(f, { title: TITLE, groups: ['Surgeons'] })
      const coLink = await makeLink(f, 'co-facilitator link')
      const projectorLink = await makeLink(f, 'projector link')
      expect(coLink.path).toMatch(/\/facilitate#[A-Za-z0-9_-]{20,}$/)
      expect(projectorLink.path).toMatch(/\/board#[A-Za-z0-9_-]{20,}$/)
      await expectNoAxeViolations(f, 'the console with the team’s links')

      // The co-facilitator's console: the token leaves the address bar, and a phase change made
      // there reaches the facilitator's console.
      const c = co.page
      await c.goto(coLink.path)
      await c.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: WAIT })
      expect(new URL(c.url()).hash).toBe('')
      await c
        .getByRole('list', { name: 'Phases' })
        .getByRole('button', { name: 'Brainstorm' })
        .click()
      await f
        .getByRole('list', { name: 'Phases' })
        .locator('button[aria-current="step"]', { hasText: 'Brainstorm' })
        .waitFor({ timeout: WAIT })
      // A reload keeps it: the device kept the session.
      await c.reload()
      await c.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: WAIT })

      // The projector on the room's PC: the title and the join code, nothing to edit.
      const r = room.page
      await r.goto(projectorLink.path)
      await r.getByText(joinCode, { exact: true }).waitFor({ timeout: WAIT })
      expect(await r.getByRole('textbox').count()).toBe(0)

      // The recovery link opens the console in a browser that has never seen the workshop.
      await f.getByText('Keep your recovery link').click()
      const recovery = new URL(await f.getByRole('textbox', { name: 'Recovery link' }).inputValue())
      await spare.page.goto(`${recovery.pathname}${recovery.hash}`)
      await spare.page.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: WAIT })

      // Revoking disconnects the device that opened the link, and nothing else.
      await coLink.panel.getByRole('button', { name: 'Revoke co-facilitator link' }).click()
      await c
        .getByText(/no longer valid|join again/)
        .first()
        .waitFor({ timeout: WAIT })
      await expect(r.getByText(/no longer valid|join again/).count()).resolves.toBe(0)
      await projectorLink.panel.getByRole('button', { name: 'Revoke projector link' }).click()
      await r
        .getByText(/no longer valid|join again/)
        .first()
        .waitFor({ timeout: WAIT })
      // The revoked co-facilitator link now says so.
      const stale = await openFacilitator(suite.browser, suite.server.baseURL)
      try {
        await stale.page.goto(coLink.path)
        await stale.page
          .getByText('This link no longer opens the console: it was revoked or replaced.', {
            exact: false,
          })
          .waitFor({ timeout: WAIT })
      } finally {
        await stale.context.close()
      }
      await f.getByRole('heading', { level: 1, name: TITLE }).waitFor()
    } finally {
      await spare.context.close()
      await room.context.close()
      await co.context.close()
      await facilitator.context.close()
    }
  })

  it('warns the facilitator when the join link does not reach this server', async () => {
    // Nothing listens on port 9 (discard) on this machine: the join links would lead nowhere.
    const server = await startServer({ env: { PUBLIC_URL: 'http://127.0.0.1:9' } })
    const facilitator = await openFacilitator(suite.browser, server.baseURL)
    try {
      await createWorkshop(facilitator.page, { title: TITLE, groups: ['Surgeons'] })
      await facilitator.page
        .getByText(
          /^Phones may not reach this link\. The join link http:\/\/127\.0\.0\.1:9 \(PUBLIC_URL\) does not answer/,
        )
        .waitFor({ timeout: WAIT })
      await expectNoAxeViolations(facilitator.page, 'the console warning about the join link')
    } finally {
      await facilitator.context.close()
      await server.dispose()
    }
  })
})
