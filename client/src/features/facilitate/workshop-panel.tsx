// Ending a workshop: close it to new participants, or delete it and everything in it.
import { useState } from 'react'
import { api } from '../../lib/api'
import { navigate } from '../../lib/navigation'
import { paths } from '../../lib/paths'
import { clearSession } from '../../lib/session-store'
import { ErrorAlert } from '../../ui/alert'
import { Section } from '../../ui/layout'
import { useAction } from './use-action'

export function WorkshopPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const action = useAction()
  const [closed, setClosed] = useState(false)
  const [confirming, setConfirming] = useState(false)

  const close = async () => {
    const done = await action.run(async () => {
      await api.closeWorkshop(workshopId, token)
      return true
    })
    if (done) setClosed(true)
  }
  const remove = async () => {
    const done = await action.run(async () => {
      await api.deleteWorkshop(workshopId, token)
      return true
    })
    if (done) {
      clearSession(workshopId)
      navigate(paths.landing(), { replace: true })
    }
  }

  return (
    <Section title="Workshop" id="workshop-panel" className="workshop-panel">
      <p className="muted small">
        {closed
          ? 'Closed: the join code no longer admits anyone new. Everyone already in stays in.'
          : 'Close the workshop to stop new people joining with the code.'}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={action.pending || closed}
          onClick={close}
        >
          Close to new participants
        </button>
        {!confirming ? (
          <button
            type="button"
            className="button button--danger"
            disabled={action.pending}
            onClick={() => setConfirming(true)}
          >
            Delete workshop
          </button>
        ) : null}
      </div>
      {confirming && (
        <div className="confirm" role="group" aria-labelledby="delete-confirm">
          <p id="delete-confirm">
            Delete this workshop and everything anyone wrote in it, for everyone, permanently?
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--danger"
              disabled={action.pending}
              onClick={remove}
            >
              Delete permanently
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep the workshop
            </button>
          </div>
        </div>
      )}
      <ErrorAlert message={action.error} />
    </Section>
  )
}
