// Who speaks for each Yjs client id of one document. An id belongs to the identity that first
// wrote under it (stored with the document) or, before any write, to the identity that first
// announced presence under it; another identity can never take it over while the room is
// loaded, also after its owner's connection dropped.

/** Owner recorded for client ids found in a document with no recorded writer (older data). */
export const UNKNOWN_WRITER = 'unknown'

export class RoomWriters {
  /** Who wrote under each client id (stored with the document). */
  private readonly writers = new Map<number, string>()
  /** Who first announced presence under each client id (kept while the room is loaded). */
  private readonly presence = new Map<number, string>()
  /** Client ids each identity has written under, for its quota. */
  private readonly counts = new Map<string, number>()

  /** Distinct client ids written under. */
  get size(): number {
    return this.writers.size
  }

  /** Whether someone has written under this id. */
  wrote(clientId: number): boolean {
    return this.writers.has(clientId)
  }

  /** The identity this id belongs to: its writer, else whoever announced it first. */
  ownerOf(clientId: number): string | undefined {
    return this.writers.get(clientId) ?? this.presence.get(clientId)
  }

  /** Whoever announced this id first, else its writer. */
  announcerOf(clientId: number): string | undefined {
    return this.presence.get(clientId) ?? this.writers.get(clientId)
  }

  /** Client ids `owner` has written under. */
  countOf(owner: string): number {
    return this.counts.get(owner) ?? 0
  }

  /** Records `owner` as the writer of `clientId`. */
  record(clientId: number, owner: string): void {
    this.writers.set(clientId, owner)
    this.counts.set(owner, this.countOf(owner) + 1)
  }

  /** Records `owner` as the writer of `clientId` unless someone already wrote under it. */
  claim(clientId: number, owner: string): void {
    if (!this.writers.has(clientId)) this.record(clientId, owner)
  }

  /** Records that `owner` announced presence under `clientId`, unless someone did first. */
  announce(clientId: number, owner: string): void {
    if (!this.presence.has(clientId)) this.presence.set(clientId, owner)
  }

  /**
   * Owners of client ids stored by other nodes (read from the shared store after a replay):
   * each replaces the unknown writer an id had while this node did not know better.
   */
  learn(writers: ReadonlyMap<number, string>): void {
    for (const [clientId, owner] of writers) {
      if (this.writers.get(clientId) === UNKNOWN_WRITER) {
        this.counts.set(UNKNOWN_WRITER, (this.counts.get(UNKNOWN_WRITER) ?? 1) - 1)
        this.writers.delete(clientId)
      }
      this.claim(clientId, owner)
    }
  }

  /** Every id in `clientIds` that nobody is recorded for gets the unknown writer. */
  lockUnknown(clientIds: Iterable<number>): void {
    for (const clientId of clientIds) this.claim(clientId, UNKNOWN_WRITER)
  }

  clear(): void {
    this.writers.clear()
    this.presence.clear()
    this.counts.clear()
  }
}
