// The silent brainstorm on the facilitator's console: the timer and the reveal side by side,
// each participant's progress (counts, never text), and below, at full width, the board once
// something is on it, then candidate items.
import { BoardArea } from '../../../board/board-area'
import { ItemsPanel } from '../../../board/items-panel'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { ProgressPanel } from './progress-panel'
import { RevealControls } from './reveal-controls'
import { TimerControls } from './timer-controls'

function Main({ workshopId, token, doc, control, groups }: ConsolePartProps) {
  return (
    <>
      <section className="card brainstorm-panel" aria-labelledby="brainstorm-heading">
        <h2 id="brainstorm-heading" className="card__title">
          Silent brainstorm
        </h2>
        <div className="brainstorm-panel__grid">
          <TimerControls workshopId={workshopId} token={token} timer={control.timer} />
          <RevealControls workshopId={workshopId} token={token} doc={doc} control={control} />
        </div>
      </section>
      <ProgressPanel groups={groups} progress={control.progress} />
    </>
  )
}

function Below({ workshopId, token, control }: ConsolePartProps) {
  return (
    <>
      <BoardArea
        workshopId={workshopId}
        token={token}
        control={control}
        emptyNote="Ideas appear here once you reveal them."
      />
      {/* Adding prepared items is occasional: after the board, not above it. */}
      <ItemsPanel workshopId={workshopId} token={token} />
    </>
  )
}

const brainstormConsole: ConsolePart = { Main, Below }
export default brainstormConsole
