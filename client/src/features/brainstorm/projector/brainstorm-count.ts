// What the projector says about a silent brainstorm: how many ideas, never their text.
import type { Progress } from '@triage/shared'

/** Drafts written and not yet revealed, over every participant. */
export function draftCount(progress: Readonly<Record<string, Progress>>): number {
  let n = 0
  for (const p of Object.values(progress)) n += p.drafts
  return n
}

/**
 * "No drafts waiting to be revealed", "1 idea drafted, not yet revealed", "7 ideas drafted, not
 * yet revealed". It counts drafts only, so it must not say "no ideas" once a reveal has put
 * ideas on the board (the board shows those).
 */
export function draftedLine(n: number): string {
  if (n === 0) return 'No drafts waiting to be revealed'
  return n === 1 ? '1 idea drafted, not yet revealed' : `${n} ideas drafted, not yet revealed`
}
