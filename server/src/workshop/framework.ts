// Adopting the framework's weights: the facilitator's chosen points (adjustable from the
// revealed aggregate) are clamped like a proposal, written into control as the server's record,
// and logged with the proposals they came from — in one change, so neither exists without the other.
import {
  appendLogEvent,
  clampProposal,
  readAdoptedWeights,
  readFramework,
  readRoundResult,
  setAdoptedWeights,
  weightProposals,
  type AdoptedWeights,
  type WorkshopId,
} from '@triage/shared'
import { HttpError } from '../http-error.js'
import type { Rooms } from '../sync/rooms.js'

/** Adopts `weights` (any positive points; rescaled to 100) as the framework's weights. */
export async function adoptWeights(
  rooms: Pick<Rooms, 'change'>,
  workshopId: WorkshopId,
  body: { readonly weights: Readonly<Record<string, number>>; readonly basis: 'groups' | 'people' },
  now: number,
): Promise<AdoptedWeights> {
  return rooms.change({ workshopId, kind: 'control' }, (doc) => {
    const framework = readFramework(doc)
    if (!framework) throw new HttpError(409, 'conflict', 'Set up the criteria first')
    const weights = clampProposal(
      body.weights,
      framework.criteria.map((c) => c.id),
    )
    if (Object.keys(weights).length === 0) {
      throw new HttpError(400, 'bad_request', 'Give at least one criterion a positive weight')
    }
    const revealed = readRoundResult(doc, weightProposals)
    const adopted: AdoptedWeights = {
      weights,
      basis: body.basis,
      at: now,
      proposals: revealed?.n ?? 0,
      consensus: revealed?.consensus ?? null,
    }
    setAdoptedWeights(doc, adopted)
    appendLogEvent(doc, {
      type: 'weights-adopted',
      at: now,
      weights: framework.criteria.map((c) => ({ criterion: c.name, points: weights[c.id] ?? 0 })),
      basis: adopted.basis,
      proposals: adopted.proposals,
      consensus: adopted.consensus,
    })
    return readAdoptedWeights(doc) ?? adopted
  })
}
