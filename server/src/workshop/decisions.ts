// The decide phase's server actions: recording a decision in the decision log as it stands (the
// facilitators edit it live in the control document; recording is the act the log keeps, with
// what changed since the last time) and withdrawing one. Consent is a sealed round (rounds.ts).
import {
  appendLogEvent,
  decisionIdSchema,
  readControl,
  readDecisions,
  removeDecision,
  type LogEvent,
  type WorkshopId,
} from '@triage/shared'
import { decisionLogEvent, lastRecorded } from '@triage/shared/decide'
import { HttpError } from '../http-error.js'
import type { Rooms } from '../sync/rooms.js'

export interface DecisionDeps {
  readonly rooms: Pick<Rooms, 'change'>
}

/** What recording did: logged the decision first, logged what changed, or nothing changed. */
export type RecordOutcome = 'recorded' | 'changed' | 'unchanged'

const notFound = () => new HttpError(404, 'not_found', 'There is no such decision')

export class DecisionService {
  constructor(private readonly deps: DecisionDeps) {}

  /** Logs the decision as it stands now (read and logged in one change of the control document). */
  async record(workshopId: WorkshopId, decisionId: string, now: number): Promise<RecordOutcome> {
    if (!decisionIdSchema.safeParse(decisionId).success) throw notFound()
    return this.deps.rooms.change({ workshopId, kind: 'control' }, (doc) => {
      const decision = readDecisions(doc).find((d) => d.id === decisionId)
      if (!decision) throw notFound()
      const log = readControl(doc).log.map((e) => e.event)
      const event: LogEvent | null = decisionLogEvent(decision, log, now)
      if (!event) return 'unchanged'
      appendLogEvent(doc, event)
      return event.type === 'decision-recorded' ? 'recorded' : 'changed'
    })
  }

  /** Removes a decision; logs the withdrawal when it had been recorded. */
  async withdraw(workshopId: WorkshopId, decisionId: string, now: number): Promise<void> {
    if (!decisionIdSchema.safeParse(decisionId).success) throw notFound()
    await this.deps.rooms.change({ workshopId, kind: 'control' }, (doc) => {
      const decision = readDecisions(doc).find((d) => d.id === decisionId)
      const log = readControl(doc).log.map((e) => e.event)
      const recorded = lastRecorded(log, decisionId)
      if (!decision && !recorded) throw notFound()
      removeDecision(doc, decisionId)
      if (recorded) {
        appendLogEvent(doc, {
          type: 'decision-withdrawn',
          at: now,
          decision: decisionId,
          title: decision?.title ?? recorded.title,
        })
      }
    })
  }
}
