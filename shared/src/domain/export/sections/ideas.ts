// "Ideas and clusters": what the board holds, who contributed to which cluster (where known),
// and every idea, with the duplicates merged into it.
import type { RecordIdea } from '../../../schema/record.js'
import { paragraph, type Block, type Inline, type ListItem, type TableColumn } from '../document.js'
import type { IdeaFigures } from '../figures.js'
import { plural } from '../format.js'
import type { SectionContext, SectionSpec } from './context.js'

function contributions(ctx: SectionContext): Block {
  const { ideas, record } = ctx
  const groups = ideas.attributed ? record.workshop.groups : []
  const facilitator = ideas.facilitatorItems > 0
  const unattributed = ideas.clusters.some((c) => c.unattributed > 0)
  const columns: TableColumn[] = [
    { label: 'Cluster' },
    { label: 'Ideas', align: 'right' },
    ...groups.map((g): TableColumn => ({ label: g.name, align: 'right' })),
    ...(facilitator ? [{ label: 'Facilitator', align: 'right' } as const] : []),
    ...(unattributed && ideas.attributed ? [{ label: 'Not known', align: 'right' } as const] : []),
  ]
  const rows = ideas.clusters.map((c) => [
    c.name,
    String(c.ideas),
    ...groups.map((g) => String(c.byGroup[g.id] ?? 0)),
    ...(facilitator ? [String(c.facilitator)] : []),
    ...(unattributed && ideas.attributed ? [String(c.unattributed)] : []),
  ])
  return { kind: 'table', columns, rows }
}

function ideaLine(ctx: SectionContext, idea: RecordIdea): Inline[] {
  const by =
    idea.source === 'facilitator'
      ? 'added by the facilitator'
      : idea.author !== null
        ? `${idea.author}, ${idea.group === null ? 'group not known' : ctx.groupName(idea.group)}`
        : idea.group !== null
          ? ctx.groupName(idea.group)
          : null
  return by === null ? [idea.text] : [idea.text, ` (${by})`]
}

/** Where the distinct ideas are: in how many clusters, and how many in none. */
function whereCards(ideas: IdeaFigures): string {
  const clusters = ideas.clusters.filter((c) => c.id !== null)
  const loose = ideas.clusters.find((c) => c.id === null)?.cards ?? 0
  if (loose === 0) return ` in ${plural(clusters.length, 'cluster')}`
  if (clusters.length === 0) return ', none of them in a cluster'
  return `: ${ideas.cards - loose} in ${plural(clusters.length, 'cluster')} and ${loose} in no cluster`
}

export const ideasSection: SectionSpec = {
  id: 'ideas',
  title: 'Ideas and clusters',
  build(ctx) {
    const { ideas, record } = ctx
    if (ideas.ideas === 0) return [paragraph('No ideas reached the board.')]
    const fromParticipants = ideas.ideas - ideas.facilitatorItems
    const blocks: Block[] = [
      paragraph(
        `The board holds ${plural(ideas.ideas, 'idea')}: ${plural(fromParticipants, 'idea')} from participants and ${plural(ideas.facilitatorItems, 'item')} added by the facilitator. ${plural(ideas.merged, 'idea was', 'ideas were')} merged into another as duplicates, leaving ${plural(ideas.cards, 'distinct idea')}${whereCards(ideas)}.`,
      ),
      paragraph(
        ideas.attributed
          ? 'Ideas each stakeholder group contributed to each cluster (duplicates included):'
          : 'Ideas per cluster (duplicates included). Which group wrote which idea is not recorded: the workshop is anonymous.',
      ),
      contributions(ctx),
    ]
    const known = new Set(record.board.clusters.map((c) => c.id))
    const merged = new Map<string, RecordIdea[]>()
    const cardsIn = new Map<string | null, RecordIdea[]>()
    const push = <K>(map: Map<K, RecordIdea[]>, key: K, idea: RecordIdea) => {
      const list = map.get(key)
      if (list) list.push(idea)
      else map.set(key, [idea])
    }
    for (const i of record.board.ideas) {
      if (i.mergedInto !== null) push(merged, i.mergedInto, i)
      else push(cardsIn, i.clusterId !== null && known.has(i.clusterId) ? i.clusterId : null, i)
    }
    for (const cluster of ideas.clusters) {
      blocks.push({ kind: 'heading', level: 3, text: cluster.name })
      const items = (cardsIn.get(cluster.id) ?? []).map((card): ListItem => {
        const dupes = merged.get(card.id) ?? []
        return dupes.length === 0
          ? { content: ideaLine(ctx, card) }
          : {
              content: [...ideaLine(ctx, card), ` — with ${plural(dupes.length, 'duplicate')}:`],
              children: dupes.map((d) => ideaLine(ctx, d)),
            }
      })
      blocks.push({ kind: 'list', items })
    }
    return blocks
  },
}
