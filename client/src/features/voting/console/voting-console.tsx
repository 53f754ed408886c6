// Dot voting on the facilitator's console: the voting panel (settings, the round's steps,
// progress, results), and the board's lock, so that the items do not change under the voters.
import { BoardControls } from '../../../board/board-controls'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'
import { Section } from '../../../ui/layout'
import { VotingPanel } from './voting-panel'

function Main({ workshopId, token, doc, control, groups }: ConsolePartProps) {
  return (
    <>
      <VotingPanel
        workshopId={workshopId}
        token={token}
        doc={doc}
        control={control}
        groups={groups}
      />
      <Section title="Board" id="board-controls-heading">
        <p className="hint">
          Lock the board while people vote, so that the items do not change under them.
        </p>
        <BoardControls doc={doc} control={control} />
      </Section>
    </>
  )
}

const votingConsole: ConsolePart = { Main }
export default votingConsole
