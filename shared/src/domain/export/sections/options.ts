// "Considered options": every item the workshop weighed, with where it stands and whether it was
// chosen as a decision (the decisions section says why).
import { itemKey } from '../../../schema/voting.js'
import { rankedItems } from '../../tally.js'
import { voteItems } from '../../items.js'
import { paragraph, type Block } from '../document.js'
import { recordBoard } from '../figures.js'
import { plural, rankLabeller } from '../format.js'
import { KIND_LABEL } from './votes.js'
import type { SectionSpec } from './context.js'

export const optionsSection: SectionSpec = {
  id: 'options',
  title: 'Considered options',
  build({ record }) {
    const results = record.voting.results
    const columns = [{ label: 'Option' }, { label: 'Kind' }, { label: 'Standing' }] as const
    if (results) {
      const byTotal = rankLabeller(results.items.map((i) => i.rank))
      const byShare = rankLabeller(results.items.map((i) => i.normalizedRank))
      const decided = new Set(record.decisions?.list.map((d) => d.item))
      const chosen = results.items.filter((i) => decided.has(i.key)).length
      const blocks: Block[] = [
        paragraph(
          `The ${plural(results.items.length, 'item')} on the voting ballot, in ranking order. ${
            decided.size === 0
              ? 'No decision has been recorded yet.'
              : `${chosen} of them ${chosen === 1 ? 'was' : 'were'} chosen as a decision (see Decisions, with the rationale); the others were not chosen.`
          }`,
        ),
        {
          kind: 'table',
          columns,
          rows: rankedItems(results.items, 'total').map((item) => [
            item.label,
            KIND_LABEL[item.kind],
            (item.total === 0
              ? 'No dots'
              : `${byTotal(item.rank)} by dots (${item.total}); ${byShare(item.normalizedRank)} by normalised share`) +
              (decided.has(item.key) ? '; decided' : ''),
          ]),
        },
      ]
      return blocks
    }
    const board = recordBoard(record)
    const clusters = voteItems(board, 'clusters')
    const cards = new Map(board.cards.map((c) => [c.id, c]))
    const loose = board.unclustered.map((id) => cards.get(id)!)
    if (clusters.length === 0 && loose.length === 0) {
      return [paragraph('No options have been put forward yet.')]
    }
    const chosen = new Set(record.decisions?.list.map((d) => d.item))
    const standing = (key: string) => (chosen.has(key) ? 'Not voted on; decided' : 'Not voted on')
    return [
      paragraph(
        `No vote has been revealed${chosen.size === 0 ? ' and no decision recorded' : ''}. The options so far are the board’s ${plural(clusters.length, 'cluster')}${loose.length > 0 ? ` and ${plural(loose.length, 'idea')} in no cluster` : ''}.`,
      ),
      {
        kind: 'table',
        columns,
        rows: [
          ...clusters.map((i) => [i.label, KIND_LABEL[i.kind], standing(i.key)]),
          ...loose.map((card) => [card.text, KIND_LABEL.idea, standing(itemKey.idea(card.id))]),
        ],
      },
    ]
  },
}
