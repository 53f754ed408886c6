// Pure readings of the board for the UI: column order, words for announcements, merge
// choices, and the name of a new cluster.
import type { BoardState } from '@triage/shared'
import type { BoardWords } from './announcements'
import { UNCLUSTERED, type ColumnKey } from './column-nav'

/** A choice in a card's merge list. */
export interface MergeOption {
  readonly id: string
  readonly label: string
}

/** Display name of a cluster (a blank name still needs words for the list and buttons). */
export const clusterLabel = (name: string) => name.trim() || 'Unnamed cluster'

/** Board order of the columns: what the arrow keys step through. */
export function columnOrder(board: BoardState): ColumnKey[] {
  return [UNCLUSTERED, ...board.clusters.map((c) => c.id)]
}

export function boardWords(board: BoardState): BoardWords {
  const cards = new Map(board.cards.map((c) => [c.id, c]))
  const names = new Map(board.clusters.map((c) => [c.id, c.name]))
  return {
    cardText: (id) => cards.get(id)?.text ?? 'removed idea',
    cardColumn: (id) => cards.get(id)?.clusterId ?? UNCLUSTERED,
    clusterName: (column) => names.get(column) ?? '',
  }
}

export const shorten = (text: string, max = 60) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

/** Every card as a merge choice, with its column, so duplicates can be told apart. */
export function mergeChoices(board: BoardState): MergeOption[] {
  const names = new Map(board.clusters.map((c) => [c.id, clusterLabel(c.name)]))
  return board.cards.map((card) => ({
    id: card.id,
    label: `${shorten(card.text)} — ${card.clusterId ? names.get(card.clusterId) : 'Unclustered'}`,
  }))
}

/** "Cluster N": the first number from the cluster count up that no cluster uses. */
export function nextClusterName(board: BoardState): string {
  const used = new Set(board.clusters.map((c) => c.name.trim()))
  let n = board.clusters.length + 1
  while (used.has(`Cluster ${n}`)) n++
  return `Cluster ${n}`
}
