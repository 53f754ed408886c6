// The participant's own drafts, private until the facilitator reveals them: edit and delete.
import { useId, useRef, useState, type FormEvent } from 'react'
import { ideaTextSchema, LIMITS, type Draft } from '@triage/shared'
import { ErrorAlert } from '../ui/alert'
import { moveFocus } from '../ui/focus'
import { countLabel } from './board-lists'

export function DraftList({
  drafts,
  disabled,
  onEdit,
  onDelete,
}: {
  drafts: readonly Draft[]
  disabled: boolean
  onEdit: (id: string, text: string) => void
  onDelete: (id: string) => void
}) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  return (
    <div className="drafts">
      <h3 id={id} ref={heading} tabIndex={-1}>
        Your drafts
      </h3>
      <p className="muted small">
        {drafts.length === 0
          ? 'None yet. Only you can see your drafts until the facilitator reveals them.'
          : `${countLabel(drafts.length, 'draft')}, private until the facilitator reveals them.`}
      </p>
      {drafts.length > 0 && (
        <ul className="item-list" aria-label="Your drafts">
          {drafts.map((draft) => (
            <DraftItem
              key={draft.id}
              draft={draft}
              disabled={disabled}
              onEdit={(text) => onEdit(draft.id, text)}
              onDelete={() => {
                const from = document.activeElement
                onDelete(draft.id)
                // The deleted item takes the focus with it: the list's heading gets it.
                moveFocus(() => heading.current, from)
              }}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

function DraftItem({
  draft,
  disabled,
  onEdit,
  onDelete,
}: {
  draft: Draft
  disabled: boolean
  onEdit: (text: string) => void
  onDelete: () => void
}) {
  const [editing, setEditing] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const editButton = useRef<HTMLButtonElement>(null)
  const close = () => {
    const from = document.activeElement
    setEditing(null)
    setError(null)
    // The field goes away: the focus goes to the Edit button that comes back.
    moveFocus(() => editButton.current, from)
  }
  const save = (event: FormEvent) => {
    event.preventDefault()
    const parsed = ideaTextSchema.safeParse(editing ?? '')
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the idea.')
    onEdit(parsed.data)
    close()
  }

  if (editing !== null) {
    return (
      <li className="item">
        <form className="item__edit" onSubmit={save} noValidate>
          <input
            aria-label="Edit draft"
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && close()}
            maxLength={LIMITS.ideaText}
            disabled={disabled}
            autoComplete="off"
            autoFocus
          />
          <div className="item__actions">
            <button className="button button--primary" type="submit" disabled={disabled}>
              Save
            </button>
            <button className="button" type="button" onClick={close}>
              Cancel
            </button>
          </div>
          <ErrorAlert message={error} />
        </form>
      </li>
    )
  }
  return (
    <li className="item">
      <p className="item__text">{draft.text}</p>
      <div className="item__actions">
        <button
          ref={editButton}
          className="button"
          type="button"
          aria-label={`Edit draft: ${draft.text}`}
          disabled={disabled}
          onClick={() => setEditing(draft.text)}
        >
          Edit
        </button>
        <button
          className="button"
          type="button"
          aria-label={`Delete draft: ${draft.text}`}
          disabled={disabled}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  )
}
