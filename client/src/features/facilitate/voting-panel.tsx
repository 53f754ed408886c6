// The vote phase for the facilitator: settings, open / close / reopen, progress in dots used
// per participant (never where), then the revealed results. The settings are editable only
// before voting opens; after that they are shown read-only with the reason, and new ones
// reach the server only with a reopen request (closing seals the votes and their settings).
import { useMemo, useState } from 'react'
import type * as Y from 'yjs'
import {
  setVotingSettings,
  voteItems,
  type ControlState,
  type VoteOn,
  type VotingStatus,
} from '@triage/shared'
import { api } from '../../lib/api'
import { LazyResults } from '../../results/lazy-results'
import { useVoting } from '../../results/use-voting'
import { turnoutSummary, voteTurnout } from '../../results/vote-progress'
import { useBoardState } from '../../sync/use-doc-snapshot'
import { useWorkshopDoc } from '../../sync/use-workshop-doc'
import { ErrorAlert } from '../../ui/alert'
import { Section } from '../../ui/layout'
import { itemCount } from './brainstorm-progress'
import { ParticipantProgressList } from './participant-progress-list'
import type { RosterGroup } from './roster-groups'
import { useAction } from './use-action'
import { votingProgressLines } from './voting-progress'
import { VotingSettingsForm } from './voting-settings-form'
import {
  formOf,
  parseSettingsForm,
  sameSettings,
  settingsLock,
  type SettingsForm,
} from './voting-settings-model'

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
  const open = async () => {
    // The settings travel with the request: the server adopts them and opens in one step.
    if (save() && parsed.ok) {
      const settings = parsed.settings
      await action.run(() => api.votingOpen(workshopId, token, { settings }))
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
    const done = await action.run(async () => {
      await api.votingOpen(workshopId, token, { settings })
      return true
    })
    if (done) stopChanging()
  }
  const stopChanging = () => {
    setChanging(false)
    setDraft(null)
    setInvalidField(null)
  }
  const close = () => action.run(() => api.votingClose(workshopId, token))
  const reveal = () => action.run(() => api.votingReveal(workshopId, token))

  return (
    <>
      <section className="card voting-panel" aria-labelledby="voting-heading">
        <h2 id="voting-heading" className="card__title">
          Dot voting
        </h2>
        {/* Not role=status: the page's one status element is the connection badge. */}
        <p className="voting-status" aria-live="polite">
          {STATUS_LINES[status]}
        </p>
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
                  cancel: { label: 'Keep the sealed settings', onCancel: stopChanging },
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
          onSave={reopening ? () => void reopenWith() : save}
        />
        {status !== 'revealed' && (
          <VoteItemsSummary labels={items.map((i) => i.label)} status={status} voteOn={voteOn} />
        )}
        <div className="button-row">
          {status === 'setup' && (
            <button
              className="button button--primary"
              type="button"
              disabled={action.pending}
              onClick={() => void open()}
            >
              Open voting
            </button>
          )}
          {status === 'open' && (
            <button
              className="button button--primary"
              type="button"
              disabled={action.pending}
              onClick={() => void close()}
            >
              Close voting
            </button>
          )}
          {status === 'closed' && !reopening && (
            <>
              <button
                className="button button--primary"
                type="button"
                disabled={action.pending}
                onClick={() => void reveal()}
              >
                Reveal results
              </button>
              <button
                className="button"
                type="button"
                disabled={action.pending}
                onClick={() => void open()}
              >
                Reopen voting
              </button>
              <button
                className="button"
                type="button"
                disabled={action.pending}
                onClick={() => setChanging(true)}
              >
                Change settings and reopen
              </button>
            </>
          )}
        </div>
        <ErrorAlert message={action.error || null} />
      </section>
      {(status === 'open' || status === 'closed') && (
        <VotingProgress control={control} groups={groups} budget={voting.settings.dotBudget} />
      )}
      {status === 'revealed' && results && (
        <Section title="Vote results" id="vote-results-heading" className="vote-results">
          <LazyResults results={results} groups={control.settings?.groups ?? []} />
        </Section>
      )}
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
    const what = { clusters: 'clusters with ideas', ideas: 'ideas', both: 'clusters or ideas' }
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

function VotingProgress({
  control,
  groups,
  budget,
}: {
  control: ControlState
  groups: readonly RosterGroup[]
  budget: number
}) {
  const lines = votingProgressLines(groups, control.progress, budget)
  const turnout = voteTurnout(control.roster, control.progress)
  return (
    <Section title="Voting progress" id="voting-progress-heading" className="progress-panel">
      <p className="voting-turnout">{turnoutSummary(turnout)}</p>
      <ParticipantProgressList
        labelledBy="voting-progress-heading"
        lines={lines.map((line) => ({ ...line, none: line.dots === 0 }))}
      />
    </Section>
  )
}
