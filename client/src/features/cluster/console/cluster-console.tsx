// Clustering on the facilitator's console: the board is the work now, so it comes first and
// at full width, with the lock and open adding beside its heading; candidate items below.
import { BoardArea } from '../../../board/board-area'
import { BoardControls } from '../../../board/board-controls'
import { ItemsPanel } from '../../../board/items-panel'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'

function Above({ workshopId, token, doc, control }: ConsolePartProps) {
  return (
    <BoardArea
      workshopId={workshopId}
      token={token}
      control={control}
      toolbar={<BoardControls doc={doc} control={control} openAdding />}
    />
  )
}

function Main({ workshopId, token }: ConsolePartProps) {
  return <ItemsPanel workshopId={workshopId} token={token} />
}

const clusterConsole: ConsolePart = { Above, Main }
export default clusterConsole
