// Runs one of the console's requests at a time, keeping its pending state and error message.
import { useCallback, useState } from 'react'
import { messageOf } from './api'

export interface Action {
  readonly pending: boolean
  /** The message of the last failure, for a role=alert; cleared when the next run starts. */
  readonly error: string | null
  /** Shows a message without a request (for input the request would refuse anyway). */
  readonly fail: (message: string) => void
  /** Runs `task`; resolves to its result, or to undefined when it failed. */
  readonly run: <T>(task: () => Promise<T>) => Promise<T | undefined>
}

export function useAction(): Action {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(async <T>(task: () => Promise<T>): Promise<T | undefined> => {
    setPending(true)
    setError(null)
    try {
      return await task()
    } catch (e) {
      setError(messageOf(e))
      return undefined
    } finally {
      setPending(false)
    }
  }, [])
  return { pending, error, fail: setError, run }
}
