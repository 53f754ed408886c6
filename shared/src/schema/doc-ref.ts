// Which of a workshop's documents: the shared board, the control document, or one
// participant's private document. Names on the wire are built in protocol/doc-names.ts.
import type { ParticipantId, WorkshopId } from './ids.js'

export type DocRef =
  | { workshopId: WorkshopId; kind: 'board' }
  | { workshopId: WorkshopId; kind: 'control' }
  | { workshopId: WorkshopId; kind: 'private'; participantId: ParticipantId }
