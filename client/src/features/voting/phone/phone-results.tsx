// The revealed vote results on the phone: the shared results view, loaded only once there are
// results to show (its chart brings d3, which the phone's first download must not carry).
import { useId } from 'react'
import type { Group, VoteResults } from '@triage/shared'
import { LazyResults } from '../../../results/lazy-results'

export function PhoneResults({
  results,
  groups,
}: {
  results: VoteResults
  groups: readonly Group[]
}) {
  const id = useId()
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        Vote results
      </h2>
      <LazyResults results={results} groups={groups} />
    </section>
  )
}
