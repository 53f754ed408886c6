// The results view behind React.lazy, so d3 and the chart load only where results are shown;
// a failed chunk load (offline, new deploy) leaves a message instead of a blank screen.
import { Component, lazy, Suspense, type ReactNode } from 'react'
import type { Group, VoteResults } from '@triage/shared'

const ResultsView = lazy(() => import('./results-view'))

export function LazyResults({
  results,
  groups,
}: {
  results: VoteResults
  groups: readonly Group[]
}) {
  return (
    <ChunkBoundary
      fallback={
        <p className="alert alert--error">
          The results could not be loaded. Reload the page to try again.
        </p>
      }
    >
      <Suspense fallback={<p className="muted">Loading the results…</p>}>
        <ResultsView results={results} groups={groups} />
      </Suspense>
    </ChunkBoundary>
  )
}

class ChunkBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
