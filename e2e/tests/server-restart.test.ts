// A server crash mid-session: kill -9, restart on the same port and data folder. Nothing the
// server accepted is lost, and every open page reconnects by itself.
import { describe, it } from 'vitest'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import {
  connectionStatus,
  createWorkshop,
  joinWorkshop,
  waitForPhase,
  waitForPresence,
  waitForStatus,
} from '../fixtures/workshop'

const suite = useSuite()

const notConnected = /Connecting…|Offline/

describe('server restart mid-session', () => {
  it('loses nothing and the pages reconnect by themselves', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phones: Screen[] = [
      await openPhone(suite.browser, suite.server.baseURL),
      await openPhone(suite.browser, suite.server.baseURL),
    ]
    const people = [
      { name: 'Dana', group: 'Surgeons' },
      { name: 'Eli', group: 'Radiologists' },
    ] as const
    try {
      const { workshopId, joinCode } = await createWorkshop(facilitator.page, {
        title: 'Day-case capacity',
        groups: ['Surgeons', 'Radiologists'],
      })
      for (const [i, person] of people.entries()) {
        await joinWorkshop(phones[i]!.page, { code: joinCode, ...person })
      }
      const next = (label: string) =>
        facilitator.page.getByRole('button', { name: `Next phase: ${label}` }).click()
      await next('Brainstorm')
      await next('Cluster')
      await Promise.all(phones.map((p) => waitForPhase(p.page, 'Cluster')))

      // Crash with every page open; all of them notice, then reconnect on their own.
      await suite.server.kill()
      for (const page of [facilitator.page, ...phones.map((p) => p.page)]) {
        await waitForStatus(page, notConnected)
      }
      await suite.server.restart()
      for (const page of [facilitator.page, ...phones.map((p) => p.page)]) {
        await waitForStatus(page, 'Connected', 20_000)
      }
      for (const person of people) {
        await waitForPresence(facilitator.page, { ...person, presence: 'Online' })
      }
      await next('Vote')
      await Promise.all(phones.map((p) => waitForPhase(p.page, 'Vote')))

      // Now prove the server itself kept it: crash again while no facilitator page is open (phones
      // may not write the control document), restart, and open the console afresh.
      await facilitator.page.close()
      await suite.server.kill()
      await waitForStatus(phones[0]!.page, notConnected)
      await suite.server.restart()
      await Promise.all(phones.map((p) => waitForStatus(p.page, 'Connected', 20_000)))
      const console2 = await facilitator.context.newPage()
      await console2.goto(`/w/${workshopId}/facilitate`)
      await waitForStatus(console2, 'Connected')
      await console2.getByRole('heading', { level: 1, name: 'Day-case capacity' }).waitFor()
      await console2.getByText('Now: Vote').waitFor()
      for (const person of people) {
        await waitForPresence(console2, { ...person, presence: 'Online' })
      }
      await console2.getByRole('button', { name: 'Next phase: Impact vs effort' }).click()
      await Promise.all(phones.map((p) => waitForPhase(p.page, 'Impact vs effort')))
      await connectionStatus(phones[1]!.page).filter({ hasText: 'Connected' }).waitFor()
    } finally {
      for (const phone of phones) await phone.context.close()
      await facilitator.context.close()
    }
  })
})
