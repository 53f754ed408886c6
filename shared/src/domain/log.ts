// One sentence per decision-log event, the same on the console, the projector and in exports.
import type { LogEvent } from '../schema/log.js'
import type { RoundWords } from './rounds/round-kind.js'
import { DEFAULT_QUADRANT_LABELS } from './matrix/quadrant.js'
import { roundWordsOf } from './rounds/words.js'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function minutes(ms: number): string {
  const s = Math.round(ms / 1000)
  return s % 60 === 0 ? `${s / 60} min` : `${s} s`
}

/** How the sentences name a round kind: its own words, or plain ones for a kind not known here. */
const wordsOf = (kind: string): RoundWords =>
  roundWordsOf(kind) ?? {
    name: `Round ${kind}`,
    round: 'round',
    submitted: 'took part',
    took: 'took part',
    results: `Round ${kind} revealed`,
    inputs: 'inputs',
  }

/** The log's sentence for `event`. Plain text: callers render it as text, never as markup. */
export function describeLogEvent(event: LogEvent): string {
  switch (event.type) {
    case 'phase':
      return `Phase: ${event.to}`
    case 'collect':
      return event.mode === 'open'
        ? 'Open adding: ideas go straight to the board'
        : 'Silent drafting'
    case 'silent-round':
      return `Silent round ${event.round} opened`
    case 'timer':
      return `Timer started: ${minutes(event.durationMs)}, ${event.onZero === 'stop' ? 'input stops' : 'notify only'} at zero`
    case 'reveal': {
      const skipped = event.skipped > 0 ? `; ${event.skipped} left out, the board is full` : ''
      const unreadable =
        event.unreadable > 0
          ? `; ${plural(event.unreadable, 'participant')}’ drafts could not be read`
          : ''
      return `Revealed ${plural(event.revealed, 'idea')} (round ${event.round})${skipped}${unreadable}`
    }
    case 'items':
      return `Facilitator added ${plural(event.added, 'item')}`
    case 'participant-removed':
      return `Facilitator removed a participant (${event.group}); what they contributed stays`
    case 'round-opened':
      return `${wordsOf(event.round).name} ${event.reopened ? 'reopened' : 'opened'}: ${event.settings}`
    case 'round-closed': {
      const words = wordsOf(event.round)
      const unreadable =
        event.unreadable > 0
          ? `; the ${words.inputs} of ${plural(event.unreadable, 'participant')} could not be read`
          : ''
      return `${words.name} closed: ${event.submitted} of ${plural(event.participants, 'participant')} ${words.submitted}${unreadable}`
    }
    case 'round-revealed': {
      const words = wordsOf(event.round)
      return `${words.results}: ${event.headline}; ${plural(event.voters, 'participant')} ${words.took}`
    }
    case 'matrix-adopted':
      return `2x2 placement adopted from the revealed ratings, every ${event.weighting === 'groups' ? 'group' : 'person'} counting equally: ${plural(event.placed, 'item')} placed`
    case 'weights-adopted': {
      const weights = event.weights.map((w) => `${w.criterion} ${w.points}`).join(', ')
      const from =
        event.proposals === 0
          ? 'set by the facilitator'
          : `from ${plural(event.proposals, 'proposal')}, ${event.basis === 'groups' ? 'every group counted equally' : 'every person counted equally'}${event.consensus === null ? '' : `, consensus ${Math.round(event.consensus * 100)} %`}`
      return `Weights adopted (${from}): ${weights}`
    }
    case 'matrix-placed':
      return event.quadrant === null
        ? `2x2: "${event.label}" taken off the matrix by hand`
        : `2x2: "${event.label}" placed by hand in ${DEFAULT_QUADRANT_LABELS[event.quadrant]}`
    case 'decision-recorded': {
      const who = [
        event.owner.trim() ? `owner ${event.owner.trim()}` : '',
        event.review ? `review ${event.review}` : '',
      ].filter(Boolean)
      return `Decision recorded: "${event.title}"${who.length > 0 ? ` (${who.join('; ')})` : ''}`
    }
    case 'decision-changed':
      return `Decision changed: "${event.title}" (${event.changed.join(', ')})`
    case 'decision-withdrawn':
      return `Decision withdrawn: "${event.title}"`
    case 'workshop-closed':
      return 'Workshop closed to new participants'
    case 'note':
      return event.text
  }
}

/** The short kind an event is filed under (what the log's `kind` field said before it was typed). */
export function logEventKind(event: LogEvent): string {
  switch (event.type) {
    case 'silent-round':
      return 'round'
    case 'round-opened':
    case 'round-closed':
    case 'round-revealed':
      return event.round
    case 'note':
      return event.kind
    case 'decision-recorded':
    case 'decision-changed':
    case 'decision-withdrawn':
      return 'decision'
    default:
      return event.type
  }
}
