// When a client whose change the server refused starts over from the server's state. Every
// refusal leads to a reset: at once, or, within two seconds of the last one, when the two
// seconds are up; refusals while a reset waits join it rather than stacking.

/** The least time between two resets, so that a view that keeps writing cannot spin. */
export const RESET_INTERVAL_MS = 2000

export type ResetPlan =
  /** Start over now. */
  | { readonly kind: 'now' }
  /** Start over in `delay` ms (schedule one timer). */
  | { readonly kind: 'later'; readonly delay: number }
  /** A reset is already scheduled: it will drop this refused change too. */
  | { readonly kind: 'scheduled' }

/**
 * What to do about a refusal at `now`, given when the last reset ran (null: never) and whether
 * one is already scheduled. Times are in ms on one monotonic clock.
 */
export function planReset(now: number, lastReset: number | null, scheduled: boolean): ResetPlan {
  if (scheduled) return { kind: 'scheduled' }
  if (lastReset === null) return { kind: 'now' }
  const wait = lastReset + RESET_INTERVAL_MS - now
  if (wait <= 0) return { kind: 'now' }
  // A clock that went backwards must not postpone recovery beyond one interval.
  return { kind: 'later', delay: Math.min(wait, RESET_INTERVAL_MS) }
}
