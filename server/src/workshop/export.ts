// Reads a workshop's record for an export: the control and board documents through the rooms,
// when it was created and closed from the directory, and the sealed votes, consent, 2x2 ratings
// and scores from the sealed store (so that the JSON export recounts the revealed results).
// Reads only; available at any phase. The last record read of a few workshops is kept and
// given again while nothing it was read from has changed (`RecordCache`).
import { Buffer } from 'node:buffer'
import type * as Y from 'yjs'
import {
  consentRound,
  criterionScores,
  dotVoting,
  matrixRatings,
  parseSeal,
  type RoundKind,
  type WorkshopId,
} from '@triage/shared'
import {
  assembleWorkshopRecord,
  type SealedBallot,
  type SealedConsent,
  type SealedRatings,
  type SealedScores,
  type WorkshopRecord,
} from '@triage/shared/export'
import { sealKey } from './round-registry.js'
import { HttpError } from '../http-error.js'
import type { Directory, SealedInputs } from '../store/store.js'
import type { Rooms } from '../sync/rooms.js'

/**
 * Where closing voting stores its seal among the workshop's sealed inputs: the key voting used
 * before rounds were generic, which the rounds service keeps for it.
 */
const VOTING_SEAL_KEY = 'votes'

export interface ExportDeps {
  readonly rooms: Pick<Rooms, 'acquire'>
  readonly store: Pick<Directory, 'getWorkshop'> & Pick<SealedInputs, 'getSealed'>
  /** Records read before; without it every read assembles the record afresh. */
  readonly cache?: RecordCache
}

/**
 * Transactions each document has seen since the cache first met it (any change bumps it). The
 * counter stands for its document in the cache, which so keeps no unloaded document alive.
 */
const transactions = new WeakMap<Y.Doc, { n: number }>()

function transactionCount(doc: Y.Doc): { n: number } {
  let count = transactions.get(doc)
  if (!count) {
    const c = { n: 0 }
    // Every change to a document, local or applied from elsewhere, runs in a transaction; a
    // transaction that changes nothing only costs the next export a fresh read.
    doc.on('afterTransaction', () => void c.n++)
    transactions.set(doc, (count = c))
  }
  return count
}

/** Everything a record is read from, as compared between two reads. */
interface RecordSourcesSeen {
  readonly control: { n: number }
  readonly controlAt: number
  readonly board: { n: number }
  readonly boardAt: number
  readonly createdAt: number | null
  readonly closedAt: number | null
  readonly seals: readonly (Uint8Array | null)[]
}

const sameBytes = (a: Uint8Array | null, b: Uint8Array | null) =>
  a === null || b === null ? a === b : Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)

const sameSeals = (a: readonly (Uint8Array | null)[], b: readonly (Uint8Array | null)[]) =>
  a.length === b.length && a.every((seal, i) => sameBytes(seal, b[i]!))

function sameSources(a: RecordSourcesSeen, b: RecordSourcesSeen): boolean {
  return (
    a.control === b.control &&
    a.controlAt === b.controlAt &&
    a.board === b.board &&
    a.boardAt === b.boardAt &&
    a.createdAt === b.createdAt &&
    a.closedAt === b.closedAt &&
    sameSeals(a.seals, b.seals)
  )
}

/** The sealed inputs as read from the seals (see `sealed`). */
type SealedParts = ReturnType<typeof sealed>

/**
 * The last record read of the `size` workshops exported most recently, each with what it was
 * read from: the two documents (the same objects, with no transaction since: the console that
 * exports holds them, and a room unloaded and loaded again is read afresh), the directory's
 * times and the sealed inputs byte for byte (a few MB for a 200-participant workshop, held
 * with its record). Exporting md, html, json and csv of a closed workshop one after another
 * reads it once. While the seals stay the same (they change when a round closes), the inputs
 * read from them are kept too: parsing and clamping them was a third of a fresh read. Inputs
 * are frozen, once per seal (the record's builder only reads them); records are not (freezing
 * one took 10 ms of a fresh read): renderers only read them, which the cache test checks.
 */
export class RecordCache {
  readonly #entries = new Map<
    WorkshopId,
    { seen: RecordSourcesSeen; record: WorkshopRecord; sealed: SealedParts }
  >()

  constructor(readonly size = 4) {}

  get(workshopId: WorkshopId, seen: RecordSourcesSeen): WorkshopRecord | null {
    const entry = this.#entries.get(workshopId)
    if (!entry || !sameSources(entry.seen, seen)) return null
    // Most recently used last: the first entry is the one to drop.
    this.#entries.delete(workshopId)
    this.#entries.set(workshopId, entry)
    return entry.record
  }

  /** The inputs read from these same seals before, whatever the documents did since. */
  sealed(workshopId: WorkshopId, seals: readonly (Uint8Array | null)[]): SealedParts | null {
    const entry = this.#entries.get(workshopId)
    return entry && sameSeals(entry.seen.seals, seals) ? entry.sealed : null
  }

  set(
    workshopId: WorkshopId,
    seen: RecordSourcesSeen,
    record: WorkshopRecord,
    sealed: SealedParts,
  ): void {
    this.#entries.delete(workshopId)
    this.#entries.set(workshopId, { seen, record, sealed: deepFreeze(sealed) })
    while (this.#entries.size > this.size) {
      this.#entries.delete(this.#entries.keys().next().value!)
    }
  }

  clear(): void {
    this.#entries.clear()
  }
}

/** Freezes `value` and everything in it; rows of numbers cost one freeze each. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  Object.freeze(value)
  if (Array.isArray(value)) {
    for (const v of value as unknown[]) if (typeof v === 'object' && v !== null) deepFreeze(v)
  } else {
    for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v)
  }
  return value
}

/**
 * Each sealed participant's group and input in the last round of `kind` closed, clamped against
 * the sealed context as the reveal clamps it (no input counts as none). Null when there is no
 * seal or it cannot be read: the record then carries the revealed results without them.
 */
function sealedInputs<Settings, Context, Input, Result>(
  bytes: Uint8Array | null,
  kind: RoundKind<Settings, Context, Input, Result>,
): { group: string; input: unknown }[] | null {
  if (!bytes) return null
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch {
    return null
  }
  const seal = parseSeal(kind, json)
  if (!seal) return null
  return seal.participants.map((p) => ({
    group: p.group,
    input: kind.clamp(Object.hasOwn(seal.inputs, p.id) ? seal.inputs[p.id] : null, seal.context, p),
  }))
}

/** Where each round kind's seal is kept among the workshop's sealed inputs. */
const SEAL_KEYS = [
  VOTING_SEAL_KEY,
  sealKey(consentRound.id),
  sealKey(matrixRatings.id),
  sealKey(criterionScores.id),
] as const

/** The sealed ballots, consent answers, ratings and scores (see `sealedInputs`). */
function sealed(seals: readonly (Uint8Array | null)[]) {
  const [votes, consent, ratings, scores] = seals
  return {
    sealedBallots:
      sealedInputs(votes ?? null, dotVoting)?.map(({ group, input }) => ({
        group,
        votes: input as SealedBallot['votes'],
      })) ?? null,
    sealedConsent:
      sealedInputs(consent ?? null, consentRound)?.map(({ group, input }) => ({
        group,
        answers: input as SealedConsent['answers'],
      })) ?? null,
    sealedRatings:
      sealedInputs(ratings ?? null, matrixRatings)?.map(({ group, input }): SealedRatings => ({
        group,
        ratings: input,
      })) ?? null,
    sealedScores:
      sealedInputs(scores ?? null, criterionScores)?.map(({ group, input }): SealedScores => ({
        group,
        scores: input,
      })) ?? null,
  }
}

/** The workshop's record as it stands at `now`; 404 when the workshop does not exist. */
export async function readWorkshopRecord(
  deps: ExportDeps,
  workshopId: WorkshopId,
  now: number,
): Promise<WorkshopRecord> {
  const workshop = await deps.store.getWorkshop(workshopId)
  if (!workshop) throw new HttpError(404, 'not_found', 'There is no such workshop')
  const seals: (Uint8Array | null)[] = []
  for (const key of SEAL_KEYS) seals.push(await deps.store.getSealed(workshopId, key))
  // Both documents held at once, so the record is read from one moment of each.
  const control = await deps.rooms.acquire({ workshopId, kind: 'control' })
  try {
    const board = await deps.rooms.acquire({ workshopId, kind: 'board' })
    try {
      const controlCount = transactionCount(control.room.doc)
      const boardCount = transactionCount(board.room.doc)
      const seen: RecordSourcesSeen = {
        control: controlCount,
        controlAt: controlCount.n,
        board: boardCount,
        boardAt: boardCount.n,
        createdAt: workshop.createdAt,
        closedAt: workshop.closedAt,
        seals,
      }
      const cached = deps.cache?.get(workshopId, seen)
      if (cached) return { ...cached, exportedAt: now }
      const inputs = deps.cache?.sealed(workshopId, seals) ?? sealed(seals)
      const record = assembleWorkshopRecord(control.room.doc, board.room.doc, {
        workshopId,
        exportedAt: now,
        createdAt: workshop.createdAt,
        closedAt: workshop.closedAt,
        ...inputs,
      })
      deps.cache?.set(workshopId, seen, record, inputs)
      return record
    } finally {
      board.release()
    }
  } finally {
    control.release()
  }
}
