// What a screen-reader user hears, on the phone, the console and the projector: a recorder
// installed before the app's scripts keeps every text added to a live region, and each change
// of the workshop — phases, the timer and its end, reveals, rounds opened, closed and revealed,
// the lock — is said on every screen, with the result of each person's own actions.
import type { Page } from 'playwright-core'
import { describe, it } from 'vitest'
import { recordLiveRegions, waitForSaid } from '../fixtures/a11y'
import { addItems, boardOf, handleOf, keyboardDragReady } from '../fixtures/board'
import { openFacilitator, openPhone, type Screen } from '../fixtures/browser'
import { useSuite } from '../fixtures/suite'
import { addDotButton, removeDotButton, waitForDotsLeft, waitForOwnDots } from '../fixtures/voting'
import { createWorkshop, joinWorkshop, waitForPhase } from '../fixtures/workshop'

const WAIT = 15_000
const GROUPS = ['Surgeons', 'Radiologists']

const suite = useSuite()

interface Session {
  readonly facilitator: Screen
  readonly phone: Screen
  /** The projector, a tab of the facilitator's browser. */
  readonly projector: Page
  close(): Promise<void>
}

/** Console, phone and projector, each recording its live regions from the first script on. */
async function session(title: string): Promise<Session> {
  const facilitator = await openFacilitator(suite.browser, suite.server.baseURL)
  const phone = await openPhone(suite.browser, suite.server.baseURL)
  const close = async () => {
    await phone.context.close()
    await facilitator.context.close()
  }
  try {
    await recordLiveRegions(facilitator.context)
    await recordLiveRegions(phone.context)
    const f = facilitator.page
    const { joinCode } = await createWorkshop(f, { title, groups: GROUPS })
    // Said on the start page; the console opens in the same page.
    await waitForSaid(f, 'Workshop created.')
    await joinWorkshop(phone.page, { code: joinCode, name: 'Dana', group: 'Surgeons' })
    await waitForSaid(phone.page, 'Joined as Dana (Surgeons).')
    const projector = await facilitator.context.newPage()
    await projector.goto(new URL(f.url()).pathname.replace(/\/facilitate$/, '/board'))
    await projector.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: WAIT })
    return { facilitator, phone, projector, close }
  } catch (error) {
    await close()
    throw error
  }
}

/** Waits until every page has said `words` (each has its own wording, so words differ). */
async function saidEverywhere(said: readonly [Page, string][]) {
  for (const [page, words] of said) await waitForSaid(page, words)
}

async function toPhase(f: Page, phone: Page, label: string) {
  await f.getByRole('list', { name: 'Phases' }).getByRole('button', { name: label }).click()
  await waitForPhase(phone, label)
}

describe('live announcements', () => {
  it('in the brainstorm: the phase, and the timer started, at zero, added to, cleared', async () => {
    const { facilitator, phone, projector, close } = await session('Theatre turnaround')
    const f = facilitator.page
    const p = phone.page
    try {
      await toPhase(f, p, 'Brainstorm')
      await saidEverywhere([
        [f, 'Phase changed to Brainstorm.'],
        [p, 'Phase changed to Brainstorm.'],
        [projector, 'Phase changed to Brainstorm.'],
      ])

      // A six-second timer that stops input: its start, and — assertively — its end.
      await f.getByRole('spinbutton', { name: 'Minutes' }).fill('0.1')
      await f.getByRole('button', { name: 'Start timer' }).click()
      await saidEverywhere([
        [f, 'Timer started: 6 seconds. At zero, participants can no longer add ideas.'],
        [p, 'Timer started: 6 seconds. At zero, idea entry closes.'],
        [projector, 'Timer started: 6 seconds.'],
      ])
      await waitForSaid(f, 'Time is up. Participants can no longer add ideas.', 'assertive')
      await waitForSaid(p, 'Time is up. Idea entry is now closed', 'assertive')
      await waitForSaid(projector, 'Time is up.', 'assertive')
      await f.getByRole('button', { name: 'Add 1 minute' }).click()
      await saidEverywhere([
        [f, 'Time added: 1 minute.'],
        [p, 'Time added: 1 minute.'],
      ])
      await f.getByRole('button', { name: 'Clear timer' }).click()
      await saidEverywhere([
        [f, 'Timer cleared.'],
        [p, 'Timer cleared.'],
      ])
    } finally {
      await close()
    }
  })

  it('in the brainstorm: drafts, the reveal, open adding, another round, items', async () => {
    const { facilitator, phone, projector, close } = await session('Discharge letters')
    const f = facilitator.page
    const p = phone.page
    try {
      await toPhase(f, p, 'Brainstorm')
      // The phone's own drafts.
      const box = p.getByRole('textbox', { name: 'New idea' })
      await box.fill('Shorter handover')
      await box.press('Enter')
      await waitForSaid(p, 'Draft saved: 1 draft, only you can see them.')
      await p.getByRole('button', { name: 'Edit draft: Shorter handover' }).click()
      await p.getByRole('textbox', { name: 'Edit draft' }).fill('Shorter handovers')
      await p.getByRole('button', { name: 'Save' }).click()
      await waitForSaid(p, 'Draft changed.')
      await box.fill('Second scanner')
      await box.press('Enter')
      await waitForSaid(p, 'Draft saved: 2 drafts')
      await p.getByRole('button', { name: 'Delete draft: Second scanner' }).click()
      await waitForSaid(p, 'Draft deleted.')

      await f.getByRole('button', { name: 'Reveal ideas' }).click()
      await saidEverywhere([
        [f, '1 idea revealed onto the board.'],
        [p, 'The facilitator revealed the ideas: they are on the board now.'],
        [projector, 'The facilitator revealed the ideas'],
      ])

      await f.getByRole('checkbox', { name: 'Open adding' }).check()
      await saidEverywhere([
        [f, 'Open adding on: ideas go straight onto the board.'],
        [p, 'Open adding: an idea you add now goes straight onto the shared board.'],
      ])
      await box.fill('Discharge lounge')
      await p.getByRole('button', { name: 'Add to board' }).click()
      await waitForSaid(p, 'Idea added to the board.')
      await p.getByRole('button', { name: 'Withdraw idea: Discharge lounge' }).click()
      await waitForSaid(p, 'Idea withdrawn from the board.')

      await f.getByRole('button', { name: 'Start another silent round' }).click()
      await saidEverywhere([
        [f, 'Silent round 2 started.'],
        [p, 'Silent round 2 started: your new ideas stay private until the next reveal.'],
      ])

      await addItems(f, ['Bed board', 'Theatre list'])
      await saidEverywhere([
        [f, '2 items put on the board.'],
        [p, 'The facilitator added items to the board.'],
        [projector, 'The facilitator added items to the board.'],
      ])
    } finally {
      await close()
    }
  })

  it('in the cluster phase: the lock, a cluster made, a move, a deletion, a keyboard drag', async () => {
    const { facilitator, phone, projector, close } = await session('Bed management')
    const f = facilitator.page
    const p = phone.page
    try {
      await addItems(f, ['Bed board', 'Theatre list'])
      await toPhase(f, p, 'Brainstorm')
      const box = p.getByRole('textbox', { name: 'New idea' })
      await box.fill('Discharge lounge')
      await box.press('Enter')
      await waitForSaid(p, 'Draft saved')
      await f.getByRole('button', { name: 'Reveal ideas' }).click()
      await waitForSaid(f, '1 idea revealed onto the board.')

      await toPhase(f, p, 'Cluster')
      await saidEverywhere([
        [f, 'Phase changed to Cluster.'],
        [p, 'Phase changed to Cluster.'],
        [projector, 'Phase changed to Cluster.'],
      ])
      const lock = f.getByRole('checkbox', { name: 'Lock board' })
      await lock.check()
      await saidEverywhere([
        [f, 'Board locked: participants can look at it but not change it.'],
        [p, 'Board locked by the facilitator: you can look at it but not change it.'],
        [projector, 'Board locked.'],
      ])
      await lock.uncheck()
      await saidEverywhere([
        [f, 'Board unlocked for participants.'],
        [p, 'Board unlocked: you can move and edit cards again.'],
        [projector, 'Board unlocked.'],
      ])

      // The phone's own actions on the board list.
      await p.getByLabel('Name of a new cluster').fill('Staffing')
      await p.getByRole('button', { name: 'New cluster' }).click()
      await waitForSaid(p, 'Cluster Staffing created.')
      await p
        .getByRole('combobox', { name: 'Move to cluster: Bed board' })
        .selectOption({ label: 'Staffing' })
      await waitForSaid(p, 'Moved to Staffing.')
      await p.getByRole('button', { name: 'Delete idea: Discharge lounge' }).click()
      await waitForSaid(p, 'Idea deleted from the board.')

      // A keyboard drag on the console's board: where the card is, assertively, at once.
      await handleOf(f, 'Theatre list').focus()
      await f.keyboard.press('Space')
      await waitForSaid(f, 'Picked up idea "Theatre list" in Unclustered.', 'assertive')
      await keyboardDragReady(f)
      await f.keyboard.press('ArrowRight')
      await waitForSaid(f, 'Idea "Theatre list" is over cluster "Staffing".', 'assertive')
      await f.keyboard.press('Space')
      await waitForSaid(f, 'Idea "Theatre list" was moved to cluster "Staffing".', 'assertive')
      await boardOf(f)
        .getByRole('list', { name: 'Staffing', exact: true })
        .getByText('Theatre list')
        .waitFor({ timeout: WAIT })
    } finally {
      await close()
    }
  })

  it('in the vote: settings saved, voting opened, dots, closed, reopened, results revealed', async () => {
    const { facilitator, phone, projector, close } = await session('Imaging investment')
    const f = facilitator.page
    const p = phone.page
    try {
      await addItems(f, ['Bed board', 'Theatre list'])
      await toPhase(f, p, 'Vote')
      await f.getByRole('radio', { name: 'Ideas', exact: true }).check()
      await f.getByRole('button', { name: 'Save settings' }).click()
      await waitForSaid(f, 'Voting settings saved.')
      await f.getByRole('button', { name: 'Open voting' }).click()
      await saidEverywhere([
        [f, 'Voting opened: participants can place their dots.'],
        [p, 'Voting opened: place your dots.'],
        [projector, 'Voting opened: participants can place their dots.'],
      ])
      await waitForDotsLeft(p, 5, 5)
      await addDotButton(p, 'Bed board').click()
      await waitForSaid(p, 'Dot added to Bed board: 1 on it, 4 dots left.')
      await removeDotButton(p, 'Bed board').click()
      await waitForSaid(p, 'Dot taken off Bed board: 0 on it, 5 dots left.')
      await addDotButton(p, 'Theatre list').click()
      await waitForOwnDots(p, 'Theatre list', 1)

      await f.getByRole('button', { name: 'Close voting' }).click()
      await saidEverywhere([
        [f, 'Voting closed and the votes sealed. Next: reveal the results, or reopen voting.'],
        [p, 'Voting closed: your dots are sealed.'],
        [projector, 'Voting closed: the votes are sealed.'],
      ])
      await f.getByRole('button', { name: 'Reopen voting' }).click()
      await saidEverywhere([
        [f, 'Voting reopened: participants can change their dots again.'],
        [p, 'Voting reopened: you can change your dots again.'],
        [projector, 'Voting reopened'],
      ])
      await f.getByRole('button', { name: 'Close voting' }).click()
      await f.getByRole('button', { name: 'Reveal results' }).click()
      await saidEverywhere([
        [f, 'Results revealed.'],
        [p, 'Results revealed: they are shown below, with where your own dots went.'],
        [projector, 'Results revealed.'],
      ])
    } finally {
      await close()
    }
  })

  it('the connection lost and back, and the end of the workshop (said on the start page)', async () => {
    const { facilitator, phone, close } = await session('Short-lived')
    const f = facilitator.page
    const p = phone.page
    try {
      await phone.context.setOffline(true)
      await waitForSaid(p, 'Offline — your changes are kept and will sync when you are back.')
      await phone.context.setOffline(false)
      await waitForSaid(p, 'Connected again.')

      await f.getByRole('button', { name: 'Close to new participants' }).click()
      await waitForSaid(f, 'Workshop closed to new participants.')
      await f.getByRole('button', { name: 'Delete workshop' }).click()
      await f.getByRole('button', { name: 'Delete permanently' }).click()
      await f.waitForURL((url) => url.pathname === '/', { timeout: WAIT })
      await waitForSaid(f, 'Workshop deleted, with everything anyone wrote in it.')
    } finally {
      await close()
    }
  })
})
