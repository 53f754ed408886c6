// The facilitator's view of the shared board: the desktop cluster board (loaded on first use),
// with a plain list of the cards while it loads or if it cannot load.
import type { ReactNode } from 'react'
import type { BoardState, ControlState } from '@triage/shared'
import { LazyClusterBoard } from './lazy-cluster-board'
import { useBoardState } from '../sync/use-doc-states'
import { useWorkshopDoc } from '../sync/use-workshop-doc'

export function BoardArea({
  workshopId,
  token,
  control,
  toolbar,
  emptyNote,
}: {
  workshopId: string
  token: string
  control: ControlState
  /** Controls shown beside the board's heading. */
  toolbar?: ReactNode
  /** Said instead of the board while it has no cards (before the first reveal or import). */
  emptyNote?: string
}) {
  const { doc, connection } = useWorkshopDoc(workshopId, 'board', token)
  const board = useBoardState(doc)
  if (emptyNote !== undefined && board.cards.length === 0) {
    return <p className="muted board-area__empty">{emptyNote}</p>
  }
  const preview = (note: string) => <BoardPreview board={board} note={note} />
  return (
    <div className="board-area">
      <div className="board-area__head">
        <h2 className="board-area__title">Board</h2>
        {toolbar}
      </div>
      <LazyClusterBoard
        loading={preview('Loading the board…')}
        failed={
          <>
            <p className="alert alert--error">
              The interactive board could not be loaded. Reload the page to try again.
            </p>
            {preview('Ideas on the board:')}
          </>
        }
        doc={doc}
        connection={connection}
        role="facilitator"
        locked={false}
        roster={control.roster}
        groups={control.settings?.groups ?? []}
      />
    </div>
  )
}

/** Every card's text, read-only: shown while the board's code loads, or if it cannot. */
function BoardPreview({ board, note }: { board: BoardState; note: string }) {
  return (
    <div className="board-preview">
      <p className="muted">{note}</p>
      <ul className="board-preview__list" aria-label="Ideas on the board">
        {board.cards.map((card) => (
          <li key={card.id} className="board-preview__card">
            {card.text}
          </li>
        ))}
      </ul>
    </div>
  )
}
