// Which candidate items go onto the matrix: all of the board's, the top N of the revealed dot
// vote (ties at N all go on), or those the facilitator picked — always as the board has them now.
import type { BoardState } from '../../schema/board.js'
import type { CandidateItem } from '../../schema/items.js'
import { MATRIX_MAX_ITEMS, type MatrixRatingSettings } from '../../schema/matrix.js'
import type { VoteResults } from '../../schema/voting.js'
import { voteItems } from '../items.js'
import { topN } from '../rank.js'

/**
 * The items of the matrix, at most `MATRIX_MAX_ITEMS`. `top` ranks by dots in total among items
 * still on the board and with at least one dot, in the vote's order of rank; it is empty until
 * a vote is revealed. `picked` keeps the facilitator's order and drops keys no longer on the board.
 */
export function matrixItems(
  settings: MatrixRatingSettings,
  board: BoardState,
  votes: VoteResults | null,
): CandidateItem[] {
  if (settings.select === 'all') return voteItems(board, settings.on).slice(0, MATRIX_MAX_ITEMS)
  const onBoard = new Map(voteItems(board, 'both').map((i) => [i.key, i]))
  if (settings.select === 'picked') {
    const keys = [...new Set(settings.picked)]
    return keys.flatMap((k) => onBoard.get(k) ?? []).slice(0, MATRIX_MAX_ITEMS)
  }
  if (!votes) return []
  const voted = votes.items.filter((i) => i.total > 0 && onBoard.has(i.key))
  return topN(
    voted.map((i) => i.total),
    settings.top,
  )
    .map((index) => onBoard.get(voted[index]!.key)!)
    .slice(0, MATRIX_MAX_ITEMS)
}

/** Why there are no items, for the facilitator ("cannot open"), or null when there are some. */
export function noMatrixItems(
  settings: MatrixRatingSettings,
  items: readonly CandidateItem[],
  votesRevealed: boolean,
): string | null {
  if (items.length > 0) return null
  if (settings.select === 'top') {
    return votesRevealed
      ? 'No item received a dot: there is no top of the vote to place'
      : 'Reveal the dot vote first, or choose the items by hand'
  }
  if (settings.select === 'picked') return 'Pick at least one item for the matrix'
  return 'There is nothing to place: the board has no items yet'
}
