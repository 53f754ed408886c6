// The console's export buttons: each downloads its file under the server's name (the token rides
// in a header, so the console fetches and saves a blob); the HTML export, opened on its own in
// Chromium, draws its inline SVG charts, is kept as a screenshot and prints to PDF; a failed
// export says why in words.
import { readFile } from 'node:fs/promises'
import type { Download, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { artifactPath } from '../fixtures/artifacts'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { createWorkshop, joinWorkshop } from '../fixtures/workshop'

const WAIT = 15_000
const TITLE = 'Theatre scheduling priorities'
const SLUG = 'theatre-scheduling-priorities'

const suite = useSuite()

async function exportWith(page: Page, label: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: WAIT }),
    page.getByRole('button', { name: `Export ${label}`, exact: true }).click(),
  ])
  return download
}

describe('exporting from the console', () => {
  it('downloads each format under its name, and the HTML renders, screenshots and prints', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    try {
      const f = facilitator.page
      const asked: string[] = []
      f.on('request', (r) => {
        if (r.url().includes('/export?')) asked.push(r.url())
      })
      const { joinCode } = await createWorkshop(f, { title: TITLE, groups: ['Surgeons', 'Nurses'] })
      await joinWorkshop(phone.page, { code: joinCode, name: 'Ida', group: 'Nurses' })

      const files = new Map<string, string>()
      for (const [label, extension] of [
        ['Markdown', 'md'],
        ['HTML', 'html'],
        ['JSON', 'json'],
        ['CSV', 'csv'],
      ] as const) {
        const download = await exportWith(f, label)
        expect(download.suggestedFilename()).toMatch(
          new RegExp(`^${SLUG}-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`),
        )
        const path = await artifactPath(`export-console/${download.suggestedFilename()}`)
        await download.saveAs(path)
        files.set(extension, path)
      }
      // The browser's own time zone goes with every request, for the document's dates.
      expect(asked).toHaveLength(4)
      for (const url of asked) expect(new URL(url).searchParams.get('tz')).toBeTruthy()
      const markdown = await readFile(files.get('md')!, 'utf8')
      expect(markdown.split('\n')[0]).toBe(`# ${TITLE}`)
      const record = JSON.parse(await readFile(files.get('json')!, 'utf8')) as {
        schemaVersion: number
        workshop: { title: string }
      }
      expect(record.workshop.title).toBe(TITLE)
      expect(typeof record.schemaVersion).toBe('number')

      // The HTML file on its own, as someone who was sent it would open it.
      const reader = await facilitator.context.newPage()
      const blocked: string[] = []
      reader.on('request', (r) => {
        if (!r.url().startsWith('file:')) blocked.push(r.url())
      })
      await reader.goto(`file://${files.get('html')!}`)
      await reader.getByRole('heading', { level: 1, name: TITLE }).waitFor({ timeout: WAIT })
      const chart = reader.getByRole('img', { name: 'Participants per stakeholder group' })
      await chart.waitFor({ timeout: WAIT })
      const box = await chart.boundingBox()
      expect(box?.width).toBeGreaterThan(100)
      expect(box?.height).toBeGreaterThan(20)
      // Bars are drawn: a rect of real width per group that has someone in it.
      const bars = await chart
        .locator('rect')
        .evaluateAll((rects) => rects.map((r) => (r as SVGGraphicsElement).getBBox().width))
      expect(bars.filter((w) => w > 0).length).toBeGreaterThanOrEqual(1)
      await reader.screenshot({
        path: await artifactPath('export-console/rationale.png'),
        fullPage: true,
      })
      const pdf = await reader.pdf({
        format: 'A4',
        path: await artifactPath('export-console/rationale.pdf'),
      })
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(blocked).toEqual([])
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('says why when an export fails', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    try {
      const f = facilitator.page
      await createWorkshop(f, { title: 'Fails to export', groups: ['Nurses'] })
      await f.route('**/api/workshops/*/export?*', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'Exports are paused.' } }),
        }),
      )
      await f.getByRole('button', { name: 'Export CSV', exact: true }).click()
      await f
        .getByRole('region', { name: 'Export' })
        .getByRole('alert')
        .filter({ hasText: 'Exports are paused.' })
        .waitFor({ timeout: WAIT })
    } finally {
      await facilitator.context.close()
    }
  })
})
