// The brainstorm on the projector: the countdown and how many ideas are drafted (never their
// text) beside the join details, and below, the board once ideas are revealed onto it.
import { ProjectorSharedBoard } from '../../../board/projector-shared-board'
import type { ProjectorPartProps } from '../../../lib/phase-parts'
import { useAnnounce } from '../../../ui/announcer'
import { Countdown } from '../../../ui/countdown'
import { timeUpNews } from '../../../ui/workshop-news'
import { draftCount, draftedLine } from './brainstorm-count'

export default function BrainstormProjector({
  workshopId,
  token,
  control,
  frame,
}: ProjectorPartProps) {
  const announce = useAnnounce()
  return frame({
    status: (
      <section className="projector-brainstorm" aria-label="Brainstorm">
        <Countdown
          timer={control.timer}
          size="large"
          onTimeUp={(timer) => announce(timeUpNews(timer, 'projector'), 'assertive')}
        />
        <p className="projector-brainstorm__count">{draftedLine(draftCount(control.progress))}</p>
        <p className="muted">
          {control.collect === 'open'
            ? 'Ideas go straight to the board.'
            : 'Write your ideas on your phone. Nobody sees them until they are revealed.'}
        </p>
      </section>
    ),
    below: (
      // Off screen until the first reveal.
      <ProjectorSharedBoard workshopId={workshopId} token={token} control={control} hideWhenEmpty />
    ),
  })
}
