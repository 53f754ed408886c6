// "Who took part": head counts per stakeholder group, and names only when not anonymous.
import { paragraph, strong, type Block } from '../document.js'
import type { SectionSpec } from './context.js'

export const participantsSection: SectionSpec = {
  id: 'participants',
  title: 'Who took part',
  build({ record, people }) {
    if (people.total === 0) return [paragraph('Nobody has joined this workshop.')]
    const blocks: Block[] = [
      {
        kind: 'table',
        columns: [{ label: 'Stakeholder group' }, { label: 'Participants', align: 'right' }],
        rows: [
          ...people.groups.map((g) => [g.name, String(g.count)]),
          ['All groups', String(people.total)],
        ],
      },
      {
        kind: 'chart',
        chart: {
          title: 'Participants per stakeholder group',
          description: 'One bar per stakeholder group, its length the number of participants.',
          series: ['Participants'],
          rows: people.groups.map((g) => ({ label: g.name, values: [g.count] })),
          unit: ['participant', 'participants'],
        },
      },
    ]
    if (record.workshop.anonymous) {
      blocks.push(paragraph('Names are not part of this record: the workshop is anonymous.'))
      return blocks
    }
    const names = new Map<string, string[]>()
    for (const p of record.participants) {
      if (p.name === null) continue
      const list = names.get(p.group)
      if (list) list.push(p.name)
      else names.set(p.group, [p.name])
    }
    blocks.push({
      kind: 'list',
      items: record.workshop.groups
        .filter((g) => names.has(g.id))
        .map((g) => ({ content: [strong(`${g.name}: `), names.get(g.id)!.join(', ')] })),
    })
    return blocks
  },
}
