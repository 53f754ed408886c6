// The impact-vs-effort 2x2 with a facilitator, a projector and three phones in two groups: an
// item dragged with the mouse lands at the same place on the projector, another is moved by
// keyboard; the phones rate, and before the reveal no other device's frames — decoded into the
// documents they build — carry any rating; after it, medians, whiskers, each group's medians
// and the split flag match the figures worked out by hand below, on console, projector and
// phones; the aggregate is adopted and an item moved by hand away from it is marked. axe finds
// nothing on the matrix views.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { eventually } from '../fixtures/poll'
import { useSuite } from '../fixtures/suite'
import { captureSockets, docOfSocket, type SocketCapture } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'
import { docFromFrames, ratingLikePaths, rootsOf } from '../fixtures/yjs-frames'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']
const ROTA = 'Shared on-call rota'
const TURN = 'Theatre turnaround board'

// The ratings (impact, effort):
//   Ana (Surgeons):     rota 8, 2   turnaround 7, 7
//   Ben (Surgeons):     rota 6, 3   turnaround 7, 6
//   Cy  (Radiologists): rota 2, 8   turnaround skipped
// Every person equal (R type 7 quartiles):
//   rota impact 2, 6, 8 → median 6, q1 4, q3 7; effort 2, 3, 8 → 3 (2.5–5.5) → Quick wins
//   turnaround impact 7, 7 → 7 (7–7); effort 6, 7 → 6.5 (6.25–6.75) → Major projects
// Every group equal (each Surgeon weighs ½, Cy 1; of a total weight of 2):
//   rota impact weights 2:1, 6:½, 8:½ → q1 2, median lands on 2's cumulative 1 → halfway to 6
//     = 4, q3 lands on 6's cumulative 1.5 → halfway to 8 = 7: "4 (2–7)"
//   rota effort 2:½, 3:½, 8:1 → q1 (2+3)/2 = 2.5, median (3+8)/2 = 5.5, q3 8: "5.5 (2.5–8)"
//     → impact 4 is low, effort 5.5 high: Thankless tasks
//   turnaround: only the Surgeons rated (weight 1): impact 7 (7–7); effort 6:½, 7:½ → q1 6,
//     median (6+7)/2 = 6.5, q3 7: "6.5 (6–7)" → Major projects; n 3 with 1 skip
// Each group: Surgeons rota impact 6, 8 → 7 (6.5–7.5), effort 2, 3 → 2.5 (2.25–2.75), Quick
//   wins; Radiologists rota 2 (2–2), 8 (8–8), Thankless tasks.
// Split, rota: RAND/UCLA — a third of 3 is 1: impact has one 1–3 (2) and one 7–9 (8), effort
//   two 1–3 (2, 3) and one 7–9 (8); and the groups' medians lie in different quadrants.
//   Turnaround: not split. Its raters all place it in Major projects: 100% stable.
const ROTA_SPLIT =
  'Split on impact: 1 of 3 ratings are 1–3 and 1 are 7–9. ' +
  'Split on effort: 2 of 3 ratings are 1–3 and 1 are 7–9. ' +
  'The groups disagree: Surgeons place it in Quick wins, Radiologists in Thankless tasks.'
const SURGEONS_ROTA = 'Surgeons (2): Impact 7 (6.5–7.5), Effort 2.5 (2.3–2.8), Quick wins'
const RADIOLOGISTS_ROTA = 'Radiologists (1): Impact 2 (2–2), Effort 8 (8–8), Thankless tasks'

const suite = useSuite()

interface Device {
  readonly name: string
  readonly page: Page
  readonly capture: SocketCapture
}

/** Where (impact, effort) is on the screen, from the plot's box on this page. */
async function screenPoint(page: Page, impact: number, effort: number) {
  const box = await page.locator('rect.matrix-plot').boundingBox()
  if (!box) throw new Error('no matrix plot on the page')
  return {
    x: box.x + ((effort - 1) / 8) * box.width,
    y: box.y + ((9 - impact) / 8) * box.height,
  }
}

/** The table as text: row header → column header → cell. */
async function readTable(page: Page, name: string) {
  const table = page.getByRole('table', { name, exact: true })
  await table.waitFor({ timeout: WAIT })
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim())
  const rows: Record<string, Record<string, string>> = {}
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.locator('th, td').allInnerTexts()).map((c) => c.trim())
    rows[cells[0] ?? ''] = Object.fromEntries(headers.slice(1).map((h, i) => [h, cells[i + 1]!]))
  }
  return rows
}

/** Picks a value on one axis of one item's scale on a phone. */
async function rate(page: Page, item: string, axis: 'Impact' | 'Effort', value: number) {
  await page
    .getByRole('group', { name: item, exact: true })
    .getByRole('radiogroup', { name: axis, exact: true })
    .getByRole('radio', { name: String(value), exact: true })
    .check()
}

describe('impact vs effort', () => {
  it('places, rates in secret, reveals spread and split, adopts', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phones = await Promise.all(
      [0, 1, 2].map(() => openPhone(suite.browser, suite.server.baseURL)),
    )
    const screens: Screen[] = [facilitator, ...phones]
    const f = facilitator.page
    try {
      const fCapture = captureSockets(f)
      const { workshopId, joinCode } = await createWorkshop(f, {
        title: 'Theatre capacity',
        groups: GROUPS,
      })
      const people = [
        { name: 'Ana', group: 'Surgeons' },
        { name: 'Ben', group: 'Surgeons' },
        { name: 'Cy', group: 'Radiologists' },
      ]
      const devices: Device[] = await Promise.all(
        people.map(async (p, i) => {
          const page = phones[i]!.page
          const capture = captureSockets(page)
          await joinWorkshop(page, { code: joinCode, ...p })
          return { name: p.name, page, capture }
        }),
      )
      const [ana, ben, cy] = devices as [Device, Device, Device]
      const projector = await facilitator.context.newPage()
      const pCapture = captureSockets(projector)
      await projector.goto(`/w/${workshopId}/board`)
      await addItems(f, [ROTA, TURN])
      for (const next of ['Brainstorm', 'Cluster', 'Vote', 'Impact vs effort']) {
        await f.getByRole('button', { name: `Next phase: ${next}` }).click()
      }
      for (const d of devices) await waitForPhase(d.page, 'Impact vs effort')
      await f.getByRole('radio', { name: 'All items', exact: true }).check()

      // 1. The mouse drags the rota from the tray onto impact 8, effort 3.
      const chip = f.getByRole('button', { name: `Move: ${ROTA}, not on the matrix yet` })
      await f.locator('.matrix-board').scrollIntoViewIfNeeded()
      const from = await chip.boundingBox()
      if (!from) throw new Error('the rota is not in the tray')
      const to = await screenPoint(f, 8, 3)
      await f.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
      await f.mouse.down()
      for (let i = 1; i <= 8; i++) {
        await f.mouse.move(
          from.x + from.width / 2 + ((to.x - from.x - from.width / 2) * i) / 8,
          from.y + from.height / 2 + ((to.y - from.y - from.height / 2) * i) / 8,
        )
      }
      await f.mouse.up()
      const placed = f.getByRole('button', { name: new RegExp(`^Move: ${ROTA}, Impact`) })
      await placed.waitFor({ timeout: WAIT })
      const words = (await placed.getAttribute('aria-label'))!.replace(/^Move: [^,]+, /, '')
      const [impact, effort] = [...words.matchAll(/[\d.]+/g)].map((m) => Number(m[0]))
      expect(Math.abs(impact! - 8), words).toBeLessThanOrEqual(0.2)
      expect(Math.abs(effort! - 3), words).toBeLessThanOrEqual(0.2)
      expect(words).toMatch(/in Quick wins$/)
      // The same place, in the same words, on the projector.
      await projector
        .getByRole('img', { name: `${ROTA}: ${words}`, exact: true })
        .waitFor({ timeout: WAIT })

      // 2. The keyboard: the turnaround picked up at the centre, moved, dropped.
      await f.getByRole('button', { name: `Move: ${TURN}, not on the matrix yet` }).focus()
      await f.keyboard.press('Enter')
      for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowUp']) {
        await f.keyboard.press(key)
      }
      await f.keyboard.press('Enter')
      const turnWords = 'Impact 7, Effort 6, in Major projects'
      await f
        .locator('[aria-live="assertive"]')
        .getByText(`${TURN} dropped at ${turnWords}.`)
        .waitFor({ timeout: WAIT })
      await expect
        .poll(() => f.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe(`Move: ${TURN}, ${turnWords}`)
      await projector
        .getByRole('img', { name: `${TURN}: ${turnWords}`, exact: true })
        .waitFor({ timeout: WAIT })
      await expectNoAxeViolations(f, 'the console’s placement board')
      await expectNoAxeViolations(projector, 'the projector’s placement board')

      // 3. Rating: open, the phones rate, the console sees counts only.
      await f.getByRole('button', { name: 'Open rating' }).click()
      for (const d of devices) {
        await d.page.getByRole('heading', { name: 'Rate each item' }).waitFor({ timeout: WAIT })
      }
      // The three phones rate at the same time.
      await Promise.all([
        (async () => {
          await rate(ana.page, ROTA, 'Impact', 8)
          await rate(ana.page, ROTA, 'Effort', 2)
          await rate(ana.page, TURN, 'Impact', 7)
          await rate(ana.page, TURN, 'Effort', 7)
        })(),
        (async () => {
          await rate(ben.page, ROTA, 'Impact', 6)
          await rate(ben.page, ROTA, 'Effort', 3)
          await rate(ben.page, TURN, 'Impact', 7)
          await rate(ben.page, TURN, 'Effort', 6)
        })(),
        (async () => {
          await rate(cy.page, ROTA, 'Impact', 2)
          await rate(cy.page, ROTA, 'Effort', 8)
          await cy.page
            .getByRole('group', { name: TURN, exact: true })
            .getByRole('checkbox', { name: 'Skip / don’t know' })
            .check()
        })(),
      ])
      await ana.page.getByText('2 of 2 rated', { exact: true }).waitFor({ timeout: WAIT })
      await expectNoAxeViolations(ana.page, 'the phone’s rating form')
      const progress = f.getByRole('list', { name: 'Rating progress', exact: true })
      for (const name of ['Ana', 'Ben', 'Cy']) {
        await progress.getByText(`${name}: 2 of 2 rated`).waitFor({ timeout: WAIT })
      }

      // 4. Before the reveal: every document another device could build from what it received
      //    holds no rating. The phones' own sent frames do decode to their ratings (the check
      //    can see them), and nobody opened another person's private document.
      const isPrivate = (doc: string) => doc.includes('/private/')
      const anaSent = rootsOf(docFromFrames(ana.capture.sent(isPrivate)))
      expect(ratingLikePaths(anaSent).length, JSON.stringify(anaSent)).toBeGreaterThanOrEqual(2)
      const readers: (readonly [string, SocketCapture, (doc: string) => boolean])[] = [
        ['console', fCapture, () => true],
        ['projector', pCapture, () => true],
        ...devices.map((d) => [d.name, d.capture, (doc: string) => !isPrivate(doc)] as const),
      ]
      for (const [who, capture, shared] of readers) {
        for (const socket of capture.sockets()) {
          const doc = docOfSocket(socket.url)
          if (!shared(doc)) continue
          expect(doc, `${who} synced a private document`).not.toContain('/private/')
          const roots = rootsOf(docFromFrames(socket.received))
          // The group placement is positions, not ratings.
          delete roots['matrix-positions']
          expect(ratingLikePaths(roots), `${who} received ratings on ${doc}`).toEqual([])
        }
      }

      // 5. Close and reveal: the figures on the console (every group equal, then every person).
      await f.getByRole('button', { name: 'Close rating' }).click()
      await f.getByRole('button', { name: 'Reveal ratings' }).click()
      await f.getByRole('checkbox', { name: 'Show each group’s medians' }).check()
      const table = await readTable(f, '2x2 results')
      expect(table[ROTA]).toMatchObject({
        Impact: '4 (2–7)',
        Effort: '5.5 (2.5–8)',
        n: '3',
        Quadrant: 'Thankless tasks',
        Split: `◆ Split. ${ROTA_SPLIT}`,
        'By group': `${SURGEONS_ROTA}\n${RADIOLOGISTS_ROTA}`,
      })
      // The bootstrap is seeded: every screen shows the same share.
      const rotaStable = table[ROTA]!.Stability!
      expect(rotaStable).toMatch(/^\d{1,3}%$/)
      expect(table[TURN]).toMatchObject({
        Impact: '7 (7–7)',
        Effort: '6.5 (6–7)',
        n: '3 (1 skipped)',
        Quadrant: 'Major projects',
        Stability: '100%',
        Split: 'No',
      })
      // Split is a shape, not only a colour: one diamond, on the rota.
      await expect(f.locator('.matrix-reveal path.matrix-marker--split').count()).resolves.toBe(1)
      await f.getByRole('radio', { name: 'Every person counts equally' }).check()
      await eventually(async () => {
        const byPerson = await readTable(f, '2x2 results')
        expect(byPerson[ROTA]).toMatchObject({
          Impact: '6 (4–7)',
          Effort: '3 (2.5–5.5)',
          Quadrant: 'Quick wins',
        })
        expect(byPerson[TURN]).toMatchObject({ Impact: '7 (7–7)', Effort: '6.5 (6.3–6.8)' })
      })
      await expectNoAxeViolations(f, 'the console’s reveal')

      // The projector and the phones: the same figures (every group equal).
      const side = projector.getByRole('list', { name: 'Items' })
      await side
        .getByText(`Impact 4 (2–7) · Effort 5.5 (2.5–8) · n 3 · ${rotaStable} stable`)
        .waitFor({ timeout: WAIT })
      await side.getByText(`Split. ${ROTA_SPLIT}`).waitFor()
      await side.getByText(`1. ${SURGEONS_ROTA}`).waitFor()
      await side.getByText(`2. ${RADIOLOGISTS_ROTA}`).waitFor()
      await side.getByText(/^Impact 7 \(7–7\) · Effort 6\.5 \(6–7\) · n 3 · 100% stable$/).waitFor()
      await projector
        .getByRole('img', { name: `${ROTA}: impact 4, effort 5.5, split`, exact: true })
        .waitFor()
      await expect(projector.locator('path.matrix-marker--split').count()).resolves.toBe(1)
      await expectNoAxeViolations(projector, 'the projector’s reveal')
      for (const d of devices) {
        const thankless = d.page.getByRole('region', { name: 'Thankless tasks', exact: true })
        // The split marker "◆" is in the name's element too, hidden from screen readers.
        await thankless.getByText(ROTA).first().waitFor({ timeout: WAIT })
        await thankless
          .getByText(`Impact 4 (2–7), Effort 5.5 (2.5–8), n 3, stability ${rotaStable}`)
          .waitFor()
        await thankless.getByText(`Split. ${ROTA_SPLIT}`).waitFor()
        await thankless.getByText(SURGEONS_ROTA).waitFor()
        await thankless.getByText(RADIOLOGISTS_ROTA).waitFor()
        const major = d.page.getByRole('region', { name: 'Major projects', exact: true })
        await major
          .getByText(/^Impact 7 \(7–7\), Effort 6\.5 \(6–7\), n 3, stability 100%$/)
          .waitFor()
      }
      await expectNoAxeViolations(cy.page, 'the phone’s results')

      // 6. Adopt every person's medians; then the rota is moved by hand, and marked as moved.
      await f.getByRole('button', { name: 'Adopt as the group placement' }).click()
      await f
        .getByText('Every item is where the adopted aggregate put it.')
        .waitFor({ timeout: WAIT })
      const rota = f.getByRole('button', {
        name: `Move: ${ROTA}, Impact 6, Effort 3, in Quick wins`,
        exact: true,
      })
      await rota.focus()
      await f.keyboard.press('Enter')
      await f.keyboard.press('ArrowUp')
      await f.keyboard.press('Enter')
      await f
        .getByText(`Moved by hand from the adopted aggregate: ${ROTA}.`)
        .waitFor({ timeout: WAIT })
      await f
        .getByRole('button', {
          name: `Move: ${ROTA}, Impact 6.5, Effort 3, in Quick wins, moved by hand from the aggregate`,
          exact: true,
        })
        .waitFor()
    } finally {
      for (const screen of screens) await screen.context.close()
    }
  })
})
