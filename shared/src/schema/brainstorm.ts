// Brainstorm settings: how ideas are collected and what a timer does at zero.
import { cleanTextCheck } from './text.js'
import { z } from './zod.js'
import { LIMITS } from './workshop.js'

/** `silent`: drafts stay private until the facilitator reveals; `open`: ideas go straight up. */
export const COLLECT_MODES = ['silent', 'open'] as const
export const collectModeSchema = z.enum(COLLECT_MODES)
export type CollectMode = z.infer<typeof collectModeSchema>

/** At zero the timer either closes idea entry (the server enforces it) or only tells everyone. */
export const TIMER_ON_ZERO = ['stop', 'notify'] as const
export const timerOnZeroSchema = z.enum(TIMER_ON_ZERO)
export type TimerOnZero = z.infer<typeof timerOnZeroSchema>

/** The text of one idea: cleaned (it may span lines), trimmed, not empty, bounded. */
export const ideaTextSchema = z
  .string({ error: 'An idea must be text' })
  .check(
    cleanTextCheck({ multiline: true }),
    z.trim(),
    z.minLength(1, 'An idea cannot be empty'),
    z.maxLength(LIMITS.ideaText, `An idea is at most ${LIMITS.ideaText} characters`),
  )

export const clusterNameSchema = z
  .string()
  .check(
    cleanTextCheck(),
    z.trim(),
    z.maxLength(LIMITS.clusterName, `A cluster name is at most ${LIMITS.clusterName} characters`),
  )

export const timerSecondsSchema = z
  .number({ error: 'The time must be a number of seconds' })
  .check(
    z.int('The time must be a whole number of seconds'),
    z.gte(1, 'The time must be at least 1 second'),
    z.lte(LIMITS.timerSeconds, `The time is at most ${LIMITS.timerSeconds / 60} minutes`),
  )

/** The brainstorm timer, in server time. */
export const timerSchema = z.object({
  /** Server time at which the timer reaches zero, ms since the epoch. */
  endsAt: z.number(),
  /** The length it was started with, for the progress ring. */
  durationMs: z.number().check(z.nonnegative()),
  onZero: timerOnZeroSchema,
})
export type TimerState = z.infer<typeof timerSchema>
