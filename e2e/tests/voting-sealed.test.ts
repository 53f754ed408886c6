// Sealed means sealed: once the facilitator closes voting, the settings are read-only in the
// console (with the reason), and nothing done before the reveal changes what is counted — not
// a merge on the facilitator's board, not an item deleted by a direct write, not voting
// settings written straight into the control document. The revealed counts equal the ones
// worked out by hand below from what the phones cast before the close.
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  deleteIdea,
  readBoard,
  readVoting,
  setVotingSettings,
  type VotingSettings,
} from '@triage/shared'
import { addItems, boardOf, handleOf, mergeWithList } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { addDots, readResultsTable, votingProgressLine, waitForDotsLeft } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'
import { connectStock, serverHasSeen, until, type StockClient } from '../fixtures/yjs-client'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']
const ROTA = 'Shared on-call rota'
const TURNAROUND = 'Theatre turnaround board'
const TRIAGE = 'Radiology request triage'
const LOUNGE = 'Discharge lounge'
const ITEMS = [ROTA, TURNAROUND, TRIAGE, LOUNGE]

const SEALED_REASON = 'Votes are sealed with these settings. Reopen voting to change them.'
const OPEN_REASON = 'Settings are fixed while voting is open.'

// Cast before the close, with the workshop's rules (5 dots each, at most 3 on one item), on ideas:
//   Ana (Surgeons):     rota 3, turnaround 2
//   Ben (Radiologists): rota 1, triage 3, lounge 1
// Totals: rota 3 + 1 = 4, triage 3, turnaround 2, lounge 1 → ranks 1st to 4th.
// Each group placed 5 dots. Normalised = the mean over the two groups of the item's share:
//   rota       (3/5 + 1/5) / 2 = 0.4 → 40.0%
//   triage     (0/5 + 3/5) / 2 = 0.3 → 30.0%
//   turnaround (2/5 + 0/5) / 2 = 0.2 → 20.0%
//   lounge     (0/5 + 1/5) / 2 = 0.1 → 10.0%
// After the close: triage is merged into the turnaround board (its 3 dots would vanish if the
// items were recomputed from the board), the lounge is deleted (its dot likewise), and the
// settings are set to 1 dot each (everyone would count for one dot). None of that may count.
const EXPECTED: Record<string, Record<string, string>> = {
  [ROTA]: { Dots: '4', Surgeons: '3', Radiologists: '1', Normalised: '40.0%', Rank: '1st' },
  [TRIAGE]: { Dots: '3', Surgeons: '0', Radiologists: '3', Normalised: '30.0%', Rank: '2nd' },
  [TURNAROUND]: { Dots: '2', Surgeons: '2', Radiologists: '0', Normalised: '20.0%', Rank: '3rd' },
  [LOUNGE]: { Dots: '1', Surgeons: '0', Radiologists: '1', Normalised: '10.0%', Rank: '4th' },
}

/** What a facilitator who edits the control document directly tries to count with. */
const TAMPERED: VotingSettings = {
  dotBudget: 1,
  maxDotsPerItem: 1,
  anonymous: true,
  voteOn: 'ideas',
}

const suite = useSuite()

/** The settings controls of the facilitator's voting panel, by role and accessible name. */
function settingsControls(f: Page) {
  const voteOn = f.getByRole('radiogroup', { name: 'Vote on' })
  return [
    f.getByRole('spinbutton', { name: 'Dots per person', exact: true }),
    f.getByRole('spinbutton', { name: 'Most dots on one item', exact: true }),
    f.getByRole('checkbox', { name: 'Anonymous votes', exact: true }),
    voteOn.getByRole('radio', { name: 'Clusters', exact: true }),
    voteOn.getByRole('radio', { name: 'Ideas', exact: true }),
    voteOn.getByRole('radio', { name: 'Both', exact: true }),
  ]
}

/** The settings are read-only, and the page says why in words next to them. */
async function expectSettingsLocked(f: Page, reason: string): Promise<void> {
  const form = f.getByRole('form', { name: 'Settings', exact: true })
  await form.getByText(reason).waitFor({ timeout: WAIT })
  for (const [i, control] of settingsControls(f).entries()) {
    await expect(control.isDisabled(), `settings control ${i}`).resolves.toBe(true)
  }
  // The reason is the form's description, not only text nearby; and there is nothing to save.
  await expect(
    form.evaluate(
      (el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent,
    ),
  ).resolves.toContain(reason)
  await expect(f.getByRole('button', { name: 'Save settings' }).count()).resolves.toBe(0)
}

const phaseButton = (f: Page, label: string) =>
  f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label, exact: true })

async function facilitatorToken(f: Page, workshopId: string): Promise<string> {
  const token = await f.evaluate(
    (key) => (JSON.parse(localStorage.getItem(key) ?? '{}') as { token?: string }).token,
    `triage:session:${workshopId}`,
  )
  if (!token) throw new Error('the facilitator’s page holds no session')
  return token
}

describe('sealed dot voting', () => {
  it('after close the settings are read-only, and board and settings edits change no count', async () => {
    const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
    const ana = await openPhone(suite.browser, suite.server.baseURL)
    const ben = await openPhone(suite.browser, suite.server.baseURL)
    const screens: Screen[] = [facilitator, ana, ben]
    const stock: StockClient[] = []
    const f = facilitator.page
    const a = ana.page
    const b = ben.page
    try {
      const { workshopId, joinCode } = await createWorkshop(f, {
        title: 'Imaging investment',
        groups: GROUPS,
      })
      await joinWorkshop(a, { code: joinCode, name: 'Ana', group: 'Surgeons' })
      await joinWorkshop(b, { code: joinCode, name: 'Ben', group: 'Radiologists' })
      await addItems(f, ITEMS)
      for (const next of ['Brainstorm', 'Cluster', 'Vote']) {
        await f.getByRole('button', { name: `Next phase: ${next}` }).click()
      }
      await waitForPhase(a, 'Vote')
      await waitForPhase(b, 'Vote')

      // Before voting opens the settings are editable.
      const [budget] = settingsControls(f)
      await expect(budget!.isEnabled()).resolves.toBe(true)
      await f.getByRole('radio', { name: 'Ideas', exact: true }).check()
      await f.getByText('4 items will be voted on').waitFor({ timeout: WAIT })
      await f.getByRole('button', { name: 'Open voting' }).click()
      await f.getByRole('button', { name: 'Close voting' }).waitFor({ timeout: WAIT })
      await expectSettingsLocked(f, OPEN_REASON)

      // The phones cast their dots; the console's progress shows the server has them.
      await waitForDotsLeft(a, 5, 5)
      await waitForDotsLeft(b, 5, 5)
      await addDots(a, ROTA, 3)
      await addDots(a, TURNAROUND, 2)
      await waitForDotsLeft(a, 0, 5)
      await addDots(b, ROTA, 1)
      await addDots(b, TRIAGE, 3)
      await addDots(b, LOUNGE, 1)
      await waitForDotsLeft(b, 0, 5)
      await votingProgressLine(f, 'Ana: 5 of 5 dots').waitFor({ timeout: WAIT })
      await votingProgressLine(f, 'Ben: 5 of 5 dots').waitFor({ timeout: WAIT })

      // Close: sealed, and the console says so next to settings it no longer lets anyone edit.
      await f.getByRole('button', { name: 'Close voting' }).click()
      await f.getByRole('button', { name: 'Reveal results' }).waitFor({ timeout: WAIT })
      await f.getByText('Voting is closed: the votes are sealed').waitFor({ timeout: WAIT })
      await expectSettingsLocked(f, SEALED_REASON)
      await a.getByText('Voting is closed').waitFor({ timeout: WAIT })
      // Changing them means reopening: the form opens for that, and can be left as it was.
      await f.getByRole('button', { name: 'Change settings and reopen' }).click()
      await f.getByRole('button', { name: 'Reopen voting with these settings' }).waitFor()
      await expect(budget!.isEnabled()).resolves.toBe(true)
      await f.getByRole('button', { name: 'Keep the sealed settings' }).click()
      await expectSettingsLocked(f, SEALED_REASON)

      // A reader of the board, to see each edit reach the server.
      const token = await facilitatorToken(f, workshopId)
      const board = await connectStock(suite.server.baseURL, `${workshopId}/board`, token)
      stock.push(board)
      const idOf = (text: string) => {
        const card = readBoard(board.doc).cards.find((c) => c.text === text)
        if (!card) throw new Error(`no card "${text}" on the board`)
        return card.id
      }
      const triageId = idOf(TRIAGE)
      const loungeId = idOf(LOUNGE)

      // 1. The facilitator's own board: back to clustering, triage merged into the turnaround
      //    board, and back to the vote.
      await phaseButton(f, 'Cluster').click()
      await boardOf(f).waitFor({ timeout: WAIT })
      await mergeWithList(f, TRIAGE, `${TURNAROUND} — Unclustered`)
      await handleOf(f, TRIAGE).waitFor({ state: 'detached', timeout: WAIT })
      await until(
        board.doc,
        (doc) => !readBoard(doc).cards.some((c) => c.id === triageId),
        'the merge to reach the server',
      )
      await phaseButton(f, 'Vote').click()
      await f.getByRole('button', { name: 'Reveal results' }).waitFor({ timeout: WAIT })
      await expectSettingsLocked(f, SEALED_REASON)

      // 2. A direct write with the facilitator's token: the lounge deleted from the board.
      deleteIdea(board.doc, loungeId)
      const boardAnswer = await serverHasSeen(board)
      // 3. Settings written straight into the control document (the form no longer can).
      const control = await connectStock(suite.server.baseURL, `${workshopId}/control`, token)
      stock.push(control)
      setVotingSettings(control.doc, TAMPERED)
      const controlAnswer = await serverHasSeen(control)
      // Whether the server took these writes or refused them, it has dealt with them: the
      // reveal below comes after. (Shown when the counts differ.)
      const fate = {
        board: { closed: boardAnswer, refusals: board.refusals },
        control: {
          closed: controlAnswer,
          refusals: control.refusals,
          settingsNow: readVoting(control.doc, null).settings,
        },
      }

      await f.getByRole('button', { name: 'Reveal results' }).click()
      expect(await readResultsTable(f), JSON.stringify(fate)).toEqual(EXPECTED)
      await f.getByText('Raw and group-normalised rankings agree').waitFor({ timeout: WAIT })
      // The console shows the settings the results were counted with: the sealed ones.
      await expectSettingsLocked(f, 'The results were counted with these settings.')
      await expect(budget!.inputValue()).resolves.toBe('5')
      await expect(settingsControls(f)[1]!.inputValue()).resolves.toBe('3')
      // The phones show the same sealed result.
      await a.getByRole('table', { name: 'Results', exact: true }).waitFor({ timeout: WAIT })
      expect(await readResultsTable(a)).toEqual(EXPECTED)
    } finally {
      for (const client of stock) client.destroy()
      for (const screen of screens) await screen.context.close()
    }
  })
})
