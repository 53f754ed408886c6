// The brainstorm timer: start with a length and what happens at zero, add a minute, clear.
import { useId, useState, type FormEvent } from 'react'
import type { TimerOnZero, TimerState } from '@triage/shared'
import { api } from '../../lib/api'
import { ErrorAlert } from '../../ui/alert'
import { Countdown } from '../../ui/countdown'
import { DEFAULT_TIMER_MINUTES, MAX_MINUTES, MIN_MINUTES, parseTimerMinutes } from './timer-input'
import { useAction } from './use-action'

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

  const start = (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseTimerMinutes(minutes)
    if (!parsed.ok) return action.fail(parsed.message)
    void action.run(() =>
      api.timer(workshopId, token, { action: 'start', seconds: parsed.seconds, onZero }),
    )
  }

  return (
    <div className="timer-controls" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-subtitle">
        Timer
      </h3>
      <form className="timer-form" onSubmit={start} noValidate>
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
        <button className="button button--primary" type="submit" disabled={action.pending}>
          Start timer
        </button>
      </form>
      <div className="timer-now">
        {timer ? (
          <Countdown timer={timer} />
        ) : (
          <p className="muted timer-now__none">No timer running</p>
        )}
        <div className="button-row">
          <button
            className="button"
            type="button"
            disabled={!timer || action.pending}
            onClick={() =>
              void action.run(() => api.timer(workshopId, token, { action: 'add', seconds: 60 }))
            }
          >
            Add 1 minute
          </button>
          <button
            className="button"
            type="button"
            disabled={!timer || action.pending}
            onClick={() => void action.run(() => api.timer(workshopId, token, { action: 'clear' }))}
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
