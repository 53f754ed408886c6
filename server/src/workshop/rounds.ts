// Runs the sealed-round lifecycle for every round kind: open (settings fixed and logged), close
// (each participant's input clamped and sealed with the context it was cast on, where no
// document reaches), reveal (the kind's aggregate of the seal written into control, logged),
// reopen. Inputs are read only from private documents at close and only from the seal after;
// a private document that cannot be read is skipped and counted, never fails the round.
import {
  appendLogEvent,
  dotVoting,
  parseSeal,
  readBoard,
  readControl,
  readDecisions,
  readFramework,
  readRawRoundInput,
  readRoundResult,
  readRoundState,
  revealRound,
  sealRound,
  setRoundResult,
  setRoundSealed,
  setRoundSettings,
  setRoundStatus,
  type AnyRoundKind,
  type ParticipantId,
  type RawInput,
  type RoundParticipant,
  type RoundSealSummary,
  type RoundState,
  type RoundStatus,
  type RoundWorld,
  type SealedRound,
  type WorkshopId,
} from '@triage/shared'
import { HttpError } from '../http-error.js'
import type { Directory, SealedInputs } from '../store/store.js'
import type { Rooms } from '../sync/rooms.js'
import type { RoundRegistry } from './round-registry.js'
import { sealKey } from './round-registry.js'

export interface RoundsDeps {
  readonly rooms: Pick<Rooms, 'read' | 'change' | 'settle' | 'refresh'>
  readonly store: Pick<Directory, 'listParticipants'> & SealedInputs
  readonly kinds: RoundRegistry
  /** A private document could not be read at close (skipped, counted in the log). */
  readonly onUnreadable?: (err: unknown, participantId: string, kindId: string) => void
}

/** A round's participant, with the id the documents are named by. */
type Participant = RoundParticipant & { readonly id: ParticipantId }

const conflict = (message: string) => new HttpError(409, 'conflict', message)
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1)

/** The workshop's state a kind's context is fixed from, read from its documents. */
export async function readRoundWorld(
  rooms: Pick<Rooms, 'read'>,
  workshopId: WorkshopId,
): Promise<RoundWorld> {
  const { workshop, votes, framework, decisions } = await rooms.read(
    { workshopId, kind: 'control' },
    (d) => ({
      workshop: readControl(d).settings,
      votes: readRoundResult(d, dotVoting),
      framework: readFramework(d),
      decisions: readDecisions(d),
    }),
  )
  const board = await rooms.read({ workshopId, kind: 'board' }, readBoard)
  return { board, workshop, votes, framework, decisions }
}

export class RoundsService {
  constructor(private readonly deps: RoundsDeps) {}

  /** Adds a round kind (tests register one of their own). */
  register(kind: AnyRoundKind): void {
    this.deps.kinds.register(kind)
  }

  /** The kind with this id; 404 when there is none. */
  kind(kindId: string): AnyRoundKind {
    const kind = this.deps.kinds.get(kindId)
    if (!kind) throw new HttpError(404, 'not_found', `There is no round of kind "${kindId}"`)
    return kind
  }

  /** The round as the control document holds it now. */
  async state(workshopId: WorkshopId, kindId: string): Promise<RoundState> {
    const kind = this.kind(kindId)
    return this.deps.rooms.read({ workshopId, kind: 'control' }, (doc) =>
      readRoundState(doc, kind, readControl(doc).settings),
    )
  }

  /**
   * Opens a round in set-up, or reopens a closed one (the vote's "open" as it always was),
   * first adopting `settings` (validated by the caller against the kind's schema) when given.
   */
  open(workshopId: WorkshopId, kindId: string, now: number, settings?: unknown): Promise<void> {
    return this.start(workshopId, this.kind(kindId), now, settings, ['setup', 'closed'])
  }

  /** Reopens a closed or revealed round: revealed results are withdrawn, the seal discarded. */
  reopen(workshopId: WorkshopId, kindId: string, now: number, settings?: unknown): Promise<void> {
    return this.start(workshopId, this.kind(kindId), now, settings, ['closed', 'revealed'])
  }

  /**
   * Seals the round: every participant's input, clamped against the context as it is now,
   * together with that context and the settings. Reveal aggregates exactly this, so nothing
   * done after close (settings, board edits, merges, late input) changes the result.
   */
  close(workshopId: WorkshopId, kindId: string, now: number): Promise<RoundSealSummary> {
    const kind = this.kind(kindId)
    return this.exclusive(workshopId, kind, async () => {
      const state = await this.state(workshopId, kind.id)
      if (state.status !== 'open') throw conflict(`${kind.words.name} is not open`)
      // With several nodes: what any node accepted until now is stored and in this node's copies.
      await this.deps.rooms.settle(workshopId)
      const context = kind.context(
        state.settings,
        await readRoundWorld(this.deps.rooms, workshopId),
      )
      const participants = await this.participants(workshopId)
      const found: { participant: RoundParticipant; found: RawInput }[] = []
      for (const participant of participants) {
        found.push({ participant, found: await this.rawInput(workshopId, kind, participant.id) })
      }
      const { seal, summary } = sealRound(kind, {
        settings: state.settings,
        context,
        closedAt: now,
        participants: found,
      })
      // Stored before the status changes: a crash in between leaves the round open, never unsealed.
      await this.deps.store.putSealed(
        workshopId,
        sealKey(kind.id),
        new TextEncoder().encode(JSON.stringify(seal)),
      )
      await this.deps.rooms.change({ workshopId, kind: 'control' }, (doc) => {
        setRoundStatus(doc, kind.id, 'closed', now)
        setRoundSealed(doc, kind.id, summary)
        appendLogEvent(doc, {
          type: 'round-closed',
          at: now,
          round: kind.id,
          submitted: summary.submitted,
          participants: summary.participants,
          unreadable: summary.unreadable,
        })
      })
      return summary
    })
  }

  /** Aggregates the seal with the kind's pure aggregate and publishes the result. */
  reveal(workshopId: WorkshopId, kindId: string, now: number): Promise<unknown> {
    const kind = this.kind(kindId)
    return this.exclusive(workshopId, kind, async () => {
      const { state, groups } = await this.deps.rooms.read(
        { workshopId, kind: 'control' },
        (doc) => {
          const workshop = readControl(doc).settings
          return { state: readRoundState(doc, kind, workshop), groups: workshop?.groups ?? [] }
        },
      )
      if (state.status !== 'closed') {
        throw conflict(`Close ${lower(kind.words.name)} before revealing the results`)
      }
      const seal = await this.sealed(workshopId, kind, state)
      const result = revealRound(kind, seal, groups, now)
      // An aggregate its own readers would drop is a bug: fail the reveal rather than publish it.
      const checked = kind.resultSchema.safeParse(result)
      if (!checked.success) throw new Error(`round ${kind.id}: the aggregate does not validate`)
      const { headline, took } = kind.headline(checked.data)
      await this.deps.rooms.change({ workshopId, kind: 'control' }, (doc) => {
        setRoundResult(doc, kind.id, checked.data)
        setRoundStatus(doc, kind.id, 'revealed', now)
        appendLogEvent(doc, {
          type: 'round-revealed',
          at: now,
          round: kind.id,
          headline,
          voters: took,
        })
      })
      return checked.data
    })
  }

  private start(
    workshopId: WorkshopId,
    kind: AnyRoundKind,
    now: number,
    settings: unknown,
    from: readonly RoundStatus[],
  ): Promise<void> {
    return this.exclusive(workshopId, kind, async () => {
      const { name, round } = kind.words
      const control = { workshopId, kind: 'control' } as const
      if (settings !== undefined) {
        const { status } = await this.state(workshopId, kind.id)
        if (status === 'open' || (status === 'revealed' && !from.includes('revealed'))) {
          throw conflict(`Settings can change only before ${lower(name)} opens`)
        }
        await this.deps.rooms.change(control, (doc) => setRoundSettings(doc, kind.id, settings))
      }
      const state = await this.state(workshopId, kind.id)
      if (!from.includes(state.status)) {
        throw conflict(
          state.status === 'open'
            ? `${name} is already open`
            : state.status === 'revealed'
              ? `The results are revealed; this ${round} is over`
              : `${name} has not been opened yet`,
        )
      }
      const context = kind.context(
        state.settings,
        await readRoundWorld(this.deps.rooms, workshopId),
      )
      const cannot = kind.cannotOpen(context)
      if (cannot) throw conflict(cannot)
      await this.deps.store.putSealed(workshopId, sealKey(kind.id), null)
      await this.deps.rooms.change(control, (doc) => {
        setRoundStatus(doc, kind.id, 'open', now)
        setRoundResult(doc, kind.id, null)
        appendLogEvent(doc, {
          type: 'round-opened',
          at: now,
          round: kind.id,
          reopened: state.status !== 'setup',
          settings: kind.describeSettings(state.settings),
        })
      })
    })
  }

  private async participants(workshopId: WorkshopId): Promise<Participant[]> {
    const records = await this.deps.store.listParticipants(workshopId)
    return records.map((p) => ({ id: p.id, name: p.name, group: p.groupId }))
  }

  /** What a participant's private document holds for the kind, or that it could not be read. */
  private async rawInput(
    workshopId: WorkshopId,
    kind: AnyRoundKind,
    participantId: ParticipantId,
  ): Promise<RawInput> {
    const ref = { workshopId, kind: 'private', participantId } as const
    try {
      return { raw: await this.deps.rooms.read(ref, (doc) => readRawRoundInput(doc, kind.id)) }
    } catch (err) {
      this.deps.onUnreadable?.(err, participantId, kind.id)
      return { unreadable: true }
    }
  }

  /**
   * What close sealed. A seal from before the context was sealed (voting's first shape: raw
   * inputs by participant id), or none at all, is clamped against the context as it is now.
   */
  private async sealed(
    workshopId: WorkshopId,
    kind: AnyRoundKind,
    state: RoundState,
  ): Promise<SealedRound> {
    const bytes = await this.deps.store.getSealed(workshopId, sealKey(kind.id))
    let json: unknown = null
    try {
      json = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null
    } catch {
      json = null
    }
    const parsed = parseSeal(kind, json)
    if (parsed) return parsed
    const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
    const context = kind.context(state.settings, await readRoundWorld(this.deps.rooms, workshopId))
    const participants = await this.participants(workshopId)
    return sealRound(kind, {
      settings: state.settings,
      context,
      closedAt: 0,
      participants: participants.map((participant) => ({
        participant,
        found: { raw: Object.hasOwn(raw, participant.id) ? raw[participant.id] : null },
      })),
    }).seal
  }

  /**
   * Runs `step` alone among the steps of the same workshop and kind on every node (a store
   * lock), on this node's copy of the control document brought up to the store first: two
   * closes, on one node or two, never both seal; the second finds the round closed.
   */
  private exclusive<T>(workshopId: WorkshopId, kind: AnyRoundKind, step: () => Promise<T>) {
    return this.deps.store.exclusive(workshopId, sealKey(kind.id), async () => {
      await this.deps.rooms.refresh({ workshopId, kind: 'control' })
      return step()
    })
  }
}
