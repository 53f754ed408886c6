// The consent round on the console: ask participants "I can live with it / I object" on each
// decision, follow how many have answered (counts only), close (sealed) and reveal the counts
// per stakeholder group.
import type {
  ConsentResult,
  ControlState,
  Decision,
  RoundProgress,
  RoundStatus,
} from '@triage/shared'
import type { RosterGroup } from '../../../lib/roster-groups'
import { roundProgressLines, roundTurnout } from '../../../rounds/progress-lines'
import { RoundCard, useRoundSteps } from '../../../rounds/round-card'
import { RoundProgress as RoundProgressPanel } from '../../../rounds/round-progress'
import { consentStep } from '../decide-api'
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
  const steps = useRoundSteps((which) => consentStep(workshopId, token, which))
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
      <RoundCard
        title="Consent"
        id="consent-heading"
        status={status}
        lines={STATUS_LINES}
        labels={STEP_LABELS}
        steps={steps}
        statusClassName="voting-status"
        blocked={
          decisions.length === 0
            ? 'Add a decision first: participants give their consent to decisions.'
            : null
        }
        reopenAfterReveal="Ask for consent again"
        results={consent?.decisions.map((d) => (
          <ConsentTable
            key={d.decision}
            consent={d}
            groups={workshopGroups}
            caption={`Consent to ${d.title}`}
          />
        ))}
      />
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
