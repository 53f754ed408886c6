// The store, split by job: the directory (workshops, participants, tokens), document logs,
// sealed inputs and secrets. Callers depend on the one job they use; SQLite (one machine) and
// PostgreSQL (several nodes) implement them all and run the same contract tests.
import type { DeviceLinkKind, Group, Identity, ParticipantId, WorkshopId } from '@triage/shared'

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

/** A document's stored log as loaded: its rows in order and the last sequence number. */
export interface StoredLog {
  /** Every stored row (a snapshot counts as one), in the order stored. */
  readonly rows: readonly StoredUpdate[]
  /** Sequence number of the last row, 0 when there is none: what a snapshot taken now covers. */
  readonly lastSeq: number
}

/**
 * What a document's log holds after a sequence number (`loadUpdatesAfter`): every stored row
 * numbered above it, in order, and the last sequence number, read at one instant.
 */
export interface StoredLogAfter extends StoredLog {
  /**
   * True when a compaction folded rows numbered above `afterSeq` into a snapshot: `rows` then
   * start with (or contain) that snapshot instead of the single updates. Applied to a document
   * that holds every row up to `afterSeq`, the rows still bring it to `lastSeq` (a snapshot is an
   * update like any other, and Yjs applies what it already has as a no-op); a caller that needs
   * the single updates (to relay them one by one) reloads the whole log instead.
   *
   * Then a number no longer names one update: the snapshot stored under number k holds every
   * row up to k. A reader that skips rows by number ("I have k already") must not skip them
   * when this is true, or it loses the rows below k it lacked; applying every row is safe.
   */
  readonly compactedPast: boolean
}

/** Workshops, their participants, and whom each token belongs to. */
export interface Directory {
  /** Fails with `DuplicateJoinCodeError` when the join code is taken. */
  createWorkshop(workshop: WorkshopRecord): Promise<void>
  getWorkshop(id: WorkshopId): Promise<WorkshopRecord | null>
  getWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null>
  closeWorkshop(id: WorkshopId, at: number): Promise<void>
  listWorkshops(): Promise<WorkshopRecord[]>
  /**
   * Removes the workshop, its participants and everything else stored under it (every row of
   * its documents' logs, their writers and quarantine, its sealed inputs).
   */
  deleteWorkshop(id: WorkshopId): Promise<boolean>

  addParticipant(participant: ParticipantRecord): Promise<void>
  listParticipants(workshopId: WorkshopId): Promise<ParticipantRecord[]>
  /**
   * Revokes a participant's token for good (they were removed): it no longer opens anything.
   * Their row stays. True when the workshop had this participant with a live token.
   */
  revokeParticipant(workshopId: WorkshopId, participantId: ParticipantId): Promise<boolean>
  findToken(tokenHash: string): Promise<TokenOwner | null>

  /** Makes `tokenHash` the workshop's link of this kind, revoking the one before (if any). */
  setDeviceLink(
    workshopId: WorkshopId,
    kind: DeviceLinkKind,
    tokenHash: string,
    at: number,
  ): Promise<void>
  /** Revokes the workshop's link of this kind; true when there was one. */
  revokeDeviceLink(workshopId: WorkshopId, kind: DeviceLinkKind): Promise<boolean>
  /** When the workshop's link of this kind was made, or null when it has none. */
  deviceLinkSince(workshopId: WorkshopId, kind: DeviceLinkKind): Promise<number | null>

  /** Makes `tokenHash` the workshop's read-only link, revoking the one before (if any). */
  setViewerToken(workshopId: WorkshopId, tokenHash: string, at: number): Promise<void>
  /** Revokes the workshop's read-only link; true when there was one. */
  revokeViewerToken(workshopId: WorkshopId): Promise<boolean>
  /** When the workshop's read-only link was made, or null when it has none. */
  viewerTokenSince(workshopId: WorkshopId): Promise<number | null>
}

/**
 * Each document's update log, with sequence numbers: appends return the number they were stored
 * under (increasing per document, in the order the appends committed, whichever node made them),
 * a load returns the last one, and compaction folds only up to a given number, so it can never
 * delete an append its snapshot does not hold. PostgreSQL numbers each document's rows 1, 2, 3…;
 * SQLite draws them from one counter for all documents, so a document's numbers skip.
 */
export interface DocumentLog {
  /** The document's stored rows with their sequence numbers, and the last sequence number. */
  loadLog(name: string): Promise<StoredLog>
  /**
   * The rows numbered above `afterSeq`, in order, with the last sequence number, read at one
   * instant: a node that holds every row up to `afterSeq` catches up with what other nodes
   * stored since. Every row numbered up to `lastSeq` was committed before the read, so a gap
   * (a number a reader heard of but does not get here) never means "not yet stored".
   */
  loadUpdatesAfter(name: string, afterSeq: number): Promise<StoredLogAfter>
  /** Every stored update of a document (a snapshot counts as one), in order, without numbers. */
  loadDocument(name: string): Promise<Uint8Array[]>
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
  /** Durably appends an update; resolves, once it is on disk, with its sequence number. */
  appendUpdate(workshopId: WorkshopId, name: string, update: Uint8Array): Promise<number>
  /**
   * Durably appends several updates, in order, in one transaction (one disk sync); resolves
   * with the sequence number of the last one (null when there were none).
   */
  appendUpdates(
    workshopId: WorkshopId,
    name: string,
    updates: readonly Uint8Array[],
  ): Promise<number | null>
  /**
   * Replaces the document's rows numbered `upTo` or less with one snapshot, atomically. `upTo`
   * is the last sequence number stored when the snapshot's state was taken (from a load or an
   * append); rows stored after it are kept, and stay after the snapshot.
   */
  compactDocument(
    workshopId: WorkshopId,
    name: string,
    snapshot: Uint8Array,
    upTo: number,
  ): Promise<void>
}

/**
 * Server-only data of a workshop that no document may hold yet, such as votes sealed when
 * voting closed. Deleted with the workshop.
 */
export interface SealedInputs {
  /** Stores `data` under the workshop and key, replacing what was there; `null` clears it. */
  putSealed(workshopId: WorkshopId, key: string, data: Uint8Array | null): Promise<void>
  getSealed(workshopId: WorkshopId, key: string): Promise<Uint8Array | null>
  /**
   * Runs `step` while no other step under the same workshop and key runs, on this node or on
   * any other node of the same storage, and resolves (or rejects) as `step` does. A round's
   * transitions (open, close, reveal, reopen) check its state and seal under it, so two
   * facilitators pressing "close" on two nodes at once seal once. Steps under one key run one
   * at a time; under different keys side by side. `step` must not call `exclusive` itself.
   * SQLite serves one process, so a queue in that process is enough; PostgreSQL takes a
   * transaction-level advisory lock for the step's length, released if the node dies.
   */
  exclusive<T>(workshopId: WorkshopId, key: string, step: () => Promise<T>): Promise<T>
}

export interface Secrets {
  /**
   * A named server secret of 32 random bytes, created on first use and the same from then on
   * (every node of a deployment must see the same value).
   */
  secret(name: string): Promise<Uint8Array>
}

/** Every job in one engine, as the server opens it. */
export interface Store extends Directory, DocumentLog, SealedInputs, Secrets {
  close(): Promise<void>
}

export class DuplicateJoinCodeError extends Error {
  constructor() {
    super('join code already in use')
  }
}
