// Consent to a recorded decision: a participant's answer, and the counts the consent round
// reveals per decision and stakeholder group (never who said what).
import { z } from './zod.js'

/** A participant's answer to a decision. */
export const CONSENT_ANSWERS = ['accept', 'object'] as const
export const consentAnswerSchema = z.enum(CONSENT_ANSWERS)
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>

const count = z.number().check(z.int(), z.nonnegative())

/** One group's consent to one decision. */
export const groupConsentSchema = z.object({
  group: z.string(),
  /** "I can live with it". */
  accept: count,
  /** "I object". */
  object: count,
  /** Members of the group sealed at close (those who said nothing are the rest). */
  members: count,
})
export type GroupConsent = z.infer<typeof groupConsentSchema>

/** Consent to one decision, in total and per stakeholder group. */
export const decisionConsentSchema = z.object({
  decision: z.string(),
  item: z.string(),
  title: z.string(),
  accept: count,
  object: count,
  groups: z.array(groupConsentSchema),
})
export type DecisionConsent = z.infer<typeof decisionConsentSchema>

/** What the consent round reveals: counts only, never who said what. */
export const consentResultSchema = z.object({
  revealedAt: z.number(),
  decisions: z.array(decisionConsentSchema),
  /** Participants who answered at least one decision. */
  participants: count,
})
export type ConsentResult = z.infer<typeof consentResultSchema>
