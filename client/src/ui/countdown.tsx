// The brainstorm countdown, identical on every device because it runs on server time.
import { useEffect, useRef } from 'react'
import { formatCountdown, remainingMs, type TimerState } from '@triage/shared'
import { useServerNow } from '../sync/server-clock'

/**
 * Shows the time left as m:ss in a role=timer element named "Time left" (not live: nobody
 * wants every second read out). At zero it says what happened and calls `onTimeUp` — at that
 * moment, not when a page opens on a timer already at zero — for the page's live region
 * (the caller words it: ui/workshop-news.ts timeUpNews).
 */
export function Countdown({
  timer,
  onTimeUp,
  size = 'normal',
}: {
  timer: TimerState | null
  onTimeUp?: (timer: TimerState) => void
  size?: 'normal' | 'large'
}) {
  const now = useServerNow(timer !== null)
  const done = timer !== null && remainingMs(timer, now) <= 0
  const wasDone = useRef<boolean | null>(null)
  useEffect(() => {
    if (timer && done && wasDone.current === false) onTimeUp?.(timer)
    wasDone.current = timer ? done : null
  }, [timer, done, onTimeUp])
  if (!timer) return null
  const left = remainingMs(timer, now)
  return (
    <div className={`countdown countdown--${size}${done ? ' countdown--done' : ''}`}>
      <span role="timer" aria-label="Time left" className="countdown__time">
        {formatCountdown(left)}
      </span>
      <span className="countdown__note">
        {done ? (timer.onZero === 'stop' ? 'Time is up — idea entry is closed' : 'Time is up') : ''}
      </span>
    </div>
  )
}
