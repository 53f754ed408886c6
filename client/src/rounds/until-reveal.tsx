// A sealed round's results are hidden until the facilitator reveals them: this renders them
// only then, and `hidden` (what is said instead, if anything) before and after a reopen.
import type { ReactNode } from 'react'
import { revealedResults, type RoundStatus } from './round-status'

export function UntilReveal<R>({
  status,
  results,
  hidden = null,
  children,
}: {
  status: RoundStatus
  results: R | null
  hidden?: ReactNode
  children: (results: R) => ReactNode
}) {
  const shown = revealedResults(status, results)
  return shown === null ? hidden : children(shown)
}
