// "Decisions": each decision with its rationale, conditions, the dissent of each group in their
// words and the figures that show it (that group's votes, its rank with its own weights, the
// weights it proposed), open questions, owner, review date,
// and the consent to it per stakeholder group, as revealed.
import type { Decision, DecisionConsent } from '../../../schema/decision.js'
import type { WorkshopRecord } from '../../../schema/record.js'
import type { RecordFramework } from '../../../schema/record-framework.js'
import { describeConsent } from '../../decide/consent.js'
import { describeGroupFigures, groupFigures } from '../../decide/figures.js'
import type { FrameworkStanding } from '../../decide/selection.js'
import { groupRankings, weightedRanking } from '../../framework/scores.js'
import { heading, paragraph, strong, type Block } from '../document.js'
import { ordinal, plural } from '../format.js'
import type { SectionContext, SectionSpec } from './context.js'
import { frameworkInputFromRecord } from './framework.js'

/**
 * Where the items stood in the value framework, from the record: the ranking the framework
 * section shows (adopted weights) and each group's with its own weights; null without one, and
 * when the items were ranked by RICE instead (the section then shows no weighted ranking).
 */
export function standingFromRecord(
  fw: RecordFramework | null | undefined,
): FrameworkStanding | null {
  if (fw?.method === 'rice') return null
  const input = fw ? frameworkInputFromRecord(fw) : null
  if (!fw?.adopted || !input) return null
  const keys = input.items.map((i) => i.key)
  const criteria = [...input.criteria]
  return {
    criteria: criteria.map((c) => ({ id: c.id, name: c.name })),
    ranking: weightedRanking(keys, criteria, input.weights, input.scores),
    labels: Object.fromEntries(input.items.map((i) => [i.key, i.label])),
    groupRankings: groupRankings(keys, criteria, input.groups, input.scores),
    groupWeights: Object.fromEntries(input.groups.map((g) => [g.id, g.weights])),
    adopted: fw.adopted,
  }
}

/** The text's paragraphs (blank lines apart); none for empty text. */
const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')

function consentLine(record: WorkshopRecord): string {
  const consent = record.decisions?.consent
  switch (consent?.status) {
    case 'revealed':
      return 'Participants were asked, on each decision, whether they can live with it or object. Answers stayed hidden until the facilitator revealed them, and are counted per stakeholder group; nobody’s answer is attributed.'
    case 'open':
    case 'closed':
      return 'Participants were asked whether they can live with each decision; their answers have not been revealed yet.'
    default:
      return 'Participants have not been asked for their consent to the decisions.'
  }
}

function consentTable(ctx: SectionContext, consent: DecisionConsent): Block[] {
  const silent = (m: number, a: number, o: number) => String(m - a - o)
  const members = consent.groups.reduce((s, g) => s + g.members, 0)
  return [
    paragraph(strong('Consent: '), `${describeConsent({ ...consent, members })}.`),
    {
      kind: 'table',
      columns: [
        { label: 'Consent by group' },
        { label: 'Can live with it', align: 'right' },
        { label: 'Object', align: 'right' },
        { label: 'No answer', align: 'right' },
      ],
      rows: [
        ...consent.groups.map((g) => [
          ctx.groupName(g.group),
          String(g.accept),
          String(g.object),
          silent(g.members, g.accept, g.object),
        ]),
        [
          'All groups',
          String(consent.accept),
          String(consent.object),
          silent(members, consent.accept, consent.object),
        ],
      ],
    },
  ]
}

function decisionBlocks(
  ctx: SectionContext,
  d: Decision,
  consent: DecisionConsent | null,
  framework: FrameworkStanding | null,
  draft: boolean,
): Block[] {
  const rationale = paragraphsOf(d.rationale)
  const blocks: Block[] = [
    heading(d.title),
    ...(draft ? [paragraph(strong('Draft: '), 'not recorded in the decision log.')] : []),
    ...(rationale.length === 0
      ? [paragraph(strong('Rationale: '), 'None was written.')]
      : rationale.map((p, i) => (i === 0 ? paragraph(strong('Rationale: '), p) : paragraph(p)))),
    {
      kind: 'facts',
      entries: [
        ['Conditions or mitigations', d.conditions.trim() || 'None'],
        ['Open questions', d.questions.trim() || 'None'],
        ['Owner', d.owner.trim() || 'Not named'],
        ['Review date', d.review || 'Not set'],
      ],
    },
  ]
  if (d.dissent.length === 0) {
    blocks.push(paragraph('No stakeholder group recorded dissent.'))
  } else {
    const votes = ctx.record.voting.results
    blocks.push({
      kind: 'table',
      columns: [
        { label: 'Dissenting group' },
        { label: 'In their words' },
        { label: 'The figures' },
      ],
      rows: d.dissent.map((x) => [
        ctx.groupName(x.group),
        x.words.trim() || '(not stated)',
        describeGroupFigures(groupFigures(d.item, x.group, { votes, framework }), ordinal),
      ]),
    })
  }
  if (consent) blocks.push(...consentTable(ctx, consent))
  return blocks
}

export const decisionsSection: SectionSpec = {
  id: 'decisions',
  title: 'Decisions',
  build(ctx) {
    const list = ctx.record.decisions?.list ?? []
    if (list.length === 0) return [paragraph('No decision has been recorded yet.')]
    const result = ctx.record.decisions?.consent.result ?? null
    const byId = new Map(result?.decisions.map((c) => [c.decision, c]))
    const framework = standingFromRecord(ctx.record.framework)
    // Recorded: the facilitator put it in the decision log. A decision still being written is
    // shown as a draft, so that a reader never takes it for one the room settled.
    const recorded = new Set(
      ctx.record.log.flatMap((e) =>
        e.type === 'decision-recorded' || e.type === 'decision-changed' ? [e.decision] : [],
      ),
    )
    const drafts = list.filter((d) => !recorded.has(d.id)).length
    const count =
      drafts === 0
        ? `${plural(list.length, 'decision')} recorded.`
        : `${plural(list.length, 'decision')}: ${list.length - drafts} recorded in the decision log, ${drafts} still a draft.`
    return [
      paragraph(`${count} ${consentLine(ctx.record)}`),
      ...list.flatMap((d) =>
        decisionBlocks(ctx, d, byId.get(d.id) ?? null, framework, !recorded.has(d.id)),
      ),
    ]
  },
}
