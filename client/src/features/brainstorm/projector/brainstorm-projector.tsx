// The brainstorm on the projector: the countdown and how many ideas are drafted (never their
// text) beside the join details; once ideas are revealed, the board on the whole screen.
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
  const status = (compact: boolean) => (
    <section
      className={
        compact ? 'projector-brainstorm projector-brainstorm--compact' : 'projector-brainstorm'
      }
      aria-label="Brainstorm"
    >
      <Countdown
        timer={control.timer}
        size={compact ? 'normal' : 'large'}
        onTimeUp={(timer) => announce(timeUpNews(timer, 'projector'), 'assertive')}
      />
      <p className="projector-brainstorm__count">{draftedLine(draftCount(control.progress))}</p>
      <p className="muted">
        {control.collect === 'open'
          ? 'Ideas go straight to the board.'
          : 'Write your ideas on your phone. Nobody sees them until they are revealed.'}
      </p>
    </section>
  )
  return (
    <ProjectorSharedBoard
      workshopId={workshopId}
      token={token}
      control={control}
      hideWhenEmpty
      layout={(board, cards) =>
        // Once ideas are on the board it takes the screen, as in the cluster phase, with the
        // countdown and the count on one line above it.
        cards > 0
          ? frame({
              fullScreen: (
                <>
                  {status(true)}
                  {board}
                </>
              ),
            })
          : frame({ status: status(false), below: board })
      }
    />
  )
}
