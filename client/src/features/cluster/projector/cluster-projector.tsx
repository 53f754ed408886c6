// Clustering on the projector: the shared board takes the whole screen, following the
// facilitator's view, with a note while it is locked.
import { ProjectorSharedBoard } from '../../../board/projector-shared-board'
import type { ProjectorPartProps } from '../../../lib/phase-parts'
import { LockIcon } from '../../../ui/lock-icon'

export default function ClusterProjector({
  workshopId,
  token,
  control,
  frame,
}: ProjectorPartProps) {
  return frame({
    fullScreen: (
      <>
        {control.boardLocked && (
          <p className="projector-locked">
            <LockIcon /> The board is locked
          </p>
        )}
        <ProjectorSharedBoard workshopId={workshopId} token={token} control={control} />
      </>
    ),
  })
}
