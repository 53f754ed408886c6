// Stepping through the phases in their fixed order.
import { PHASES, type Phase } from '@triage/shared'

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[PHASES.indexOf(phase) + 1] ?? null
}

export function previousPhase(phase: Phase): Phase | null {
  const i = PHASES.indexOf(phase)
  return i > 0 ? (PHASES[i - 1] ?? null) : null
}
