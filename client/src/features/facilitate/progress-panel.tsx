// How far each participant is in the silent brainstorm: a count per person, never the text.
import type { Progress } from '@triage/shared'
import { Section } from '../../ui/layout'
import { ideaCount, progressLines, progressTotals } from './brainstorm-progress'
import type { RosterGroup } from './roster-groups'

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
      <ul className="progress-list" aria-labelledby="progress-heading">
        {lines.map((line) => (
          <li
            key={line.id}
            className={line.ideas === 0 ? 'progress-line progress-line--none' : 'progress-line'}
          >
            <span className="progress-line__count">{line.label}</span>
            <span className="progress-line__meta">
              <span className="group-tag">{line.group}</span>{' '}
              <span className={line.online ? 'presence presence--online' : 'presence'}>
                <span aria-hidden="true">{line.online ? '●' : '○'}</span>{' '}
                {line.online ? 'Online' : 'Offline'}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </Section>
  )
}
