// Dot voting on the participant's phone: the ballot over what the board offers to vote on,
// then the results once revealed (vote-panel.tsx).
import type { PhonePartProps } from '../../../lib/phase-parts'
import { useBoardState } from '../../../sync/use-doc-states'
import { VotePanel } from './vote-panel'

export default function VotingPhone({ control, controlDoc, own, board }: PhonePartProps) {
  const boardState = useBoardState(board.doc)
  return (
    <VotePanel
      controlDoc={controlDoc}
      privateDoc={own.doc}
      board={boardState}
      groups={control.settings?.groups ?? []}
      connection={own.state.kind}
    />
  )
}
