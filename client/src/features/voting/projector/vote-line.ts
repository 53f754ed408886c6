// What the projector says about a dot vote before its results: counts only, never where.
import type { VotingStatus } from '@triage/shared'
import { turnoutSummary, type VoteTurnout } from '../vote-progress'

/** "Voting is open: 2 of 5 participants have placed dots" and the like, per status. */
export function voteLine(status: VotingStatus, turnout: VoteTurnout): string {
  switch (status) {
    case 'setup':
      return 'Voting has not opened yet'
    case 'open':
      return `Voting is open: ${turnoutSummary(turnout)}`
    case 'closed':
      return `Voting is closed: ${turnoutSummary(turnout)}`
    case 'revealed':
      return 'The results are revealed'
  }
}
