// The vote phase for the facilitator: settings, open / close / reopen, progress in dots used
// per participant (never where), then the revealed results. The settings are editable only
// before voting opens; after that they are shown read-only with the reason, and new ones
// reach the server only with a reopen request (closing seals the votes and their settings).
// Each step's button goes away with the step, so the focus moves to the new status line (or the
// results' heading); the page's live region says what happened. The steps, the progress and the
// results hidden until reveal are the sealed-round kit's (rounds/); the settings are voting's.
import { useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import {
  setVotingSettings,
  voteItems,
  type ControlState,
  type VoteOn,
  type VotingStatus,
} from '@triage/shared'
import { api } from '../../../lib/api'
import { LazyResults } from '../../../results/lazy-results'
import { useVoting } from '../../../results/use-voting'
import { turnoutSummary, voteTurnout } from '../vote-progress'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { RoundControls, RoundStatusLine, statusLineOnce } from '../../../rounds/round-controls'
import { RoundProgress } from '../../../rounds/round-progress'
import { UntilReveal } from '../../../rounds/until-reveal'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce, useVotingNews } from '../../../ui/announcer'
import { moveFocus } from '../../../ui/focus'
import { Section } from '../../../ui/layout'
import { itemCount } from '../../../board/item-lines'
import type { RosterGroup } from '../../../lib/roster-groups'
import { useAction } from '../../../lib/use-action'
import { votingProgressLines } from './voting-progress'
import { VotingSettingsForm } from './voting-settings-form'
import {
  formOf,
  parseSettingsForm,
  sameSettings,
  settingsLock,
  type SettingsForm,
} from './voting-settings-model'

const STEP_LABELS = {
  open: 'Open voting',
  close: 'Close voting',
  reveal: 'Reveal results',
  reopen: 'Reopen voting',
  changeAndReopen: 'Change settings and reopen',
}

const STATUS_LINES: Record<VotingStatus, string> = {
  setup: 'Voting has not opened yet.',
  open: 'Voting is open: participants are placing their dots.',
  closed: 'Voting is closed: the votes are sealed. Reveal the results, or reopen voting.',
  revealed: 'The results are revealed.',
}

export function VotingPanel({
  workshopId,
  token,
  doc,
  control,
  groups,
}: {
  workshopId: string
  token: string
  /** The control document, which the facilitator writes the settings into. */
  doc: Y.Doc
  control: ControlState
  groups: readonly RosterGroup[]
}) {
  const { voting, results } = useVoting(doc)
  // The board says what can be voted on; the facilitator's console reads it, never writes it here.
  const boardDoc = useWorkshopDoc(workshopId, 'board', token).doc
  const board = useBoardState(boardDoc)
  const action = useAction()
  const announce = useAnnounce()
  const panel = useRef<HTMLElement>(null)
  const statusLine = useRef<HTMLParagraphElement>(null)
  const [draft, setDraft] = useState<SettingsForm | null>(null)
  const [invalidField, setInvalidField] = useState<string | null>(null)
  /** While closed: the facilitator is choosing new settings to reopen with. */
  const [changing, setChanging] = useState(false)
  const status = voting.status
  const reopening = changing && status === 'closed'
  const lockedReason = settingsLock(status, reopening)
  const editable = lockedReason === null
  // Once revealed, the settings the results were counted with (the sealed ones) are shown.
  const shown = status === 'revealed' && results ? results.settings : voting.settings
  // Locked settings show the settings themselves, never a stale draft.
  const form = (editable ? draft : null) ?? formOf(shown)
  const parsed = parseSettingsForm(form)
  const dirty = draft !== null && !(parsed.ok && sameSettings(parsed.settings, voting.settings))
  const voteOn = editable ? form.voteOn : voting.settings.voteOn
  const items = useMemo(() => voteItems(board, voteOn), [board, voteOn])
  useVotingNews(status, 'facilitator', true)

  /** Within this panel: the settings heading, the first field, a button by its words. */
  const inPanel = (selector: string) => () => panel.current?.querySelector(selector)
  const buttonSaying = (words: string) => () =>
    [...(panel.current?.querySelectorAll('button') ?? [])].find((b) => b.textContent === words)

  /** Writes the form's settings when they are valid; says what is wrong when they are not. */
  const save = (): boolean => {
    if (!parsed.ok) {
      setInvalidField(parsed.field)
      action.fail(parsed.message)
      return false
    }
    setInvalidField(null)
    action.fail('')
    if (!sameSettings(parsed.settings, voting.settings)) setVotingSettings(doc, parsed.settings)
    setDraft(null)
    return true
  }
  /** "Save settings": the button is disabled once saved, so the focus goes to the heading. */
  const saveFromForm = () => {
    const from = document.activeElement
    if (!save()) return
    announce('Voting settings saved.')
    moveFocus(inPanel('.voting-settings h3'), from)
  }
  /** Runs a step; once it has taken effect the focus goes to `then`. */
  const step = async (task: () => Promise<unknown>, then: () => Element | null | undefined) => {
    // The buttons stay focusable while a step runs (aria-disabled): a failed step leaves the
    // focus where it was, with the error said.
    if (action.pending) return false
    const from = document.activeElement
    const done = await action.run(async () => {
      await task()
      return true
    })
    if (done) moveFocus(then, from)
    return done === true
  }
  const open = async () => {
    if (action.pending) return
    // The settings travel with the request: the server adopts them and opens in one step.
    if (save() && parsed.ok) {
      const settings = parsed.settings
      await step(
        () => api.votingOpen(workshopId, token, { settings }),
        statusLineOnce(statusLine, 'open'),
      )
    }
  }
  /** Reopens with the form's settings: the server adopts them with the reopening (and logs it). */
  const reopenWith = async () => {
    if (!parsed.ok) {
      setInvalidField(parsed.field)
      action.fail(parsed.message)
      return
    }
    setInvalidField(null)
    const settings = parsed.settings
    const done = await step(
      () => api.votingOpen(workshopId, token, { settings }),
      statusLineOnce(statusLine, 'open'),
    )
    if (done) stopChanging()
  }
  const stopChanging = () => {
    setChanging(false)
    setDraft(null)
    setInvalidField(null)
  }
  const close = () =>
    step(() => api.votingClose(workshopId, token), statusLineOnce(statusLine, 'closed'))
  const reveal = () =>
    step(
      () => api.votingReveal(workshopId, token),
      () => document.getElementById('vote-results-heading'),
    )

  return (
    <>
      <section ref={panel} className="card voting-panel" aria-labelledby="voting-heading">
        <h2 id="voting-heading" className="card__title">
          Dot voting
        </h2>
        <RoundStatusLine
          ref={statusLine}
          status={status}
          lines={STATUS_LINES}
          className="voting-status"
        />
        <VotingSettingsForm
          form={form}
          invalidField={editable ? invalidField : null}
          lockedReason={lockedReason}
          submit={
            reopening
              ? {
                  label: 'Reopen voting with these settings',
                  enabled: !action.pending,
                  hint: 'Participants can change their dots again; closing seals them anew.',
                  cancel: {
                    label: 'Keep the sealed settings',
                    onCancel: () => {
                      const from = document.activeElement
                      stopChanging()
                      moveFocus(buttonSaying('Change settings and reopen'), from)
                    },
                  },
                }
              : {
                  label: 'Save settings',
                  enabled: dirty,
                  hint: 'Unsaved changes: saved when you open voting.',
                }
          }
          onChange={(next) => {
            setDraft(next)
            setInvalidField(null)
          }}
          onSave={reopening ? () => void reopenWith() : saveFromForm}
        />
        {status !== 'revealed' && (
          <VoteItemsSummary labels={items.map((i) => i.label)} status={status} voteOn={voteOn} />
        )}
        <RoundControls
          status={status}
          labels={STEP_LABELS}
          pending={action.pending}
          changing={reopening}
          onOpen={() => void open()}
          onClose={() => void close()}
          onReveal={() => void reveal()}
          onReopen={() => void open()}
          onChangeAndReopen={() => {
            if (action.pending) return
            const from = document.activeElement
            setChanging(true)
            // The buttons give way to the settings form: its first field.
            moveFocus(inPanel('.voting-settings input:not(:disabled)'), from)
          }}
        />
        <ErrorAlert message={action.error || null} />
      </section>
      <RoundProgress
        title="Voting progress"
        id="voting-progress-heading"
        status={status}
        summary={turnoutSummary(voteTurnout(control.roster, control.progress))}
        lines={votingProgressLines(groups, control.progress, voting.settings.dotBudget)}
      />
      <UntilReveal status={status} results={results}>
        {(shown) => (
          <Section title="Vote results" id="vote-results-heading" className="vote-results">
            <LazyResults results={shown} groups={control.settings?.groups ?? []} />
          </Section>
        )}
      </UntilReveal>
    </>
  )
}

function VoteItemsSummary({
  labels,
  status,
  voteOn,
}: {
  labels: readonly string[]
  status: VotingStatus
  voteOn: VoteOn
}) {
  if (labels.length === 0) {
    const what = {
      themes: 'clusters or ideas',
      clusters: 'clusters with ideas',
      ideas: 'ideas',
      both: 'clusters or ideas',
    }
    return (
      <p className="hint voting-items">
        There is nothing to vote on yet: the board has no {what[voteOn]}.
      </p>
    )
  }
  return (
    <details className="voting-items">
      <summary>
        {itemCount(labels.length)} {status === 'open' ? 'being voted on' : 'will be voted on'}
      </summary>
      <ul>
        {labels.map((label, i) => (
          <li key={i}>{label}</li>
        ))}
      </ul>
    </details>
  )
}
