// Consent as a round kind: for each recorded decision, each participant answers "I can live
// with it" or "I object" in their private document; the decisions (id, item, title) are fixed at
// close; the reveal publishes counts per decision and stakeholder group, never who said what.
import {
  consentAnswerSchema,
  consentResultSchema,
  type ConsentResult,
} from '../../schema/consent.js'
import { z } from '../../schema/zod.js'
import {
  clampConsent,
  consentHeadline,
  tallyConsent,
  type ConsentDecision,
  type ConsentInput,
} from '../decide/consent.js'
import { defineRoundKind } from './round-kind.js'
import { ROUND_WORDS } from './words.js'

/** What consent is given on: the decisions as they were at close. */
export interface ConsentContext {
  readonly decisions: readonly ConsentDecision[]
}

export const consentRound = defineRoundKind<
  Record<string, never>,
  ConsentContext,
  ConsentInput,
  ConsentResult
>({
  id: 'consent',
  words: ROUND_WORDS.consent,
  settingsSchema: z.object({}) as unknown as z.ZodMiniType<Record<string, never>, unknown>,
  contextSchema: z.object({
    decisions: z.array(z.object({ id: z.string(), item: z.string(), title: z.string() })),
  }),
  inputSchema: z.record(z.string(), consentAnswerSchema),
  resultSchema: consentResultSchema,
  defaultSettings: () => ({}),
  context: (_settings, world) => ({
    decisions: (world.decisions ?? []).map((d) => ({ id: d.id, item: d.item, title: d.title })),
  }),
  cannotOpen: (context) =>
    context.decisions.length > 0 ? null : 'Add a decision before asking for consent',
  clamp: (raw, context) => clampConsent(raw, context.decisions),
  progress: (input, context) => ({
    done: Object.keys(input).length,
    of: context.decisions.length,
  }),
  aggregate: ({ context, inputs, groups, revealedAt }) =>
    tallyConsent(
      context.decisions,
      inputs.map(({ participant, input }) => ({ group: participant.group, answers: input })),
      groups.map((g) => g.id),
      revealedAt,
    ),
  describeSettings: () => '“I can live with it” or “I object” on each decision',
  headline: (result) => ({ headline: consentHeadline(result), took: result.participants }),
})
