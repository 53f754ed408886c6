// The body and answer of `POST /api/workshops/:id/done`: a participant says "I'm done" with a
// step (or takes it back). The step is the one their screen shows, so a mark never lands on a
// step that opened after they pressed.
import { doneStepSchema } from '../schema/done.js'
import { z } from '../schema/zod.js'

export const doneBodySchema = z.object({
  step: doneStepSchema,
  done: z.boolean(),
})
export type DoneBody = z.infer<typeof doneBodySchema>

export interface DoneResponse {
  readonly step: string
  readonly done: boolean
}
