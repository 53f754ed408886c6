// What changed in the workshop, in words a screen-reader user understands without seeing the
// screen: two snapshots in, sentences out, worded for who is listening. Pure, so every screen
// says the same thing about the same change; the hooks in announcer.tsx speak them.
import { PHASE_LABELS, type ControlState, type TimerState, type VotingStatus } from '@triage/shared'

/** Who is listening: the facilitator's console, a participant's phone, or the projector. */
export type Audience = 'facilitator' | 'participant' | 'projector'

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** "5 minutes", "1 minute 30 seconds", "6 seconds" (rounded to the second). */
export function durationWords(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000))
  const minutes = Math.floor(total / 60)
  const seconds = total % 60
  if (minutes === 0) return plural(seconds, 'second')
  return seconds === 0
    ? plural(minutes, 'minute')
    : `${plural(minutes, 'minute')} ${plural(seconds, 'second')}`
}

function timerStarted(timer: TimerState, audience: Audience): string {
  const length = durationWords(timer.durationMs)
  if (audience === 'participant') {
    return timer.onZero === 'stop'
      ? `Timer started: ${length}. At zero, idea entry closes.`
      : `Timer started: ${length}. At zero you are told, and you can keep writing.`
  }
  return timer.onZero === 'stop'
    ? `Timer started: ${length}. At zero, participants can no longer add ideas.`
    : `Timer started: ${length}. At zero, participants are told and can keep writing.`
}

/** `started`: the server logged a start with this change (time added is not logged). */
function timerNews(
  before: TimerState | null,
  after: TimerState | null,
  started: boolean,
  audience: Audience,
): string | null {
  if (after === null) return before === null ? null : 'Timer cleared.'
  if (started || before === null) return timerStarted(after, audience)
  const grown = after.durationMs - before.durationMs
  if (grown > 0) return `Time added: ${durationWords(grown)}.`
  return before.endsAt === after.endsAt ? null : timerStarted(after, audience)
}

/** Said (assertively) the moment a timer reaches zero. */
export function timeUpNews(timer: TimerState, audience: Audience): string {
  if (audience === 'participant') {
    return timer.onZero === 'stop'
      ? 'Time is up. Idea entry is now closed; your drafts are kept.'
      : 'Time is up. You can keep writing.'
  }
  return timer.onZero === 'stop'
    ? 'Time is up. Participants can no longer add ideas.'
    : 'Time is up. Participants have been told and can keep writing.'
}

function lockNews(locked: boolean, audience: Audience): string {
  if (audience === 'participant') {
    return locked
      ? 'Board locked by the facilitator: you can look at it but not change it.'
      : 'Board unlocked: you can move and edit cards again.'
  }
  if (audience === 'facilitator') {
    return locked
      ? 'Board locked: participants can look at it but not change it.'
      : 'Board unlocked for participants.'
  }
  return locked ? 'Board locked.' : 'Board unlocked.'
}

function collectNews(open: boolean, audience: Audience): string {
  if (audience === 'participant') {
    return open
      ? 'Open adding: an idea you add now goes straight onto the shared board.'
      : 'Silent drafting again: your ideas stay private drafts until the facilitator reveals them.'
  }
  return open
    ? 'Open adding on: ideas go straight onto the board.'
    : 'Open adding off: ideas stay private drafts until they are revealed.'
}

/** New decision-log entries the listener did not bring about themselves. */
function logNews(kind: string, audience: Audience): string | null {
  // The facilitator hears the result of their own reveal and import from the request.
  if (audience === 'facilitator') return null
  if (kind === 'reveal') return 'The facilitator revealed the ideas: they are on the board now.'
  if (kind === 'items') return 'The facilitator added items to the board.'
  return null
}

/** What changed between two snapshots of the control document, as sentences for `audience`. */
export function controlNews(
  before: ControlState,
  after: ControlState,
  audience: Audience,
): string[] {
  const logged = after.log.slice(before.log.length)
  const news: (string | null)[] = []
  if (before.phase !== after.phase) {
    news.push(`Phase changed to ${PHASE_LABELS[after.phase]}.`)
  }
  // Another silent round also turns open adding off and clears the timer: one sentence.
  const newRound = after.round > before.round
  if (newRound) {
    news.push(
      audience === 'participant'
        ? `Silent round ${after.round} started: your new ideas stay private until the next reveal.`
        : `Silent round ${after.round} started.`,
    )
  } else {
    if (before.collect !== after.collect) news.push(collectNews(after.collect === 'open', audience))
    const started = logged.some((entry) => entry.kind === 'timer')
    news.push(timerNews(before.timer, after.timer, started, audience))
  }
  if (before.boardLocked !== after.boardLocked) news.push(lockNews(after.boardLocked, audience))
  for (const entry of logged) news.push(logNews(entry.kind, audience))
  return news.filter((line): line is string => line !== null)
}

/** What a change of the voting round's status means to `audience`; null when nothing to say. */
export function votingNews(
  before: VotingStatus,
  after: VotingStatus,
  audience: Audience,
): string | null {
  if (before === after) return null
  const participant = audience === 'participant'
  switch (after) {
    case 'open':
      if (before === 'setup') {
        return participant
          ? 'Voting opened: place your dots.'
          : 'Voting opened: participants can place their dots.'
      }
      return participant
        ? 'Voting reopened: you can change your dots again.'
        : 'Voting reopened: participants can change their dots again.'
    case 'closed':
      if (participant) return 'Voting closed: your dots are sealed.'
      return audience === 'facilitator'
        ? 'Voting closed and the votes sealed. Next: reveal the results, or reopen voting.'
        : 'Voting closed: the votes are sealed.'
    case 'revealed':
      return participant
        ? 'Results revealed: they are shown below, with where your own dots went.'
        : 'Results revealed.'
    case 'setup':
      return null
  }
}
