// The board as a phone shows it: one list per cluster after the unclustered cards, the ideas
// that are this participant's own, and how many people are on the board.
import type { BoardState, Card } from '@triage/shared'
import type { AwarenessEntry } from '../sync/awareness'
import { clusterLabel } from './board-model'

export interface CardList {
  /** Null for the unclustered cards. */
  readonly id: string | null
  readonly name: string
  readonly cards: readonly Card[]
}

// One name for a cluster, whichever board shows it.
export { clusterLabel, nextClusterName } from './board-model'

/** "Unclustered" first (where new ideas land), then the clusters in the order they were made. */
export function boardLists(board: BoardState): CardList[] {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? [])
  return [
    { id: null, name: 'Unclustered', cards: pick(board.unclustered) },
    ...board.clusters.map((c) => ({
      id: c.id,
      name: clusterLabel(c.name),
      cards: pick(c.cardIds),
    })),
  ]
}

/** This participant's ideas on the board, merged ones included, oldest first. */
export function ownIdeas(
  board: BoardState,
  mine: ReadonlySet<string>,
): { id: string; text: string }[] {
  const out: { id: string; text: string; createdAt: number }[] = []
  for (const card of board.cards) {
    for (const idea of [card, ...card.merged]) if (mine.has(idea.id)) out.push(idea)
  }
  return out.sort((a, b) => a.createdAt - b.createdAt).map(({ id, text }) => ({ id, text }))
}

/**
 * People on the board: one per participant however many devices, and the facilitator's
 * screens (console, projector) as one. Our own state carries no `identity` (the server stamps
 * it on what it relays), so a state with none is this device, `self`.
 */
export function presenceCount(entries: readonly AwarenessEntry[], self: string): number {
  const people = new Set<string>()
  for (const { state } of entries) {
    const identity = state.identity as { role?: unknown; participantId?: unknown } | undefined
    if (typeof identity !== 'object' || identity === null) {
      if (state.user !== undefined) people.add(`p:${self}`)
      continue
    }
    const id = identity.participantId
    people.add(typeof id === 'string' && id ? `p:${id}` : String(identity.role))
  }
  return people.size
}

/** "1 draft", "3 drafts". */
export const countLabel = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`
