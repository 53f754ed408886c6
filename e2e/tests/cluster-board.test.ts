// The desktop cluster board with two laptops (the facilitator and a participant): a card moved
// into a cluster with the mouse, or with the keyboard, on one screen lands in that cluster on
// the other; cards are merged, edited together and deleted by those allowed; presence and
// live cursors; the lock; and axe finds nothing wrong with the cluster view.
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import {
  addItems,
  boardOf,
  cardIn,
  columnList,
  dragOntoMergeZone,
  dragWithMouse,
  handleOf,
  keyboardDragReady,
  mergeWithList,
  moveWithKeyboard,
  openDesktop,
} from '../fixtures/board'
import { openFacilitator, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { eventually } from '../fixtures/poll'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const ITEMS = ['Shared on-call rota', 'Theatre turnaround board', 'Fewer discharge forms']

const suite = useSuite()

interface Session {
  readonly facilitator: Screen
  readonly laptop: Screen
  close(): Promise<void>
}

/**
 * A workshop in the cluster phase with the items on the board, the facilitator's console on
 * one laptop and participant Dana (Surgeons) on another, both showing the desktop board.
 */
async function clusterSession(title: string): Promise<Session> {
  const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
  const laptop = await openDesktop(suite.browser, suite.server.baseURL)
  const close = async () => {
    await laptop.context.close()
    await facilitator.context.close()
  }
  try {
    const { joinCode } = await createWorkshop(facilitator.page, {
      title,
      groups: ['Surgeons', 'Administrators'],
    })
    await joinWorkshop(laptop.page, { code: joinCode, name: 'Dana', group: 'Surgeons' })
    await addItems(facilitator.page, ITEMS)
    await facilitator.page.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
    await facilitator.page.getByRole('button', { name: 'Next phase: Cluster' }).click()
    await waitForPhase(laptop.page, 'Cluster')
    for (const screen of [facilitator, laptop]) {
      for (const text of ITEMS) {
        await cardIn(screen.page, 'Unclustered', text).waitFor({ timeout: WAIT })
      }
    }
    return { facilitator, laptop, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** Makes a cluster on `page` and names it; waits until `other` has it too. */
async function makeCluster(session: Session, name: string, on: 'facilitator' | 'laptop') {
  const page = session[on].page
  const other = session[on === 'facilitator' ? 'laptop' : 'facilitator'].page
  await boardOf(page).getByRole('button', { name: 'New cluster' }).click()
  // The new cluster's name field has the focus, its default name selected: type over it.
  const field = boardOf(page).getByRole('textbox', { name: /^Cluster name: Cluster \d+$/ })
  await eventually(async () =>
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true),
  )
  await page.keyboard.type(name)
  await page.keyboard.press('Enter')
  await boardOf(other)
    .getByRole('textbox', { name: `Cluster name: ${name}`, exact: true })
    .waitFor({ timeout: WAIT })
}

describe('the desktop cluster board', () => {
  it('a card dragged with the mouse into a cluster on one laptop lands there on the other', async () => {
    const session = await clusterSession('Ward flow')
    const { facilitator, laptop } = session
    try {
      await makeCluster(session, 'Staffing', 'laptop')
      await dragWithMouse(laptop.page, ITEMS[0]!, 'Staffing')

      await cardIn(laptop.page, 'Staffing', ITEMS[0]!).waitFor({ timeout: WAIT })
      await cardIn(facilitator.page, 'Staffing', ITEMS[0]!).waitFor({ timeout: WAIT })
      await expect(cardIn(facilitator.page, 'Unclustered', ITEMS[0]!).count()).resolves.toBe(0)
      await expect(cardIn(facilitator.page, 'Staffing', ITEMS[1]!).count()).resolves.toBe(0)

      // Presence: each laptop lists the other; the participant's pointer shows on the console.
      const presence = (page: typeof laptop.page) =>
        boardOf(page).getByRole('list', { name: 'On the board' })
      await presence(facilitator.page).getByText('Dana (Surgeons)').waitFor({ timeout: WAIT })
      await presence(laptop.page).getByText('Facilitator').waitFor({ timeout: WAIT })
      const list = await columnList(laptop.page, 'Unclustered').boundingBox()
      await laptop.page.mouse.move(list!.x + 40, list!.y + 40, { steps: 3 })
      // Cursors are decoration (hidden from assistive technology), so found by their class.
      await facilitator.page
        .locator('.board-cursor', { hasText: 'Dana (Surgeons)' })
        .waitFor({ timeout: WAIT })

      // Dragging onto another card's merge strip merges the two; the merged card keeps both
      // texts.
      await dragOntoMergeZone(laptop.page, ITEMS[2]!, ITEMS[1]!)
      const merged = cardIn(facilitator.page, 'Unclustered', ITEMS[1]!)
      await merged.getByRole('button', { name: `Unmerge: ${ITEMS[2]}` }).waitFor({ timeout: WAIT })
      await expect(merged.textContent()).resolves.toContain(ITEMS[2])
      await expect(handleOf(facilitator.page, ITEMS[2]!).count()).resolves.toBe(0)
    } finally {
      await session.close()
    }
  })

  it('the same move with the keyboard: Space, Arrow Right, Space', async () => {
    const session = await clusterSession('Theatre lists')
    const { facilitator, laptop } = session
    try {
      await makeCluster(session, 'Scheduling', 'facilitator')
      await makeCluster(session, 'Paperwork', 'facilitator')

      // Unclustered → Scheduling → Paperwork, dropped there.
      await moveWithKeyboard(facilitator.page, ITEMS[2]!, 'ArrowRight', ['Scheduling', 'Paperwork'])
      await cardIn(laptop.page, 'Paperwork', ITEMS[2]!).waitFor({ timeout: WAIT })
      await expect(cardIn(laptop.page, 'Unclustered', ITEMS[2]!).count()).resolves.toBe(0)
      // Focus is back on the card's handle, and the drop was announced with the cluster's name.
      await eventually(async () =>
        expect(
          await handleOf(facilitator.page, ITEMS[2]!).evaluate(
            (el) => el === document.activeElement,
          ),
        ).toBe(true),
      )
      await facilitator.page
        .getByText(`Idea "${ITEMS[2]}" was moved to cluster "Paperwork".`)
        .waitFor({ state: 'attached', timeout: WAIT })

      // Back one column with Arrow Left, from the participant's laptop this time.
      await moveWithKeyboard(laptop.page, ITEMS[2]!, 'ArrowLeft', ['Scheduling'])
      await cardIn(facilitator.page, 'Scheduling', ITEMS[2]!).waitFor({ timeout: WAIT })

      // Escape cancels: the card stays where it was.
      await handleOf(laptop.page, ITEMS[0]!).focus()
      await laptop.page.keyboard.press('Space')
      await laptop.page
        .getByText(`Picked up idea "${ITEMS[0]}"`)
        .waitFor({ state: 'attached', timeout: WAIT })
      await keyboardDragReady(laptop.page)
      await laptop.page.keyboard.press('ArrowRight')
      await columnList(laptop.page, 'Scheduling')
        .locator('xpath=..')
        .getByText('Drop to move here')
        .waitFor({ timeout: WAIT })
      await laptop.page.keyboard.press('Escape')
      await laptop.page
        .getByText(`Moving was cancelled. Idea "${ITEMS[0]}" stays in Unclustered.`)
        .waitFor({ state: 'attached', timeout: WAIT })
      await expect(cardIn(laptop.page, 'Unclustered', ITEMS[0]!).count()).resolves.toBe(1)

      // Renaming and dissolving a cluster reach the other laptop; its cards go back.
      const name = boardOf(laptop.page).getByRole('textbox', { name: 'Cluster name: Scheduling' })
      await name.fill('Theatre time')
      await name.press('Enter')
      await columnList(facilitator.page, 'Theatre time').waitFor({ timeout: WAIT })
      await boardOf(facilitator.page)
        .getByRole('button', { name: 'Dissolve cluster Theatre time' })
        .click()
      await cardIn(laptop.page, 'Unclustered', ITEMS[2]!).waitFor({ timeout: WAIT })
      await expect(columnList(laptop.page, 'Theatre time').count()).resolves.toBe(0)
    } finally {
      await session.close()
    }
  })

  it('cards are edited together, merged by the list, deleted by whoever may, locked', async () => {
    const session = await clusterSession('Discharge')
    const { facilitator, laptop } = session
    try {
      // Typing in a card's text shows on the other laptop. (The editor's name follows the
      // text, so it is found through its card.)
      const editor = (page: typeof laptop.page, text: string) =>
        cardIn(page, 'Unclustered', text).getByRole('textbox')
      const mine = editor(laptop.page, ITEMS[0]!)
      await mine.click()
      await laptop.page.keyboard.press('End')
      await laptop.page.keyboard.type(' now')
      const edited = `${ITEMS[0]} now`
      await boardOf(facilitator.page)
        .getByRole('textbox', { name: `Edit idea: ${edited}`, exact: true })
        .waitFor({ timeout: WAIT })
      // Dana's caret goes to the start; the facilitator adds to the end meanwhile.
      await laptop.page.keyboard.press('Home')
      const theirs = editor(facilitator.page, edited)
      await theirs.click()
      await facilitator.page.keyboard.press('End')
      await facilitator.page.keyboard.type('!')
      await eventually(async () => expect(await mine.inputValue()).toBe(`${edited}!`))
      // The remote edit did not move Dana's caret: her typing lands at the start.
      await laptop.page.keyboard.type('A ')
      const text = `A ${edited}!`
      await eventually(async () => expect(await theirs.inputValue()).toBe(text))
      await eventually(async () => expect(await mine.inputValue()).toBe(text))

      // Merging with the list, and unmerging again.
      await mergeWithList(laptop.page, ITEMS[1]!, `${text} — Unclustered`)
      await handleOf(laptop.page, ITEMS[1]!).waitFor({ state: 'detached', timeout: WAIT })
      const card = cardIn(facilitator.page, 'Unclustered', text)
      await card.getByRole('button', { name: `Unmerge: ${ITEMS[1]}` }).click()
      await handleOf(laptop.page, ITEMS[1]!).waitFor({ timeout: WAIT })

      // Facilitator items are not the participant's to delete; the facilitator may.
      await expect(
        boardOf(laptop.page)
          .getByRole('button', { name: /^Delete idea:/ })
          .count(),
      ).resolves.toBe(0)
      await boardOf(facilitator.page)
        .getByRole('button', { name: `Delete idea: ${ITEMS[1]}` })
        .click()
      await handleOf(laptop.page, ITEMS[1]!).waitFor({ state: 'detached', timeout: WAIT })

      // Locked: the participant is told and has no controls left.
      await facilitator.page.getByRole('checkbox', { name: 'Lock board' }).check()
      await boardOf(laptop.page)
        .getByText('The facilitator has locked the board')
        .waitFor({ timeout: WAIT })
      await expect(boardOf(laptop.page).getByRole('button').count()).resolves.toBe(0)
      await expect(boardOf(laptop.page).getByRole('textbox').count()).resolves.toBe(0)
      await cardIn(laptop.page, 'Unclustered', text).waitFor()
    } finally {
      await session.close()
    }
  })

  it("the projector follows the facilitator's scrolling through the board", async () => {
    const session = await clusterSession('Follow me')
    const { facilitator } = session
    try {
      // Enough cards for a board taller than the screens (unclustered cards flow in columns).
      const more = Array.from({ length: 48 }, (_, i) => `Extra item ${i + 1}`)
      await addItems(facilitator.page, more)
      await cardIn(facilitator.page, 'Unclustered', more.at(-1)!).waitFor({ timeout: WAIT })
      const projector = await facilitator.context.newPage()
      await projector.setViewportSize({ width: 1280, height: 600 })
      await projector.goto(facilitator.page.url().replace(/\/facilitate$/, '/board'))
      await cardIn(projector, 'Unclustered', more.at(-1)!).waitFor({ timeout: WAIT })
      await expect(
        projector.getByRole('checkbox', { name: 'Follow facilitator' }).isChecked(),
      ).resolves.toBe(true)
      // The projector is not a person on the board: it lists the others, not itself.
      const present = boardOf(projector).getByRole('list', { name: 'On the board' })
      await present.getByText('Dana (Surgeons)').waitFor({ timeout: WAIT })
      await expect(present.getByRole('listitem').allTextContents()).resolves.not.toContain('You')

      /** How far down the board the top of the window is, from 0 (its top) to 1. */
      const position = (page: typeof projector) =>
        page.evaluate(() => {
          const board = document.querySelector('[aria-label="Board"]')!.getBoundingClientRect()
          return Math.min(1, Math.max(0, -board.top / (board.height - window.innerHeight)))
        })
      await facilitator.page.evaluate(() =>
        document.querySelector('[aria-label="Board"]')!.scrollIntoView({ block: 'end' }),
      )
      await eventually(async () => expect(await position(projector)).toBeGreaterThan(0.95))
      await facilitator.page.evaluate(() =>
        document.querySelector('[aria-label="Board"]')!.scrollIntoView({ block: 'start' }),
      )
      await eventually(async () => expect(await position(projector)).toBeLessThan(0.05))
    } finally {
      await session.close()
    }
  })

  it('axe finds no violations in the cluster view, on either laptop', async () => {
    const session = await clusterSession('Accessible clustering')
    const { facilitator, laptop } = session
    try {
      await makeCluster(session, 'Staffing', 'facilitator')
      await moveWithKeyboard(facilitator.page, ITEMS[0]!, 'ArrowRight', ['Staffing'])
      await mergeWithList(facilitator.page, ITEMS[2]!, `${ITEMS[1]} — Unclustered`)
      await cardIn(laptop.page, 'Staffing', ITEMS[0]!).waitFor({ timeout: WAIT })
      await cardIn(laptop.page, 'Unclustered', ITEMS[1]!)
        .getByRole('button', { name: `Unmerge: ${ITEMS[2]}` })
        .waitFor({ timeout: WAIT })

      await expectNoAxeViolations(facilitator.page, "the facilitator's cluster view")
      await expectNoAxeViolations(laptop.page, "the participant's desktop cluster view")
    } finally {
      await session.close()
    }
  })
})
