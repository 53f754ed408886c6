// Ending a workshop: close it to new participants, or delete it and everything in it. Each
// button that goes away (or stays disabled) hands the focus on: to the new status line, the
// confirmation question, or back to "Delete workshop".
import { useRef, useState } from 'react'
import { api } from '../../../lib/api'
import { navigate } from '../../../lib/navigation'
import { paths } from '../../../lib/paths'
import { clearSession } from '../../../lib/session-store'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { moveFocus } from '../../../ui/focus'
import { Section } from '../../../ui/layout'
import { useAction } from '../../../lib/use-action'

export function WorkshopPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const action = useAction()
  const announce = useAnnounce()
  const [closed, setClosed] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const statusLine = useRef<HTMLParagraphElement>(null)
  const question = useRef<HTMLParagraphElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)

  const close = async () => {
    if (action.pending) return
    const from = document.activeElement
    const done = await action.run(async () => {
      await api.closeWorkshop(workshopId, token)
      return true
    })
    if (done) {
      setClosed(true)
      announce('Workshop closed to new participants. Everyone already in stays in.')
      moveFocus(() => statusLine.current, from)
    }
  }
  const remove = async () => {
    if (action.pending) return
    const done = await action.run(async () => {
      await api.deleteWorkshop(workshopId, token)
      return true
    })
    if (done) {
      clearSession(workshopId)
      // Heard on the start page: the live region outlives the route.
      announce('Workshop deleted, with everything anyone wrote in it.')
      navigate(paths.landing(), { replace: true })
    }
  }
  const confirm = () => {
    const from = document.activeElement
    setConfirming(true)
    moveFocus(() => question.current, from)
  }
  const keep = () => {
    const from = document.activeElement
    setConfirming(false)
    moveFocus(() => deleteButton.current, from)
  }

  return (
    <Section title="Workshop" id="workshop-panel" className="workshop-panel">
      <p ref={statusLine} className="muted small" tabIndex={-1}>
        {closed
          ? 'Closed: the join code no longer admits anyone new. Everyone already in stays in.'
          : 'Close the workshop to stop new people joining with the code.'}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={closed}
          aria-disabled={action.pending || undefined}
          onClick={() => void close()}
        >
          Close to new participants
        </button>
        {!confirming ? (
          <button
            ref={deleteButton}
            type="button"
            className="button button--danger"
            aria-disabled={action.pending || undefined}
            onClick={() => !action.pending && confirm()}
          >
            Delete workshop
          </button>
        ) : null}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="delete-confirm">
          <p id="delete-confirm" ref={question} tabIndex={-1}>
            Delete this workshop and everything anyone wrote in it, for everyone, permanently?
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              aria-disabled={action.pending || undefined}
              onClick={() => void remove()}
            >
              Delete permanently
            </button>
            <button type="button" className="button" onClick={keep}>
              Keep the workshop
            </button>
          </div>
        </div>
      )}
      <ErrorAlert message={action.error} />
    </Section>
  )
}
