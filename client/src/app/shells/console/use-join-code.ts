// The workshop's join code: from the stored session, or asked of the server when missing.
import { useEffect, useState } from 'react'
import { api } from '../../../lib/api'
import type { StoredSession } from '../../../lib/session-store'

export function useJoinCode(session: StoredSession): string | null {
  const [fetched, setFetched] = useState<string | null>(null)
  const known = session.joinCode ?? null
  useEffect(() => {
    if (known) return
    let cancelled = false
    api.session(session.token).then(
      (s) => {
        if (!cancelled) setFetched(s.joinCode)
      },
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [known, session.token])
  return known ?? fetched
}
