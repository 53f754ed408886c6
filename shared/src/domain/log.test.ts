// The decision log's sentences: the same words everywhere, from typed events.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { logEventSchema, type LogEvent } from '../schema/log.js'
import { PHASES } from '../schema/phase.js'
import { describeLogEvent, logEventKind } from './log.js'

const snapshot = {
  decision: 'dAAAAAAAA',
  item: 'i:a',
  title: 'Theatre app',
  rationale: 'Safest first',
  conditions: '',
  dissent: [{ group: 'g2', words: 'Too slow' }],
  questions: '',
  owner: 'Dana',
  review: '2027-01-31',
}

describe('describeLogEvent', () => {
  it.each<[LogEvent, string]>([
    [{ type: 'phase', at: 1, to: 'cluster' }, 'Phase: cluster'],
    [{ type: 'collect', at: 1, mode: 'open' }, 'Open adding: ideas go straight to the board'],
    [{ type: 'collect', at: 1, mode: 'silent' }, 'Silent drafting'],
    [{ type: 'silent-round', at: 1, round: 3 }, 'Silent round 3 opened'],
    [
      { type: 'timer', at: 1, durationMs: 300_000, onZero: 'notify' },
      'Timer started: 5 min, notify only at zero',
    ],
    [
      { type: 'timer', at: 1, durationMs: 90_000, onZero: 'stop' },
      'Timer started: 90 s, input stops at zero',
    ],
    [
      { type: 'reveal', at: 1, revealed: 1, round: 2, skipped: 0, unreadable: 0 },
      'Revealed 1 idea (round 2)',
    ],
    [
      { type: 'reveal', at: 1, revealed: 3, round: 1, skipped: 2, unreadable: 1 },
      'Revealed 3 ideas (round 1); 2 left out, the board is full; 1 participant’ drafts could not be read',
    ],
    [{ type: 'items', at: 1, added: 1 }, 'Facilitator added 1 item'],
    [
      { type: 'round-opened', at: 1, round: 'voting', reopened: false, settings: '3 dots each' },
      'Voting opened: 3 dots each',
    ],
    [
      { type: 'round-opened', at: 1, round: 'voting', reopened: true, settings: '3 dots each' },
      'Voting reopened: 3 dots each',
    ],
    [
      {
        type: 'round-closed',
        at: 1,
        round: 'voting',
        submitted: 3,
        participants: 3,
        unreadable: 1,
      },
      'Voting closed: 3 of 3 participants placed dots; the votes of 1 participant could not be read',
    ],
    [
      { type: 'round-revealed', at: 1, round: 'voting', headline: '"A" first', voters: 1 },
      'Results revealed: "A" first; 1 participant voted',
    ],
    [
      { type: 'matrix-adopted', at: 1, weighting: 'groups', placed: 8 },
      '2x2 placement adopted from the revealed ratings, every group counting equally: 8 items placed',
    ],
    [
      { type: 'matrix-adopted', at: 1, weighting: 'people', placed: 1 },
      '2x2 placement adopted from the revealed ratings, every person counting equally: 1 item placed',
    ],
    [
      { type: 'matrix-placed', at: 1, item: 'i:a', label: 'Bed board', quadrant: 'fill-ins' },
      '2x2: "Bed board" placed by hand in Fill-ins',
    ],
    [
      { type: 'matrix-placed', at: 1, item: 'i:a', label: 'Bed board', quadrant: null },
      '2x2: "Bed board" taken off the matrix by hand',
    ],
    [{ type: 'note', at: 1, kind: 'x', text: 'As it was' }, 'As it was'],
    [
      { type: 'decision-recorded', at: 1, ...snapshot },
      'Decision recorded: "Theatre app" (owner Dana; review 2027-01-31)',
    ],
    [
      { type: 'decision-recorded', at: 1, ...snapshot, owner: '', review: '' },
      'Decision recorded: "Theatre app"',
    ],
    [
      { type: 'decision-changed', at: 1, ...snapshot, changed: ['rationale', 'owner'] },
      'Decision changed: "Theatre app" (rationale, owner)',
    ],
    [
      { type: 'decision-withdrawn', at: 1, decision: 'dAAAAAAAA', title: 'Theatre app' },
      'Decision withdrawn: "Theatre app"',
    ],
    [{ type: 'workshop-closed', at: 1 }, 'Workshop closed to new participants'],
  ])('%j reads "%s"', (event, sentence) => {
    expect(logEventSchema.safeParse(event).success).toBe(true)
    expect(describeLogEvent(event)).toBe(sentence)
  })

  it('files events under the kinds the log used before it was typed', () => {
    expect(logEventKind({ type: 'silent-round', at: 1, round: 2 })).toBe('round')
    expect(logEventKind({ type: 'phase', at: 1, to: 'vote' })).toBe('phase')
    expect(
      logEventKind({
        type: 'round-closed',
        at: 1,
        round: 'voting',
        submitted: 0,
        participants: 0,
        unreadable: 0,
      }),
    ).toBe('voting')
  })

  it('gives every valid phase event a sentence naming the phase', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PHASES), fc.nat(), (to, at) => {
        expect(describeLogEvent({ type: 'phase', at, to })).toBe(`Phase: ${to}`)
      }),
    )
  })

  it('cleans the prose an event carries as it parses it', () => {
    const parsed = logEventSchema.safeParse({ type: 'note', at: 1, kind: 'x', text: 'a\u0000b' })
    expect(parsed.success && parsed.data.type === 'note' && parsed.data.text).toBe('ab')
  })

  it('refuses events that are not in the union', () => {
    for (const bad of [
      { type: 'decision', at: 1 },
      { type: 'phase', at: -1, to: 'vote' },
      { type: 'round-opened', at: 1, round: 'Voting!', reopened: false, settings: '' },
      { type: 'note', at: 1, kind: 'x', text: 'x'.repeat(2001) },
      { type: 'decision-recorded', at: 1, ...snapshot, rationale: 'x'.repeat(4001) },
      { type: 'decision-recorded', at: 1, ...snapshot, review: 'soon' },
      { type: 'decision-changed', at: 1, ...snapshot, changed: [] },
    ]) {
      expect(logEventSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })
})
