// Phones score the items (issue 12, point 3): after the weights are adopted, two phones in two
// stakeholder groups score two items on each criterion with one-handed steppers (one skips a
// cell); until the reveal no other device receives any score (every frame decoded); after the
// reveal the means, the ranking and each group's ranking with its own scores match the figures
// worked out by hand below, on the console and the projector, with no axe findings.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { valuesCarried } from '../fixtures/frame-values'
import { useSuite } from '../fixtures/suite'
import {
  captureSockets,
  docOfSocket,
  participantIdOf,
  type SocketCapture,
} from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const ROTA = 'Shared on-call rota'
const TRIAGE = 'Radiology request triage'
const CRITERIA = [
  'Clinical Impact',
  'Workflow Efficiency',
  'Adoption Barrier Reduction',
  'Revenue Enablement',
]
const CRITERION_IDS = [
  'clinical-impact',
  'workflow-efficiency',
  'adoption-barrier-reduction',
  'revenue-enablement',
]

// Both phones keep the suggested 25s; the facilitator adopts 40 / 20 / 20 / 20 (groups equal).
// Scores on 1–5 (value (s − 1)/4), CI WE ABR RE; null is "Skip / don't know":
//   Ana (Surgeons)      rota 5 4 3 1    triage 3 5 4 4
//   Cy  (Radiologists)  rota 3 2 3 5    triage 1 3 2 –
// Each group has one scorer, so every group equal = every person equal:
//   rota   4 3 3 3     → 100 × (.4·.75 + .2·.5 + .2·.5 + .2·.5)   = 60
//   triage 2 4 3 4     → 100 × (.4·.25 + .2·.75 + .2·.5 + .2·.75) = 50  (RE: Ana's 4 only)
// Each group with its own weights (25 each) and its own scores:
//   Surgeons      rota (1 + .75 + .5 + 0)/4 = 56.25, triage (.5 + 1 + .75 + .75)/4 = 75
//   Radiologists  rota (.5 + .25 + .5 + 1)/4 = 56.25, triage (0 + .5 + .25 + 0)/4 = 18.75
// (with the overall means both groups would tie rota and triage at 56.25, rota first).
const SCORES: Record<string, Record<string, readonly (number | null)[]>> = {
  Ana: { [ROTA]: [5, 4, 3, 1], [TRIAGE]: [3, 5, 4, 4] },
  Cy: { [ROTA]: [3, 2, 3, 5], [TRIAGE]: [1, 3, 2, null] },
}
const GROUP_EQUAL = {
  [ROTA]: ['4', '3', '3', '3'],
  [TRIAGE]: ['2', '4', '3', '4'],
}
const RANKING = [
  ['1st', ROTA, '60'],
  ['2nd', TRIAGE, '50'],
]

const suite = useSuite()

async function tableRows(page: Page, name: string | RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: typeof name === 'string' })
  await table.waitFor({ timeout: WAIT })
  const out: string[][] = []
  for (const row of await table.locator('tbody tr').all()) {
    out.push((await row.locator('th, td').allInnerTexts()).map((c) => c.trim()))
  }
  return out
}

async function tap(page: Page, label: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    await page.getByRole('button', { name: label, exact: true }).click()
  }
}

/** Scores every cell: the first step starts at the scale's middle (3), then steps to the score. */
async function score(page: Page, scores: Record<string, readonly (number | null)[]>) {
  for (const [item, row] of Object.entries(scores)) {
    for (const [i, name] of CRITERIA.entries()) {
      const s = row[i] ?? null
      await tap(page, `Raise ${name} for ${item}`, 1)
      if (s === null) {
        await page
          .getByRole('button', { name: `Skip / don’t know: ${name} for ${item}`, exact: true })
          .click()
      } else if (s > 3) await tap(page, `Raise ${name} for ${item}`, s - 3)
      else if (s < 3) await tap(page, `Lower ${name} for ${item}`, 3 - s)
    }
  }
}

/** Numbers a device received under a criterion's key on any document but its own private one. */
function criterionValuesReceived(capture: SocketCapture, ownPrivate: string | null): unknown[] {
  return capture
    .sockets()
    .filter((socket) => docOfSocket(socket.url) !== ownPrivate)
    .flatMap((socket) => valuesCarried(socket.received))
    .filter((v) => v.key !== null && CRITERION_IDS.includes(v.key))
    .map((v) => v.value)
}

describe('scoring the items on phones', () => {
  it('keeps scores sealed until the reveal, then ranks on them, each group on its own', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phones = await Promise.all(
      [0, 1].map(() => openPhone(suite.browser, suite.server.baseURL)),
    )
    const screens: Screen[] = [facilitator, ...phones]
    const f = facilitator.page
    const [ana, cy] = phones.map((p) => p.page) as [Page, Page]
    const capture = new Map<Page, SocketCapture>(
      [f, ana, cy].map((page) => [page, captureSockets(page)]),
    )
    try {
      const { workshopId, joinCode } = await createWorkshop(f, {
        title: 'Imaging investment',
        groups: ['Surgeons', 'Radiologists'],
      })
      const projector = await facilitator.context.newPage()
      capture.set(projector, captureSockets(projector))
      await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
      await joinWorkshop(ana, { code: joinCode, name: 'Ana', group: 'Surgeons' })
      await joinWorkshop(cy, { code: joinCode, name: 'Cy', group: 'Radiologists' })
      await addItems(f, [ROTA, TRIAGE])
      await f
        .getByRole('list', { name: 'Phases' })
        .getByRole('button', { name: 'Weigh', exact: true })
        .click()
      for (const phone of [ana, cy]) await waitForPhase(phone, 'Weigh')

      // Weights: both phones keep the suggested 25s; the facilitator adopts 40 / 20 / 20 / 20.
      await f.getByLabel('Preset').selectOption({ label: 'Clinical value framework' })
      await f.getByRole('button', { name: 'Use this preset' }).click()
      await f.getByRole('button', { name: 'Save criteria' }).click()
      await f.getByRole('button', { name: 'Open weighting' }).click()
      for (const phone of [ana, cy]) {
        await phone.getByRole('button', { name: 'Start from the suggested weights' }).click()
        await phone.getByText('All 100 points shared', { exact: true }).waitFor({ timeout: WAIT })
      }
      await f.getByText('2 of 2 participants have started proposing weights').waitFor()
      await f.getByRole('button', { name: 'Close weighting' }).click()
      await f.getByRole('button', { name: 'Reveal weights' }).click()
      await f.getByText('The weight proposals are revealed.').waitFor({ timeout: WAIT })
      for (const [i, name] of CRITERIA.entries()) {
        await f.getByLabel(`Points for ${name}`).fill(String([40, 20, 20, 20][i]))
      }
      await f.getByRole('button', { name: 'Adopt weights' }).click()
      await f
        .getByText(/^Adopted weights: Clinical Impact 40/)
        .first()
        .waitFor({ timeout: WAIT })

      // Scoring on phones.
      await f.getByRole('button', { name: 'Open scoring' }).click()
      await f.getByText('Scoring is open').waitFor({ timeout: WAIT })
      await projector.getByText('0 of 2 have started scoring').waitFor({ timeout: WAIT })
      await ana.getByRole('heading', { name: 'Score the items' }).waitFor({ timeout: WAIT })
      await expectNoAxeViolations(ana, 'a phone scoring')
      await score(ana, SCORES.Ana!)
      await score(cy, SCORES.Cy!)
      await ana.getByText('8 of 8 scored', { exact: true }).waitFor({ timeout: WAIT })
      await cy.getByText('7 of 8 scored', { exact: true }).waitFor({ timeout: WAIT })
      const progress = f.getByRole('list', { name: 'Scoring progress', exact: true })
      await progress.getByText('Ana: 8 of 8 scored').waitFor({ timeout: WAIT })
      await progress.getByText('Cy: 7 of 8 scored').waitFor({ timeout: WAIT })
      await projector.getByText('2 of 2 have started scoring').waitFor({ timeout: WAIT })
      await ana.getByRole('button', { name: "I'm done", exact: true }).click()
      await f.getByText('1 of 2 done').first().waitFor({ timeout: WAIT })
      await expectNoAxeViolations(f, 'the console while scoring')
      await expectNoAxeViolations(projector, 'the projector while scoring')
      await f.getByRole('button', { name: 'Close scoring' }).click()
      await f.getByRole('button', { name: 'Reveal scores' }).waitFor({ timeout: WAIT })
      await ana.getByText('Scoring is closed: your scores are sealed.').waitFor({ timeout: WAIT })

      // Sealed, not revealed: the check sees scores where they are (Ana's own frames) …
      const own = new Map<Page, string>()
      for (const phone of [ana, cy]) {
        own.set(phone, `${workshopId}/private/${await participantIdOf(phone, workshopId)}`)
      }
      const anaSent = valuesCarried(capture.get(ana)!.sent((doc) => doc === own.get(ana)))
      expect(anaSent.filter((v) => v.key === 'revenue-enablement').map((v) => v.value)).toContain(1)
      // … and no other device received any: under a criterion's key only weights (25, 40, 20).
      for (const [page, what] of [
        [f, 'the console'],
        [projector, 'the projector'],
        [ana, 'Ana'],
        [cy, 'Cy'],
      ] as const) {
        const received = criterionValuesReceived(capture.get(page)!, own.get(page) ?? null)
        const scores = received.filter((v) => typeof v === 'number' && v >= 1 && v <= 5)
        expect(scores, `scores ${what} received before the reveal`).toEqual([])
      }

      await f.getByRole('button', { name: 'Reveal scores' }).click()
      await f.getByRole('heading', { name: 'Revealed scores' }).waitFor({ timeout: WAIT })
      expect(await tableRows(f, 'Mean scores, every group equal')).toEqual([
        [ROTA, ...GROUP_EQUAL[ROTA]],
        [TRIAGE, ...GROUP_EQUAL[TRIAGE]],
      ])
      const people = await tableRows(f, 'Mean scores, every person equal')
      expect(people[1]?.[4]).toMatch(/^4 \(n 1(, IQR 0)?\)$/)
      expect(people[0]?.[1]).toMatch(/^4 \(n 2, IQR [\d.]+\)$/)
      expect(await tableRows(f, 'Surgeons (1)')).toEqual([
        [ROTA, '5', '4', '3', '1'],
        [TRIAGE, '3', '5', '4', '4'],
      ])

      expect(await tableRows(f, 'Ranking'), 'the console').toEqual(RANKING)
      const order = async (group: string) =>
        (await tableRows(f, new RegExp(`^Ranking with the weights and scores of ${group}`))).map(
          (r) => r[1],
        )
      expect(await order('Surgeons'), 'the console').toEqual([TRIAGE, ROTA])
      expect(await order('Radiologists'), 'the console').toEqual([ROTA, TRIAGE])
      // The projector: one table, each group's rank (on its own scores) beside the overall one.
      const combined = await tableRows(
        projector,
        'Ranking, and each group’s rank with its own weights',
      )
      expect(combined.map((r) => r.slice(0, 3))).toEqual(RANKING)
      expect(combined.map((r) => [r[1], r[3]!.split(' ')[0], r[4]!.split(' ')[0]])).toEqual([
        [ROTA, '2nd', '1st'],
        [TRIAGE, '1st', '2nd'],
      ])
      // A phone: the ranking, its own group's (on its own scores) first.
      expect(await tableRows(cy, 'Ranking')).toEqual(RANKING)
      expect(
        (
          await tableRows(cy, 'Ranking with the weights and scores of Radiologists (your group)')
        ).map((r) => r[1]),
      ).toEqual([ROTA, TRIAGE])
      await expectNoAxeViolations(f, 'the console after the reveal')
      await expectNoAxeViolations(projector, 'the projector after the reveal')
    } finally {
      for (const screen of screens) await screen.context.close()
    }
  })
})
