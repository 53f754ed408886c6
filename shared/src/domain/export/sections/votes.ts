// "Dot voting": totals, each stakeholder group's dots and the normalised share, in which every
// group that voted weighs the same whatever its size.
import type { ItemResult, VoteResults } from '../../../schema/voting.js'
import { rankedItems } from '../../tally.js'
import { notRun, paragraph, type Block, type TableColumn } from '../document.js'
import { percent, plural, rankLabeller } from '../format.js'
import type { SectionSpec } from './context.js'

/** Items drawn in the chart: the top of the ranking (every figure is in the table). */
export const CHART_ITEMS = 15

export const KIND_LABEL = { cluster: 'Cluster', idea: 'Idea' } as const

function resultBlocks(results: VoteResults, groupName: (id: string) => string): Block[] {
  const ranked = rankedItems(results.items, 'total')
  const withDots = ranked.filter((i) => i.total > 0)
  const byTotal = rankLabeller(results.items.map((i) => i.rank))
  const byShare = rankLabeller(results.items.map((i) => i.normalizedRank))
  const members = results.groups.reduce((sum, g) => sum + g.members, 0)
  const blocks: Block[] = [
    paragraph(
      `${results.voters} of ${plural(members, 'participant')} placed ${plural(results.totalDots, 'dot')} on ${plural(withDots.length, 'item')} (of ${results.items.length} on the ballot).`,
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Stakeholder group' },
        { label: 'Voted', align: 'right' },
        { label: 'Members', align: 'right' },
        { label: 'Dots', align: 'right' },
      ],
      rows: results.groups.map((g) => [
        g.name,
        String(g.voters),
        String(g.members),
        String(g.dots),
      ]),
    },
  ]
  if (withDots.length === 0) {
    blocks.push(paragraph('No dots were placed.'))
    return blocks
  }
  blocks.push({
    kind: 'chart',
    chart: {
      title: `Dots per item, by stakeholder group (top ${Math.min(CHART_ITEMS, withDots.length)})`,
      description:
        'One bar per item, in ranking order; each bar is split into the dots each stakeholder group placed on it.',
      series: results.groups.map((g) => g.name),
      rows: withDots.slice(0, CHART_ITEMS).map((item) => ({
        label: item.label,
        values: results.groups.map((g) => item.byGroup[g.id] ?? 0),
      })),
      unit: ['dot', 'dots'],
    },
  })
  const columns: TableColumn[] = [
    { label: 'Rank' },
    { label: 'Item' },
    { label: 'Kind' },
    { label: 'Dots', align: 'right' },
    ...results.groups.map((g): TableColumn => ({ label: groupName(g.id), align: 'right' })),
    { label: 'Normalised share', align: 'right' },
    { label: 'Normalised rank' },
  ]
  const row = (item: ItemResult) => [
    byTotal(item.rank),
    item.label,
    KIND_LABEL[item.kind],
    String(item.total),
    ...results.groups.map((g) => String(item.byGroup[g.id] ?? 0)),
    percent(item.normalized),
    byShare(item.normalizedRank),
  ]
  blocks.push({ kind: 'table', columns, rows: withDots.map(row) })
  const none = results.items.length - withDots.length
  if (none > 0) blocks.push(paragraph(`${plural(none, 'further item')} received no dots.`))
  const differ = withDots.filter((i) => i.rank !== i.normalizedRank).length
  blocks.push(
    paragraph(
      `The normalised share weighs every stakeholder group that voted equally, whatever its size: it is the mean, over those groups, of the share of the group’s dots that the item received. ${
        differ === 0
          ? 'Here both rankings agree.'
          : `Here the two rankings differ for ${plural(differ, 'item')}: where an item ranks higher by dots than by share, the size of the groups that backed it carried it.`
      }`,
    ),
  )
  return blocks
}

export const votesSection: SectionSpec = {
  id: 'votes',
  title: 'Dot voting',
  build({ record, groupName }) {
    const { status, results } = record.voting
    if (results) return resultBlocks(results, groupName)
    if (status === 'open') return [paragraph('Voting is open; the results are not revealed yet.')]
    if (status === 'closed') {
      return [
        paragraph('Voting is closed and the votes are sealed; the results are not revealed yet.'),
      ]
    }
    return [notRun()]
  },
}
