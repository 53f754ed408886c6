// The revealed dot-vote results in the phases after the vote, so they stay in view.
import type * as Y from 'yjs'
import type { Group } from '@triage/shared'
import { LazyResults } from './lazy-results'
import { useVoting } from './use-voting'
import { Section } from '../ui/layout'

export function VoteResultsPanel({ doc, groups }: { doc: Y.Doc; groups: readonly Group[] }) {
  const { results } = useVoting(doc)
  if (!results) return null
  return (
    <Section title="Vote results" id="vote-results-heading" className="vote-results">
      <LazyResults results={results} groups={groups} />
    </Section>
  )
}
