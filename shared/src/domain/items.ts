// Which candidate items a board offers: clusters and/or cards, in board order.
import type { BoardState, Card } from '../schema/board.js'
import type { CandidateItem } from '../schema/items.js'
import { itemKey, type VotingSettings } from '../schema/voting.js'

/**
 * The items of a vote, in board order: clusters (those with cards) and/or cards. With `themes`,
 * every card is on the ballot once: inside its cluster, or alone when in none. With `both`, a
 * card inside a cluster is an item of its own as well as part of its cluster. A merged card is
 * named by all its texts.
 */
export function voteItems(board: BoardState, voteOn: VotingSettings['voteOn']): CandidateItem[] {
  const items: CandidateItem[] = []
  if (voteOn !== 'ideas') {
    for (const c of board.clusters) {
      if (c.cardIds.length === 0) continue
      items.push({
        key: itemKey.cluster(c.id),
        kind: 'cluster',
        // As the board shows it: a name of only spaces is no name.
        label: c.name.trim() || 'Unnamed cluster',
      })
    }
  }
  if (voteOn !== 'clusters') {
    const byId = new Map(board.cards.map((c) => [c.id, c]))
    const clustered = voteOn === 'themes' ? [] : board.clusters.flatMap((c) => c.cardIds)
    for (const id of [...clustered, ...board.unclustered]) {
      const card = byId.get(id)
      if (card) items.push({ key: itemKey.idea(id), kind: 'idea', label: cardLabel(card) })
    }
  }
  return items
}

/** A card's name on a ballot or in results: its text, and each merged idea's after it. */
export function cardLabel(card: Card): string {
  return [card.text, ...card.merged.map((m) => m.text)].join(' / ')
}
