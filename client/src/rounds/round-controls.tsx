// The facilitator's steps through a sealed round: open, close (which seals), reveal, reopen.
// Only the steps that can be taken now are offered, so a step's button goes away with it: the
// status line is where the focus goes next, once it says the new state.
import type { Ref, RefObject } from 'react'
import type { RoundStatus } from './round-status'

/** The words on each step's button ("Open voting", "Close voting", …). */
export interface RoundStepLabels {
  readonly open: string
  readonly close: string
  readonly reveal: string
  readonly reopen: string
  /** For a round with settings: reopen with new ones (the buttons give way to the form). */
  readonly changeAndReopen?: string
}

export interface RoundSteps {
  readonly onOpen: () => void
  readonly onClose: () => void
  readonly onReveal: () => void
  readonly onReopen: () => void
  readonly onChangeAndReopen?: () => void
}

export function RoundControls({
  status,
  labels,
  pending,
  changing = false,
  onOpen,
  onClose,
  onReveal,
  onReopen,
  onChangeAndReopen,
}: RoundSteps & {
  status: RoundStatus
  labels: RoundStepLabels
  /** A step's request is running: the buttons stay focusable but say they are unavailable. */
  pending: boolean
  /** While closed: new settings are being chosen, and their form offers the reopening. */
  changing?: boolean
}) {
  const step = (label: string, onClick: () => void, primary = false) => (
    <button
      className={primary ? 'button button--primary' : 'button'}
      type="button"
      aria-disabled={pending || undefined}
      onClick={onClick}
    >
      {label}
    </button>
  )
  return (
    <div className="button-row">
      {status === 'setup' && step(labels.open, onOpen, true)}
      {status === 'open' && step(labels.close, onClose, true)}
      {status === 'closed' && !changing && (
        <>
          {step(labels.reveal, onReveal, true)}
          {step(labels.reopen, onReopen)}
          {labels.changeAndReopen &&
            onChangeAndReopen &&
            step(labels.changeAndReopen, onChangeAndReopen)}
        </>
      )}
    </div>
  )
}

/**
 * What state the round is in, in words. Changes are said through the page's live region
 * (ui/announcer.tsx); not role=status, which is the connection badge. Focusable, so that the
 * focus can land here after each step.
 */
export function RoundStatusLine({
  status,
  lines,
  className,
  ref,
}: {
  status: RoundStatus
  lines: Readonly<Record<RoundStatus, string>>
  className: string
  ref?: Ref<HTMLParagraphElement>
}) {
  return (
    <p ref={ref} className={className} data-status={status} tabIndex={-1}>
      {lines[status]}
    </p>
  )
}

/**
 * A focus target for after a step: the status line once it says `wanted` (the control document
 * may arrive after the server's answer), else nothing yet.
 */
export function statusLineOnce(line: RefObject<HTMLElement | null>, wanted: RoundStatus) {
  return () => (line.current?.dataset.status === wanted ? line.current : null)
}
