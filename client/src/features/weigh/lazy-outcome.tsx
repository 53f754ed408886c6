// The outcome view behind React.lazy, so the phone's weighting controls load without d3 and
// the ranking's code comes only once there is a ranking to show.
import { lazy, type ComponentProps } from 'react'
import { LazyChunk } from '../../ui/lazy-chunk'

const OutcomeView = lazy(() => import('./outcome-view'))

export function LazyOutcome(props: ComponentProps<typeof OutcomeView>) {
  return (
    <LazyChunk
      loading={<p className="muted">Loading the ranking…</p>}
      failed={
        <p className="alert alert--error">
          The ranking could not be loaded. Reload the page to try again.
        </p>
      }
    >
      <OutcomeView {...props} />
    </LazyChunk>
  )
}
