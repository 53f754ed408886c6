// What the connection badge says, derived from the provider's facts by pure functions.
import { CLOSE, FINAL_CLOSE_CODES } from '@triage/shared'

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
    default:
      return 'This session is no longer valid — join again.'
  }
}

/** The sync endpoint on the page's own host: `ws(s)://host/sync`. */
export function syncUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`
}
