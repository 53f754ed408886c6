// What each screen says when the workshop changes: one change at a time, for each audience.
import { describe, expect, it } from 'vitest'
import type { ControlState, LogEntry, TimerState } from '@triage/shared'
import { controlNews, durationWords, timeUpNews, votingNews, type Audience } from './workshop-news'

const base: ControlState = {
  settings: {
    title: 'Ward flow',
    objective: '',
    groups: [{ id: 'g1', name: 'Surgeons' }],
    dotBudget: 5,
    maxDotsPerItem: 3,
    anonymous: true,
  },
  phase: 'brainstorm',
  boardLocked: false,
  roster: {},
  removed: {},
  log: [],
  collect: 'silent',
  round: 1,
  timer: null,
  progress: {},
}

const timer = (over: Partial<TimerState> = {}): TimerState => ({
  endsAt: 1_000_000 + 300_000,
  durationMs: 300_000,
  onZero: 'stop',
  ...over,
})
const logged = (kind: string): LogEntry => ({
  at: 1,
  kind,
  text: kind,
  event: { type: 'note', at: 1, kind, text: kind },
})
const change = (after: Partial<ControlState>, before: Partial<ControlState> = {}) => ({
  before: { ...base, ...before },
  after: { ...base, ...before, ...after },
})

describe('durationWords', () => {
  it.each([
    [6_000, '6 seconds'],
    [1_000, '1 second'],
    [60_000, '1 minute'],
    [300_000, '5 minutes'],
    [90_400, '1 minute 30 seconds'],
    [-5, '0 seconds'],
  ])('%i ms → %s', (ms, words) => expect(durationWords(ms)).toBe(words))
})

describe('controlNews', () => {
  const cases: [string, ReturnType<typeof change>, Audience, string[]][] = [
    ['nothing changed', change({}), 'participant', []],
    ['a phase change', change({ phase: 'cluster' }), 'participant', ['Phase changed to Cluster.']],
    [
      'a phase change on the console',
      change({ phase: 'matrix' }),
      'facilitator',
      ['Phase changed to Impact vs effort.'],
    ],
    [
      'a timer started (logged by the server), on a phone',
      change({ timer: timer(), log: [logged('timer')] }),
      'participant',
      ['Timer started: 5 minutes. At zero, idea entry closes.'],
    ],
    [
      'a notify timer started, on the console',
      change({ timer: timer({ onZero: 'notify' }), log: [logged('timer')] }),
      'facilitator',
      ['Timer started: 5 minutes. At zero, participants are told and can keep writing.'],
    ],
    [
      'a timer started again over a running one',
      change({ timer: timer({ endsAt: 2_000_000 }), log: [logged('timer')] }, { timer: timer() }),
      'projector',
      ['Timer started: 5 minutes. At zero, participants can no longer add ideas.'],
    ],
    [
      'time added (not logged)',
      change(
        { timer: timer({ endsAt: 1_360_000, durationMs: 360_000 }) },
        { timer: timer(), log: [] },
      ),
      'participant',
      ['Time added: 1 minute.'],
    ],
    [
      'the timer cleared',
      change({ timer: null }, { timer: timer() }),
      'facilitator',
      ['Timer cleared.'],
    ],
    [
      'the board locked, on a phone',
      change({ boardLocked: true }),
      'participant',
      ['Board locked by the facilitator: you can look at it but not change it.'],
    ],
    [
      'the board unlocked, on the projector',
      change({ boardLocked: false }, { boardLocked: true }),
      'projector',
      ['Board unlocked.'],
    ],
    [
      'open adding, on a phone',
      change({ collect: 'open' }),
      'participant',
      ['Open adding: an idea you add now goes straight onto the shared board.'],
    ],
    [
      'another silent round: one sentence, not three',
      change({ round: 2, collect: 'silent', timer: null }, { collect: 'open', timer: timer() }),
      'facilitator',
      ['Silent round 2 started.'],
    ],
    [
      'a reveal, on a phone',
      change({ log: [logged('reveal')] }),
      'participant',
      ['The facilitator revealed the ideas: they are on the board now.'],
    ],
    [
      'a reveal, on the console (it says its own result)',
      change({ log: [logged('reveal')] }),
      'facilitator',
      [],
    ],
    [
      'items added, on the projector',
      change({ log: [logged('items')] }),
      'projector',
      ['The facilitator added items to the board.'],
    ],
    [
      'a phase change and a lock in one update: the phase first',
      change({ phase: 'vote', boardLocked: true }),
      'facilitator',
      ['Phase changed to Vote.', 'Board locked: participants can look at it but not change it.'],
    ],
  ]
  it.each(cases)('%s', (_, { before, after }, audience, said) => {
    expect(controlNews(before, after, audience)).toEqual(said)
  })
})

describe('timeUpNews', () => {
  it.each([
    ['stop', 'participant', 'Time is up. Idea entry is now closed; your drafts are kept.'],
    ['notify', 'participant', 'Time is up. You can keep writing.'],
    ['stop', 'facilitator', 'Time is up. Participants can no longer add ideas.'],
    ['notify', 'projector', 'Time is up. Participants have been told and can keep writing.'],
  ] as const)('%s, for the %s', (onZero, audience, said) => {
    expect(timeUpNews(timer({ onZero }), audience)).toBe(said)
  })
})

describe('votingNews', () => {
  it.each([
    ['setup', 'open', 'participant', 'Voting opened: place your dots.'],
    ['setup', 'open', 'facilitator', 'Voting opened: participants can place their dots.'],
    ['open', 'closed', 'participant', 'Voting closed: your dots are sealed.'],
    [
      'open',
      'closed',
      'facilitator',
      'Voting closed and the votes sealed. Next: reveal the results, or reopen voting.',
    ],
    ['open', 'closed', 'projector', 'Voting closed: the votes are sealed.'],
    ['closed', 'open', 'participant', 'Voting reopened: you can change your dots again.'],
    [
      'closed',
      'revealed',
      'participant',
      'Results revealed: they are shown below, with where your own dots went.',
    ],
    ['closed', 'revealed', 'projector', 'Results revealed.'],
    ['open', 'open', 'participant', null],
    ['revealed', 'setup', 'facilitator', null],
  ] as const)('%s → %s, for the %s', (before, after, audience, said) => {
    expect(votingNews(before, after, audience)).toBe(said)
  })
})
