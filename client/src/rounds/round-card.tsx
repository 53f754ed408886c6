// One sealed round on the facilitator's console: its title, its state in words, what it still
// needs before it can open, its settings, the step buttons and the last error. Every round kind
// (weights, scores, consent, …) shows the same card, so a step works and reads the same in each.
import { useRef, type ReactNode, type RefObject } from 'react'
import type { RoundStep } from '../lib/api'
import { useAction, type Action } from '../lib/use-action'
import { ErrorAlert } from '../ui/alert'
import { moveFocus } from '../ui/focus'
import {
  RoundControls,
  RoundStatusLine,
  statusLineOnce,
  type RoundStepLabels,
} from './round-controls'
import type { RoundStatus } from './round-status'

const AFTER: Readonly<Record<RoundStep, RoundStatus>> = {
  open: 'open',
  reopen: 'open',
  close: 'closed',
  reveal: 'revealed',
}

export interface RoundSteps {
  readonly action: Action
  readonly statusLine: RefObject<HTMLParagraphElement | null>
  /** Asks the server for a step; the focus then goes where the step's result shows. */
  readonly step: (which: RoundStep) => Promise<void>
}

/**
 * Runs a round's steps one at a time through `request`. After a step the focus moves to the
 * status line once it says the new state, or, after a reveal, to `revealedId` when given.
 */
export function useRoundSteps(
  request: (which: RoundStep) => Promise<unknown>,
  revealedId?: string,
): RoundSteps {
  const action = useAction()
  const statusLine = useRef<HTMLParagraphElement>(null)
  const step = async (which: RoundStep) => {
    if (action.pending) return
    const from = document.activeElement
    const done = await action.run(async () => {
      await request(which)
      return true
    })
    if (!done) return
    moveFocus(
      which === 'reveal' && revealedId
        ? () => document.getElementById(revealedId)
        : statusLineOnce(statusLine, AFTER[which]),
      from,
    )
  }
  return { action, statusLine, step }
}

export function RoundCard({
  title,
  id,
  status,
  lines,
  labels,
  steps,
  statusClassName,
  className = 'card',
  blocked = null,
  reopenAfterReveal,
  children,
  results,
}: {
  title: string
  /** The heading's id, which names the card. */
  id: string
  status: RoundStatus
  lines: Readonly<Record<RoundStatus, string>>
  labels: RoundStepLabels
  steps: RoundSteps
  statusClassName: string
  className?: string
  /** Why the round cannot open yet: said instead of offering a step that would be refused. */
  blocked?: string | null
  /** The label of a reopen offered once the round is revealed (none when not given). */
  reopenAfterReveal?: string
  /** Settings and hints, between the status line and the steps. */
  children?: ReactNode
  /** What the round revealed, when it sits in the card: after the steps. */
  results?: ReactNode
}) {
  const { action, statusLine, step } = steps
  const waiting = status === 'setup' && blocked !== null
  return (
    <section className={className} aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <RoundStatusLine ref={statusLine} status={status} lines={lines} className={statusClassName} />
      {children}
      {waiting ? (
        <p className="hint">{blocked}</p>
      ) : (
        <RoundControls
          status={status}
          labels={labels}
          pending={action.pending}
          onOpen={() => void step('open')}
          onClose={() => void step('close')}
          onReveal={() => void step('reveal')}
          onReopen={() => void step('reopen')}
        />
      )}
      {status === 'revealed' && reopenAfterReveal && (
        <div className="button-row">
          <button
            type="button"
            className="button"
            aria-disabled={action.pending || undefined}
            onClick={() => void step('reopen')}
          >
            {reopenAfterReveal}
          </button>
        </div>
      )}
      <ErrorAlert message={action.error || null} />
      {results}
    </section>
  )
}
