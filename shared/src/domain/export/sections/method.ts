// "Method and settings": which steps the workshop ran, and with which rules.
import type { VotingSettings } from '../../../schema/voting.js'
import { paragraph, strong, type Block, type ListItem } from '../document.js'
import { formatDuration, plural } from '../format.js'
import type { SectionContext, SectionSpec } from './context.js'

const VOTE_ON = {
  themes: 'clusters and the ideas in no cluster (each idea once)',
  clusters: 'clusters',
  ideas: 'single ideas',
  both: 'clusters and single ideas',
}

/** The voting rules in one sentence (as the log's settings summary says them). */
export function votingRules(s: VotingSettings): string {
  return `${plural(s.dotBudget, 'dot')} per participant, at most ${s.maxDotsPerItem} on one item, on ${VOTE_ON[s.voteOn]}; ${s.anonymous ? 'anonymous' : 'open (who voted where is recorded)'}`
}

function brainstorm({ record, ideas }: SectionContext): ListItem | null {
  const reveals = record.log.filter((e) => e.type === 'reveal')
  const openMode = record.log.some((e) => e.type === 'collect' && e.mode === 'open')
  const fromParticipants = ideas.ideas - ideas.facilitatorItems
  if (reveals.length === 0 && !openMode && fromParticipants === 0) return null
  const rounds = new Set(reveals.map((e) => e.round)).size
  const timers = record.log.flatMap((e) => (e.type === 'timer' ? [e.durationMs] : []))
  const parts = [
    reveals.length > 0
      ? `Silent brainstorming: everyone wrote ideas privately; nobody saw them until the facilitator revealed them (${plural(Math.max(rounds, 1), 'round')})`
      : 'Ideas were collected on the shared board',
  ]
  if (openMode) parts.push('for a time ideas went straight onto the shared board')
  if (timers.length > 0) parts.push(`timed (${timers.map(formatDuration).join(', ')})`)
  return { content: [strong('Brainstorm. '), `${parts.join('; ')}.`] }
}

/** The steps after the vote, each named only when the workshop took it. */
function laterSteps({ record }: SectionContext): ListItem[] {
  const steps: ListItem[] = []
  const { matrix, framework, decisions } = record
  const rated = matrix !== undefined && matrix.status !== 'setup'
  if (rated || (matrix?.adoption ?? null) !== null) {
    steps.push({
      content: [
        strong('Impact vs effort. '),
        `${rated ? 'Participants rated items for impact and effort on their phones, hidden until the reveal; the results show each item’s median and spread, per stakeholder group, with split opinion flagged' : 'The group placed the items by impact and effort'}${matrix?.adoption ? '. The facilitator adopted the revealed ratings as the group placement' : ''}.`,
      ],
    })
  }
  if (framework?.framework) {
    const parts = [
      `${plural(framework.framework.criteria.length, 'criterion', 'criteria')} were set up`,
    ]
    if (framework.weights.status !== 'setup') {
      parts.push('participants proposed weights on their phones, hidden until the reveal')
    }
    if (framework.adopted) parts.push('the facilitator adopted final weights')
    if (framework.scores.status !== 'setup') {
      parts.push('participants scored the items on each criterion, hidden until the reveal')
    } else if (framework.consensusScores) {
      parts.push('the room agreed a score for each item on each criterion')
    }
    steps.push({ content: [strong('Value framework. '), `${parts.join('; ')}.`] })
  }
  if (decisions && decisions.list.length > 0) {
    const asked = decisions.consent.status !== 'setup'
    steps.push({
      content: [
        strong('Decisions. '),
        `The facilitator wrote down each decision with its rationale, conditions and dissent${asked ? '; participants said, hidden until the reveal, whether they can live with each one' : ''}.`,
      ],
    })
  }
  return steps
}

export const methodSection: SectionSpec = {
  id: 'method',
  title: 'Method and settings',
  build(ctx) {
    const { record, ideas } = ctx
    const steps: ListItem[] = [
      {
        content: [
          strong('Set-up. '),
          `Stakeholder groups: ${record.workshop.groups.map((g) => g.name).join(', ') || 'none'}. Participants joined without an account, each in one group.`,
        ],
      },
    ]
    const brainstormStep = brainstorm(ctx)
    if (brainstormStep) steps.push(brainstormStep)
    if (ideas.facilitatorItems > 0) {
      steps.push({
        content: [
          strong('Items added. '),
          `The facilitator added ${plural(ideas.facilitatorItems, 'item')} to the board.`,
        ],
      })
    }
    if (ideas.ideas > 0) {
      const clustered = ideas.clusters.filter((c) => c.id !== null).length
      steps.push({
        content: [
          strong('Clustering. '),
          `The group sorted the ideas into ${plural(clustered, 'cluster')} on a shared board and merged ${plural(ideas.merged, 'duplicate')} into the ideas they repeated.`,
        ],
      })
    }
    const voting = record.voting
    if (voting.status !== 'setup' || voting.results) {
      const settings = voting.results?.settings ?? voting.settings
      steps.push({
        content: [
          strong('Dot voting. '),
          `${votingRules(settings)}. Votes stayed hidden until voting closed; the results were then revealed in total and per stakeholder group.`,
        ],
      })
    }
    steps.push(...laterSteps(ctx))
    const blocks: Block[] = [{ kind: 'list', items: steps }]
    blocks.push(
      paragraph(
        'Each step is in the decision log at the end of this document, with the time it happened.',
      ),
    )
    return blocks
  },
}
