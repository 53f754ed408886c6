// Fast idea entry: type, Enter, type the next one. The text is checked here, then handed to
// `add` (a private draft, or straight to the board); on success the box clears and keeps focus.
import { useId, useRef, useState, type FormEvent } from 'react'
import { ideaTextSchema, LIMITS } from '@triage/shared'
import { ErrorAlert } from '../ui/alert'

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
  const input = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
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

  return (
    <form className="form idea-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={id}>New idea</label>
        <div className="input-with-button">
          <input
            id={id}
            ref={input}
            value={text}
            onChange={(e) => {
              setText(e.target.value)
              setError(null)
            }}
            maxLength={LIMITS.ideaText}
            autoComplete="off"
            enterKeyHint="send"
            disabled={disabled}
            aria-invalid={error !== null}
          />
          <button className="button button--primary" type="submit" disabled={disabled || busy}>
            {action}
          </button>
        </div>
      </div>
      <ErrorAlert message={error} />
    </form>
  )
}
