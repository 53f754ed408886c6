// The brainstorm countdown, identical on every device because it runs on server time.
import { formatCountdown, remainingMs, type TimerState } from '@triage/shared'
import { useServerNow } from '../sync/server-clock'

/**
 * Shows the time left as m:ss in a role=timer element named "Time left". At zero it says
 * what happened; the live region announces only that change, not every second.
 */
export function Countdown({
  timer,
  size = 'normal',
}: {
  timer: TimerState | null
  size?: 'normal' | 'large'
}) {
  const now = useServerNow(timer !== null)
  if (!timer) return null
  const left = remainingMs(timer, now)
  const done = left <= 0
  return (
    <div className={`countdown countdown--${size}${done ? ' countdown--done' : ''}`}>
      <span role="timer" aria-label="Time left" className="countdown__time">
        {formatCountdown(left)}
      </span>
      <span className="countdown__note" aria-live="polite">
        {done ? (timer.onZero === 'stop' ? 'Time is up — idea entry is closed' : 'Time is up') : ''}
      </span>
    </div>
  )
}
