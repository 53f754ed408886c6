// Set-up on the facilitator's console: candidate items can go onto the board before anyone
// brainstorms. (The invite, in full while people join, is the console's own: app/phases.ts.)
import { ItemsPanel } from '../../../board/items-panel'
import type { ConsolePart, ConsolePartProps } from '../../../lib/phase-parts'

function Main({ workshopId, token }: ConsolePartProps) {
  return <ItemsPanel workshopId={workshopId} token={token} />
}

const setupConsole: ConsolePart = { Main }
export default setupConsole
