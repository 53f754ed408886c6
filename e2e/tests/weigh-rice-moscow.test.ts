// RICE and MoSCoW through the real UI (issue 12, point 1): the facilitator picks the scores
// round's items by hand with the 2x2's chooser, then chooses the RICE preset, enters estimates
// (a hostile effort is refused in words), and the console and the projector show the RICE ranking
// worked out by hand below; MoSCoW as its own step warns when Musts pass about 60 % of the planned
// effort and stops warning when they do not; the Markdown and CSV exports carry both; axe finds
// nothing on either screen.
import { readFile } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../fixtures/artifacts'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems } from '../fixtures/board'
import { openFacilitator } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { createWorkshop } from '../fixtures/workshop'

const WAIT = 15_000
const ROTA = 'Shared on-call rota'
const TRIAGE = 'Radiology request triage'
const PORTAL = 'Patient portal messages'

// RICE = reach × impact × confidence × clinical multiplier ÷ effort (person-months):
//   Rota    400 × 2 (high)    × 0.8 (medium) × 1.5 (moderate) ÷ 4   = 240
//   Triage 1000 × 0.5 (low)   × 1 (high)     × 3 (critical)   ÷ 10  = 150
//   Portal   50 × 3 (massive) × 0.5 (low)    × 2 (major)      ÷ 0.5 = 300
const ESTIMATES = {
  [ROTA]: ['400', 'High (2)', 'Medium (80 %)', 'Moderate (1.5)', '4'],
  [TRIAGE]: ['1000', 'Low (0.5)', 'High (100 %)', 'Critical (3)', '10'],
  [PORTAL]: ['50', 'Massive (3)', 'Low (50 %)', 'Major (2)', '0.5'],
} as const
const RICE_RANKING = [
  ['1st', PORTAL, '50', 'Massive (3)', 'Low (50 %)', 'Major (× 2)', '0.5', '300'],
  ['2nd', ROTA, '400', 'High (2)', 'Medium (80 %)', 'Moderate (× 1.5)', '4', '240'],
  ['3rd', TRIAGE, '1,000', 'Low (0.5)', 'High (100 %)', 'Critical (× 3)', '10', '150'],
]
// MoSCoW, effort typed in: Rota Must 5, Triage Must 3, Portal Could 2 → Musts 8 of 10 planned,
// 80 %: past the 60 % rule. Triage moved to Could: Musts 5 of 10, 50 %: no warning.
const WARNING =
  'Warning: Musts take 80 % of the planned effort, more than about 60 %: little room is left if estimates slip.'
const WITHIN = 'Musts take 50 % of the planned effort, within about 60 %.'

const suite = useSuite()

async function tableRows(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: true })
  await table.waitFor({ timeout: WAIT })
  const out: string[][] = []
  for (const row of await table.locator('tbody tr').all()) {
    out.push((await row.locator('th, td').allInnerTexts()).map((c) => c.trim()))
  }
  return out
}

/** Effort and share per category, in the order Must, Should, Could, Won't. */
async function moscowFigures(page: Page): Promise<string[][]> {
  return (await tableRows(page, 'MoSCoW')).map((r) => [r[0]!, r[2]!, r[3]!])
}

async function exported(page: Page, label: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT }),
    page.getByRole('button', { name: `Export ${label}`, exact: true }).click(),
  ])
  const path = await artifactPath(`weigh-rice-moscow/${download.suggestedFilename()}`)
  await download.saveAs(path)
  return readFile(path, 'utf8')
}

describe('RICE and MoSCoW on the console and the projector', () => {
  it('ranks by RICE, warns on too many Musts, and exports both', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    try {
      await createWorkshop(f, { title: 'Imaging investment', groups: ['Surgeons', 'Radiologists'] })
      const projector = await facilitator.context.newPage()
      await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
      await addItems(f, [ROTA, TRIAGE, PORTAL])
      await f
        .getByRole('list', { name: 'Phases' })
        .getByRole('button', { name: 'Weigh', exact: true })
        .click()

      // The scores round takes hand-picked items with the 2x2's chooser.
      await f.getByLabel('Preset').selectOption({ label: 'Clinical value framework' })
      await f.getByRole('button', { name: 'Use this preset' }).click()
      await f.getByRole('button', { name: 'Save criteria' }).click()
      const toScore = f.getByRole('group', { name: 'Items to score' })
      await toScore.getByRole('radio', { name: 'Hand-picked items', exact: true }).check()
      await f
        .getByRole('group', { name: 'Pick the items' })
        .getByRole('checkbox', { name: TRIAGE, exact: true })
        .check()
      await f
        .getByText('1 item on 4 criteria: 4 scores per participant.')
        .waitFor({ timeout: WAIT })

      // RICE, chosen as a preset.
      await f.getByLabel('Preset').selectOption({ label: 'RICE with a clinical-impact multiplier' })
      await f.getByRole('button', { name: 'Use this preset' }).click()
      await f.getByRole('heading', { name: 'RICE estimates' }).waitFor({ timeout: WAIT })
      for (const [item, [reach, impact, confidence, clinical, effort]] of Object.entries(
        ESTIMATES,
      )) {
        await f.getByRole('textbox', { name: `Reach of ${item}`, exact: true }).fill(reach)
        await f.getByRole('combobox', { name: `Impact of ${item}` }).selectOption({ label: impact })
        await f
          .getByRole('combobox', { name: `Confidence of ${item}` })
          .selectOption({ label: confidence })
        await f
          .getByRole('combobox', { name: `Clinical multiplier of ${item}` })
          .selectOption({ label: clinical })
        await f.getByRole('textbox', { name: `Effort of ${item} in person-months` }).fill(effort)
      }
      // A hostile effort is refused in words, and nothing is saved.
      const rotaEffort = f.getByRole('textbox', { name: `Effort of ${ROTA} in person-months` })
      await rotaEffort.fill('0')
      await f.getByRole('button', { name: 'Save RICE estimates' }).click()
      await f
        .getByRole('alert')
        .getByText(`${ROTA}: effort is more than 0 and at most 1000 person-months.`)
        .waitFor({ timeout: WAIT })
      expect(await projector.getByRole('table', { name: 'RICE ranking' }).count()).toBe(0)
      await rotaEffort.fill('4')
      await f.getByRole('button', { name: 'Save RICE estimates' }).click()
      expect(await tableRows(f, 'RICE ranking')).toEqual(RICE_RANKING)
      expect(await tableRows(projector, 'RICE ranking')).toEqual(RICE_RANKING)
      await projector.getByRole('heading', { name: 'RICE ranking' }).waitFor({ timeout: WAIT })

      // MoSCoW as its own step: too many Musts.
      const tag = async (item: string, category: string, effort: string) => {
        await f
          .getByRole('combobox', { name: `MoSCoW category of ${item}` })
          .selectOption({ label: category })
        await f.getByRole('textbox', { name: `MoSCoW effort of ${item}` }).fill(effort)
      }
      await tag(ROTA, 'Must', '5')
      await tag(TRIAGE, 'Must', '3')
      await tag(PORTAL, 'Could', '2')
      await f.getByRole('button', { name: 'Save MoSCoW' }).click()
      const figures = [
        ['Must', '8', '80 %'],
        ['Should', '0', '0 %'],
        ['Could', '2', '20 %'],
        ['Won’t', '0', 'not planned'],
      ]
      for (const page of [f, projector]) {
        await page.getByText(WARNING, { exact: true }).waitFor({ timeout: WAIT })
        expect(await moscowFigures(page)).toEqual(figures)
      }
      await expectNoAxeViolations(f, 'the console with RICE and MoSCoW')
      await expectNoAxeViolations(projector, 'the projector with RICE and MoSCoW')

      // The exports carry both, with the same figures.
      const markdown = await exported(f, 'Markdown')
      expect(markdown).toContain(
        `| 1st | ${PORTAL} | 50 | Massive (3) | Low (50 %) | Major (× 2) | 0.5 | 300 |`,
      )
      expect(markdown).toContain(`| 3rd | ${TRIAGE} | 1000 | Low (0.5) | High (100 %) |`)
      expect(markdown).toContain('**Warning:** Musts take 80 % of the planned effort')
      const csv = (await exported(f, 'CSV')).replace(/^\uFEFF/, '').split('\r\n')
      const header = csv[0]!.split(',')
      const row = csv.find((line) => line.includes(PORTAL))!.split(',')
      expect(
        ['RICE score', 'RICE rank', 'MoSCoW', 'MoSCoW effort'].map((h) => row[header.indexOf(h)]),
      ).toEqual(['300', '1', 'Could', '2'])

      // Triage moves to Could: Musts 5 of 10, within the rule, on both screens.
      await f
        .getByRole('combobox', { name: `MoSCoW category of ${TRIAGE}` })
        .selectOption({ label: 'Could' })
      await f.getByRole('button', { name: 'Save MoSCoW' }).click()
      for (const page of [f, projector]) {
        await page.getByText(WITHIN, { exact: true }).waitFor({ timeout: WAIT })
        expect(await page.getByText(/^Warning:/).count()).toBe(0)
        expect((await moscowFigures(page))[0]).toEqual(['Must', '5', '50 %'])
      }
      await expectNoAxeViolations(f, 'the console after MoSCoW changed')
      await expectNoAxeViolations(projector, 'the projector after MoSCoW changed')
    } finally {
      await facilitator.context.close()
    }
  })
})
