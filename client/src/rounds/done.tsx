// "I'm done" for every input step (a brainstorm round, an open sealed round): for the console
// and the projector, who is done with the current step ("Dana: done", "4 of 6 done"); the
// phone's toggle is done-toggle.tsx. The marks are the server's, in the control document; a mark counts only for
// the step it names (shared/src/domain/done.ts), so nothing here resets anything.
import { createContext, useContext, useMemo, type ReactNode } from 'react'
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
import { useDocSnapshot } from '../sync/use-doc-snapshot'
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
