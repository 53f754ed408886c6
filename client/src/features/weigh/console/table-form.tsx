// The facilitator's tables of figures typed for the room (RICE estimates, MoSCoW tags, consensus
// scores) share one way of editing: the text stays a draft until saved, saving checks the whole
// table and writes it to the control document or says in words why not, and a screen reader
// hears that it was saved.
import { useState, type ReactNode } from 'react'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'

/**
 * A table form: `form` is the draft, or `saved` until something changes; `commit` checks a
 * form and writes it, returning why it cannot instead; `done` is announced after a save.
 */
export function useTableForm<F>({
  saved,
  commit,
  done,
}: {
  saved: () => F
  commit: (form: F) => string | null
  done: string
}) {
  const [draft, setDraft] = useState<F | null>(null)
  const [error, setError] = useState<string | null>(null)
  const announce = useAnnounce()
  const form = draft ?? saved()
  const change = (next: F) => {
    setDraft(next)
    setError(null)
  }
  const save = () => {
    const refused = commit(form)
    if (refused !== null) {
      setError(refused)
      return
    }
    setDraft(null)
    announce(done)
  }
  return { form, change, save, error, changed: draft !== null }
}

/** The save button under a table form (after any other controls given), and its error. */
export function TableFormSave({
  label,
  form,
  canSave,
  children,
}: {
  label: string
  form: { save: () => void; error: string | null; changed: boolean }
  /** False when there is nothing the table could hold (no items). */
  canSave: boolean
  children?: ReactNode
}) {
  return (
    <>
      <div className="button-row">
        {children}
        <button
          className="button button--primary"
          type="button"
          disabled={!form.changed || !canSave}
          onClick={form.save}
        >
          {label}
        </button>
      </div>
      <ErrorAlert message={form.error} />
    </>
  )
}
