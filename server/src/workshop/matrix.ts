// The 2x2's server action: adopting the revealed ratings' aggregate as the group placement, a
// decision the log records. Dragging and renaming are the facilitator's own document edits.
import {
  adoptedPositions,
  adoptMatrixPlacement,
  appendLogEvent,
  matrixRatings,
  readRoundResult,
  readRoundStatus,
  type MatrixWeighting,
  type WorkshopId,
} from '@triage/shared'
import { HttpError } from '../http-error.js'
import type { Rooms } from '../sync/rooms.js'

export interface MatrixDeps {
  readonly rooms: Pick<Rooms, 'read' | 'change'>
}

export class MatrixService {
  constructor(private readonly deps: MatrixDeps) {}

  /**
   * Writes each item's revealed medians under `weighting` as its position (items without a
   * median on both axes keep theirs), records the adoption and logs it. 409 before a reveal.
   */
  async adopt(
    workshopId: WorkshopId,
    weighting: MatrixWeighting,
    now: number,
  ): Promise<{ placed: number }> {
    const control = { workshopId, kind: 'control' } as const
    const result = await this.deps.rooms.read(control, (doc) =>
      readRoundStatus(doc, matrixRatings.id) === 'revealed'
        ? readRoundResult(doc, matrixRatings)
        : null,
    )
    if (!result) {
      throw new HttpError(409, 'conflict', 'Reveal the 2x2 ratings before adopting them')
    }
    const positions = adoptedPositions(result, weighting)
    const placed = Object.keys(positions).length
    await this.deps.rooms.change(control, (doc) => {
      adoptMatrixPlacement(doc, { at: now, weighting, positions })
      appendLogEvent(doc, { type: 'matrix-adopted', at: now, weighting, placed })
    })
    return { placed }
  }
}
