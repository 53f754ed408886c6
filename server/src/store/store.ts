// The store interface: workshops, participants, tokens and document update logs.
// SQLite implements it here; PostgreSQL can implement it later and run the same contract tests.
import type { Group, Identity, ParticipantId, WorkshopId } from '@triage/shared'

export interface WorkshopRecord {
  readonly id: WorkshopId
  readonly joinCode: string
  readonly title: string
  readonly groups: readonly Group[]
  readonly facilitatorTokenHash: string
  readonly createdAt: number
  readonly closedAt: number | null
}

export interface ParticipantRecord {
  readonly id: ParticipantId
  readonly workshopId: WorkshopId
  readonly name: string
  readonly groupId: string
  readonly tokenHash: string
  readonly joinedAt: number
}

/** One row of a document's update log. */
export interface StoredUpdate {
  readonly seq: number
  readonly data: Uint8Array
}

/** Whom a token hash belongs to: the identity the access rule reasons about. */
export type TokenOwner = Identity

export interface Store {
  /** Fails with `DuplicateJoinCodeError` when the join code is taken. */
  createWorkshop(workshop: WorkshopRecord): Promise<void>
  getWorkshop(id: WorkshopId): Promise<WorkshopRecord | null>
  getWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null>
  closeWorkshop(id: WorkshopId, at: number): Promise<void>
  listWorkshops(): Promise<WorkshopRecord[]>
  /** Removes the workshop, its participants and every update of its documents. */
  deleteWorkshop(id: WorkshopId): Promise<boolean>

  addParticipant(participant: ParticipantRecord): Promise<void>
  listParticipants(workshopId: WorkshopId): Promise<ParticipantRecord[]>
  findToken(tokenHash: string): Promise<TokenOwner | null>

  /** Every stored update of a document (a snapshot counts as one), in the order stored. */
  loadDocument(name: string): Promise<Uint8Array[]>
  /** The stored rows of a document with their sequence numbers, in order. */
  loadDocumentRows(name: string): Promise<StoredUpdate[]>
  /**
   * Moves rows that can no longer be applied out of the document's log into quarantine (kept
   * for inspection, deleted with the workshop), so the document loads without them.
   */
  quarantineUpdates(
    workshopId: WorkshopId,
    name: string,
    seqs: readonly number[],
    reason: string,
  ): Promise<void>
  /** Which identity wrote under each Yjs client id of a document (see `writerKey`). */
  loadWriters(name: string): Promise<Map<number, string>>
  /**
   * Durably records new client-id owners; issued in the same write group as the update that
   * claims them, so an owner is on disk before anyone sees the update.
   */
  claimWriters(
    workshopId: WorkshopId,
    name: string,
    claims: readonly { clientId: number; owner: string }[],
  ): Promise<void>
  /** Durably appends an update; resolves once it is on disk. */
  appendUpdate(workshopId: WorkshopId, name: string, update: Uint8Array): Promise<void>
  /** Durably appends several updates, in order, in one transaction (one disk sync). */
  appendUpdates(workshopId: WorkshopId, name: string, updates: readonly Uint8Array[]): Promise<void>
  /** Replaces everything stored for the document with one snapshot, atomically. */
  compactDocument(workshopId: WorkshopId, name: string, snapshot: Uint8Array): Promise<void>

  /**
   * Server-only data of a workshop that no document may hold yet, such as votes sealed when
   * voting closed. `null` clears it. Deleted with the workshop.
   */
  putSealed(workshopId: WorkshopId, key: string, data: Uint8Array | null): Promise<void>
  getSealed(workshopId: WorkshopId, key: string): Promise<Uint8Array | null>

  /**
   * A named server secret of 32 random bytes, created on first use and the same from then on
   * (every node of a deployment must see the same value).
   */
  secret(name: string): Promise<Uint8Array>

  close(): Promise<void>
}

export class DuplicateJoinCodeError extends Error {
  constructor() {
    super('join code already in use')
  }
}
