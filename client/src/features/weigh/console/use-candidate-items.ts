// The board's candidate items as the facilitator's tables list them (consensus scores, RICE,
// MoSCoW): every item, as the 2x2 and the scores round take them by default.
import { useMemo } from 'react'
import { DEFAULT_SCORES_SETTINGS, matrixItems } from '@triage/shared'
import { useBoardState } from '../../../sync/use-doc-states'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'

export function useCandidateItems(
  workshopId: string,
  token: string,
): { readonly key: string; readonly label: string }[] {
  const boardDoc = useWorkshopDoc(workshopId, 'board', token).doc
  const board = useBoardState(boardDoc)
  return useMemo(
    () =>
      matrixItems(DEFAULT_SCORES_SETTINGS, board, null).map((i) => ({
        key: i.key,
        label: i.label,
      })),
    [board],
  )
}
