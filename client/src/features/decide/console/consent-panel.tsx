// The consent round on the console: ask participants "I can live with it / I object" on each
// decision, follow how many have answered (counts only), close (sealed) and reveal the counts
// per stakeholder group.
import { useRef } from 'react'
import type {
  ConsentResult,
  ControlState,
  Decision,
  RoundProgress,
  RoundStatus,
} from '@triage/shared'
import type { RosterGroup } from '../../../lib/roster-groups'
import { useAction } from '../../../lib/use-action'
import { roundProgressLines, roundTurnout } from '../../../rounds/progress-lines'
import { RoundControls, RoundStatusLine, statusLineOnce } from '../../../rounds/round-controls'
import { RoundProgress as RoundProgressPanel } from '../../../rounds/round-progress'
import { ErrorAlert } from '../../../ui/alert'
import { moveFocus } from '../../../ui/focus'
import { consentStep, type ConsentStep } from '../decide-api'
import { ConsentTable } from '../consent-table'

const STEP_LABELS = {
  open: 'Ask for consent',
  close: 'Close consent',
  reveal: 'Reveal consent',
  reopen: 'Ask for consent again',
}

const STATUS_LINES: Readonly<Record<RoundStatus, string>> = {
  setup: 'Consent has not been asked for yet.',
  open: 'Consent is open: participants answer on their phones. Nobody sees the answers until you reveal them.',
  closed: 'Consent is closed: the answers are sealed. Reveal them, or ask again.',
  revealed: 'Consent is revealed.',
}

export function ConsentPanel({
  workshopId,
  token,
  control,
  groups,
  decisions,
  status,
  progress,
  consent,
}: {
  workshopId: string
  token: string
  control: ControlState
  groups: readonly RosterGroup[]
  decisions: readonly Decision[]
  status: RoundStatus
  progress: Readonly<Record<string, RoundProgress>>
  consent: ConsentResult | null
}) {
  const action = useAction()
  const statusLine = useRef<HTMLParagraphElement>(null)
  const step = async (which: ConsentStep) => {
    if (action.pending) return
    const from = document.activeElement
    const done = await action.run(async () => {
      await consentStep(workshopId, token, which)
      return true
    })
    if (!done) return
    const wanted = { open: 'open', reopen: 'open', close: 'closed', reveal: 'revealed' } as const
    moveFocus(statusLineOnce(statusLine, wanted[which]), from)
  }
  const of = decisions.length
  const lines = roundProgressLines(
    groups,
    (id) => progress[id]?.done ?? 0,
    (name, n) => `${name}: ${n} of ${of} answered`,
  )
  const turnout = roundTurnout(control.roster, (id) => progress[id]?.done ?? 0)
  const workshopGroups = control.settings?.groups ?? []
  return (
    <>
      <section className="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading" className="card__title">
          Consent
        </h2>
        <RoundStatusLine
          ref={statusLine}
          status={status}
          lines={STATUS_LINES}
          className="voting-status"
        />
        {status === 'setup' && decisions.length === 0 ? (
          <p className="muted">
            Add a decision first: participants give their consent to decisions.
          </p>
        ) : (
          <RoundControls
            status={status}
            labels={STEP_LABELS}
            pending={action.pending}
            onOpen={() => void step('open')}
            onClose={() => void step('close')}
            onReveal={() => void step('reveal')}
            onReopen={() => void step('reopen')}
          />
        )}
        {status === 'revealed' && (
          <div className="button-row">
            <button type="button" className="button" onClick={() => void step('reopen')}>
              Ask for consent again
            </button>
          </div>
        )}
        <ErrorAlert message={action.error} />
        {consent &&
          consent.decisions.map((d) => (
            <ConsentTable
              key={d.decision}
              consent={d}
              groups={workshopGroups}
              caption={`Consent to ${d.title}`}
            />
          ))}
      </section>
      <RoundProgressPanel
        title="Consent progress"
        id="consent-progress-heading"
        status={status}
        summary={`${turnout.started} of ${turnout.total} participants have started answering`}
        lines={lines}
      />
    </>
  )
}
