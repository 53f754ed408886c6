// What the room needs of a connection: who it is, and a way to send and to close.
import type { Identity } from '@triage/shared'

export interface Peer {
  readonly identity: Identity
  send(message: Uint8Array): void
  close(code: number, reason: string): void
}

export class ProtocolError extends Error {}
