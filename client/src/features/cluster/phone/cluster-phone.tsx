// Clustering on the participant's device: adding ideas while adding is open, a reminder of
// drafts not revealed, and the board to sort: on a phone as lists with a "move to" choice per
// card, on a wide screen the desktop board with drag and drop (loaded only there, so that it
// stays out of what a phone downloads).
import { countLabel, presenceCount } from '../../../board/board-lists'
import { IdeaEntry } from '../../../board/idea-entry'
import { LazyClusterBoard } from '../../../board/lazy-cluster-board'
import { LockNote, PhoneBoard } from '../../../board/phone-board'
import { removedIdeaText } from '../../../board/undo-model'
import { useRemovedIdeas } from '../../../board/use-removed-ideas'
import type { PhonePartProps } from '../../../lib/phase-parts'
import { useBoardState, usePrivateState } from '../../../sync/use-doc-states'
import { useAwarenessStates } from '../../../sync/use-workshop-doc'

export default function ClusterPhone({
  workshopId,
  token,
  participantId,
  control,
  own,
  board,
  wide,
}: PhonePartProps) {
  const { drafts, mine } = usePrivateState(own.doc)
  const boardState = useBoardState(board.doc)
  const peers = useAwarenessStates(board.connection)
  const { collect, boardLocked: locked } = control
  const groups = control.settings?.groups ?? []
  const removed = useRemovedIdeas(board.doc, mine, boardState)
  return (
    <>
      <div className="removed-ideas" role="status">
        {removed.map((idea) => (
          <p key={idea.id} className="alert">
            {removedIdeaText(idea)}
          </p>
        ))}
      </div>
      {collect === 'open' && (
        <IdeaEntry
          workshopId={workshopId}
          token={token}
          control={control}
          privateDoc={own.doc}
          drafts={drafts}
          drafting={false}
        />
      )}
      {collect === 'silent' && drafts.length > 0 && (
        <p className="muted">
          {countLabel(drafts.length, 'draft')} of yours not revealed: only you can see them.
        </p>
      )}
      {wide ? (
        <LazyClusterBoard
          loading={<p className="muted">Loading the board…</p>}
          failed={
            <p className="alert alert--error">
              The board could not be loaded. Reload the page to try again.
            </p>
          }
          doc={board.doc}
          connection={board.connection}
          role="participant"
          mine={mine}
          locked={locked}
          roster={control.roster}
          groups={groups}
        />
      ) : (
        <>
          <p className="presence">{presenceCount(peers, participantId)} on the board</p>
          <LockNote locked={locked} />
          <PhoneBoard
            doc={board.doc}
            board={boardState}
            mine={mine}
            groups={groups}
            interactive
            locked={locked}
          />
        </>
      )}
    </>
  )
}
