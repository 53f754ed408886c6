// Re-renders exactly when a stop-timer runs out, so idea entry closes on time without a
// render every tick (the Countdown ticks on its own).
import { useEffect, useReducer } from 'react'
import { draftsOpen, openAddingAllowed, type ControlState } from '@triage/shared'
import { serverNow, useServerNow } from '../sync/server-clock'

export interface EntryState {
  /** Drafts may be written, edited and deleted. */
  readonly drafts: boolean
  /** Ideas may be added straight to the board. */
  readonly open: boolean
}

export function useEntryState(control: ControlState): EntryState {
  // Measures the clock offset once, then re-renders with the better estimate.
  useServerNow(false)
  const [tick, wake] = useReducer((n: number) => n + 1, 0)
  const now = serverNow()
  const { timer } = control
  const pending = timer !== null && timer.onZero === 'stop' && now < timer.endsAt
  const endsAt = timer?.endsAt ?? 0
  useEffect(() => {
    if (!pending) return
    const id = window.setTimeout(wake, Math.min(endsAt - serverNow() + 20, 2 ** 31 - 1))
    return () => window.clearTimeout(id)
  }, [pending, endsAt, tick])
  return { drafts: draftsOpen(control, now), open: openAddingAllowed(control, now) }
}
