// The weigh phase end to end: the facilitator sets up the clinical value framework, three phones
// in two stakeholder groups share 100 points each, and until the reveal no other device receives
// any phone's points (every frame decoded: the Yjs items and the awareness states). After the
// reveal the per-group and overall means match the figures worked out by hand below; the
// facilitator adopts weights and enters scores, and the ranking, each group's ranking and the
// sensitivity sentence appear on the console, the projector and the phones, with no axe findings.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import {
  captureSockets,
  docOfSocket,
  participantIdOf,
  type SocketCapture,
} from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'
import { valuesCarried } from '../fixtures/frame-values'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']
const ROTA = 'Shared on-call rota'
const TRIAGE = 'Radiology request triage'
const LOUNGE = 'Discharge lounge'

const CI = 'Clinical Impact'
const WE = 'Workflow Efficiency'
const ABR = 'Adoption Barrier Reduction'
const RE = 'Revenue Enablement'
const CRITERIA = [CI, WE, ABR, RE]
const CRITERION_IDS = [
  'clinical-impact',
  'workflow-efficiency',
  'adoption-barrier-reduction',
  'revenue-enablement',
]

// Proposals (CI, WE, ABR, RE):
//   Ana (Surgeons)      50 20 20 10   (from the suggested 25s: −5 WE, −5 ABR, −15 RE, +25 CI)
//   Ben (Surgeons)      30 30 20 20   (from nothing, in steps of 5)
//   Cy  (Radiologists)  10 20 30 40   (from the suggested 25s: −15 CI, −5 WE, +5 ABR, +15 RE)
// Surgeons' mean       40 25 20 15
// Radiologists' mean   10 20 30 40
// Every group equal    25 22.5 25 27.5      (mean of the two group means)
// Every person equal   30 23.3 23.3 23.3    (90/3, 70/3, 70/3, 70/3)
// Consensus: PS(Ana,Ben) = 1 − ½(.2+.1+0+.1) = .8; PS(Ana,Cy) = 1 − ½(.4+0+.1+.3) = .6;
//            PS(Ben,Cy) = 1 − ½(.2+.1+.1+.2) = .7; mean 70 %.
const EXPECTED_WEIGHTS: Record<string, Record<string, string>> = {
  [CI]: {
    'Surgeons (2)': '40',
    'Radiologists (1)': '10',
    'Every group equal': '25',
    'Every person equal': '30',
  },
  [WE]: {
    'Surgeons (2)': '25',
    'Radiologists (1)': '20',
    'Every group equal': '22.5',
    'Every person equal': '23.3',
  },
  [ABR]: {
    'Surgeons (2)': '20',
    'Radiologists (1)': '30',
    'Every group equal': '25',
    'Every person equal': '23.3',
  },
  [RE]: {
    'Surgeons (2)': '15',
    'Radiologists (1)': '40',
    'Every group equal': '27.5',
    'Every person equal': '23.3',
  },
}

// Adopted 40 / 20 / 20 / 20. Scores on 1–5 (value (s − 1)/4):
//   rota    5 4 3 1 → 100 × (.4·1 + .2·.75 + .2·.5 + .2·0)   = 65
//   triage  3 5 4 4 → 100 × (.4·.5 + .2·1 + .2·.75 + .2·.75) = 70
//   lounge  1 2 2 5 → 100 × (0 + .2·.25 + .2·.25 + .2·1)     = 30
// Surgeons' weights (.40 .25 .20 .15): triage 71.25, rota 68.75, lounge 26.25.
// Radiologists' weights (.1 .2 .3 .4): triage 77.5, lounge 52.5, rota 40.
const SCORES: Record<string, number[]> = {
  [ROTA]: [5, 4, 3, 1],
  [TRIAGE]: [3, 5, 4, 4],
  [LOUNGE]: [1, 2, 2, 5],
}
const RANKING = [
  ['1st', TRIAGE, '70'],
  ['2nd', ROTA, '65'],
  ['3rd', LOUNGE, '30'],
]
const SURGEONS_ORDER = [TRIAGE, ROTA, LOUNGE]
const RADIOLOGISTS_ORDER = [TRIAGE, LOUNGE, ROTA]
const SENTENCE = new RegExp(
  `^${TRIAGE} stays in first place in \\d{1,3} % of plausible weightings; (it drops out if .+ (rises above|falls below) [\\d.]+ %|no single weight moved on its own takes it out)\\.$`,
)

const suite = useSuite()

/** A table (by its caption) as text: first cell of each row → header → cell. */
async function readTable(
  page: Page,
  name: string,
): Promise<Record<string, Record<string, string>>> {
  const table = page.getByRole('table', { name, exact: true })
  await table.waitFor({ timeout: WAIT })
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim())
  const rows: Record<string, Record<string, string>> = {}
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.trim())
    const entry: Record<string, string> = {}
    headers.forEach((h, i) => i > 0 && (entry[h] = cells[i] ?? ''))
    rows[cells[0] ?? ''] = entry
  }
  return rows
}

/** A table's rows as lists of cell texts. */
async function tableRows(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: true })
  await table.waitFor({ timeout: WAIT })
  const out: string[][] = []
  for (const row of await table.locator('tbody tr').all()) {
    out.push((await row.locator('th, td').allInnerTexts()).map((c) => c.trim()))
  }
  return out
}

async function tap(page: Page, label: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++)
    await page.getByRole('button', { name: label, exact: true }).click()
}

/** Waits until the phone shows `points` for each criterion and the points left. */
async function waitForAllocation(page: Page, points: readonly number[]): Promise<void> {
  const list = page.getByRole('list', { name: 'Criteria to weigh', exact: true })
  for (const [i, name] of CRITERIA.entries()) {
    await list
      .getByRole('listitem')
      .filter({ hasText: name })
      .getByText(`${points[i]} points`, { exact: true })
      .waitFor({ timeout: WAIT })
  }
  await page.getByText('All 100 points shared', { exact: true }).waitFor({ timeout: WAIT })
}

/** The numbers a device received under a criterion's key, on any document but its own private one. */
function pointsReceived(capture: SocketCapture, ownPrivate: string | null): unknown[] {
  return capture
    .sockets()
    .filter((socket) => docOfSocket(socket.url) !== ownPrivate)
    .flatMap((socket) => valuesCarried(socket.received))
    .filter((v) => v.key !== null && CRITERION_IDS.includes(v.key))
    .map((v) => v.value)
}

/** The projector's one table: rank, item, score, then each group's rank (score) of the item. */
const COMBINED = 'Ranking, and each group’s rank with its own weights'

/** Items in the order one group's column of the combined table ranks them. */
function orderByColumn(rows: readonly string[][], column: number): string[] {
  return [...rows]
    .sort((a, b) => parseInt(a[column]!, 10) - parseInt(b[column]!, 10))
    .map((r) => r[1]!)
}

async function expectCombinedRanking(page: Page, what: string): Promise<void> {
  const rows = await tableRows(page, COMBINED)
  expect(
    rows.map((r) => r.slice(0, 3)),
    what,
  ).toEqual(RANKING)
  const head = await page
    .getByRole('table', { name: COMBINED, exact: true })
    .locator('thead th')
    .allInnerTexts()
  expect(head.slice(3), what).toEqual(['Surgeons', 'Radiologists'])
  expect(orderByColumn(rows, 3), what).toEqual(SURGEONS_ORDER)
  expect(orderByColumn(rows, 4), what).toEqual(RADIOLOGISTS_ORDER)
}

async function expectRanking(page: Page, what: string): Promise<void> {
  await page.getByRole('table', { name: 'Ranking', exact: true }).waitFor({ timeout: WAIT })
  expect(await tableRows(page, 'Ranking'), what).toEqual(RANKING)
  const order = async (name: string) => (await tableRows(page, name)).map((r) => r[1])
  const surgeons = page.getByRole('table', { name: /^Ranking with the weights of Surgeons/ })
  const radiologists = page.getByRole('table', {
    name: /^Ranking with the weights of Radiologists/,
  })
  expect(
    await order((await surgeons.getAttribute('aria-label')) ?? (await captionOf(surgeons))),
  ).toEqual(SURGEONS_ORDER)
  expect(await order(await captionOf(radiologists))).toEqual(RADIOLOGISTS_ORDER)
}

async function captionOf(table: ReturnType<Page['getByRole']>): Promise<string> {
  return (await table.locator('caption').innerText()).trim()
}

async function sentenceOn(page: Page): Promise<string> {
  const item = page.getByRole('listitem').filter({ hasText: SENTENCE })
  await item.first().waitFor({ timeout: WAIT })
  return (await item.first().innerText()).trim()
}

describe('weighing the criteria', () => {
  it('keeps proposals sealed until the reveal, then ranks overall and per group on every screen', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phones = await Promise.all(
      [0, 1, 2].map(() => openPhone(suite.browser, suite.server.baseURL)),
    )
    const screens: Screen[] = [facilitator, ...phones]
    const f = facilitator.page
    const [ana, ben, cy] = phones.map((p) => p.page) as [Page, Page, Page]
    const capture = new Map<Page, SocketCapture>(
      [f, ana, ben, cy].map((page) => [page, captureSockets(page)]),
    )
    try {
      const { workshopId, joinCode } = await createWorkshop(f, {
        title: 'Imaging investment',
        groups: GROUPS,
      })
      const projector = await facilitator.context.newPage()
      capture.set(projector, captureSockets(projector))
      await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
      await joinWorkshop(ana, { code: joinCode, name: 'Ana', group: 'Surgeons' })
      await joinWorkshop(ben, { code: joinCode, name: 'Ben', group: 'Surgeons' })
      await joinWorkshop(cy, { code: joinCode, name: 'Cy', group: 'Radiologists' })
      await addItems(f, [ROTA, TRIAGE, LOUNGE])
      await f
        .getByRole('list', { name: 'Phases' })
        .getByRole('button', { name: 'Weigh', exact: true })
        .click()
      for (const phone of [ana, ben, cy]) await waitForPhase(phone, 'Weigh')

      // The clinical value framework, as the preset states it.
      await f.getByLabel('Preset').selectOption({ label: 'Clinical value framework' })
      await f.getByRole('button', { name: 'Use this preset' }).click()
      await f.getByText('Each criterion starts at 25 points of 100.').waitFor({ timeout: WAIT })
      await f.getByRole('button', { name: 'Save criteria' }).click()
      await f.getByRole('button', { name: 'Open weighting' }).click()
      await f.getByText('Weighting is open').waitFor({ timeout: WAIT })

      // Ana: from the suggested 25s.
      await ana.getByRole('button', { name: 'Start from the suggested weights' }).click()
      await waitForAllocation(ana, [25, 25, 25, 25])
      await tap(ana, `Take 5 points from ${WE}`)
      await tap(ana, `Take 5 points from ${ABR}`)
      await tap(ana, `Take 5 points from ${RE}`, 3)
      await ana.getByText('25 of 100 points left to share').waitFor({ timeout: WAIT })
      await tap(ana, `Add 5 points to ${CI}`, 5)
      await waitForAllocation(ana, [50, 20, 20, 10])
      // Ben: from nothing.
      await tap(ben, `Add 5 points to ${CI}`, 6)
      await tap(ben, `Add 5 points to ${WE}`, 6)
      await tap(ben, `Add 5 points to ${ABR}`, 4)
      await tap(ben, `Add 5 points to ${RE}`, 4)
      await waitForAllocation(ben, [30, 30, 20, 20])
      // Nothing is left to add: the add buttons are off.
      await expect(
        ben.getByRole('button', { name: `Add 1 point to ${CI}`, exact: true }).isDisabled(),
      ).resolves.toBe(true)
      // Cy: from the suggested 25s.
      await cy.getByRole('button', { name: 'Start from the suggested weights' }).click()
      await waitForAllocation(cy, [25, 25, 25, 25])
      await tap(cy, `Take 5 points from ${CI}`, 3)
      await tap(cy, `Take 5 points from ${WE}`)
      await tap(cy, `Add 5 points to ${ABR}`)
      await tap(cy, `Add 5 points to ${RE}`, 3)
      await waitForAllocation(cy, [10, 20, 30, 40])

      const progress = f.getByRole('list', { name: 'Weighting progress', exact: true })
      for (const name of ['Ana', 'Ben', 'Cy']) {
        await progress.getByText(`${name}: proposed`).waitFor({ timeout: WAIT })
      }
      await f
        .getByText('3 of 3 participants have started proposing weights')
        .waitFor({ timeout: WAIT })
      await f.getByRole('button', { name: 'Close weighting' }).click()
      await f.getByRole('button', { name: 'Reveal weights' }).waitFor({ timeout: WAIT })

      // Sealed and not revealed: no device but the proposer received any points under a
      // criterion's key — only the framework's starting 25s (the control document's criteria).
      const own = new Map<Page, string>()
      for (const phone of [ana, ben, cy]) {
        own.set(phone, `${workshopId}/private/${await participantIdOf(phone, workshopId)}`)
      }
      // The check can see a proposal where there is one: Ana's own frames to her private
      // document decode to her points.
      const anaSent = valuesCarried(capture.get(ana)!.sent((doc) => doc === own.get(ana)))
      const anaPoints = (id: string) => anaSent.filter((v) => v.key === id).map((v) => v.value)
      expect(anaPoints('clinical-impact')).toContain(50)
      expect(anaPoints('revenue-enablement')).toContain(10)
      for (const [page, what] of [
        [f, 'the console'],
        [projector, 'the projector'],
        [ana, 'Ana'],
        [ben, 'Ben'],
        [cy, 'Cy'],
      ] as const) {
        const received = pointsReceived(capture.get(page)!, own.get(page) ?? null)
        // The console wrote the criteria itself; every other device received them.
        if (page !== f) {
          expect(received.length, `${what} received the starting weights`).toBeGreaterThan(0)
        }
        expect(new Set(received), `points ${what} received before the reveal`).toEqual(
          new Set(received.length > 0 ? [25] : []),
        )
        // No device opened anyone else's private document.
        const docs = capture
          .get(page)!
          .sockets()
          .map((s) => decodeURIComponent(new URL(s.url).pathname.replace(/^\/sync\//, '')))
        expect(
          docs.filter((d) => d.includes('/private/') && d !== own.get(page)),
          what,
        ).toEqual([])
      }

      await f.getByRole('button', { name: 'Reveal weights' }).click()
      await f.getByText('The weight proposals are revealed.').waitFor({ timeout: WAIT })
      const revealed = await readTable(f, 'Weight proposals')
      for (const [criterion, expected] of Object.entries(EXPECTED_WEIGHTS)) {
        expect(revealed[criterion], criterion).toMatchObject(expected)
      }
      await f.getByText('Consensus 70 %').waitFor({ timeout: WAIT })
      await f.getByText(/Consensus method: mean pairwise proportional similarity/).waitFor()
      for (const name of [
        'Mean proposal per criterion, by stakeholder group and overall',
        'Spread of the proposals per criterion: lowest, quartiles, median and highest',
      ]) {
        await f.getByRole('img', { name, exact: true }).waitFor({ timeout: WAIT })
      }

      // Adopt 40 / 20 / 20 / 20, every group counted equally.
      for (const [i, name] of CRITERIA.entries()) {
        await f.getByLabel(`Points for ${name}`).fill(String([40, 20, 20, 20][i]))
      }
      await f.getByRole('button', { name: 'Adopt weights' }).click()
      await f
        .getByText(`Adopted weights: ${CI} 40, ${WE} 20, ${ABR} 20, ${RE} 20`)
        .waitFor({ timeout: WAIT })

      // Consensus scores, and first place as the top.
      for (const [item, scores] of Object.entries(SCORES)) {
        for (const [i, name] of CRITERIA.entries()) {
          await f.getByLabel(`Score of ${item} on ${name}`).fill(String(scores[i]))
        }
      }
      await f.getByLabel('Places in the top (1–10)').fill('1')
      await f.getByRole('button', { name: 'Save scores' }).click()

      // The ranking, each group's ranking and the same sentence on every screen.
      await expectRanking(f, 'the console')
      await f
        .getByRole('img', {
          name: "Weighted score per item, stacked by each criterion's contribution",
        })
        .waitFor({ timeout: WAIT })
      const sentence = await sentenceOn(f)
      await expectCombinedRanking(projector, 'the projector')
      expect(await sentenceOn(projector)).toBe(sentence)
      for (const phone of [ana, ben, cy]) {
        await expectRanking(phone, 'a phone')
        expect(await sentenceOn(phone)).toBe(sentence)
      }
      // Each phone: its own proposal beside the adopted weights, and its group's ranking.
      expect(await readTable(ana, 'Your proposal and the adopted weights')).toEqual({
        [CI]: { Yours: '50', Adopted: '40' },
        [WE]: { Yours: '20', Adopted: '20' },
        [ABR]: { Yours: '20', Adopted: '20' },
        [RE]: { Yours: '10', Adopted: '20' },
      })
      await cy
        .getByRole('table', { name: 'Ranking with the weights of Radiologists (your group)' })
        .waitFor({ timeout: WAIT })

      await expectNoAxeViolations(f, 'the console')
      await expectNoAxeViolations(projector, 'the projector')
      await expectNoAxeViolations(ana, 'a phone')
    } finally {
      for (const screen of screens) await screen.context.close()
    }
  })
})
