// Opening, closing and revealing dot voting. Votes stay in each participant's private document
// until voting closes; then the server seals a copy where no document reaches, and the reveal
// counts that copy with the shared tally, the only place votes are counted.
import {
  appendLog,
  ballotCounter,
  dotsUsed,
  readBoard,
  readControl,
  readRawVotes,
  readVoting,
  setResults,
  setVotingSettings,
  setVotingStatus,
  tally,
  voteItems,
  rankedItems,
  countBallot,
  votingSettingsSchema,
  type Allocation,
  type Ballot,
  type VoteResults,
  type VotingSettings,
  type WorkshopId,
} from '@triage/shared'
import { z } from 'zod/mini'
import { HttpError } from '../http-error.js'
import type { Store } from '../store/store.js'
import type { Rooms } from '../sync/rooms.js'

const SEALED_VOTES = 'votes'

/** What closing voting seals: the counted votes and the context they were cast on. */
const sealedVotingSchema = z.object({
  version: z.literal(2),
  closedAt: z.number(),
  settings: votingSettingsSchema,
  items: z.array(
    z.object({ key: z.string(), kind: z.enum(['cluster', 'idea']), label: z.string() }),
  ),
  participants: z.array(z.object({ id: z.string(), name: z.string(), group: z.string() })),
  allocations: z.record(z.string(), z.record(z.string(), z.number())),
  /** Participants whose private document could not be read at close. */
  unreadable: z.number(),
})
type SealedVoting = z.infer<typeof sealedVotingSchema>

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

function describe(settings: VotingSettings): string {
  const on = { clusters: 'clusters', ideas: 'ideas', both: 'clusters and ideas' }[settings.voteOn]
  return `${plural(settings.dotBudget, 'dot')} each, at most ${settings.maxDotsPerItem} on one item, ${settings.anonymous ? 'anonymous' : 'open'}, on ${on}`
}

export class VotingService {
  constructor(
    private readonly rooms: Rooms,
    private readonly store: Store,
    /** A private document could not be read at close (skipped, counted in the log). */
    private readonly onUnreadable?: (err: unknown, participantId: string) => void,
  ) {}

  private async state(workshopId: WorkshopId) {
    const control = await this.rooms.read({ workshopId, kind: 'control' }, (doc) => {
      const c = readControl(doc)
      return { control: c, voting: readVoting(doc, c.settings) }
    })
    const board = await this.rooms.read({ workshopId, kind: 'board' }, readBoard)
    const items = voteItems(board, control.voting.settings.voteOn)
    return { ...control, items }
  }

  /** Opens voting, first adopting `settings` when given (so the log states what applies). */
  async open(workshopId: WorkshopId, now: number, settings?: VotingSettings): Promise<void> {
    if (settings) {
      const current = await this.rooms.read({ workshopId, kind: 'control' }, (doc) =>
        readVoting(doc, null),
      )
      if (current.status === 'open' || current.status === 'revealed') {
        throw new HttpError(409, 'conflict', 'Settings can change only before voting opens')
      }
      await this.rooms.change({ workshopId, kind: 'control' }, (doc) =>
        setVotingSettings(doc, settings),
      )
    }
    const { voting, items } = await this.state(workshopId)
    if (voting.status === 'open') throw new HttpError(409, 'conflict', 'Voting is already open')
    if (voting.status === 'revealed') {
      throw new HttpError(409, 'conflict', 'The results are revealed; this vote is over')
    }
    if (items.length === 0) {
      throw new HttpError(
        409,
        'conflict',
        `There is nothing to vote on: the board has no ${voting.settings.voteOn === 'clusters' ? 'clusters with ideas' : 'ideas'} yet`,
      )
    }
    await this.store.putSealed(workshopId, SEALED_VOTES, null)
    await this.rooms.change({ workshopId, kind: 'control' }, (doc) => {
      setVotingStatus(doc, 'open', now)
      setResults(doc, null)
      appendLog(doc, {
        at: now,
        kind: 'voting',
        text: `Voting ${voting.status === 'closed' ? 'reopened' : 'opened'}: ${describe(voting.settings)}`,
      })
    })
  }

  /**
   * Seals voting: every participant's votes, counted by the clamp against the ballot as it is
   * now, together with that ballot (items and labels), the settings and who took part. Reveal
   * counts exactly this, so nothing done after close (settings, board edits, merges, deletes)
   * changes the result. A private document that cannot be read is skipped and counted.
   */
  async close(workshopId: WorkshopId, now: number): Promise<void> {
    const { voting, items } = await this.state(workshopId)
    if (voting.status !== 'open') throw new HttpError(409, 'conflict', 'Voting is not open')
    const participants = await this.store.listParticipants(workshopId)
    const count = ballotCounter({
      budget: voting.settings.dotBudget,
      cap: voting.settings.maxDotsPerItem,
      items: items.map((i) => i.key),
    })
    const allocations: Record<string, Allocation> = {}
    let unreadable = 0
    for (const p of participants) {
      try {
        const raw = await this.rooms.read(
          { workshopId, kind: 'private', participantId: p.id },
          readRawVotes,
        )
        allocations[p.id] = count(raw)
      } catch (err) {
        unreadable++
        this.onUnreadable?.(err, p.id)
      }
    }
    const sealed: SealedVoting = {
      version: 2,
      closedAt: now,
      settings: voting.settings,
      items,
      participants: participants.map((p) => ({ id: p.id, name: p.name, group: p.groupId })),
      allocations,
      unreadable,
    }
    // Stored before the status changes: a crash in between leaves voting open, never unsealed.
    await this.store.putSealed(
      workshopId,
      SEALED_VOTES,
      new TextEncoder().encode(JSON.stringify(sealed)),
    )
    const voted = participants.filter((p) => dotsUsed(allocations[p.id] ?? {}) > 0).length
    await this.rooms.change({ workshopId, kind: 'control' }, (doc) => {
      setVotingStatus(doc, 'closed', now)
      appendLog(doc, {
        at: now,
        kind: 'voting',
        text: `Voting closed: ${voted} of ${plural(participants.length, 'participant')} placed dots${unreadable > 0 ? `; the votes of ${plural(unreadable, 'participant')} could not be read` : ''}`,
      })
    })
  }

  /** Counts the sealed votes on the sealed ballot and publishes the results. */
  async reveal(workshopId: WorkshopId, now: number): Promise<VoteResults> {
    const { control, voting } = await this.rooms.read({ workshopId, kind: 'control' }, (doc) => {
      const c = readControl(doc)
      return { control: c, voting: readVoting(doc, c.settings) }
    })
    if (voting.status !== 'closed') {
      throw new HttpError(409, 'conflict', 'Close voting before revealing the results')
    }
    const sealed = await this.sealed(workshopId, voting.settings)
    const groups = control.settings?.groups ?? []
    const members: Record<string, number> = {}
    for (const p of sealed.participants) members[p.group] = (members[p.group] ?? 0) + 1
    const ballots: Ballot[] = sealed.participants.map((p) => ({
      participantId: p.id,
      group: p.group,
      votes: sealed.allocations[p.id] ?? null,
    }))
    const settings = sealed.settings
    const result = tally({ ballots, items: sealed.items, settings, groups, members })
    const results: VoteResults = {
      revealedAt: now,
      settings,
      groups: result.groups,
      items: result.items,
      totalDots: result.totalDots,
      voters: result.voters,
      ballots: settings.anonymous
        ? null
        : sealed.participants
            .filter((p) => dotsUsed(result.allocations[p.id] ?? {}) > 0)
            .map((p) => ({ name: p.name, group: p.group, dots: result.allocations[p.id]! })),
    }
    const top = rankedItems(result.items, 'total').filter((i) => i.rank === 1 && i.total > 0)
    const headline =
      top.length === 0
        ? 'no dots were placed'
        : top.length === 1
          ? `"${top[0]!.label}" first with ${plural(top[0]!.total, 'dot')}`
          : `${top.map((i) => `"${i.label}"`).join(', ')} tied first with ${plural(top[0]!.total, 'dot')}`
    await this.rooms.change({ workshopId, kind: 'control' }, (doc) => {
      setResults(doc, results)
      setVotingStatus(doc, 'revealed', now)
      appendLog(doc, {
        at: now,
        kind: 'voting',
        text: `Results revealed: ${headline}; ${plural(result.voters, 'participant')} voted`,
      })
    })
    return results
  }

  /**
   * What close sealed. A seal written before the context was sealed too (an older server)
   * holds raw votes only: those are counted against the ballot and settings as they are now.
   */
  private async sealed(workshopId: WorkshopId, settings: VotingSettings): Promise<SealedVoting> {
    const bytes = await this.store.getSealed(workshopId, SEALED_VOTES)
    let json: unknown = null
    try {
      json = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : null
    } catch {
      json = null
    }
    const parsed = sealedVotingSchema.safeParse(json)
    if (parsed.success) return parsed.data
    const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
    const { items } = await this.state(workshopId)
    const participants = await this.store.listParticipants(workshopId)
    return {
      version: 2,
      closedAt: 0,
      settings,
      items,
      participants: participants.map((p) => ({ id: p.id, name: p.name, group: p.groupId })),
      allocations: Object.fromEntries(
        participants.map((p) => [
          p.id,
          countBallot(raw[p.id], {
            budget: settings.dotBudget,
            cap: settings.maxDotsPerItem,
            items: items.map((i) => i.key),
          }),
        ]),
      ),
      unreadable: 0,
    }
  }
}
