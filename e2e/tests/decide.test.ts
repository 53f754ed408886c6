// The decide phase end to end: the facilitator records a decision with its rationale, two phones
// in two stakeholder groups see it and give their consent, and the counts per group appear on
// the console, on the projector and in the Markdown export; no device but the answering phone
// receives an answer before the reveal (decoded frames); axe finds nothing on the decide views.
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { valuesCarried } from '../fixtures/frame-values'
import { useSuite } from '../fixtures/suite'
import { captureSockets } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const RATIONALE = 'Fewest cancelled lists for the effort; the nurses pilot it first.'

const suite = useSuite()

/** The cells of a consent table's row for `group`, as the page shows them. */
async function consentRow(page: Page, title: string, group: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: `Consent to ${title}`, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: group, exact: true }) })
  await row.waitFor({ timeout: WAIT })
  return (await row.getByRole('cell').allTextContents()).map((c) => c.trim())
}

describe('the decide phase', () => {
  it('records a decision, collects consent per group and exports the counts; axe is clean', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const surgeon = await openPhone(suite.browser, suite.server.baseURL)
    const nurse = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    // Every frame each device receives, to prove on the wire that answers stay sealed.
    const capture = new Map(
      [f, surgeon.page, nurse.page].map((page) => [page, captureSockets(page)] as const),
    )
    try {
      const { joinCode } = await createWorkshop(f, {
        title: 'Theatre decisions',
        groups: ['Surgeons', 'Nurses'],
      })
      await joinWorkshop(surgeon.page, { code: joinCode, name: 'Sam', group: 'Surgeons' })
      await joinWorkshop(nurse.page, { code: joinCode, name: 'Nia', group: 'Nurses' })
      await f.getByRole('textbox', { name: 'Items, one a line' }).fill('Theatre app\nBed board')
      await f.getByRole('button', { name: 'Add items' }).click()
      await f.getByText('Added 2 items').waitFor({ timeout: WAIT })

      await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: 'Decide' }).click()
      await waitForPhase(surgeon.page, 'Decide')
      await waitForPhase(nurse.page, 'Decide')

      // Any item can be chosen; the decision is written live and recorded in the log.
      await f
        .getByRole('combobox', { name: 'Item to decide on' })
        .selectOption({ label: 'Theatre app' })
      await f.getByRole('button', { name: 'Add decision', exact: true }).click()
      const rationale = f.getByRole('textbox', { name: 'Rationale for Theatre app' })
      await rationale.fill(RATIONALE)
      await f.getByRole('textbox', { name: 'Owner' }).fill('Head of theatres')
      await f.getByRole('checkbox', { name: 'Nurses disagreed' }).check()
      await f
        .getByRole('textbox', { name: 'Dissent of Nurses, in their words' })
        .fill('Too many logins already')
      await f.getByRole('button', { name: 'Record decision: Theatre app' }).click()
      await f.getByText('Recorded in the decision log.', { exact: true }).waitFor({ timeout: WAIT })

      // The phones see the decision with its rationale.
      for (const phone of [surgeon.page, nurse.page]) {
        await phone.getByRole('heading', { name: 'Theatre app' }).waitFor({ timeout: WAIT })
        await phone.getByText(RATIONALE).waitFor({ timeout: WAIT })
      }

      // Consent: each phone answers; the console sees counts only until the reveal.
      await f.getByRole('button', { name: 'Ask for consent' }).click()
      const accept = surgeon.page
        .getByRole('group', { name: 'Your answer on Theatre app' })
        .getByRole('radio', { name: 'I can live with it' })
      await accept.waitFor({ timeout: WAIT })
      await accept.check()
      const object = nurse.page
        .getByRole('group', { name: 'Your answer on Theatre app' })
        .getByRole('radio', { name: 'I object' })
      await object.waitFor({ timeout: WAIT })
      await object.check()
      await expectNoAxeViolations(surgeon.page, 'the phone’s decide view (consent open)')
      await f.getByText('2 of 2 participants have started answering').waitFor({ timeout: WAIT })
      // Before the reveal no device but the answering phone ever received an answer: every
      // frame on every socket but a phone's own private document, decoded.
      const answers = (frames: Buffer[]) =>
        valuesCarried(frames).filter((v) => v.value === 'accept' || v.value === 'object')
      const ownPrivate = (doc: string) => doc.includes('/private/')
      expect(answers(capture.get(surgeon.page)!.sent(ownPrivate)).map((v) => v.value)).toContain(
        'accept',
      )
      for (const [page, what] of [
        [f, 'the console'],
        [surgeon.page, 'Sam'],
        [nurse.page, 'Nia'],
      ] as const) {
        const received = capture.get(page)!.received((doc) => !ownPrivate(doc))
        expect(received.length, `${what} received frames`).toBeGreaterThan(0)
        expect(answers(received), `answers ${what} received before the reveal`).toEqual([])
      }
      await f.getByRole('button', { name: 'Close consent' }).click()
      await f.getByRole('button', { name: 'Reveal consent' }).click()

      expect(await consentRow(f, 'Theatre app', 'Surgeons')).toEqual(['1', '0', '0'])
      expect(await consentRow(f, 'Theatre app', 'Nurses')).toEqual(['0', '1', '0'])
      expect(await consentRow(nurse.page, 'Theatre app', 'Surgeons')).toEqual(['1', '0', '0'])
      await expectNoAxeViolations(f, 'the facilitator’s decide view')
      await expectNoAxeViolations(nurse.page, 'the phone’s decide view (revealed)')

      const projector = await facilitator.context.newPage()
      await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
      expect(await consentRow(projector, 'Theatre app', 'Nurses')).toEqual(['0', '1', '0'])
      await expectNoAxeViolations(projector, 'the projector’s decide view')

      // The Markdown export carries the decision and the counts per group.
      const [download] = await Promise.all([
        f.waitForEvent('download', { timeout: WAIT }),
        f.getByRole('button', { name: 'Export Markdown', exact: true }).click(),
      ])
      const markdown = await readFile((await download.path())!, 'utf8')
      expect(markdown).toContain('### Theatre app')
      expect(markdown).toContain(`**Rationale:** ${RATIONALE}`)
      expect(markdown).toContain('| Nurses | Too many logins already |')
      expect(markdown).toContain('| Surgeons | 1 | 0 | 0 |')
      expect(markdown).toContain('| Nurses | 0 | 1 | 0 |')
    } finally {
      await nurse.context.close()
      await surgeon.context.close()
      await facilitator.context.close()
    }
  })
})
