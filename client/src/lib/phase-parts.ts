// What a phase shows on each screen, as the shells (app/shells) and the phase registry
// (app/phases.ts) see it: the props each shell hands the current phase's part, and the places
// the part fills. A feature imports these types; it never imports app/.
import type { ComponentType, ReactElement, ReactNode } from 'react'
import type * as Y from 'yjs'
import type { ControlState } from '@triage/shared'
import type { WorkshopDoc } from '../sync/use-workshop-doc'
import type { RosterGroup } from './roster-groups'

/** What the console gives each of a phase's console components. */
export interface ConsolePartProps {
  readonly workshopId: string
  /** The facilitator's token: for requests and for the workshop's other documents. */
  readonly token: string
  /** The control document, which the facilitator writes directly. */
  readonly doc: Y.Doc
  readonly control: ControlState
  /** The roster by stakeholder group, with who is online. */
  readonly groups: readonly RosterGroup[]
}

/**
 * A phase's work on the facilitator's console, by place. The console's own panels (phase
 * stepper, roster, invite, the workshop's end) stay where they are across phases, with the
 * focus and whatever was typed in them; only these places change with the phase.
 */
export interface ConsolePart {
  /** Above the two columns, at full width (the board, while it is the work). */
  readonly Above?: ComponentType<ConsolePartProps>
  /** The main column, beside the phase stepper and the roster. */
  readonly Main?: ComponentType<ConsolePartProps>
  /** Below the two columns, at full width. */
  readonly Below?: ComponentType<ConsolePartProps>
}

/** What the phone gives a phase's phone part, shown under the current phase's instruction. */
export interface PhonePartProps {
  readonly workshopId: string
  /** The participant's token. */
  readonly token: string
  readonly participantId: string
  readonly control: ControlState
  /** The control document itself, for what ControlState does not carry (a round's state). */
  readonly controlDoc: Y.Doc
  /**
   * This participant's private document (drafts, which board ideas are theirs, own inputs to
   * sealed rounds), kept on the device too: nobody else syncs it.
   */
  readonly own: WorkshopDoc
  /** The shared board, kept on the device too, so that an offline reload still shows it. */
  readonly board: WorkshopDoc
  /** A wide screen, in a phase that uses one (app/phases.ts `phoneWide`). */
  readonly wide: boolean
}

export type PhonePart = ComponentType<PhonePartProps>

/** The places of the projector's screen a phase fills. */
export interface ProjectorSlots {
  /** The whole screen under a one-line title bar (the board, the results); else the others. */
  readonly fullScreen?: ReactNode
  /** Beside the join details, in place of who has joined. */
  readonly status?: ReactNode
  /** Below, at full width. */
  readonly below?: ReactNode
}

/** What the projector gives a phase's projector part. */
export interface ProjectorPartProps {
  readonly workshopId: string
  /** The projector's token (the facilitator's, on the projector's screen). */
  readonly token: string
  readonly control: ControlState
  readonly controlDoc: Y.Doc
  /**
   * Lays the phase's screen out: a phase chooses the projector's layout (the board and the
   * results take the whole screen), so the part calls this with what goes where.
   */
  readonly frame: (slots: ProjectorSlots) => ReactElement
}

export type ProjectorPart = ComponentType<ProjectorPartProps>
