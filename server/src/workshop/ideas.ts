// Putting ideas on the board: revealing every participant's drafts, the facilitator's items,
// and open adding. The server writes them, so it alone decides what an idea says about its
// author: nothing when the workshop is anonymous, beyond a tag only it can check.
import { randomBytes, randomInt } from 'node:crypto'
import {
  LIMITS,
  addIdeas,
  appendLogEvent,
  hasIdea,
  ideaCount,
  markMine,
  markRevealed,
  readControl,
  readTimer,
  setTimer,
  readDrafts,
  type ControlState,
  type IdeaAuthor,
  type NewIdea,
  type ParticipantId,
  type WorkshopId,
} from '@triage/shared'
import type { Rooms } from '../sync/rooms.js'
import type { Ownership } from './ownership.js'

interface Deps {
  readonly rooms: Rooms
  readonly ownership: Ownership
  readonly listParticipants: (workshopId: WorkshopId) => Promise<readonly { id: ParticipantId }[]>
  /** A private document could not be read (it is skipped; the log counts it). */
  readonly onUnreadable?: (err: unknown, participantId: ParticipantId) => void
}

/** Fisher–Yates with a cryptographic source: the order on the wire says nothing about authors. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[items[i], items[j]] = [items[j]!, items[i]!]
  }
  return items
}

function authorOf(control: ControlState, participantId: string): IdeaAuthor | null {
  if (control.settings?.anonymous !== false) return null
  const entry = control.roster[participantId]
  return entry ? { participantId, name: entry.name, group: entry.group } : null
}

/** Waits for every write, then fails with the first error if any failed. */
async function allOrFirstError(writes: readonly Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
}

export class IdeaService {
  constructor(private readonly deps: Deps) {}

  /**
   * Moves every participant's drafts onto the board. Idempotent: an idea's id derives from its
   * draft, so a reveal retried after a crash between the two writes adds nothing twice.
   */
  async reveal(
    workshopId: WorkshopId,
    now: number,
  ): Promise<{ revealed: number; skipped: number; unreadable?: number }> {
    const { rooms, ownership } = this.deps
    const control = await rooms.read({ workshopId, kind: 'control' }, readControl)
    const participants = await this.deps.listParticipants(workshopId)
    const perParticipant: { id: ParticipantId; pairs: { draftId: string; ideaId: string }[] }[] = []
    const ideas: NewIdea[] = []
    // The private documents are independent: read side by side (in participant order after).
    // One that cannot be read is skipped and counted; it never fails the reveal for everyone.
    const allDrafts = await Promise.all(
      participants.map(({ id }) =>
        rooms
          .read({ workshopId, kind: 'private', participantId: id }, readDrafts)
          .catch((err: unknown) => {
            this.deps.onUnreadable?.(err, id)
            return null
          }),
      ),
    )
    const unreadable = allDrafts.filter((d) => d === null).length
    for (const [index, { id }] of participants.entries()) {
      const drafts = allDrafts[index]
      if (!drafts || drafts.length === 0) continue
      const author = authorOf(control, id)
      const pairs = drafts.map((d) => ({
        draftId: d.id,
        ideaId: ownership.ideaId(workshopId, id, d.id),
      }))
      perParticipant.push({ id, pairs })
      drafts.forEach((d, i) => {
        const ideaId = pairs[i]!.ideaId
        ideas.push({
          id: ideaId,
          text: d.text.trim(),
          // One time for all: the board orders them by id, which is random.
          createdAt: now,
          source: 'participant',
          round: control.round,
          author,
          tag: ownership.tag(workshopId, id, ideaId),
        })
      })
    }
    let revealed = 0
    let skipped = 0
    const placed = new Set<string>()
    await rooms.change({ workshopId, kind: 'board' }, (doc) => {
      const fresh = shuffle(ideas.filter((i) => !hasIdea(doc, i.id)))
      const room = Math.max(0, LIMITS.boardIdeas - ideaCount(doc))
      const accepted = fresh.slice(0, room)
      skipped = fresh.length - accepted.length
      revealed = accepted.length
      addIdeas(doc, accepted)
      for (const i of ideas) if (hasIdea(doc, i.id)) placed.add(i.id)
    })
    // Only drafts now on the board leave the phone; the rest stay drafts (board full). Written
    // side by side rather than one after another: each is stored before this goes on.
    await allOrFirstError(
      perParticipant.map(({ id, pairs }) => {
        const done = pairs.filter((p) => placed.has(p.ideaId))
        if (done.length === 0) return Promise.resolve()
        return rooms.change({ workshopId, kind: 'private', participantId: id }, (doc) =>
          markRevealed(doc, done),
        )
      }),
    )
    await rooms.change({ workshopId, kind: 'control' }, (doc) => {
      appendLogEvent(doc, {
        type: 'reveal',
        at: now,
        revealed,
        round: control.round,
        skipped,
        unreadable,
      })
      // The silent round is over: no screen should keep counting down to it.
      if (readTimer(doc)) setTimer(doc, null)
    })
    // `unreadable` only when there were such documents: the usual answer stays as it was.
    return unreadable > 0 ? { revealed, skipped, unreadable } : { revealed, skipped }
  }

  /** Adds the facilitator's items; returns how many went on and how many did not fit. */
  async addItems(
    workshopId: WorkshopId,
    texts: readonly string[],
    now: number,
  ): Promise<{ added: number; overLimit: number }> {
    const { rooms } = this.deps
    const round = (await rooms.read({ workshopId, kind: 'control' }, readControl)).round
    let added = 0
    await rooms.change({ workshopId, kind: 'board' }, (doc) => {
      const room = Math.max(0, LIMITS.boardIdeas - ideaCount(doc))
      const accepted = texts.slice(0, room)
      added = accepted.length
      addIdeas(
        doc,
        accepted.map((text, i) => ({
          id: randomBytes(12).toString('base64url'),
          text,
          // Keeps the list's order on the board.
          createdAt: now + i,
          source: 'facilitator' as const,
          round,
        })),
      )
    })
    if (added > 0) {
      await rooms.change({ workshopId, kind: 'control' }, (doc) =>
        appendLogEvent(doc, { type: 'items', at: now, added }),
      )
    }
    return { added, overLimit: texts.length - added }
  }

  /** Open adding: one participant's idea straight onto the board. Null when the board is full. */
  async addOpenIdea(
    workshopId: WorkshopId,
    participantId: ParticipantId,
    text: string,
    control: ControlState,
    now: number,
  ): Promise<string | null> {
    const { rooms, ownership } = this.deps
    const ideaId = ownership.ideaId(
      workshopId,
      participantId,
      randomBytes(12).toString('base64url'),
    )
    let added = false
    await rooms.change({ workshopId, kind: 'board' }, (doc) => {
      if (ideaCount(doc) >= LIMITS.boardIdeas) return
      addIdeas(doc, [
        {
          id: ideaId,
          text,
          createdAt: now,
          source: 'participant',
          round: control.round,
          author: authorOf(control, participantId),
          tag: ownership.tag(workshopId, participantId, ideaId),
        },
      ])
      added = true
    })
    if (!added) return null
    await rooms.change({ workshopId, kind: 'private', participantId }, (doc) =>
      markMine(doc, ideaId),
    )
    return ideaId
  }
}
