// Undo and confirmation on the board, with a facilitator's console and a participant's phone:
// the facilitator's delete of someone else's idea asks first, the author's phone says it was
// removed, and Undo puts it back for everyone; Ctrl+Z undoes a move; one person's undo never
// reverts another's change; a drop on a card's body moves, only its merge strip merges; the
// phone undoes its own deleted draft and idea. Axe checks the toast and the confirmation.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectNoAxeViolations } from '../fixtures/axe'
import {
  addItems,
  boardOf,
  cardIn,
  dragOntoCardBody,
  dragOntoMergeZone,
  dragWithMouse,
  handleOf,
  moveWithKeyboard,
} from '../fixtures/board'
import { openFacilitator, openPhone } from '../fixtures/browser'
import { eventually } from '../fixtures/poll'
import { useSuite } from '../fixtures/suite'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const OWN = 'Night shift handover checklist'
const DRAFT = 'Free parking for night staff'
const ITEMS = ['Shared on-call rota', 'Theatre turnaround board', 'Fewer discharge forms']

const suite = useSuite()

/** The undo toast that says `message`, and its Undo button. */
const toast = (page: Page, message: string) => page.getByRole('status').filter({ hasText: message })
const undoIn = (page: Page, message: string) =>
  toast(page, message).getByRole('button', { name: 'Undo', exact: true })

/** A card on the phone, in the list `list`, found by its own "Move to cluster" select. */
const phoneCard = (page: Page, list: string, text: string) =>
  page
    .getByRole('list', { name: list, exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('combobox', { name: `Move to cluster: ${text}`, exact: true }) })

describe('undo and confirmation on the board', () => {
  it('deletes with a confirmation, tells the author, undoes for everyone and only one’s own', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const phone = await openPhone(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    const p = phone.page
    try {
      const { joinCode } = await createWorkshop(f, {
        title: 'Ward flow',
        groups: ['Nurses', 'Surgeons'],
      })
      await joinWorkshop(p, { code: joinCode, name: 'Dana', group: 'Nurses' })

      // Brainstorm: a deleted draft comes back with Undo on the phone.
      await f.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
      await waitForPhase(p, 'Brainstorm')
      const box = p.getByRole('textbox', { name: 'New idea' })
      for (const text of [OWN, DRAFT]) {
        await box.fill(text)
        await box.press('Enter')
        await p.getByRole('button', { name: `Edit draft: ${text}` }).waitFor({ timeout: WAIT })
      }
      await p.getByRole('button', { name: `Delete draft: ${DRAFT}` }).click()
      await undoIn(p, 'Draft deleted.').click()
      await p.getByRole('button', { name: `Edit draft: ${DRAFT}` }).waitFor({ timeout: WAIT })
      await p.getByRole('button', { name: `Delete draft: ${DRAFT}` }).click()
      await expect(p.getByRole('button', { name: `Edit draft: ${DRAFT}` }).count()).resolves.toBe(0)

      // Revealed, plus the facilitator's items; then clustering, with a cluster from the phone.
      await f.getByRole('button', { name: 'Reveal ideas' }).click()
      await addItems(f, ITEMS)
      await f.getByRole('button', { name: 'Next phase: Cluster' }).click()
      await waitForPhase(p, 'Cluster')
      for (const text of [OWN, ...ITEMS]) {
        await cardIn(f, 'Unclustered', text).waitFor({ timeout: WAIT })
        await phoneCard(p, 'Unclustered', text).waitFor({ timeout: WAIT })
      }
      await p.getByLabel('Name of a new cluster').fill('Staffing')
      await p.getByRole('button', { name: 'New cluster' }).click()
      await boardOf(f)
        .getByRole('list', { name: 'Staffing', exact: true })
        .waitFor({ state: 'attached', timeout: WAIT })

      // Ctrl+Z on the board undoes the facilitator's move, on the phone too.
      await dragWithMouse(f, ITEMS[0]!, 'Staffing')
      await phoneCard(p, 'Staffing', ITEMS[0]!).waitFor({ timeout: WAIT })
      await toast(f, 'Idea moved.').waitFor({ timeout: WAIT })
      await f.keyboard.press('Control+z')
      await cardIn(f, 'Unclustered', ITEMS[0]!).waitFor({ timeout: WAIT })
      await phoneCard(p, 'Unclustered', ITEMS[0]!).waitFor({ timeout: WAIT })

      // One person's undo does not revert another's change: the facilitator moves a card, the
      // phone moves its own; the facilitator's undo takes back only the facilitator's move.
      // (This move by keyboard: undo follows a keyboard drag as well as a mouse one.)
      await moveWithKeyboard(f, ITEMS[1]!, 'ArrowRight', ['Staffing'])
      await phoneCard(p, 'Staffing', ITEMS[1]!).waitFor({ timeout: WAIT })
      await p
        .getByRole('combobox', { name: `Move to cluster: ${OWN}` })
        .selectOption({ label: 'Staffing' })
      await cardIn(f, 'Staffing', OWN).waitFor({ timeout: WAIT })
      await f.keyboard.press('Control+z')
      await cardIn(f, 'Unclustered', ITEMS[1]!).waitFor({ timeout: WAIT })
      await phoneCard(p, 'Unclustered', ITEMS[1]!).waitFor({ timeout: WAIT })
      // Nothing of the facilitator's is left to undo: another Ctrl+Z changes nothing.
      await f.keyboard.press('Control+z')
      await expect(cardIn(f, 'Staffing', OWN).count()).resolves.toBe(1)
      await expect(phoneCard(p, 'Staffing', OWN).count()).resolves.toBe(1)

      // The facilitator's delete of Dana's idea asks first; axe checks the question.
      await boardOf(f)
        .getByRole('button', { name: `Delete idea: ${OWN}` })
        .click()
      const question = boardOf(f).getByRole('group').filter({ hasText: 'for everyone?' })
      await question.waitFor({ timeout: WAIT })
      await eventually(async () =>
        expect(await question.locator('p').evaluate((el) => el === document.activeElement)).toBe(
          true,
        ),
      )
      await expectNoAxeViolations(f, 'the confirmation of a delete')
      await question.getByRole('button', { name: 'Keep it' }).click()
      await expect(cardIn(f, 'Staffing', OWN).count()).resolves.toBe(1)
      await boardOf(f)
        .getByRole('button', { name: `Delete idea: ${OWN}` })
        .click()
      await question.getByRole('button', { name: 'Delete idea' }).click()
      await eventually(async () => expect(await handleOf(f, OWN).count()).toBe(0))
      await eventually(async () => expect(await phoneCard(p, 'Staffing', OWN).count()).toBe(0))

      // The author's phone says so; the facilitator's toast passes axe and is reached by Tab.
      await p
        .getByText(`Your idea “${OWN}” was removed from the board by someone else.`)
        .waitFor({ timeout: WAIT })
      await toast(f, 'Idea deleted.').waitFor({ timeout: WAIT })
      await expectNoAxeViolations(f, 'the undo toast')
      const undo = undoIn(f, 'Idea deleted.')
      await undo.focus()
      await f.keyboard.press('Enter')
      await cardIn(f, 'Staffing', OWN).waitFor({ timeout: WAIT })
      await phoneCard(p, 'Staffing', OWN).waitFor({ timeout: WAIT })
      await eventually(async () =>
        expect(await p.getByText(/was removed from the board by someone else/).count()).toBe(0),
      )

      // The phone deletes its own idea and puts it back: the server accepts the undone delete.
      await p.getByRole('button', { name: `Delete idea: ${OWN}` }).click()
      await eventually(async () => expect(await handleOf(f, OWN).count()).toBe(0))
      await undoIn(p, 'Idea deleted.').click()
      await cardIn(f, 'Staffing', OWN).waitFor({ timeout: WAIT })
      await expectNoAxeViolations(p, 'the phone cluster view after an undo')
    } finally {
      await phone.context.close()
      await facilitator.context.close()
    }
  })

  it('a drop on a card’s body moves it; only the merge strip merges, and that is undone', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const f = facilitator.page
    try {
      await createWorkshop(f, { title: 'Theatre lists', groups: ['Surgeons'] })
      await addItems(f, ITEMS)
      await f.getByRole('button', { name: 'Next phase: Brainstorm' }).click()
      await f.getByRole('button', { name: 'Next phase: Cluster' }).click()
      for (const text of ITEMS) await cardIn(f, 'Unclustered', text).waitFor({ timeout: WAIT })
      await boardOf(f).getByRole('button', { name: 'New cluster' }).click()
      await f.keyboard.type('Scheduling')
      await f.keyboard.press('Enter')
      await dragWithMouse(f, ITEMS[0]!, 'Scheduling')
      await cardIn(f, 'Scheduling', ITEMS[0]!).waitFor({ timeout: WAIT })

      // Onto the card's body: into its cluster, not merged.
      await dragOntoCardBody(f, ITEMS[1]!, ITEMS[0]!, 'Scheduling')
      await cardIn(f, 'Scheduling', ITEMS[1]!).waitFor({ timeout: WAIT })
      await expect(handleOf(f, ITEMS[1]!).count()).resolves.toBe(1)
      await expect(
        boardOf(f)
          .getByRole('button', { name: `Unmerge: ${ITEMS[1]}` })
          .count(),
      ).resolves.toBe(0)

      // Onto its merge strip: merged; Undo takes it apart again.
      await dragOntoMergeZone(f, ITEMS[2]!, ITEMS[0]!)
      await boardOf(f)
        .getByRole('button', { name: `Unmerge: ${ITEMS[2]}` })
        .waitFor({ timeout: WAIT })
      await undoIn(f, 'Ideas merged.').click()
      await handleOf(f, ITEMS[2]!).waitFor({ timeout: WAIT })
      await expect(
        boardOf(f)
          .getByRole('button', { name: `Unmerge: ${ITEMS[2]}` })
          .count(),
      ).resolves.toBe(0)
    } finally {
      await facilitator.context.close()
    }
  })
})
