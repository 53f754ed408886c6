// The workshop phases, in the order the facilitator steps through them.
import { z } from './zod.js'

export const PHASES = [
  'setup',
  'brainstorm',
  'cluster',
  'vote',
  'matrix',
  'weigh',
  'decide',
] as const
export const phaseSchema = z.enum(PHASES)
export type Phase = z.infer<typeof phaseSchema>

export const PHASE_LABELS: Record<Phase, string> = {
  setup: 'Set-up',
  brainstorm: 'Brainstorm',
  cluster: 'Cluster',
  vote: 'Vote',
  matrix: 'Impact vs effort',
  weigh: 'Weigh',
  decide: 'Decide',
}
