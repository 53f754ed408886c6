// "Join with a code": checks the code's shape, then goes to its join page.
import { useId, useState, type FormEvent } from 'react'
import { JOIN_CODE_LENGTH, joinCodeSchema } from '@triage/shared'
import { navigate } from '../../lib/navigation'
import { paths } from '../../lib/paths'
import { ErrorAlert } from '../../ui/alert'

export function JoinCodeForm() {
  const id = useId()
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const parsed = joinCodeSchema.safeParse(code)
    if (!parsed.success) {
      setError(`Check the code: it has ${JOIN_CODE_LENGTH} letters and digits.`)
      return
    }
    navigate(paths.join(parsed.data))
  }

  return (
    <form className="form form--inline" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-code`}>Join code</label>
        <input
          id={`${id}-code`}
          className="input--code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
        />
      </div>
      <button className="button button--primary" type="submit">
        Join
      </button>
      <ErrorAlert message={error} />
    </form>
  )
}
