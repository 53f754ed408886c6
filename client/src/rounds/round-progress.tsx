// While a sealed round is open or closed: how far each participant is, as counts (never what
// they chose), under a one-line summary and how many said they are done. Nothing before it
// opens or once it is revealed.
import type { ReactNode } from 'react'
import { Section } from '../ui/layout'
import { DoneSummary } from './done'
import { ParticipantProgressList, type ProgressListLine } from './progress-list'
import { showsProgress, type RoundStatus } from './round-status'

export function RoundProgress({
  title,
  id,
  status,
  summary,
  lines,
}: {
  /** "Voting progress" */
  title: string
  /** The heading's id, which also names the list. */
  id: string
  status: RoundStatus
  /** "2 of 5 participants have placed dots" */
  summary: ReactNode
  lines: readonly ProgressListLine[]
}) {
  if (!showsProgress(status)) return null
  return (
    <Section title={title} id={id} className="progress-panel">
      <p className="round-turnout">{summary}</p>
      <DoneSummary />
      <ParticipantProgressList labelledBy={id} lines={lines} />
    </Section>
  )
}
