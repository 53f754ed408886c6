// The participant's "I'm done" and its undo, for the current input step: a chunk of its own,
// loaded after the phase's view (the phone's first download stays within its budget) and
// precached with the route's other chunks, so it works after an offline reload too.
import { useId, useState } from 'react'
import type * as Y from 'yjs'
import { isDone, readDoneMarks, readInputStep } from '@triage/shared'
import { messageOf, request } from '../lib/request'
import { useDocSnapshot } from '../sync/use-doc-snapshot'
import { ErrorAlert } from '../ui/alert'
import { useAnnounce } from '../ui/announcer'
import './done.css'

/** Module level: it keys the snapshot cache. */
const readDone = (doc: Y.Doc) => ({ step: readInputStep(doc), marks: readDoneMarks(doc) })

const answer = {
  parse: (value: unknown) => value,
}

/**
 * The participant's "I'm done" and its undo, for the current step. Written by the server on
 * request (a participant never writes control); the button waits for the mark to arrive.
 */
export default function DoneToggle({
  workshopId,
  token,
  participantId,
  controlDoc,
}: {
  workshopId: string
  token: string
  participantId: string
  controlDoc: Y.Doc
}) {
  const { step, marks } = useDocSnapshot(controlDoc, readDone)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const announce = useAnnounce()
  if (step === null) return null
  const done = isDone(marks[participantId], step)
  const send = async () => {
    if (pending) return
    setPending(true)
    setError(null)
    try {
      await request(`/api/workshops/${workshopId}/done`, answer, {
        method: 'POST',
        body: { step, done: !done },
        token,
      })
      announce(
        done ? 'You are no longer marked as done.' : 'The facilitator now sees that you are done.',
      )
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setPending(false)
    }
  }
  return (
    <section className="card done-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">
        Finished?
      </h2>
      <p className="done-card__state">
        {done
          ? 'You told the facilitator you are done. You can still change your input.'
          : 'When you have finished this step, tell the facilitator.'}
      </p>
      <button
        className={done ? 'button' : 'button button--primary'}
        type="button"
        aria-disabled={pending || undefined}
        onClick={() => void send()}
      >
        {done ? "I'm not done yet" : "I'm done"}
      </button>
      <ErrorAlert message={error} />
    </section>
  )
}
