// React hooks over DocConnection: the document, its connection state and who is present.
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { AwarenessEntry } from './awareness'
import type { ConnectionState } from './connection-state'
import type { DeviceStore } from './device-copy'
import { DocConnection, type DocKind } from './doc-connection'

export interface WorkshopDoc {
  readonly doc: Y.Doc
  readonly connection: DocConnection
  readonly state: ConnectionState
}

/**
 * Opens one of a workshop's documents for as long as the calling component is mounted.
 * What others see of this client goes through `connection.setLocalState` (awareness).
 * `persist` keeps a copy on the device (the private document: drafts and votes made offline);
 * pass a module-level store, since a new one opens a new connection.
 */
export function useWorkshopDoc(
  workshopId: string,
  kind: DocKind,
  token: string,
  options: { participantId?: string; persist?: DeviceStore } = {},
): WorkshopDoc {
  const { participantId, persist } = options
  const connection = useMemo(
    () =>
      new DocConnection({
        workshopId,
        kind,
        token,
        ...(participantId !== undefined && { participantId }),
        ...(persist !== undefined && { persist }),
      }),
    [workshopId, kind, token, participantId, persist],
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
