// Reads the facilitator's "Minutes" field into the seconds the timer API takes.
import { LIMITS } from '@triage/shared'

export const DEFAULT_TIMER_MINUTES = 5

export const MIN_MINUTES = 0.1
export const MAX_MINUTES = LIMITS.timerSeconds / 60

export type MinutesResult =
  { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly message: string }

/**
 * Parses the minutes as typed (decimals allowed: "0.5" is 30 seconds) into whole seconds,
 * from 6 seconds up to the longest timer the server accepts.
 */
export function parseTimerMinutes(raw: string): MinutesResult {
  const text = raw.trim().replace(',', '.')
  const minutes = text === '' ? NaN : Number(text)
  const seconds = Math.round(minutes * 60)
  if (!Number.isFinite(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    return {
      ok: false,
      message: `Enter the minutes as a number from ${MIN_MINUTES} to ${MAX_MINUTES} (0.5 is 30 seconds).`,
    }
  }
  return { ok: true, seconds }
}
