// The shared board on the projector: the cluster board (loaded on first use) in its read-only
// projector role, optionally following the facilitator's view. A phase may lay the screen out
// by whether the board has cards yet (`layout`).
import { useId, useState, type ReactNode } from 'react'
import type { BoardState, ControlState } from '@triage/shared'
import { LazyClusterBoard } from './lazy-cluster-board'
import { useBoardState } from '../sync/use-doc-states'
import { useWorkshopDoc } from '../sync/use-workshop-doc'

export function ProjectorSharedBoard({
  workshopId,
  token,
  control,
  hideWhenEmpty = false,
  layout,
}: {
  workshopId: string
  token: string
  control: ControlState
  /** Off screen while the board has no cards (a brainstorm before its first reveal). */
  hideWhenEmpty?: boolean
  /** Places the board (null while hidden) on the screen, knowing how many cards it has. */
  layout?: (board: ReactNode, cards: number) => ReactNode
}) {
  const id = useId()
  const [follow, setFollow] = useState(true)
  const { doc, connection } = useWorkshopDoc(workshopId, 'board', token)
  const board = useBoardState(doc)
  const cards = board.cards.length
  const preview = <BoardPreview board={board} />
  const shown =
    hideWhenEmpty && cards === 0 ? null : (
      <div className="projector-board">
        <div className="field--check projector-board__follow">
          <input
            id={`${id}-follow`}
            type="checkbox"
            checked={follow}
            onChange={(e) => setFollow(e.target.checked)}
          />
          <label htmlFor={`${id}-follow`}>Follow facilitator</label>
        </div>
        <LazyClusterBoard
          loading={preview}
          failed={preview}
          doc={doc}
          connection={connection}
          role="projector"
          locked={control.boardLocked}
          roster={control.roster}
          groups={control.settings?.groups ?? []}
          follow={follow}
        />
      </div>
    )
  return layout ? layout(shown, cards) : shown
}

/** Every card's text in large type: shown while the board's code loads, or if it cannot. */
function BoardPreview({ board }: { board: BoardState }) {
  return (
    <ul className="projector-preview" aria-label="Ideas on the board">
      {board.cards.map((card) => (
        <li key={card.id}>{card.text}</li>
      ))}
    </ul>
  )
}
