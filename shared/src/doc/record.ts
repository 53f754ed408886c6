// Assembles the workshop record from the Yjs documents: the control document (settings, roster,
// phase, voting, revealed results, log) and the board. The one place an export reads Yjs.
import type * as Y from 'yjs'
import { buildWorkshopRecord, type SealedBallot } from '../domain/export/build-record.js'
import type { WorkshopRecord } from '../schema/record.js'
import { readBoard } from './board.js'
import { readControl } from './control.js'
import { readResults, readVoting } from './voting.js'

/** What the documents do not hold: the server's directory and sealed store, and the time. */
export interface RecordContext {
  readonly workshopId: string
  /** Server time of the export. */
  readonly exportedAt: number
  readonly createdAt?: number | null
  readonly closedAt?: number | null
  /** Every participant sealed when voting closed, with their votes (server-only storage). */
  readonly sealedBallots?: readonly SealedBallot[] | null
}

/**
 * The record of a workshop as its documents hold it now. Readers validate, so whatever a
 * document holds that does not parse is left out, as on every screen.
 */
export function assembleWorkshopRecord(
  control: Y.Doc,
  board: Y.Doc,
  context: RecordContext,
): WorkshopRecord {
  const c = readControl(control)
  return buildWorkshopRecord({
    workshopId: context.workshopId,
    exportedAt: context.exportedAt,
    createdAt: context.createdAt ?? null,
    closedAt: context.closedAt ?? null,
    settings: c.settings,
    phase: c.phase,
    roster: c.roster,
    board: readBoard(board),
    voting: readVoting(control, c.settings),
    results: readResults(control),
    sealedBallots: context.sealedBallots ?? null,
    log: c.log.map((entry) => entry.event),
  })
}
