// Fast idea entry: type, Enter, type the next one (Shift+Enter starts a new line; a long idea
// may span several). The count and the limit are in view, and reaching the limit is said, not
// met by keys that silently stop working. The text is checked here, then handed to `add` (a
// private draft, or straight to the board); on success the box clears and keeps focus.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { ideaTextSchema, LIMITS } from '@triage/shared'
import { ErrorAlert } from '../ui/alert'
import { useAnnounce } from '../ui/announcer'
import { ideaLengthLine } from './idea-length'
import './idea-form.css'

export function IdeaForm({
  action,
  disabled,
  add,
}: {
  /** The button's words: "Add idea" or "Add to board". */
  action: string
  disabled: boolean
  /** Stores the idea; resolves to an error message, or null when it is stored. */
  add: (text: string) => string | null | Promise<string | null>
}) {
  const id = useId()
  const input = useRef<HTMLTextAreaElement>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const length = ideaLengthLine(text.length, LIMITS.ideaText)
  const announce = useAnnounce()
  const { full, reached } = length
  useEffect(() => {
    // Said once as the limit is reached (the page's live region), not at every key.
    if (full) announce(reached)
  }, [full, reached, announce])

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (disabled || busy) return
    const parsed = ideaTextSchema.safeParse(text)
    let failure = parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the idea.')
    if (parsed.success) {
      setBusy(true)
      failure = await add(parsed.data)
      setBusy(false)
      // Kept on failure, so nothing typed is lost.
      if (failure === null) setText('')
    }
    setError(failure)
    input.current?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter adds the idea, as in a one-line field; Shift+Enter is a new line. Not while an
    // input method is composing (its Enter picks a word).
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return
    event.preventDefault()
    void submit()
  }

  return (
    <form className="form idea-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={id}>New idea</label>
        <div className="input-with-button">
          <textarea
            id={id}
            ref={input}
            className="idea-form__text"
            rows={2}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setError(null)
            }}
            onKeyDown={onKeyDown}
            maxLength={LIMITS.ideaText}
            autoComplete="off"
            enterKeyHint="send"
            disabled={disabled}
            aria-invalid={error !== null}
            aria-describedby={`${id}-count ${id}-keys`}
          />
          <button className="button button--primary" type="submit" disabled={disabled || busy}>
            {action}
          </button>
        </div>
        <div className="idea-form__meta">
          <p id={`${id}-keys`} className="hint">
            Enter adds the idea; Shift+Enter starts a new line.
          </p>
          <p
            id={`${id}-count`}
            className={
              length.full ? 'hint idea-form__count idea-form__count--full' : 'hint idea-form__count'
            }
          >
            {length.count}
          </p>
        </div>
        {length.full && <p className="hint idea-form__count--full">{length.reached}</p>}
      </div>
      <ErrorAlert message={error} />
    </form>
  )
}
