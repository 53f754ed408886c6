// Keeps each participant's brainstorm counts in the control document: how many drafts and
// revealed ideas, never their text. Changes are coalesced per participant for a moment.
import {
  ballotCounter,
  dotsUsed,
  readBoard,
  readControl,
  readPrivate,
  readRawVotes,
  readVoting,
  setProgress,
  voteItems,
  type VoteRules,
  type DocRef,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import type * as Y from 'yjs'
import type { Rooms } from '../sync/rooms.js'

type PrivateRef = Extract<DocRef, { kind: 'private' }>

/** Whether a raw votes value has any own entry (only then can it count for a dot). */
const hasEntries = (votes: unknown): boolean =>
  typeof votes === 'object' && votes !== null && Object.getOwnPropertyNames(votes).length > 0

export class ProgressTracker {
  private readonly pending = new Map<
    string,
    { ref: PrivateRef; drafts: number; revealed: number; votes: unknown }
  >()
  private timer: NodeJS.Timeout | null = null
  private rooms: Rooms | null = null

  constructor(
    private readonly delayMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  attach(rooms: Rooms): void {
    this.rooms = rooms
  }

  /** Called on every change of a private document (inside its transaction: only reads). */
  readonly onPrivateChange = (ref: PrivateRef, doc: Y.Doc): void => {
    const { drafts, mine } = readPrivate(doc)
    this.pending.set(`${ref.workshopId}/${ref.participantId}`, {
      ref,
      drafts: drafts.length,
      revealed: mine.size,
      votes: readRawVotes(doc),
    })
    this.timer ??= setTimeout(() => void this.flush(), this.delayMs)
  }

  /** Writes what is pending; resolves when the control documents have it. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const rooms = this.rooms
    if (!rooms || this.pending.size === 0) return
    const byWorkshop = new Map<
      WorkshopId,
      { id: ParticipantId; drafts: number; revealed: number; votes: unknown }[]
    >()
    for (const { ref, ...counts } of this.pending.values()) {
      const list = byWorkshop.get(ref.workshopId) ?? []
      list.push({ id: ref.participantId, ...counts })
      byWorkshop.set(ref.workshopId, list)
    }
    this.pending.clear()
    await Promise.all(
      [...byWorkshop].map(async ([workshopId, entries]) => {
        try {
          // The vote items come from the whole board: read only when someone has votes at all
          // (an empty ballot counts nothing whatever the items), not for every brainstorm draft.
          const count = entries.some((e) => hasEntries(e.votes))
            ? ballotCounter(await this.voteRules(rooms, workshopId))
            : null
          await rooms.change({ workshopId, kind: 'control' }, (doc) => {
            for (const e of entries) {
              // Dots as they would count now: within the budget, on items that exist.
              const dots = count ? dotsUsed(count(e.votes)) : 0
              setProgress(doc, e.id, { drafts: e.drafts, revealed: e.revealed, dots })
            }
          })
        } catch (err) {
          // A workshop deleted meanwhile has no control document to write to.
          if (!(err instanceof Error && err.message === 'workshop deleted')) this.onError(err)
        }
      }),
    )
  }

  private async voteRules(rooms: Rooms, workshopId: WorkshopId): Promise<VoteRules> {
    const { settings } = await rooms.read({ workshopId, kind: 'control' }, (doc) =>
      readVoting(doc, readControl(doc).settings),
    )
    const board = await rooms.read({ workshopId, kind: 'board' }, readBoard)
    return {
      budget: settings.dotBudget,
      cap: settings.maxDotsPerItem,
      items: voteItems(board, settings.voteOn).map((i) => i.key),
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending.clear()
  }
}
