// "Decision log": every logged event with its time, in the sentences the console shows.
import { describeLogEvent } from '../../log.js'
import { paragraph } from '../document.js'
import { formatDate, formatDateTime, formatTime } from '../format.js'
import type { SectionSpec } from './context.js'

export const logSection: SectionSpec = {
  id: 'log',
  title: 'Decision log',
  build({ record, timeZone }) {
    const log = record.log
    if (log.length === 0) return [paragraph('Nothing has been logged yet.')]
    const days = new Set(log.map((e) => formatDate(e.at, timeZone)))
    const when = days.size > 1 ? formatDateTime : formatTime
    return [
      paragraph(
        `Written by the server as things happened; nobody can edit or remove an entry. Times in ${timeZone}${days.size === 1 ? `, on ${[...days][0]!}` : ''}.`,
      ),
      {
        kind: 'table',
        columns: [{ label: 'Time' }, { label: 'Event' }],
        rows: log.map((e) => [when(e.at, timeZone), describeLogEvent(e)]),
      },
    ]
  },
}
