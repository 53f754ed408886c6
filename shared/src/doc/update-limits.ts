// The bounds an incoming Yjs update is held to, and what the check answers.
export interface UpdateLimits {
  /** Structs (items, GC, skips) in one update. */
  readonly maxStructs: number
  /** How far past what the server holds one update may take a client's clock. */
  readonly maxClockStep: number
  /** Largest clock any struct may reach (far below 2^53, so state vectors stay decodable). */
  readonly maxClock: number
  /** Characters of one string (text content, or a string value inside a map or array). */
  readonly maxStringLength: number
  /** Estimated bytes of one value written into a map or array. */
  readonly maxValueBytes: number
  /** Nesting of arrays and objects inside one value. */
  readonly maxValueDepth: number
  /** Characters of a map key or a root name. */
  readonly maxKeyLength: number
  /** Delete-set ranges in one update. */
  readonly maxDeleteRanges: number
  /**
   * Work Yjs may do to integrate one update, estimated before it is applied (see
   * `integrationWork`): steps of its conflict scans, splits of items the server holds, structs
   * its deletions visit. Honest edits cost about one unit per struct; forged neighbours far
   * apart, long key histories walked from their start, or thousands of cuts into one item would
   * otherwise cost time quadratic in the document, on every apply and on every load.
   */
  readonly maxWork: number
  /**
   * Entries in a map key's history that a value written without naming the current one (as a
   * client that has not seen the key writes it) may walk. Yjs walks the whole history for
   * each such value, live and again on every load, in an order the update cannot choose.
   */
  readonly maxKeyHistory: number
  /**
   * GC structs (collected content) may be sent. An honest catch-up carries them (a card added
   * and deleted while a reconnect was pending); bounded by the clock step and written only
   * under the sender's own client ids, they mark a range as gone and nothing more.
   */
  readonly allowGc: boolean
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxStructs: 100_000,
  maxClockStep: 1_048_576,
  maxClock: 2 ** 40,
  maxStringLength: 100_000,
  maxValueBytes: 64 * 1024,
  maxValueDepth: 16,
  maxKeyLength: 256,
  maxDeleteRanges: 100_000,
  maxWork: 250_000,
  maxKeyHistory: 128,
  allowGc: true,
}

export type UpdateVerdict =
  /** Apply `update` (the sender's own, or the part the server lacks); `writers` wrote new structs. */
  | { readonly kind: 'apply'; readonly update: Uint8Array; readonly writers: readonly number[] }
  /** Brings nothing the server lacks (a reader's sync step 2, say): ignore without a word. */
  | { readonly kind: 'nothing-new' }
  /**
   * Builds on changes the server does not have yet (a gap in the sender's clocks, a missing
   * neighbour, a deletion of unknown content). Applying it would park it; the sender is asked
   * for what is missing instead, and an honest client's answer brings it whole.
   */
  | { readonly kind: 'defer'; readonly reason: string }
  /** Not allowed, whatever the server holds. */
  | { readonly kind: 'refuse'; readonly reason: string }
