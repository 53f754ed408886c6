// The one registry of the workshop's phases, in the order the facilitator steps through them:
// each with its label and what it shows on the three screens, every part a chunk of its own
// that loads when its phase is on (a phone downloads the current phase's code, never the
// console's or the projector's). The shells (app/shells) render whatever this says for the
// current phase and branch on no phase themselves. Adding a phase: a folder in features/ with
// its console/, phone/ and projector/ parts, and one entry here (docs/architecture.md).
import { PHASE_LABELS, type Phase } from '@triage/shared'
import type { ConsolePart, PhonePart, ProjectorPart } from '../lib/phase-parts'
import { lazyPart, type LazyPart } from '../ui/lazy-part'

export interface PhaseEntry {
  readonly id: Phase
  /** What every screen calls the phase. */
  readonly label: string
  /** The phase's work on the facilitator's console. */
  readonly console: LazyPart<ConsolePart>
  /**
   * The console shows the invite (code, link, QR code) in full, because people are joining
   * now; in the other phases it is folded into one line beside the roster, for late arrivals.
   */
  readonly inviteOpen?: true
  /** The participant's work; without one, the phone shows the phase and its instruction. */
  readonly phone?: LazyPart<PhonePart>
  /** On a wide screen the phone part gets the page's full width (the desktop board). */
  readonly phoneWide?: true
  /** What the projector shows; without one, who has joined, by stakeholder group. */
  readonly projector?: LazyPart<ProjectorPart>
}

export const PHASE_LIST: readonly PhaseEntry[] = [
  {
    id: 'setup',
    label: PHASE_LABELS.setup,
    console: lazyPart(() => import('../features/setup/console/setup-console')),
    inviteOpen: true,
  },
  {
    id: 'brainstorm',
    label: PHASE_LABELS.brainstorm,
    console: lazyPart(() => import('../features/brainstorm/console/brainstorm-console')),
    phone: lazyPart(() => import('../features/brainstorm/phone/brainstorm-phone')),
    projector: lazyPart(() => import('../features/brainstorm/projector/brainstorm-projector')),
  },
  {
    id: 'cluster',
    label: PHASE_LABELS.cluster,
    console: lazyPart(() => import('../features/cluster/console/cluster-console')),
    phone: lazyPart(() => import('../features/cluster/phone/cluster-phone')),
    phoneWide: true,
    projector: lazyPart(() => import('../features/cluster/projector/cluster-projector')),
  },
  {
    id: 'vote',
    label: PHASE_LABELS.vote,
    console: lazyPart(() => import('../features/voting/console/voting-console')),
    phone: lazyPart(() => import('../features/voting/phone/voting-phone')),
    projector: lazyPart(() => import('../features/voting/projector/voting-projector')),
  },
  {
    id: 'matrix',
    label: PHASE_LABELS.matrix,
    console: lazyPart(() => import('../features/matrix/console/matrix-console')),
    phone: lazyPart(() => import('../features/matrix/phone/matrix-phone')),
    projector: lazyPart(() => import('../features/matrix/projector/matrix-projector')),
  },
  {
    id: 'weigh',
    label: PHASE_LABELS.weigh,
    console: lazyPart(() => import('../features/weigh/console/weigh-console')),
    phone: lazyPart(() => import('../features/weigh/phone/weigh-phone')),
    projector: lazyPart(() => import('../features/weigh/projector/weigh-projector')),
  },
  {
    id: 'decide',
    label: PHASE_LABELS.decide,
    console: lazyPart(() => import('../features/decide/console/decide-console')),
    phone: lazyPart(() => import('../features/decide/phone/decide-phone')),
    projector: lazyPart(() => import('../features/decide/projector/decide-projector')),
  },
]

const byId = new Map(PHASE_LIST.map((entry) => [entry.id, entry]))

/** The registry's entry for `phase` (every phase has one: phases.test.ts). */
export function phaseEntry(phase: Phase): PhaseEntry {
  const entry = byId.get(phase)
  if (!entry) throw new Error(`no entry for the phase "${phase}" in app/phases.ts`)
  return entry
}

/** Every phase's console parts: fetched once the console is up, so phase changes are instant. */
export function preloadConsoleParts(): void {
  for (const entry of PHASE_LIST) entry.console.load().catch(() => {})
}

/** Every phase's projector parts, likewise (the projector is online, on a big screen). */
export function preloadProjectorParts(): void {
  for (const entry of PHASE_LIST) entry.projector?.load().catch(() => {})
}
