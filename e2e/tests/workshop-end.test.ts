// Ending a workshop from the console: closed to newcomers, then deleted for everyone.
import { describe, expect, it } from 'vitest'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { createWorkshop, joinWorkshop } from '../fixtures/workshop'

const WAIT = 15_000

const suite = useSuite()

describe('ending a workshop', () => {
  it('closes it to new participants, then deletes it for everyone', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    const late = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const f = facilitator.page
      const { joinCode } = await createWorkshop(f, { title: 'Short-lived', groups: ['Nurses'] })
      await joinWorkshop(phone.page, { code: joinCode, name: 'Ida', group: 'Nurses' })

      await f.getByRole('button', { name: 'Close to new participants' }).click()
      await f.getByText('Closed: the join code no longer admits anyone new.').waitFor()
      await late.page.goto(`/j/${joinCode}`)
      await late.page
        .getByText('This workshop is closed to new participants')
        .first()
        .waitFor({ timeout: WAIT })

      await f.getByRole('button', { name: 'Delete workshop' }).click()
      // Nothing happens until the facilitator confirms.
      await f.getByRole('button', { name: 'Keep the workshop' }).click()
      await expect(f.getByRole('button', { name: 'Delete permanently' }).count()).resolves.toBe(0)
      await f.getByRole('button', { name: 'Delete workshop' }).click()
      await f.getByRole('button', { name: 'Delete permanently' }).click()
      await f.waitForURL((url) => url.pathname === '/', { timeout: WAIT })
      await phone.page.getByText('This workshop has been deleted.').waitFor({ timeout: WAIT })
      const res = await fetch(`${suite.server.baseURL}/api/join/${joinCode}`)
      expect(res.status).toBe(404)
    } finally {
      await late.context.close()
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})
