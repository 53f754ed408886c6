// How far each participant is in the silent brainstorm: a count per person, never the text.
import type { Progress } from '@triage/shared'
import { Section } from '../../../ui/layout'
import { ideaCount, progressLines, progressTotals } from './brainstorm-progress'
import { DoneSummary } from '../../../rounds/done'
import { ParticipantProgressList } from '../../../rounds/progress-list'
import type { RosterGroup } from '../../../lib/roster-groups'

export function ProgressPanel({
  groups,
  progress,
}: {
  groups: readonly RosterGroup[]
  progress: Readonly<Record<string, Progress>>
}) {
  const lines = progressLines(groups, progress)
  const totals = progressTotals(progress)
  return (
    <Section title="Brainstorm progress" id="progress-heading" className="progress-panel">
      <p className="muted">
        {lines.length === 0
          ? 'Nobody has joined yet.'
          : `${ideaCount(totals.drafts + totals.revealed)} from ${lines.length} ${
              lines.length === 1 ? 'participant' : 'participants'
            }`}
      </p>
      <DoneSummary />
      <ParticipantProgressList
        labelledBy="progress-heading"
        lines={lines.map((line) => ({ ...line, none: line.ideas === 0 }))}
      />
    </Section>
  )
}
