// The console of a phase whose own work is not built yet (impact vs effort, weighing,
// deciding): the board's lock, and the vote results so far, which stay in view. A phase's own
// feature folder replaces this in the registry (app/phases.ts).
import { BoardControls } from '../../../board/board-controls'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { VoteResultsPanel } from '../../../results/vote-results-panel'
import { Section } from '../../../ui/layout'

function Main({ doc, control }: ConsolePartProps) {
  return (
    <>
      <Section title="Board" id="board-controls-heading">
        <BoardControls doc={doc} control={control} />
      </Section>
      <VoteResultsPanel doc={doc} groups={control.settings?.groups ?? []} />
    </>
  )
}

const resultsSoFar: ConsolePart = { Main }
export default resultsSoFar
