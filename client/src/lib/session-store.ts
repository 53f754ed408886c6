// Sessions kept in localStorage (`triage:session:<workshopId>`) so a reload keeps you in the workshop.

export type SessionRole = 'facilitator' | 'participant'

export interface StoredSession {
  readonly role: SessionRole
  /** Bearer token for the API and the sync socket. */
  readonly token: string
  /** Set for participants. */
  readonly participantId?: string
  /** The code people join with (the facilitator's, or the one a participant used). */
  readonly joinCode?: string
  /** Workshop title, for the "your workshops" list on the landing page. */
  readonly title?: string
}

const PREFIX = 'triage:session:'

export const sessionKey = (workshopId: string) => PREFIX + workshopId

const optionalString = (v: unknown, max: number) =>
  typeof v === 'string' && v.length <= max ? v : undefined

/** Reads a stored session, or null when the value is missing or not a session. */
export function parseStoredSession(raw: string | null): StoredSession | null {
  if (raw === null) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const v = value as Record<string, unknown>
  if (v.role !== 'facilitator' && v.role !== 'participant') return null
  if (typeof v.token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(v.token)) return null
  const participantId = optionalString(v.participantId, 40)
  if (v.role === 'participant' && participantId === undefined) return null
  const joinCode = optionalString(v.joinCode, 20)
  const title = optionalString(v.title, 200)
  return {
    role: v.role,
    token: v.token,
    ...(participantId !== undefined && { participantId }),
    ...(joinCode !== undefined && { joinCode }),
    ...(title !== undefined && { title }),
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

export function loadSession(workshopId: string): StoredSession | null {
  try {
    return parseStoredSession(storage()?.getItem(sessionKey(workshopId)) ?? null)
  } catch {
    return null
  }
}

export function saveSession(workshopId: string, session: StoredSession): void {
  try {
    storage()?.setItem(sessionKey(workshopId), JSON.stringify(session))
  } catch {
    // Storage full or blocked: the session lasts until the tab closes.
  }
}

export function clearSession(workshopId: string): void {
  try {
    storage()?.removeItem(sessionKey(workshopId))
  } catch {
    // Nothing to clear.
  }
}

/** Every session stored on this device, sorted by workshop id. */
export function listSessions(): { workshopId: string; session: StoredSession }[] {
  const s = storage()
  if (!s) return []
  const out: { workshopId: string; session: StoredSession }[] = []
  try {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i)
      if (!key?.startsWith(PREFIX)) continue
      const session = parseStoredSession(s.getItem(key))
      if (session) out.push({ workshopId: key.slice(PREFIX.length), session })
    }
  } catch {
    return out
  }
  return out.sort((a, b) => a.workshopId.localeCompare(b.workshopId))
}

/** The participant session that joined with `code` on this device, if any. */
export function findParticipantSession(
  sessions: readonly { workshopId: string; session: StoredSession }[],
  code: string,
): { workshopId: string; session: StoredSession } | null {
  const wanted = normaliseCode(code)
  return (
    sessions.find(
      (s) => s.session.role === 'participant' && normaliseCode(s.session.joinCode ?? '') === wanted,
    ) ?? null
  )
}

/** Join codes are typed in any case and with spaces or dashes; compare them without. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}
