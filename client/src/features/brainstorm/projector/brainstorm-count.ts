// What the projector says about a silent brainstorm: how many ideas, never their text.
import type { Progress } from '@triage/shared'

/** Drafts written and not yet revealed, over every participant. */
export function draftCount(progress: Readonly<Record<string, Progress>>): number {
  let n = 0
  for (const p of Object.values(progress)) n += p.drafts
  return n
}

/** "No ideas drafted yet", "1 idea drafted so far", "7 ideas drafted so far". */
export function draftedLine(n: number): string {
  if (n === 0) return 'No ideas drafted yet'
  return n === 1 ? '1 idea drafted so far' : `${n} ideas drafted so far`
}
