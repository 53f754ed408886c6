// React hooks over DocConnection: the document, its connection state and who is present.
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { AwarenessEntry } from './awareness'
import type { ConnectionState } from './connection-state'
import { DocConnection, type DocKind } from './doc-connection'

export interface WorkshopDoc {
  readonly doc: Y.Doc
  readonly connection: DocConnection
  readonly state: ConnectionState
}

/**
 * Opens one of a workshop's documents for as long as the calling component is mounted.
 * What others see of this client goes through `connection.setLocalState` (awareness).
 */
export function useWorkshopDoc(
  workshopId: string,
  kind: DocKind,
  token: string,
  options: { participantId?: string } = {},
): WorkshopDoc {
  const { participantId } = options
  const connection = useMemo(
    () =>
      new DocConnection({
        workshopId,
        kind,
        token,
        ...(participantId !== undefined && { participantId }),
      }),
    [workshopId, kind, token, participantId],
  )
  const state = useSyncExternalStore(connection.subscribe, connection.getState)
  // A new document object after the server refused one of our changes.
  const doc = useSyncExternalStore(connection.subscribe, connection.getDoc)
  return { doc, connection, state }
}

/** The awareness states of everyone on the document (including this client). */
export function useAwarenessStates(connection: DocConnection): readonly AwarenessEntry[] {
  return useSyncExternalStore(connection.subscribe, connection.getPeers)
}
