// The decide phase's part of the workshop record: the decisions as they stand, the consent as
// revealed, and the sealed answers under pseudonyms — kept only when `tallyConsent` over them
// gives the revealed counts exactly, so every consent figure is recomputable from the JSON.
import type { ConsentResult, Decision } from '../../schema/decision.js'
import type { RecordConsentBallot, RecordDecisions } from '../../schema/record.js'
import type { RoundStatus } from '../../schema/rounds.js'
import { clampConsent, tallyConsent } from '../decide/consent.js'
import { pseudonymous } from './pseudonyms.js'

/** One sealed participant's consent, as the server's sealed store holds it (any content). */
export interface SealedConsent {
  readonly group: string
  readonly answers: unknown
}

export interface DecisionSources {
  readonly list: readonly Decision[]
  readonly status: RoundStatus
  /** The revealed counts, or null. */
  readonly result: ConsentResult | null
  /** Every participant sealed at close, with their answers; null when not available. */
  readonly sealed: readonly SealedConsent[] | null
}

/** The record's decisions; `groupOrder` is the workshop's groups, in order. */
export function recordDecisions(
  src: DecisionSources,
  groupOrder: readonly string[],
): RecordDecisions {
  const ballots =
    src.result && src.sealed ? consentBallots(src.result, src.sealed, groupOrder) : null
  return {
    // Keys in the schema's order, so the JSON reads back and is written again byte for byte.
    list: src.list.map((d) => ({
      id: d.id,
      item: d.item,
      title: d.title,
      order: d.order,
      conditions: d.conditions,
      dissent: d.dissent.map((x) => ({ group: x.group, words: x.words })),
      questions: d.questions,
      owner: d.owner,
      review: d.review,
      rationale: d.rationale,
    })),
    consent: { status: src.status, result: src.result, ballots },
  }
}

/** `tallyConsent` over pseudonymous ballots, on the revealed result's decisions. */
export function tallyConsentBallots(
  result: ConsentResult,
  ballots: readonly RecordConsentBallot[],
  groupOrder: readonly string[],
): ConsentResult {
  const decisions = result.decisions.map((d) => ({ id: d.decision, item: d.item, title: d.title }))
  return tallyConsent(
    decisions,
    ballots.map((b) => ({ group: b.group, answers: b.answers })),
    groupOrder,
    result.revealedAt,
  )
}

function consentBallots(
  result: ConsentResult,
  sealed: readonly SealedConsent[],
  groupOrder: readonly string[],
): RecordConsentBallot[] | null {
  const decisions = result.decisions.map((d) => ({ id: d.decision, item: d.item, title: d.title }))
  const counted = sealed.map((b) => {
    const answers = clampConsent(b.answers, decisions)
    return { group: b.group, answers, key: JSON.stringify(Object.entries(answers)) }
  })
  const list = pseudonymous(counted, 'C', groupOrder).map((b) => ({
    voter: b.pseudonym,
    group: b.group,
    answers: b.answers,
  }))
  const again = tallyConsentBallots(result, list, groupOrder)
  return JSON.stringify(again) === JSON.stringify(result) ? list : null
}
