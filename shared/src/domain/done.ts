// "I'm done", as pure rules: which input step is current (a brainstorm round, or the sealed
// rounds open in the phase), and who is done with it. A mark names its step, so a new round,
// a reopen or a phase change leaves old marks behind without anyone clearing them.
import type { DoneMark } from '../schema/done.js'
import type { Phase } from '../schema/phase.js'
import type { RoundStatus } from '../schema/rounds.js'

/** The sealed round kinds each phase collects input with (ids of domain/rounds/registry.ts). */
export const PHASE_ROUND_KINDS: Readonly<Partial<Record<Phase, readonly string[]>>> = {
  vote: ['voting'],
  matrix: ['matrix-ratings'],
  weigh: ['weights', 'scores'],
  decide: ['consent'],
}

/** What the current step depends on, as the control document holds it. */
export interface StepWorld {
  readonly phase: Phase
  /** The silent brainstorm round, from 1. */
  readonly round: number
  /** Each round kind's status and the server time it last opened. */
  readonly rounds: ReadonlyMap<string, { status: RoundStatus; openedAt: number | null }>
}

/** A time as a step's digits: a whole number of ms, 0 for none or nonsense. */
const stamp = (at: number | null): number =>
  at !== null && Number.isSafeInteger(Math.trunc(at)) && at > 0 ? Math.trunc(at) : 0

/**
 * The input step participants are in, or null when the phase collects nothing right now: the
 * brainstorm's round (`brainstorm:2`), or the phase's open rounds with the time each opened
 * (`voting@1733…`), so that reopening a round is a new step.
 */
export function inputStep(world: StepWorld): string | null {
  if (world.phase === 'brainstorm') return `brainstorm:${world.round}`
  const kinds = PHASE_ROUND_KINDS[world.phase] ?? []
  const open = kinds.flatMap((kind) => {
    const r = world.rounds.get(kind)
    return r?.status === 'open' ? [`${kind}@${stamp(r.openedAt)}`] : []
  })
  return open.length > 0 ? open.join('+') : null
}

/** Whether this participant's mark says they are done with `step` (no step: nobody is). */
export function isDone(mark: DoneMark | undefined, step: string | null): boolean {
  return step !== null && mark !== undefined && mark.step === step
}

/** How many of `ids` (the roster) are done with `step`; marks of others are ignored. */
export function doneTurnout(
  ids: readonly string[],
  marks: Readonly<Record<string, DoneMark>>,
  step: string | null,
): { done: number; total: number } {
  return { done: ids.filter((id) => isDone(marks[id], step)).length, total: ids.length }
}

/** "4 of 6 done", "No participants yet". */
export function doneSummary({ done, total }: { done: number; total: number }): string {
  if (total === 0) return 'No participants yet'
  return `${done} of ${total} done`
}
