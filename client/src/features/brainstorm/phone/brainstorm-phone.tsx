// The brainstorm on the participant's phone: writing ideas (private drafts while the round is
// silent, straight onto the board while adding is open), the participant's own ideas on the
// board, which they may withdraw, and the board read-only once something is on it.
import { deleteIdea } from '@triage/shared'
import { ownIdeas } from '../../../board/board-lists'
import { IdeaEntry } from '../../../board/idea-entry'
import { LockNote, PhoneBoard } from '../../../board/phone-board'
import type { PhonePartProps } from '../../../lib/phase-parts'
import { useBoardState, usePrivateState } from '../../../sync/use-doc-states'
import { useAnnounce } from '../../../ui/announcer'
import { OwnIdeas } from './own-ideas'

export default function BrainstormPhone({
  workshopId,
  token,
  control,
  own,
  board,
}: PhonePartProps) {
  const { drafts, mine } = usePrivateState(own.doc)
  const boardState = useBoardState(board.doc)
  const announce = useAnnounce()
  const locked = control.boardLocked
  return (
    <>
      <IdeaEntry
        workshopId={workshopId}
        token={token}
        control={control}
        privateDoc={own.doc}
        drafts={drafts}
        drafting={control.collect === 'silent'}
      />
      <LockNote locked={locked} />
      <OwnIdeas
        ideas={ownIdeas(boardState, mine)}
        locked={locked}
        onWithdraw={(id) => {
          deleteIdea(board.doc, id)
          announce('Idea withdrawn from the board.')
        }}
      />
      {boardState.cards.length > 0 && (
        <PhoneBoard
          doc={board.doc}
          board={boardState}
          mine={mine}
          groups={control.settings?.groups ?? []}
          interactive={false}
          locked={locked}
        />
      )}
    </>
  )
}
