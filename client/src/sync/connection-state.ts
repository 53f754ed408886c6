// What the connection badge says, derived from the provider's facts by pure functions, and the
// notices a connection shows when the server turns it away for a reason the person can act on.
import { CLOSE, FINAL_CLOSE_CODES } from '@triage/shared'

/** A workshop's three kinds of document. */
export type DocKind = 'control' | 'board' | 'private'

export type ConnectionKind = 'connecting' | 'connected' | 'offline' | 'ended'

export interface ConnectionState {
  readonly kind: ConnectionKind
  /** The final close code when `kind` is `ended`. */
  readonly closeCode: number | null
}

export interface ProviderFacts {
  /** The socket is open. */
  readonly connected: boolean
  /** The first sync exchange over the open socket has completed. */
  readonly synced: boolean
  /** Connection attempts that failed since the last successful sync. */
  readonly failedAttempts: number
  /** `navigator.onLine`. */
  readonly online: boolean
  /** Set once the server closed with a code after which retrying cannot help. */
  readonly finalCloseCode: number | null
}

/** After this many failed attempts in a row the server counts as out of reach. */
export const OFFLINE_AFTER_FAILED_ATTEMPTS = 3

export function deriveConnection(facts: ProviderFacts): ConnectionState {
  if (facts.finalCloseCode !== null) return { kind: 'ended', closeCode: facts.finalCloseCode }
  if (facts.connected && facts.synced) return { kind: 'connected', closeCode: null }
  if (!facts.online || facts.failedAttempts >= OFFLINE_AFTER_FAILED_ATTEMPTS) {
    return { kind: 'offline', closeCode: null }
  }
  return { kind: 'connecting', closeCode: null }
}

export function sameConnection(a: ConnectionState, b: ConnectionState): boolean {
  return a.kind === b.kind && a.closeCode === b.closeCode
}

export const CONNECTION_LABELS: Record<ConnectionKind, string> = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline — your changes are kept and will sync when you are back',
  ended: 'Disconnected',
}

export function isFinalClose(code: number): boolean {
  return FINAL_CLOSE_CODES.includes(code)
}

/** Why a session ended, in words, for a final close code. */
export function endedMessage(code: number | null): string {
  switch (code) {
    case CLOSE.gone:
      return 'This workshop has been deleted.'
    case CLOSE.notFound:
      return 'This workshop does not exist on this server.'
    case CLOSE.removed:
      return 'The facilitator removed you from this workshop. What you contributed stays on the board.'
    default:
      return 'This session is no longer valid — join again.'
  }
}

/**
 * A notice the person should read while a connection keeps going (the close was not final):
 * the document is full, or this device or network has too many connections open.
 */
export interface SyncNotice {
  /** The close code it explains. */
  readonly code: number
  readonly message: string
}

/** What happened on a connection, as far as its notice is concerned. */
export type NoticeEvent =
  /** The server closed the socket with this code. */
  | { readonly type: 'closed'; readonly code: number }
  /** The connection completed a sync with the server. */
  | { readonly type: 'synced' }
  /** This person changed the document. */
  | { readonly type: 'changed' }

/** The words for a close code that comes with a notice, or null for the other codes. */
export function closeNotice(code: number, doc: DocKind): string | null {
  switch (code) {
    case CLOSE.documentFull:
      return doc === 'board'
        ? 'This board is full: the facilitator can remove ideas or start a new workshop.'
        : 'This document is full: your latest change could not be saved.'
    case CLOSE.tooManyConnections:
      return 'Too many open connections from this device or network — close other tabs and try again.'
    default:
      return null
  }
}

/**
 * The notice after an event. "Too many connections" holds until a connection syncs again.
 * "Full" holds after the reconnect that follows it (the server still has no room) until the
 * person changes something: if that change is refused too, the server says so again.
 */
export function nextNotice(
  current: SyncNotice | null,
  event: NoticeEvent,
  doc: DocKind,
): SyncNotice | null {
  switch (event.type) {
    case 'closed': {
      // After a final close the page says why the session ended instead.
      if (isFinalClose(event.code)) return null
      const message = closeNotice(event.code, doc)
      return message === null ? current : { code: event.code, message }
    }
    case 'synced':
      return current?.code === CLOSE.tooManyConnections ? null : current
    case 'changed':
      return current?.code === CLOSE.documentFull ? null : current
  }
}

/** The sync endpoint on the page's own host: `ws(s)://host/sync`. */
export function syncUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}
