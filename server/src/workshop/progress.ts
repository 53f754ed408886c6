// Keeps each participant's counts in the control document: how many drafts and revealed ideas
// they have, and for every sealed round kind how far they are ("4 of 12 rated"), never what.
// Changes are coalesced per participant for a moment, then written in one transaction.
import {
  clearRoundProgress,
  hasRawEntries,
  readPrivate,
  readProgress,
  readRawRoundInput,
  readRoundParticipants,
  readRoundState,
  readRoundStatus,
  setProgress,
  setRoundProgress,
  type AnyRoundKind,
  type DocRef,
  type ParticipantId,
  type RoundParticipant,
  type WorkshopId,
} from '@triage/shared'
import type * as Y from 'yjs'
import type { Rooms } from '../sync/rooms.js'
import { RoundRegistry } from './round-registry.js'
import { readRoundWorld } from './rounds.js'

type PrivateRef = Extract<DocRef, { kind: 'private' }>

interface Counts {
  readonly drafts: number
  readonly revealed: number
  /** Each kind's raw input, by kind id, as the private document holds it. */
  readonly inputs: ReadonlyMap<string, unknown>
}

export class ProgressTracker {
  private readonly pending = new Map<string, { ref: PrivateRef } & Counts>()
  private timer: NodeJS.Timeout | null = null
  private rooms: Rooms | null = null

  constructor(
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void,
    /** The round kinds counted (the rounds service registers into the same registry). */
    readonly kinds: RoundRegistry = new RoundRegistry(),
  ) {}

  attach(rooms: Rooms): void {
    this.rooms = rooms
  }

  /** Called on every change of a private document (inside its transaction: only reads). */
  readonly onPrivateChange = (ref: PrivateRef, doc: Y.Doc): void => {
    const { drafts, mine } = readPrivate(doc)
    const inputs = new Map<string, unknown>()
    for (const kind of this.kinds.all()) inputs.set(kind.id, readRawRoundInput(doc, kind.id))
    this.pending.set(`${ref.workshopId}/${ref.participantId}`, {
      ref,
      drafts: drafts.length,
      revealed: mine.size,
      inputs,
    })
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs)
  }

  /** Writes what is pending; resolves when the control documents have it. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const rooms = this.rooms
    if (!rooms || this.pending.size === 0) return
    const byWorkshop = new Map<WorkshopId, ({ id: ParticipantId } & Counts)[]>()
    for (const { ref, ...counts } of this.pending.values()) {
      const list = byWorkshop.get(ref.workshopId) ?? []
      list.push({ id: ref.participantId, ...counts })
      byWorkshop.set(ref.workshopId, list)
    }
    this.pending.clear()
    await Promise.all(
      [...byWorkshop].map(async ([workshopId, entries]) => {
        try {
          await this.write(rooms, workshopId, entries)
        } catch (err) {
          // A workshop deleted meanwhile has no control document to write to.
          if (!(err instanceof Error && err.message === 'workshop deleted')) this.onError(err)
        }
      }),
    )
  }

  private async write(
    rooms: Rooms,
    workshopId: WorkshopId,
    entries: readonly ({ id: ParticipantId } & Counts)[],
  ): Promise<void> {
    const control = { workshopId, kind: 'control' } as const
    // A kind's context (the board's items, …) is read only when it can count for something:
    // while the round is open, or when someone has input at all — never for every draft.
    const kinds = this.kinds.all()
    const wanted = await rooms.read(control, (doc) =>
      kinds.filter(
        (k) =>
          readRoundStatus(doc, k.id) === 'open' ||
          entries.some((e) => hasRawEntries(e.inputs.get(k.id))),
      ),
    )
    const contexts = new Map<AnyRoundKind, unknown>()
    let people = new Map<string, RoundParticipant>()
    if (wanted.length > 0) {
      const world = await readRoundWorld(rooms, workshopId)
      const read = await rooms.read(control, (doc) => ({
        settings: wanted.map((k) => readRoundState(doc, k, world.workshop).settings),
        people: readRoundParticipants(doc),
      }))
      people = read.people
      wanted.forEach((k, i) => contexts.set(k, k.context(read.settings[i], world)))
    }
    await rooms.change(control, (doc) => {
      for (const e of entries) {
        setProgress(doc, e.id, {
          drafts: e.drafts,
          revealed: e.revealed,
          dots: readProgress(doc, e.id).dots,
        })
        const who = people.get(e.id) ?? { id: e.id, name: '', group: '' }
        for (const kind of kinds) {
          if (!contexts.has(kind)) {
            // Nobody has input: the count is nothing, whatever the context.
            clearRoundProgress(doc, kind.id, e.id)
            continue
          }
          const context = contexts.get(kind)
          const input = kind.clamp(e.inputs.get(kind.id) ?? null, context, who)
          setRoundProgress(doc, kind.id, e.id, kind.progress(input, context, who))
        }
      }
    })
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending.clear()
  }
}
