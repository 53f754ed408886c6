// "I'm done" for every input step (a brainstorm round, an open sealed round): the phone's
// toggle, and for the console and projector who is done with the current step ("Dana: done",
// "4 of 6 done"). The marks are the server's, in the control document; a mark counts only for
// the step it names (shared/src/domain/done.ts), so nothing here resets anything.
import { createContext, useContext, useId, useMemo, useState, type ReactNode } from 'react'
import type * as Y from 'yjs'
import {
  doneSummary,
  doneTurnout,
  isDone,
  readDoneMarks,
  readInputStep,
  type DoneMark,
  type RosterEntry,
} from '@triage/shared'
import { messageOf, request } from '../lib/request'
import { useDocSnapshot } from '../sync/use-doc-snapshot'
import { ErrorAlert } from '../ui/alert'
import { useAnnounce } from '../ui/announcer'
import './done.css'

interface DoneDoc {
  readonly step: string | null
  readonly marks: Readonly<Record<string, DoneMark>>
}

/** Module level: it keys the snapshot cache. */
const readDone = (doc: Y.Doc): DoneDoc => ({
  step: readInputStep(doc),
  marks: readDoneMarks(doc),
})

export interface DoneInfo {
  /** The current input step, or null when the phase collects nothing now. */
  readonly step: string | null
  /** Participants on the roster who are done with it. */
  readonly done: ReadonlySet<string>
  readonly turnout: { readonly done: number; readonly total: number }
}

const NOBODY: DoneInfo = { step: null, done: new Set(), turnout: { done: 0, total: 0 } }
const DoneContext = createContext<DoneInfo>(NOBODY)

/** Who is done with the current step, among the roster's participants. */
export function useDoneInfo(
  controlDoc: Y.Doc,
  roster: Readonly<Record<string, RosterEntry>>,
): DoneInfo {
  const { step, marks } = useDocSnapshot(controlDoc, readDone)
  return useMemo(() => {
    const ids = Object.keys(roster)
    return {
      step,
      done: new Set(ids.filter((id) => isDone(marks[id], step))),
      turnout: doneTurnout(ids, marks, step),
    }
  }, [step, marks, roster])
}

/** Gives the progress lists and counts below it who is done (console and projector). */
export function DoneProvider({
  controlDoc,
  roster,
  children,
}: {
  controlDoc: Y.Doc
  roster: Readonly<Record<string, RosterEntry>>
  children: ReactNode
}) {
  const info = useDoneInfo(controlDoc, roster)
  return <DoneContext.Provider value={info}>{children}</DoneContext.Provider>
}

/** Who is done, from the nearest provider (nobody without one). */
export function useDone(): DoneInfo {
  return useContext(DoneContext)
}

/** "4 of 6 done" while participants are asked for input; nothing otherwise. */
export function DoneSummary({ className }: { className?: string }) {
  const { step, turnout } = useDone()
  if (step === null) return null
  return <p className={`done-summary${className ? ` ${className}` : ''}`}>{doneSummary(turnout)}</p>
}

/** The mark on a participant's progress line: words, never a colour alone. */
export function DoneTag({ participantId }: { participantId: string }) {
  const { done } = useDone()
  return done.has(participantId) ? <span className="done-tag">done</span> : null
}

const answer = {
  parse: (value: unknown) => value,
}

/**
 * The participant's "I'm done" and its undo, for the current step. Written by the server on
 * request (a participant never writes control); the button waits for the mark to arrive.
 */
export function DoneToggle({
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
