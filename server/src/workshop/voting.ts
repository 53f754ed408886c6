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
  type Ballot,
  type VoteResults,
  type VotingSettings,
  type WorkshopId,
} from '@triage/shared'
import { HttpError } from '../http-error.js'
import type { ParticipantRecord, Store } from '../store/store.js'
import type { Rooms } from '../sync/rooms.js'

const SEALED_VOTES = 'votes'

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

function describe(settings: VotingSettings): string {
  const on = { clusters: 'clusters', ideas: 'ideas', both: 'clusters and ideas' }[settings.voteOn]
  return `${plural(settings.dotBudget, 'dot')} each, at most ${settings.maxDotsPerItem} on one item, ${settings.anonymous ? 'anonymous' : 'open'}, on ${on}`
}

export class VotingService {
  constructor(
    private readonly rooms: Rooms,
    private readonly store: Store,
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

  /** Seals every participant's votes as they are now; later changes are not counted. */
  async close(workshopId: WorkshopId, now: number): Promise<void> {
    const { voting, items } = await this.state(workshopId)
    if (voting.status !== 'open') throw new HttpError(409, 'conflict', 'Voting is not open')
    const participants = await this.store.listParticipants(workshopId)
    const sealed: Record<string, unknown> = {}
    for (const p of participants) {
      sealed[p.id] = await this.rooms.read(
        { workshopId, kind: 'private', participantId: p.id },
        readRawVotes,
      )
    }
    // Stored before the status changes: a crash in between leaves voting open, never unsealed.
    await this.store.putSealed(
      workshopId,
      SEALED_VOTES,
      new TextEncoder().encode(JSON.stringify(sealed)),
    )
    const count = ballotCounter({
      budget: voting.settings.dotBudget,
      cap: voting.settings.maxDotsPerItem,
      items: items.map((i) => i.key),
    })
    const voted = participants.filter((p) => dotsUsed(count(sealed[p.id])) > 0).length
    await this.rooms.change({ workshopId, kind: 'control' }, (doc) => {
      setVotingStatus(doc, 'closed', now)
      appendLog(doc, {
        at: now,
        kind: 'voting',
        text: `Voting closed: ${voted} of ${plural(participants.length, 'participant')} placed dots`,
      })
    })
  }

  /** Counts the sealed votes against the board's items now and publishes the results. */
  async reveal(workshopId: WorkshopId, now: number): Promise<VoteResults> {
    const { control, voting, items } = await this.state(workshopId)
    if (voting.status !== 'closed') {
      throw new HttpError(409, 'conflict', 'Close voting before revealing the results')
    }
    const bytes = await this.store.getSealed(workshopId, SEALED_VOTES)
    const sealed = bytes
      ? (JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>)
      : {}
    const participants = await this.store.listParticipants(workshopId)
    const groups = control.settings?.groups ?? []
    const members: Record<string, number> = {}
    for (const p of participants) members[p.groupId] = (members[p.groupId] ?? 0) + 1
    const ballots: Ballot[] = participants.map((p: ParticipantRecord) => ({
      participantId: p.id,
      group: p.groupId,
      votes: sealed[p.id] ?? null,
    }))
    const result = tally({ ballots, items, settings: voting.settings, groups, members })
    const results: VoteResults = {
      revealedAt: now,
      settings: voting.settings,
      groups: result.groups,
      items: result.items,
      totalDots: result.totalDots,
      voters: result.voters,
      ballots: voting.settings.anonymous
        ? null
        : participants
            .filter((p) => dotsUsed(result.allocations[p.id] ?? {}) > 0)
            .map((p) => ({ name: p.name, group: p.groupId, dots: result.allocations[p.id]! })),
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
}
