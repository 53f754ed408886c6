// Unit tests of the brainstorm rules: countdown, when drafts and open adding are allowed, and
// the offset between device and server clocks.
import { describe, expect, it } from 'vitest'
import type { TimerState } from '../schema/brainstorm.js'
import type { CollectMode } from '../schema/brainstorm.js'
import { PHASES, type Phase } from '../schema/phase.js'
import {
  clockOffset,
  draftsOpen,
  formatCountdown,
  openAddingAllowed,
  remainingMs,
  timeIsUp,
  type ClockSample,
} from './brainstorm.js'

const END = 1_700_000_300_000
const stop: TimerState = { endsAt: END, durationMs: 300_000, onZero: 'stop' }
const notify: TimerState = { ...stop, onZero: 'notify' }

describe('remainingMs', () => {
  it.each<[string, number, number]>([
    ['five minutes before', END - 300_000, 300_000],
    ['one millisecond before', END - 1, 1],
    ['at zero', END, 0],
    ['after zero', END + 5_000, 0],
  ])('%s: %i ms left', (_, now, left) => {
    expect(remainingMs(stop, now)).toBe(left)
  })
})

describe('formatCountdown', () => {
  it.each<[number, string]>([
    [0, '0:00'],
    [-1, '0:00'],
    [-3_600_000, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1_000, '0:01'],
    [1_001, '0:02'],
    [9_000, '0:09'],
    [10_000, '0:10'],
    [59_000, '0:59'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [61_000, '1:01'],
    [600_000, '10:00'],
    [3_599_000, '59:59'],
    [3_599_001, '1:00:00'],
    [3_600_000, '1:00:00'],
    [3_601_000, '1:00:01'],
    [3_660_000, '1:01:00'],
    [36_000_000, '10:00:00'],
    [NaN, '0:00'],
    [Infinity, '0:00'],
    [-Infinity, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text)
  })
})

describe('timeIsUp', () => {
  it.each<[string, TimerState | null, number, boolean]>([
    ['no timer', null, END + 1, false],
    ['a stop timer before zero', stop, END - 1, false],
    ['a stop timer at zero', stop, END, true],
    ['a stop timer after zero', stop, END + 60_000, true],
    ['a notify timer after zero', notify, END + 60_000, false],
  ])('%s → %s', (_, timer, now, up) => {
    expect(timeIsUp({ timer }, now)).toBe(up)
  })
})

describe('draftsOpen and openAddingAllowed', () => {
  /** [phase, collect, timer, now, drafts open, open adding allowed] */
  const table: [Phase, CollectMode, TimerState | null, number, boolean, boolean][] = [
    ['brainstorm', 'silent', null, END, true, false],
    ['brainstorm', 'silent', stop, END - 1, true, false],
    ['brainstorm', 'silent', stop, END, false, false],
    ['brainstorm', 'silent', notify, END + 1, true, false],
    ['brainstorm', 'open', null, END, true, true],
    ['brainstorm', 'open', stop, END - 1, true, true],
    ['brainstorm', 'open', stop, END + 1, false, false],
    ['brainstorm', 'open', notify, END + 1, true, true],
    ['cluster', 'silent', null, END, false, false],
    ['cluster', 'open', null, END, false, true],
    ['cluster', 'open', notify, END + 1, false, true],
    // The brainstorm timer stops brainstorm input only; open adding in clustering goes on.
    ['cluster', 'open', stop, END + 1, false, true],
    ['setup', 'open', null, END, false, false],
    ['vote', 'open', null, END, false, false],
  ]

  it.each(table)(
    '%s, %s, timer %j at %i: drafts %s, open adding %s',
    (phase, collect, timer, now, drafts, adding) => {
      expect(draftsOpen({ phase, collect, timer }, now)).toBe(drafts)
      expect(openAddingAllowed({ phase, collect, timer }, now)).toBe(adding)
    },
  )

  it.each(PHASES.filter((p) => p !== 'brainstorm'))('keeps drafts closed in %s', (phase) => {
    expect(draftsOpen({ phase, collect: 'silent', timer: null }, END)).toBe(false)
  })

  it.each(PHASES.filter((p) => p !== 'brainstorm' && p !== 'cluster'))(
    'keeps open adding closed in %s',
    (phase) => {
      expect(openAddingAllowed({ phase, collect: 'open', timer: null }, END)).toBe(false)
    },
  )
})

describe('clockOffset', () => {
  const sample = (sentAt: number, serverNow: number, receivedAt: number): ClockSample => ({
    sentAt,
    serverNow,
    receivedAt,
  })

  it.each<[string, ClockSample[], number]>([
    ['no samples', [], 0],
    ['one sample, server ahead', [sample(1000, 6050, 1100)], 5000],
    ['one sample, server behind', [sample(1000, 50, 1100)], -1000],
    ['a zero round trip', [sample(1000, 4000, 1000)], 3000],
    ['a half-millisecond midpoint, rounded', [sample(1000, 1001, 1001)], 1],
    [
      'the shortest round trip wins, wherever it is',
      [sample(0, 10_000, 400), sample(1000, 6010, 1020), sample(2000, 9000, 2300)],
      5000,
    ],
    [
      'the first of two equally short round trips wins',
      [sample(0, 5_010, 20), sample(100, 9_110, 120)],
      5000,
    ],
    ['a sample received before it was sent is ignored', [sample(1000, 9000, 900)], 0],
    [
      'a backwards sample does not beat an honest one',
      [sample(1000, 1_000_000, 999), sample(2000, 7050, 2100)],
      5000,
    ],
  ])('%s → %i', (_, samples, offset) => {
    expect(clockOffset(samples)).toBe(offset)
  })
})
