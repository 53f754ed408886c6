// A live session in real Chromium: phones join by code, show up on the facilitator's roster,
// and follow the facilitator's phase changes.
import { describe, expect, it } from 'vitest'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import {
  createWorkshop,
  joinWorkshop,
  rosterEntry,
  waitForPhase,
  waitForPresence,
} from '../fixtures/workshop'

const GROUPS = ['Surgeons', 'Radiologists', 'Administrators']

const suite = useSuite()

describe('joining and following the facilitator', () => {
  it('a phone joins by code and appears in the facilitator roster, online, live', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Theatre scheduling',
        groups: GROUPS,
      })
      await facilitator.page
        .getByRole('img', { name: 'QR code for the join link' })
        .waitFor({ timeout: 10_000 })

      // The join page fits a 360 px phone and its targets are big enough to tap.
      await phone.page.goto(`/j/${joinCode}`)
      await phone.page.getByRole('heading', { level: 1, name: 'Theatre scheduling' }).waitFor()
      const joinBox = await phone.page
        .getByRole('button', { name: 'Join', exact: true })
        .boundingBox()
      expect(joinBox?.height).toBeGreaterThanOrEqual(44)
      const choiceBox = await phone.page
        .locator('label', { has: phone.page.getByRole('radio', { name: 'Surgeons' }) })
        .boundingBox()
      expect(choiceBox?.height).toBeGreaterThanOrEqual(44)
      expect(
        await phone.page.evaluate(() => document.documentElement.scrollWidth),
      ).toBeLessThanOrEqual(360)

      await joinWorkshop(phone.page, { code: joinCode, name: 'Dana', group: 'Surgeons' })
      await waitForPresence(facilitator.page, {
        group: 'Surgeons',
        name: 'Dana',
        presence: 'Online',
      })
      await expect(rosterEntry(facilitator.page, 'Surgeons', 'Dana').count()).resolves.toBe(1)

      // Closing the phone takes Dana offline, still on the roster.
      await phone.context.close()
      await waitForPresence(facilitator.page, {
        group: 'Surgeons',
        name: 'Dana',
        presence: 'Offline',
      })
    } finally {
      await phone.context.close().catch(() => {})
      await facilitator.context.close()
    }
  })

  it('the facilitator moves the phase and both phones follow', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phones = [
      await openPhone(suite.browser, suite.server.baseURL),
      await openPhone(suite.browser, suite.server.baseURL),
    ]
    try {
      const { joinCode } = await createWorkshop(facilitator.page, {
        title: 'Imaging backlog',
        groups: GROUPS,
      })
      await joinWorkshop(phones[0]!.page, { code: joinCode, name: 'Dana', group: 'Surgeons' })
      await joinWorkshop(phones[1]!.page, { code: joinCode, name: 'Eli', group: 'Radiologists' })
      for (const phone of phones) await waitForPhase(phone.page, 'Set-up')

      await facilitator.page.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
      await Promise.all(phones.map((phone) => waitForPhase(phone.page, 'Brainstorm')))
      await expect(
        phones[0]!.page.getByText('Write down your ideas privately', { exact: false }).count(),
      ).resolves.toBe(1)

      // Jumping straight to a phase from the list works too, and the list marks the current one.
      const phases = facilitator.page.getByRole('list', { name: 'Phases' })
      await phases.getByRole('button', { name: 'Vote', exact: true }).click()
      await Promise.all(phones.map((phone) => waitForPhase(phone.page, 'Vote')))
      await expect(
        phases.getByRole('button', { name: 'Vote', exact: true }).getAttribute('aria-current'),
      ).resolves.toBe('step')

      // Participants have no phase controls.
      await expect(
        phones[0]!.page.getByRole('button', { name: /Next phase/ }).count(),
      ).resolves.toBe(0)
    } finally {
      for (const phone of phones) await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('an unknown join code is refused with a message', async () => {
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      await phone.page.goto('/j/ZZZZZZ')
      await phone.page.getByRole('heading', { name: 'Cannot join' }).waitFor({ timeout: 10_000 })
      await expect(phone.page.getByRole('alert').first().textContent()).resolves.not.toBe('')
      await phone.page.getByRole('link', { name: 'Enter another code' }).click()
      await phone.page.getByLabel('Join code').fill('abc')
      await phone.page.getByRole('button', { name: 'Join', exact: true }).click()
      await phone.page.getByRole('alert').filter({ hasText: 'Check the code' }).waitFor()
    } finally {
      await phone.context.close()
    }
  })

  it('a participant opening the facilitator console is told it is not theirs', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const { workshopId, joinCode } = await createWorkshop(facilitator.page, {
        title: 'Ward rounds',
        groups: GROUPS,
      })
      await joinWorkshop(phone.page, { code: joinCode, name: 'Ann', group: 'Administrators' })
      await phone.page.goto(`/w/${workshopId}/facilitate`)
      await phone.page
        .getByRole('heading', { name: 'This page is for the facilitator' })
        .waitFor({ timeout: 10_000 })
      await phone.page.getByRole('link', { name: 'Go to your workshop view' }).click()
      await waitForPhase(phone.page, 'Set-up')
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })
})
