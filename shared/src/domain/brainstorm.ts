// Brainstorm rules over the control state: the countdown, and when participants may write.
import type { CollectMode } from '../schema/brainstorm.js'
import type { Phase } from '../schema/phase.js'
import type { TimerState } from '../schema/brainstorm.js'

/** Milliseconds left on the timer at `serverNow` (0 once it has run out). */
export function remainingMs(timer: TimerState, serverNow: number): number {
  return Math.max(0, timer.endsAt - serverNow)
}

/** Formats a countdown as m:ss (or h:mm:ss), rounding up so 0:00 means "time is up". */
export function formatCountdown(ms: number): string {
  // NaN or Infinity (a clock gone wrong) must not reach the screen as "NaN:NaN".
  const total = Number.isFinite(ms) ? Math.ceil(Math.max(0, ms) / 1000) : 0
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}

interface BrainstormState {
  readonly phase: Phase
  readonly collect: CollectMode
  readonly timer: TimerState | null
}

/** Whether a timer set to stop input has run out at `serverNow`. */
export function timeIsUp(state: Pick<BrainstormState, 'timer'>, serverNow: number): boolean {
  const { timer } = state
  return timer !== null && timer.onZero === 'stop' && serverNow >= timer.endsAt
}

/**
 * Whether participants may write drafts: during the brainstorm phase, until a timer set to
 * stop input runs out. The server enforces this on every write to a private document.
 */
export function draftsOpen(state: BrainstormState, serverNow: number): boolean {
  return state.phase === 'brainstorm' && !timeIsUp(state, serverNow)
}

/**
 * Whether participants may add ideas straight to the board (open adding): while the facilitator
 * allows it, in the brainstorm (until a stop timer runs out) and while clustering.
 */
export function openAddingAllowed(state: BrainstormState, serverNow: number): boolean {
  if (state.collect !== 'open') return false
  // The timer times the brainstorm; once clustering starts it no longer stops anything.
  if (state.phase === 'cluster') return true
  return state.phase === 'brainstorm' && !timeIsUp(state, serverNow)
}

/** One round trip to the server clock: device time before and after, server time between. */
export interface ClockSample {
  readonly sentAt: number
  readonly serverNow: number
  readonly receivedAt: number
}

/**
 * Server time minus device time, from the sample with the shortest round trip (its midpoint
 * is the tightest bound on when the server read its clock). Zero without samples.
 */
export function clockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null
  for (const s of samples) {
    if (s.receivedAt < s.sentAt) continue
    if (!best || s.receivedAt - s.sentAt < best.receivedAt - best.sentAt) best = s
  }
  return best ? Math.round(best.serverNow - (best.sentAt + best.receivedAt) / 2) : 0
}
