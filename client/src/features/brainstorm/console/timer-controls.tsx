// The brainstorm timer: start with a length and what happens at zero, add a minute, clear.
// The buttons stay focusable while their request runs (aria-disabled), so the focus stays put;
// the console's live region says what the timer now does (ui/announcer.tsx).
import { useId, useRef, useState, type FormEvent } from 'react'
import type { TimerOnZero, TimerState } from '@triage/shared'
import { api } from '../../../lib/api'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Countdown } from '../../../ui/countdown'
import { moveFocus } from '../../../ui/focus'
import { timeUpNews } from '../../../ui/workshop-news'
import { DEFAULT_TIMER_MINUTES, MAX_MINUTES, MIN_MINUTES, parseTimerMinutes } from './timer-input'
import { useAction } from '../../../lib/use-action'

export function TimerControls({
  workshopId,
  token,
  timer,
}: {
  workshopId: string
  token: string
  timer: TimerState | null
}) {
  const id = useId()
  const [minutes, setMinutes] = useState(String(DEFAULT_TIMER_MINUTES))
  const [onZero, setOnZero] = useState<TimerOnZero>('stop')
  const action = useAction()
  const announce = useAnnounce()
  const startButton = useRef<HTMLButtonElement>(null)
  const noTimer = useRef<HTMLParagraphElement>(null)

  const start = async (event: FormEvent) => {
    event.preventDefault()
    if (action.pending) return
    const parsed = parseTimerMinutes(minutes)
    if (!parsed.ok) return action.fail(parsed.message)
    const from = document.activeElement
    await action.run(() =>
      api.timer(workshopId, token, { action: 'start', seconds: parsed.seconds, onZero }),
    )
    // The button is still there: the focus stays on it (should a render have replaced it).
    moveFocus(() => startButton.current, from)
  }
  const clear = async () => {
    if (action.pending) return
    const from = document.activeElement
    const done = await action.run(async () => {
      await api.timer(workshopId, token, { action: 'clear' })
      return true
    })
    // "Clear timer" is disabled once no timer is set: the focus goes to the new status.
    if (done) moveFocus(() => noTimer.current, from)
  }

  return (
    <div className="timer-controls" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Timer
      </h3>
      <form className="timer-form" onSubmit={(e) => void start(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>Minutes</label>
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="decimal"
            min={MIN_MINUTES}
            max={MAX_MINUTES}
            step="any"
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-zero`}>At zero</label>
          <select
            id={`${id}-zero`}
            value={onZero}
            onChange={(e) => setOnZero(e.target.value === 'notify' ? 'notify' : 'stop')}
          >
            <option value="stop">Stop input</option>
            <option value="notify">Only notify</option>
          </select>
        </div>
        <button
          ref={startButton}
          className="button button--primary"
          type="submit"
          aria-disabled={action.pending || undefined}
        >
          Start timer
        </button>
      </form>
      <div className="timer-now">
        {timer ? (
          <Countdown
            timer={timer}
            onTimeUp={(t) => announce(timeUpNews(t, 'facilitator'), 'assertive')}
          />
        ) : (
          <p ref={noTimer} className="muted timer-now__none" tabIndex={-1}>
            No timer running
          </p>
        )}
        <div className="button-row">
          <button
            className="button"
            type="button"
            disabled={!timer}
            aria-disabled={action.pending || undefined}
            onClick={() =>
              !action.pending &&
              void action.run(() => api.timer(workshopId, token, { action: 'add', seconds: 60 }))
            }
          >
            Add 1 minute
          </button>
          <button
            className="button"
            type="button"
            disabled={!timer}
            aria-disabled={action.pending || undefined}
            onClick={() => void clear()}
          >
            Clear timer
          </button>
        </div>
      </div>
      {timer && (
        <p className="hint">
          {timer.onZero === 'stop'
            ? 'At zero, participants can no longer add or change drafts.'
            : 'At zero, participants are told time is up and can keep writing.'}
        </p>
      )}
      <ErrorAlert message={action.error} />
    </div>
  )
}
