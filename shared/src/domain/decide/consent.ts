// Consent to the recorded decisions: "I can live with it" or "I object", one answer per
// decision. The clamp keeps answers to decisions that exist; the tally counts them per
// stakeholder group, every sealed member counted so that silence is visible too.
import type { ConsentAnswer, ConsentResult, DecisionConsent } from '../../schema/consent.js'

/** A decision as consent is asked for it (fixed at close). */
export interface ConsentDecision {
  readonly id: string
  readonly item: string
  readonly title: string
}

/** Decision id → answer. */
export type ConsentInput = Record<string, ConsentAnswer>

/**
 * One participant's answers as they count: only `accept` or `object`, only for the decisions
 * given, in their order. Never throws; idempotent.
 */
export function clampConsent(raw: unknown, decisions: readonly ConsentDecision[]): ConsentInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {}
  const rec = raw as Record<string, unknown>
  const out: ConsentInput = {}
  for (const d of decisions) {
    const v = Object.hasOwn(rec, d.id) ? rec[d.id] : undefined
    if (v === 'accept' || v === 'object') out[d.id] = v
  }
  return out
}

/** One sealed participant: their group and their clamped answers. */
export interface ConsentBallot {
  readonly group: string
  readonly answers: ConsentInput
}

/**
 * Counts consent per decision, in total and per group. Groups come in the workshop's order
 * (groups with sealed members only), then any other group a ballot names, sorted. Order of the
 * ballots does not matter; every ballot counts as a member of its group.
 */
export function tallyConsent(
  decisions: readonly ConsentDecision[],
  ballots: readonly ConsentBallot[],
  groupOrder: readonly string[],
  revealedAt: number,
): ConsentResult {
  const members = new Map<string, number>()
  for (const b of ballots) members.set(b.group, (members.get(b.group) ?? 0) + 1)
  const groups = [
    ...groupOrder.filter((g) => members.has(g)),
    ...[...members.keys()].filter((g) => !groupOrder.includes(g)).sort(),
  ]
  const result: DecisionConsent[] = decisions.map((d) => {
    const per = groups.map((group) => {
      let accept = 0
      let object = 0
      for (const b of ballots) {
        if (b.group !== group) continue
        const a = Object.hasOwn(b.answers, d.id) ? b.answers[d.id] : undefined
        if (a === 'accept') accept++
        else if (a === 'object') object++
      }
      return { group, accept, object, members: members.get(group) ?? 0 }
    })
    return {
      decision: d.id,
      item: d.item,
      title: d.title,
      accept: per.reduce((s, g) => s + g.accept, 0),
      object: per.reduce((s, g) => s + g.object, 0),
      groups: per,
    }
  })
  return {
    revealedAt,
    decisions: result,
    participants: ballots.filter((b) => Object.keys(b.answers).length > 0).length,
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "5 can live with it, 1 objects, 2 did not answer" for one group's or all groups' counts. */
export function describeConsent(c: { accept: number; object: number; members?: number }): string {
  const parts = [
    `${c.accept} can live with it`,
    `${c.object} ${c.object === 1 ? 'objects' : 'object'}`,
  ]
  if (c.members !== undefined) {
    const silent = c.members - c.accept - c.object
    if (silent > 0) parts.push(`${silent} did not answer`)
  }
  return parts.join(', ')
}

/** The reveal's headline: each decision's totals (at most three named, then how many more). */
export function consentHeadline(result: ConsentResult): string {
  if (result.decisions.length === 0) return 'no decisions were put to consent'
  const named = result.decisions
    .slice(0, 3)
    .map((d) => `"${d.title}": ${describeConsent(d)}`)
    .join('; ')
  const more = result.decisions.length - 3
  return more > 0 ? `${named}; and ${plural(more, 'more decision')}` : named
}
