// "I'm done" in the control document: the `done` root, one mark per participant id, written
// only by the server (the control guard refuses every client). Readers validate each mark.
import type * as Y from 'yjs'
import { doneMarkSchema, type DoneMark } from '../schema/done.js'
import { roundStatusSchema, type RoundStatus } from '../schema/rounds.js'
import { z } from '../schema/zod.js'
import { inputStep, PHASE_ROUND_KINDS } from '../domain/done.js'
import { readSessionMarks } from './control.js'
import { roundLayout } from './rounds.js'

/** The control document's root holding the marks (server-only: doc/control-guard.ts). */
export const DONE_ROOT = 'done'

/** Every valid mark, by participant id. */
export function readDoneMarks(doc: Y.Doc): Record<string, DoneMark> {
  const marks: Record<string, DoneMark> = {}
  doc.getMap(DONE_ROOT).forEach((value, id) => {
    const parsed = doneMarkSchema.safeParse(value)
    if (parsed.success) marks[id] = parsed.data
  })
  return marks
}

/** The current input step (domain/done.ts `inputStep`) as the control document says it. */
export function readInputStep(doc: Y.Doc): string | null {
  const { phase, round } = readSessionMarks(doc)
  const rounds = new Map<string, { status: RoundStatus; openedAt: number | null }>()
  for (const kind of PHASE_ROUND_KINDS[phase] ?? []) {
    const m = doc.getMap<unknown>(roundLayout(kind).control)
    const openedAt = m.get('openedAt')
    rounds.set(kind, {
      status: z.catch(roundStatusSchema, 'setup').parse(m.get('status')),
      openedAt: typeof openedAt === 'number' && Number.isFinite(openedAt) ? openedAt : null,
    })
  }
  return inputStep({ phase, round, rounds })
}

/** Server: marks a participant done with a step, or (null) takes the mark back. */
export function setDoneMark(
  doc: Y.Doc,
  participantId: string,
  mark: DoneMark | null,
  origin?: unknown,
): void {
  doc.transact(() => {
    const m = doc.getMap(DONE_ROOT)
    if (mark) m.set(participantId, { ...mark })
    else if (m.has(participantId)) m.delete(participantId)
  }, origin)
}
