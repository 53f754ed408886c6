// Screens that fit (issue 14, point 5), in Chromium: the projector shows every phase without
// scrolling at 1280x800 and 1920x1080, with the results chart inside the screen; a 360x740
// phone reads the results without sideways scrolling, in cards with the items' full text and
// the chart's labels whole; the console's board starts on the first screen in the brainstorm;
// no text anywhere breaks inside a word. Each view is kept as a screenshot
// (e2e/test-results/layout/) and checked with axe.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactPath } from '../fixtures/artifacts'
import { expectNoAxeViolations } from '../fixtures/axe'
import { addItems, boardOf } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { eventually } from '../fixtures/poll'
import { useSuite } from '../fixtures/suite'
import { addDots, waitForDotsLeft } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Anaesthetists and recovery nurses']
const LONG_WORD = 'Pneumonoultramicroscopicsilicovolcanoconiosis'
/** Twelve items: more than the projector's chart shows, some long. */
const ITEMS = [
  'Shared on-call rota across both theatre suites with one clear escalation contact per night',
  'Theatre turnaround board',
  'Quiet room for breaks',
  'Pre-operative checklist on the ward before the patient leaves for theatre',
  'Radiology slots held back for emergency theatre cases every afternoon',
  'One consent form',
  `Screening for ${LONG_WORD}`,
  'Recovery nurses join the morning huddle',
  'Anaesthetic machine checks logged on a tablet instead of paper',
  'Porters paged from the theatre board',
  'Fewer bleeps at night',
  'Day-case list starts at 8',
]
const PROJECTOR_SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const
const CHART = 'Dots per item, stacked by stakeholder group'

const suite = useSuite()

/** Everything the tests share: one workshop, a console, a projector and two phones. */
interface World {
  readonly screens: Screen[]
  readonly f: Page
  readonly projector: Page
  readonly phones: readonly Page[]
}
let world: World

/** The page's own scrolling: how far it could scroll each way (0 when it fits). */
async function pageOverflow(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement
    return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight }
  })
}

/**
 * Words that the browser split over two lines although they would fit on one: each word's
 * range is measured, and one drawn on two lines whose width is less than its block's is broken.
 * SVG text does not wrap and is left out; so are hidden elements.
 */
async function brokenWords(page: Page, selector = 'body'): Promise<string[]> {
  return page.evaluate((sel) => {
    const broken: string[] = []
    for (const root of Array.from(document.querySelectorAll(sel))) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (!parent || parent.closest('svg, script, style, [hidden]')) continue
        if (parent.getClientRects().length === 0) continue
        let block: Element | null = parent
        while (block && getComputedStyle(block).display.startsWith('inline')) {
          block = block.parentElement
        }
        const room = block?.clientWidth ?? Infinity
        const text = node.textContent ?? ''
        for (const m of text.matchAll(/[^\s\-‐–—/]+/g)) {
          const range = document.createRange()
          range.setStart(node, m.index)
          range.setEnd(node, m.index + m[0].length)
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)))
          const width = Array.from(range.getClientRects()).reduce((w, r) => w + r.width, 0)
          if (tops.size > 1 && width < room) broken.push(m[0])
        }
      }
    }
    return broken
  }, selector)
}

/**
 * Characters drawn on screen that only an emoji font can draw (emoji presentation): an icon
 * made of one shows as an empty box on a PC without such a font.
 */
async function emojiShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('script, style') || parent.getClientRects().length === 0) {
        continue
      }
      for (const m of (node.textContent ?? '').matchAll(/\p{Emoji_Presentation}|\uFE0F/gu)) {
        found.push(`${m[0]} in "${(node.textContent ?? '').trim().slice(0, 40)}"`)
      }
    }
    return found
  })
}

/** Lets the page lay out again after a resize (the chart measures itself in a ResizeObserver). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  )
}

/**
 * The projector at both sizes: nothing to scroll, no word broken, a screenshot of each, axe at
 * the first. `extra` checks more at each size.
 */
async function projectorFits(view: string, extra?: (size: string) => Promise<void>) {
  const p = world.projector
  for (const size of PROJECTOR_SIZES) {
    const name = `${size.width}x${size.height}`
    await p.setViewportSize(size)
    await settle(p)
    try {
      await eventually(
        async () => expect(await pageOverflow(p), `${view} at ${name}`).toEqual({ x: 0, y: 0 }),
        {
          timeout: 3_000,
        },
      )
      expect(await brokenWords(p), `${view} at ${name}`).toEqual([])
      expect(await emojiShown(p), `${view} at ${name}`).toEqual([])
      await extra?.(name)
    } finally {
      await p.screenshot({ path: await artifactPath(`layout/projector-${view}-${name}.png`) })
    }
    if (size === PROJECTOR_SIZES[0]) await expectNoAxeViolations(p, `the projector's ${view}`)
  }
  await p.setViewportSize(PROJECTOR_SIZES[0])
}

async function toPhase(label: string): Promise<void> {
  await world.f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label }).click()
  for (const phone of world.phones) await waitForPhase(phone, label)
  await world.projector
    .getByRole('heading', { level: 2, name: label, exact: true })
    .waitFor({ timeout: WAIT })
}

beforeAll(async () => {
  const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
  const phones = await Promise.all([0, 1].map(() => openPhone(suite.browser, suite.server.baseURL)))
  const f = facilitator.page
  const { workshopId, joinCode } = await createWorkshop(f, {
    title: 'Theatre capacity',
    objective: 'Choose three changes for the spring theatre schedule',
    groups: GROUPS,
  })
  await joinWorkshop(phones[0]!.page, { code: joinCode, name: 'Ana', group: GROUPS[0]! })
  await joinWorkshop(phones[1]!.page, { code: joinCode, name: 'Ben', group: GROUPS[1]! })
  const projector = await facilitator.context.newPage()
  await projector.goto(`/w/${workshopId}/board`)
  await projector.getByRole('heading', { level: 1, name: 'Theatre capacity' }).waitFor()
  world = {
    screens: [facilitator, ...phones],
    f,
    projector,
    phones: phones.map((p) => p.page),
  }
})

afterAll(async () => {
  for (const s of world?.screens ?? []) await s.context.close()
})

describe('screens that fit', () => {
  it('set-up and brainstorm: the projector fits; the console’s board starts on screen one', async () => {
    const { f } = world
    await projectorFits('setup')
    await addItems(f, ITEMS)
    await toPhase('Brainstorm')
    await projectorFits('brainstorm')

    // The console: the board's heading is on the first screen, not below the side panels
    // (it started about 1,480 px down).
    await boardOf(f).waitFor({ timeout: WAIT })
    await f.evaluate(() => window.scrollTo(0, 0))
    const heading = await f
      .getByRole('heading', { level: 2, name: 'Board', exact: true })
      .boundingBox()
    await f.screenshot({ path: await artifactPath('layout/console-brainstorm-1280x800.png') })
    expect(heading!.y, 'where the board starts on the console').toBeLessThan(800)
    expect(await pageOverflow(f).then((o) => o.x)).toBe(0)
    expect(await brokenWords(f)).toEqual([])
    expect(await emojiShown(f)).toEqual([])
    await expectNoAxeViolations(f, 'the console in the brainstorm')
  })

  it('cluster: the board uses the projector’s width, unclustered ideas in several columns', async () => {
    await toPhase('Cluster')
    await projectorFits('cluster', async () => {
      const p = world.projector
      // The projector's board may still be drawing its cards when the size changes.
      await eventually(async () => {
        const lefts = await boardOf(p)
          .getByRole('list', { name: 'Unclustered', exact: true })
          .getByRole('listitem')
          .evaluateAll(
            (cards) => new Set(cards.map((c) => Math.round(c.getBoundingClientRect().left))).size,
          )
        expect(lefts, 'columns of unclustered cards').toBeGreaterThanOrEqual(3)
      })
    })
    await world.f.setViewportSize({ width: 1920, height: 1080 })
    await world.f.screenshot({ path: await artifactPath('layout/console-cluster-1920x1080.png') })
    await world.f.setViewportSize({ width: 1280, height: 800 })
  })

  it('vote: the projector shows the chart and top items; a phone reads results in cards', async () => {
    const { f, phones, projector } = world
    await toPhase('Vote')
    await projectorFits('vote')
    await f.getByRole('button', { name: 'Open voting' }).click()
    await f.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: WAIT })
    const [ana, ben] = phones as [Page, Page]
    for (const phone of phones) await waitForDotsLeft(phone, 5, 5)
    await phones[0]!.screenshot({ path: await artifactPath('layout/phone-vote-360x740.png') })
    expect(await pageOverflow(ana).then((o) => o.x)).toBe(0)
    await addDots(ana, ITEMS[0]!, 3)
    await addDots(ana, ITEMS[6]!, 2)
    await addDots(ben, ITEMS[0]!, 1)
    await addDots(ben, ITEMS[3]!, 2)
    await addDots(ben, ITEMS[4]!, 2)
    await f.getByRole('button', { name: 'Close voting' }).click()
    await f.getByRole('button', { name: 'Reveal results' }).click()

    // The projector: the chart whole inside the screen, the rest on request.
    await projector.getByRole('img', { name: CHART }).waitFor({ timeout: WAIT })
    await projectorFits('results', async () => {
      const box = await projector.getByRole('img', { name: CHART }).boundingBox()
      const viewport = projector.viewportSize()!
      expect(box!.y).toBeGreaterThanOrEqual(0)
      expect(box!.x).toBeGreaterThanOrEqual(0)
      expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width)
    })
    const all = projector.getByText(`Show all ${ITEMS.length} items`)
    await all.click()
    await projector.getByRole('table', { name: 'Results', exact: true }).waitFor({ timeout: WAIT })
    await projector.screenshot({
      path: await artifactPath('layout/projector-results-all-1280x800.png'),
      fullPage: true,
    })
    await expectNoAxeViolations(projector, 'the projector’s results, all items shown')

    // The phone: no sideways scrolling, every row inside the screen, the full text of every
    // item, chart labels whole.
    await ana.getByRole('img', { name: CHART }).waitFor({ timeout: WAIT })
    await settle(ana)
    await ana.screenshot({
      path: await artifactPath('layout/phone-results-360x740.png'),
      fullPage: true,
    })
    expect(await pageOverflow(ana).then((o) => o.x), 'the phone scrolls sideways').toBe(0)
    const table = ana.getByRole('table', { name: 'Results', exact: true })
    // Each item's card (the rows of the body; the header row is there for screen readers).
    const rows = await table.locator('tbody tr').evaluateAll((rs) =>
      rs.map((r) => {
        const box = r.getBoundingClientRect()
        return {
          text: (r as HTMLElement).innerText,
          left: box.left,
          right: box.right,
          scroll: r.scrollWidth - r.clientWidth,
        }
      }),
    )
    for (const row of rows) {
      expect(row.left, row.text).toBeGreaterThanOrEqual(0)
      expect(row.right, row.text).toBeLessThanOrEqual(360)
      expect(row.scroll, row.text).toBeLessThanOrEqual(0)
    }
    const cells = await table.getByRole('rowheader').allInnerTexts()
    for (const item of [ITEMS[0]!, ITEMS[3]!, ITEMS[4]!, ITEMS[6]!]) {
      expect(cells.map((c) => c.replace(/\s+/g, ' ').trim())).toContain(item)
    }
    const labels = await ana
      .getByRole('img', { name: CHART })
      .locator('.results-chart__label')
      .evaluateAll((ls) => ls.map((l) => (l.textContent ?? '').replace(/\s+/g, ' ').trim()))
    expect(labels).toContain(ITEMS[0])
    expect(labels.filter((l) => l.includes('…'))).toEqual([])
    const styles = await table
      .locator('th, td')
      .first()
      .evaluate((el) => {
        const s = getComputedStyle(el)
        return { wordBreak: s.wordBreak, hyphens: s.hyphens }
      })
    expect(styles).toEqual({ wordBreak: 'normal', hyphens: 'none' })
    expect(await brokenWords(ana)).toEqual([])
    expect(await emojiShown(ana)).toEqual([])
    await expectNoAxeViolations(ana, 'the phone’s results')
  })

  it('impact vs effort, weigh and decide: the projector fits', async () => {
    for (const [label, view] of [
      ['Impact vs effort', 'matrix'],
      ['Weigh', 'weigh'],
      ['Decide', 'decide'],
    ] as const) {
      await toPhase(label)
      await projectorFits(view)
    }
  })
})
