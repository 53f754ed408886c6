// "About this workshop": the objective, when it ran and for how long, how far it got.
import { PHASE_LABELS } from '../../../schema/phase.js'
import { paragraph, strong, type Block } from '../document.js'
import { formatDate, formatDateTime, formatDuration, formatTime, plural } from '../format.js'
import type { SectionSpec } from './context.js'

export const overviewSection: SectionSpec = {
  id: 'about',
  title: 'About this workshop',
  build(ctx) {
    const { record, timeZone, times, people } = ctx
    const w = record.workshop
    const blocks: Block[] = [
      w.objective.trim()
        ? paragraph(strong('Objective: '), w.objective)
        : paragraph('No objective was written down for this workshop.'),
    ]
    const facts: [string, string][] = []
    if (times.start !== null && times.end !== null) {
      const sameDay = formatDate(times.start, timeZone) === formatDate(times.end, timeZone)
      const span = sameDay
        ? `${formatDate(times.start, timeZone)}, ${formatTime(times.start, timeZone)} to ${formatTime(times.end, timeZone)}`
        : `${formatDateTime(times.start, timeZone)} to ${formatDateTime(times.end, timeZone)}`
      facts.push(['Held', `${span} (${timeZone})`])
      facts.push(['Duration', formatDuration(times.durationMs)])
    } else {
      facts.push(['Held', 'Not started yet: nothing has been logged'])
    }
    if (w.createdAt !== null) facts.push(['Set up', formatDateTime(w.createdAt, timeZone)])
    if (w.closedAt !== null) facts.push(['Closed', formatDateTime(w.closedAt, timeZone)])
    facts.push(['Stage reached', PHASE_LABELS[w.phase]])
    facts.push([
      'Participants',
      `${plural(people.total, 'participant')} in ${plural(w.groups.length, 'stakeholder group')}`,
    ])
    facts.push([
      'Anonymity',
      w.anonymous
        ? 'Anonymous: ideas and votes carry no names'
        : 'Not anonymous: ideas carry their authors’ names',
    ])
    blocks.push({ kind: 'facts', entries: facts })
    return blocks
  },
}
