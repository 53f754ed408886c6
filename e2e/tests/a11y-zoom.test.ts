// Text at 200 % on a 320 px phone (WCAG 1.4.4 and 1.4.10): every view a participant sees,
// through every phase and every round a phone answers (2x2 ratings, weights, scores, consent),
// fits the width — no sideways scrolling — and every field keeps room
// for at least ten characters, with long words and links in ideas, clusters and the title.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { layoutProblems, openZoomedPhone } from '../fixtures/a11y'
import { addItems } from '../fixtures/board'
import { openFacilitator } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { addDots, waitForDotsLeft } from '../fixtures/voting'
import { createWorkshop, waitForPhase, waitForStatus } from '../fixtures/workshop'

const WAIT = 15_000
const LINK = 'https://intranet.example-hospital.org/theatre/scheduling/very-long-path/2026?ref=x'
const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'

const suite = useSuite()

/** A workshop with long words in its title and items, Dana's zoomed phone joined. */
interface Session {
  readonly f: Page
  readonly p: Page
  readonly workshopId: string
  readonly problems: string[]
  /** Records the layout problems of the phone's view as it is now. */
  check(view: string): Promise<void>
  /** The facilitator moves to a phase; the phone follows. */
  toPhase(label: string): Promise<void>
  close(): Promise<void>
}

async function session(): Promise<Session> {
  const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
  const phone = await openZoomedPhone(suite.browser, suite.server.baseURL)
  const f = facilitator.page
  const p = phone.page
  const problems: string[] = []
  const close = async () => {
    await phone.context.close()
    await facilitator.context.close()
  }
  const check = async (view: string) => {
    // Measured once the page has laid out its large text.
    await p.evaluate(() => document.fonts.ready.then(() => undefined))
    problems.push(...(await layoutProblems(p)).map((line) => `${view}: ${line}`))
  }
  const toPhase = async (label: string) => {
    await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label }).click()
    await waitForPhase(p, label)
  }
  try {
    // The text really is twice the size: the app follows the root font size.
    await p.goto('/')
    await expect(p.evaluate(() => getComputedStyle(document.body).fontSize)).resolves.toBe('32px')
    await check('the start page')

    const { joinCode, workshopId } = await createWorkshop(f, {
      title: `Theatre ${LONG_WORD} scheduling`,
      groups: ['Surgeons', 'Anaesthetists and recovery nurses'],
      anonymous: false,
    })
    await addItems(f, [`See ${LINK}`, `${LONG_WORD} ${LONG_WORD}`])

    await p.goto(`/j/${joinCode}`)
    await p.getByLabel('Your name').waitFor({ timeout: WAIT })
    await check('the join page')
    await p.getByLabel('Your name').fill('Dana')
    await p.getByRole('radio', { name: 'Surgeons', exact: true }).check()
    await p.getByRole('button', { name: 'Join', exact: true }).click()
    await waitForPhase(p, 'Set-up')
    await waitForStatus(p, 'Connected')
    await check('set-up')
    return { f, p, workshopId, problems, check, toPhase, close }
  } catch (error) {
    await close()
    throw error
  }
}

describe('text at 200 % on a 320 px phone: no sideways scrolling, fields of ten characters', () => {
  it('the start page, joining, set-up and the brainstorm', async () => {
    const { f, p, problems, check, toPhase, close } = await session()
    try {
      await toPhase('Brainstorm')
      const box = p.getByRole('textbox', { name: 'New idea' })
      await box.fill(`Read ${LINK}`)
      await box.press('Enter')
      await box.fill(LONG_WORD)
      await box.press('Enter')
      await p
        .getByRole('list', { name: 'Your drafts' })
        .getByRole('listitem')
        .nth(1)
        .waitFor({ timeout: WAIT })
      await check('brainstorm with drafts')
      await p.getByRole('button', { name: `Edit draft: ${LONG_WORD}` }).click()
      await p.getByRole('textbox', { name: 'Edit draft' }).waitFor()
      await check('brainstorm, editing a draft')
      await p.getByRole('button', { name: 'Cancel' }).click()

      // A timer that runs out and closes idea entry.
      await f.getByRole('spinbutton', { name: 'Minutes' }).fill('0.1')
      await f.getByRole('button', { name: 'Start timer' }).click()
      await p.getByRole('timer', { name: 'Time left' }).waitFor({ timeout: WAIT })
      await check('brainstorm with the timer running')
      await p.getByText('Time is up — idea entry is closed').waitFor({ timeout: WAIT })
      await check('brainstorm at zero')
      await f.getByRole('button', { name: 'Clear timer' }).click()

      await f.getByRole('button', { name: 'Reveal ideas' }).click()
      await p
        .getByRole('list', { name: 'Your ideas on the board' })
        .getByRole('listitem')
        .nth(1)
        .waitFor({ timeout: WAIT })
      await check('brainstorm after the reveal')
      await f.getByRole('checkbox', { name: 'Open adding' }).check()
      await p.getByRole('button', { name: 'Add to board' }).waitFor({ timeout: WAIT })
      await check('brainstorm with open adding')

      expect(problems).toEqual([])
    } finally {
      await close()
    }
  })

  it('clustering, voting, the results, the later phases and the notices', async () => {
    const { f, p, workshopId, problems, check, toPhase, close } = await session()
    try {
      await toPhase('Cluster')
      const cluster = `Scheduling ${LONG_WORD}`
      await p.getByLabel('Name of a new cluster').fill(cluster)
      await p.getByRole('button', { name: 'New cluster' }).click()
      await p.getByRole('list', { name: cluster }).waitFor({ state: 'attached', timeout: WAIT })
      await p
        .getByRole('combobox', { name: `Move to cluster: See ${LINK}` })
        .selectOption({ label: cluster })
      await p.getByRole('list', { name: cluster }).getByText(LINK).waitFor({ timeout: WAIT })
      await check('cluster')
      await f.getByRole('checkbox', { name: 'Lock board' }).check()
      await p.getByText('The facilitator has locked the board').waitFor({ timeout: WAIT })
      await check('cluster, locked')
      await f.getByRole('checkbox', { name: 'Lock board' }).uncheck()

      await toPhase('Vote')
      await p.getByText('Voting has not opened yet').waitFor({ timeout: WAIT })
      await check('vote, not open yet')
      await f.getByRole('button', { name: 'Open voting' }).click()
      await waitForDotsLeft(p, 5, 5)
      // The link is in the cluster: by default the ballot lists the cluster, once, and not the
      // idea again on its own.
      await expect(
        p.getByRole('button', { name: `Add a dot to See ${LINK}`, exact: true }).count(),
      ).resolves.toBe(0)
      await addDots(p, cluster, 2)
      await check('vote, open')
      await f.getByRole('button', { name: 'Close voting' }).click()
      await p.getByText('Voting is closed').waitFor({ timeout: WAIT })
      await check('vote, closed')
      await f.getByRole('button', { name: 'Reveal results' }).click()
      await p.getByRole('img', { name: /^Dots per item/ }).waitFor({ timeout: WAIT })
      await check('vote results')

      // The later phases, before and while their rounds collect input on the phone.
      await toPhase('Impact vs effort')
      await check('Impact vs effort')
      await f.getByRole('button', { name: 'Open rating' }).click()
      await p.getByRole('heading', { name: 'Rate each item' }).waitFor({ timeout: WAIT })
      await check('Impact vs effort, rating open')
      await f.getByRole('button', { name: 'Close rating' }).click()

      await toPhase('Weigh')
      await check('Weigh')
      await f.getByLabel('Preset').selectOption({ label: 'Clinical value framework' })
      await f.getByRole('button', { name: 'Use this preset' }).click()
      await f.getByRole('button', { name: 'Save criteria' }).click()
      await f.getByRole('button', { name: 'Open weighting' }).click()
      await p.getByRole('button', { name: 'Start from the suggested weights' }).click()
      await p.getByText('All 100 points shared', { exact: true }).waitFor({ timeout: WAIT })
      await check('Weigh, proposing weights')
      await f.getByRole('button', { name: 'Close weighting' }).click()
      await f.getByRole('button', { name: 'Reveal weights' }).click()
      await f.getByText('The weight proposals are revealed.').waitFor({ timeout: WAIT })
      await f.getByRole('button', { name: 'Adopt weights' }).click()
      await f.getByRole('button', { name: 'Open scoring' }).click()
      await p.getByRole('heading', { name: 'Score the items' }).waitFor({ timeout: WAIT })
      await check('Weigh, scoring open')
      await f.getByRole('button', { name: 'Close scoring' }).click()

      await toPhase('Decide')
      await check('Decide')
      const item = f.getByRole('combobox', { name: 'Item to decide on' })
      await item.selectOption({ index: 1 })
      await f.getByRole('button', { name: 'Add decision', exact: true }).click()
      await f.getByRole('button', { name: /^Record decision: / }).click()
      await f.getByText('Recorded in the decision log.', { exact: true }).waitFor({ timeout: WAIT })
      await f.getByRole('button', { name: 'Ask for consent' }).click()
      await p.getByRole('radio', { name: 'I can live with it' }).first().waitFor({ timeout: WAIT })
      await check('Decide, consent open')

      await p.goto('/j/ZZZZZZ')
      await p.getByRole('heading', { name: 'Cannot join' }).waitFor({ timeout: WAIT })
      await check('a join code that does not exist')
      await p.goto(`/w/${workshopId}/facilitate`)
      await p.getByRole('heading', { name: 'This page is for the facilitator' }).waitFor()
      await check('the console opened on a phone')
      await p.goto('/nowhere')
      await p.getByRole('heading', { name: 'Page not found' }).waitFor()
      await check('a page that does not exist')

      expect(problems).toEqual([])
    } finally {
      await close()
    }
  })
})
