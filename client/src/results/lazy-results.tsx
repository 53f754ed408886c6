// The results view behind React.lazy, so d3 and the chart load only where results are shown;
// a failed chunk load (offline, new deploy) leaves a message instead of a blank screen.
import { lazy } from 'react'
import type { Group, VoteResults } from '@triage/shared'
import { LazyChunk } from '../ui/lazy-chunk'

const ResultsView = lazy(() => import('./results-view'))

export function LazyResults({
  results,
  groups,
  top,
}: {
  results: VoteResults
  groups: readonly Group[]
  /** The projector: a chart of this many top items first, the tables on request. */
  top?: number
}) {
  return (
    <LazyChunk
      loading={<p className="muted">Loading the results…</p>}
      failed={
        <p className="alert alert--error">
          The results could not be loaded. Reload the page to try again.
        </p>
      }
    >
      <ResultsView results={results} groups={groups} {...(top !== undefined && { top })} />
    </LazyChunk>
  )
}
