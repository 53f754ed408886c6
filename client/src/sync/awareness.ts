// Reads who is present from awareness states; the server stamps each state's `identity`.

/** One peer's awareness state as the provider holds it. */
export interface AwarenessEntry {
  readonly clientId: number
  readonly state: Readonly<Record<string, unknown>>
}

/** Ids of the participants with at least one live awareness state. */
export function onlineParticipantIds(entries: readonly AwarenessEntry[]): ReadonlySet<string> {
  const ids = new Set<string>()
  for (const { state } of entries) {
    const identity = state.identity
    if (typeof identity !== 'object' || identity === null) continue
    const id = (identity as { participantId?: unknown }).participantId
    if (typeof id === 'string' && id.length > 0) ids.add(id)
  }
  return ids
}

/** Converts the provider's state map into a stable, sorted list. */
export function awarenessEntries(states: ReadonlyMap<number, unknown>): AwarenessEntry[] {
  const out: AwarenessEntry[] = []
  for (const [clientId, state] of states) {
    if (typeof state === 'object' && state !== null) {
      out.push({ clientId, state: state as Record<string, unknown> })
    }
  }
  return out.sort((a, b) => a.clientId - b.clientId)
}
