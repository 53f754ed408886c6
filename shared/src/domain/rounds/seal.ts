// Sealing and revealing a round, for any kind: close clamps each participant's input against
// the context as it is at close and keeps both; reveal clamps the sealed inputs again (clamp is
// idempotent) and aggregates them. Nothing read after close enters a result.
import type { RoundSealSummary } from '../../schema/rounds.js'
import { roundKindIdSchema } from '../../schema/rounds.js'
import type { Group } from '../../schema/workshop.js'
import { z } from '../../schema/zod.js'
import {
  hasSubmitted,
  type RoundKind,
  type RoundParticipant,
  type SealedRound,
} from './round-kind.js'

/** What close found in one participant's private document: anything, or nothing readable. */
export type RawInput = { readonly raw: unknown } | { readonly unreadable: true }

export interface SealRequest<Settings, Context> {
  readonly settings: Settings
  readonly context: Context
  readonly closedAt: number
  /** Everyone on the roster at close, in roster order, with what their document held. */
  readonly participants: readonly {
    readonly participant: RoundParticipant
    readonly found: RawInput
  }[]
}

/** Seals a round: every readable input clamped against the context, and the counts to log. */
export function sealRound<Settings, Context, Input, Result>(
  kind: RoundKind<Settings, Context, Input, Result>,
  request: SealRequest<Settings, Context>,
): { readonly seal: SealedRound<Settings, Context>; readonly summary: RoundSealSummary } {
  const inputs: [string, Input][] = []
  let unreadable = 0
  let submitted = 0
  for (const { participant, found } of request.participants) {
    if ('unreadable' in found) {
      unreadable++
      continue
    }
    const input = kind.clamp(found.raw, request.context, participant)
    inputs.push([participant.id, input])
    if (hasSubmitted(kind, input, request.context, participant)) submitted++
  }
  return {
    seal: {
      version: 3,
      round: kind.id,
      closedAt: request.closedAt,
      settings: request.settings,
      context: request.context,
      participants: request.participants.map(({ participant: p }) => ({
        id: p.id,
        name: p.name,
        group: p.group,
      })),
      // fromEntries defines own properties: an id such as `__proto__` stays data.
      inputs: Object.fromEntries(inputs),
      unreadable,
    },
    summary: { participants: request.participants.length, submitted, unreadable },
  }
}

const participantSchema = z.object({ id: z.string(), name: z.string(), group: z.string() })

/**
 * Reads a stored seal of `kind`: this shape, else the kind's older shape; null when it is
 * neither (the caller decides what a missing seal means).
 */
export function parseSeal<Settings, Context, Input, Result>(
  kind: RoundKind<Settings, Context, Input, Result>,
  json: unknown,
): SealedRound<Settings, Context> | null {
  const schema = z.object({
    version: z.literal(3),
    round: roundKindIdSchema,
    closedAt: z.number(),
    settings: kind.settingsSchema,
    context: kind.contextSchema,
    participants: z.array(participantSchema),
    // Inputs are clamped again at reveal: any value is acceptable here.
    inputs: z.record(z.string(), z.unknown()),
    unreadable: z.number().check(z.int(), z.nonnegative()),
  })
  const parsed = schema.safeParse(json)
  if (parsed.success && parsed.data.round === kind.id)
    return parsed.data as SealedRound<Settings, Context>
  return kind.readLegacySeal?.(json) ?? null
}

/** The sealed input of one participant, own properties only (null when none was sealed). */
function sealedInput(seal: SealedRound, participantId: string): unknown {
  return Object.prototype.hasOwnProperty.call(seal.inputs, participantId)
    ? seal.inputs[participantId]
    : null
}

/** Aggregates a seal: each sealed input clamped again against the sealed context. */
export function revealRound<Settings, Context, Input, Result>(
  kind: RoundKind<Settings, Context, Input, Result>,
  seal: SealedRound<Settings, Context>,
  groups: readonly Group[],
  revealedAt: number,
): Result {
  return kind.aggregate({
    settings: seal.settings,
    context: seal.context,
    inputs: seal.participants.map((participant) => ({
      participant,
      input: kind.clamp(sealedInput(seal, participant.id), seal.context, participant),
    })),
    groups,
    revealedAt,
  })
}
