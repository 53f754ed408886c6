// Unit tests of the control document accessors: settings, phase, lock, roster, log, and the
// brainstorm state (collect mode, rounds, timer, progress).
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PHASES, type Phase } from '../schema/phase.js'
import type { RosterEntry } from '../schema/roster.js'
import type { WorkshopSettings } from '../schema/workshop.js'
import { describeLogEvent } from '../domain/log.js'
import type { LogEvent } from '../schema/log.js'
import {
  addRosterEntry,
  markRosterRemoved,
  appendLog,
  appendLogEvent,
  initControl,
  isBoardLocked,
  observeDoc,
  readControl,
  readProgress,
  readSessionMarks,
  readTimer,
  sessionChanges,
  migrateLogToEvents,
  setBoardLocked,
  setCollectMode,
  setPhase,
  setProgress,
  setTimer,
  startSilentRound,
} from './control.js'
import type { TimerState } from '../schema/brainstorm.js'

const settings: WorkshopSettings = {
  title: 'Which wards first?',
  objective: 'Pick three wards for the pilot',
  groups: [
    { id: 'g1', name: 'Surgeons' },
    { id: 'g2', name: 'Nurses' },
  ],
  dotBudget: 7,
  maxDotsPerItem: 2,
  anonymous: false,
}

const ada: RosterEntry = { name: 'Ada', group: 'g1', joinedAt: 1_700_000_000_000 }
const bob: RosterEntry = { name: 'Bob', group: 'g2', joinedAt: 1_700_000_000_500 }

function controlDoc(): Y.Doc {
  const doc = new Y.Doc()
  initControl(doc, settings)
  return doc
}

function countUpdates(doc: Y.Doc): { count: number } {
  const counter = { count: 0 }
  doc.on('update', () => counter.count++)
  return counter
}

/** Exchanges the full state of two documents both ways. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('readControl', () => {
  it('reads an empty document as set-up with nothing in it', () => {
    expect(readControl(new Y.Doc())).toEqual({
      settings: null,
      phase: 'setup',
      boardLocked: false,
      roster: {},
      removed: {},
      log: [],
      collect: 'silent',
      round: 1,
      timer: null,
      progress: {},
    })
  })

  it('reads back what initControl wrote', () => {
    expect(readControl(controlDoc())).toEqual({
      settings,
      phase: 'setup',
      boardLocked: false,
      roster: {},
      removed: {},
      log: [],
      collect: 'silent',
      round: 1,
      timer: null,
      progress: {},
    })
  })

  it('lists a removed participant apart from the roster, once', () => {
    const doc = controlDoc()
    addRosterEntry(doc, 'p1', { name: 'Dana', group: 'g1', joinedAt: 1 })
    addRosterEntry(doc, 'p2', { name: 'Lee', group: 'g1', joinedAt: 2 })
    expect(markRosterRemoved(doc, 'p1', 50)).toEqual({
      name: 'Dana',
      group: 'g1',
      joinedAt: 1,
      removedAt: 50,
    })
    expect(markRosterRemoved(doc, 'p1', 60)).toBeNull()
    expect(markRosterRemoved(doc, 'nobody', 60)).toBeNull()
    const state = readControl(doc)
    expect(Object.keys(state.roster)).toEqual(['p2'])
    expect(state.removed).toEqual({ p1: { name: 'Dana', group: 'g1', joinedAt: 1, removedAt: 50 } })
  })

  it('returns settings that do not share objects with the document', () => {
    const doc = controlDoc()
    const first = readControl(doc)
    ;(first.settings!.groups as { name: string }[])[0]!.name = 'Changed'
    expect(readControl(doc).settings!.groups[0]!.name).toBe('Surgeons')
  })
})

describe('initControl', () => {
  it('writes in one transaction with the given origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    initControl(doc, settings, 'server')
    expect(origins).toEqual(['server'])
  })

  it('resets the phase to set-up', () => {
    const doc = controlDoc()
    setPhase(doc, 'vote')
    initControl(doc, settings)
    expect(readControl(doc).phase).toBe('setup')
  })
})

describe('setPhase', () => {
  it.each(PHASES)('moves to %s, logging nothing itself (the server logs it)', (phase) => {
    const doc = controlDoc()
    setPhase(doc, phase)
    const state = readControl(doc)
    expect(state.phase).toBe(phase)
    expect(state.log).toEqual([])
  })

  it('changes the phase in one update', () => {
    const doc = controlDoc()
    const updates = countUpdates(doc)
    setPhase(doc, 'vote')
    expect(updates.count).toBe(1)
  })

  it('leaves settings and roster alone', () => {
    const doc = controlDoc()
    addRosterEntry(doc, 'p-ada', ada)
    setPhase(doc, 'decide')
    const state = readControl(doc)
    expect(state.settings).toEqual(settings)
    expect(state.roster).toEqual({ 'p-ada': ada })
  })
})

describe('sessionChanges', () => {
  it('is one phase event for every change, in order', () => {
    const doc = controlDoc()
    const steps: Phase[] = ['brainstorm', 'cluster', 'vote', 'cluster']
    steps.forEach((phase, i) => {
      const before = readSessionMarks(doc)
      setPhase(doc, phase)
      appendLogEvent(doc, sessionChanges(before, readSessionMarks(doc), i))
    })
    const state = readControl(doc)
    expect(state.phase).toBe('cluster')
    expect(state.log.map((e) => [e.at, e.kind, e.text])).toEqual(
      steps.map((phase, i) => [i, 'phase', `Phase: ${phase}`]),
    )
  })

  it('is nothing when nothing the log follows changed', () => {
    const doc = controlDoc()
    const before = readSessionMarks(doc)
    setBoardLocked(doc, true)
    expect(sessionChanges(before, readSessionMarks(doc), 1)).toEqual([])
  })

  it('is one event for a new silent round, which also resets the collect mode', () => {
    const doc = controlDoc()
    setCollectMode(doc, 'open')
    const before = readSessionMarks(doc)
    startSilentRound(doc)
    expect(sessionChanges(before, readSessionMarks(doc), 5)).toEqual([
      { type: 'silent-round', at: 5, round: 2 },
    ])
  })
})

describe('appendLogEvent', () => {
  it('keeps entries in order, each with its kind and sentence', () => {
    const doc = controlDoc()
    appendLogEvent(doc, { type: 'phase', at: 1, to: 'vote' })
    appendLog(doc, { at: 2, kind: 'reveal', text: 'Votes revealed' })
    expect(readControl(doc).log.map(({ at, kind, text }) => ({ at, kind, text }))).toEqual([
      { at: 1, kind: 'phase', text: 'Phase: vote' },
      { at: 2, kind: 'reveal', text: 'Votes revealed' },
    ])
  })

  it('throws on an event that does not validate, and stores nothing', () => {
    const doc = controlDoc()
    const bad = { type: 'phase', at: 1, to: 'nowhere' } as unknown as LogEvent
    expect(() => appendLogEvent(doc, bad)).toThrow()
    expect(doc.getArray('log').length).toBe(0)
  })

  it('cleans the prose it carries', () => {
    const doc = controlDoc()
    appendLogEvent(doc, { type: 'note', at: 1, kind: 'note', text: 'a\u0000b\u202e' })
    expect(readControl(doc).log[0]!.text).toBe('ab')
  })
})

describe('migrateLogToEvents', () => {
  it('turns lines stored before the log was typed into note events in place, and is idempotent', () => {
    const doc = controlDoc()
    doc
      .getArray('log')
      .push([
        { at: 1, kind: 'phase', text: 'Phase: vote' },
        { type: 'items', at: 2, added: 3 },
        'garbage',
        { at: 3, kind: 'voting', text: 'Voting opened: 3 dots each' },
      ])
    migrateLogToEvents(doc)
    const once = doc.getArray('log').toJSON()
    expect(once).toEqual([
      { type: 'note', at: 1, kind: 'phase', text: 'Phase: vote' },
      { type: 'items', at: 2, added: 3 },
      { type: 'note', at: 3, kind: 'voting', text: 'Voting opened: 3 dots each' },
    ])
    expect(readControl(doc).log.map((e) => e.text)).toEqual([
      'Phase: vote',
      'Facilitator added 3 items',
      'Voting opened: 3 dots each',
    ])
    migrateLogToEvents(doc)
    expect(doc.getArray('log').toJSON()).toEqual(once)
  })
})

describe('addRosterEntry', () => {
  it('adds participants under their ids', () => {
    const doc = controlDoc()
    addRosterEntry(doc, 'p-ada', ada)
    addRosterEntry(doc, 'p-bob', bob)
    expect(readControl(doc).roster).toEqual({ 'p-ada': ada, 'p-bob': bob })
  })

  it('replaces the entry of a participant who joins again', () => {
    const doc = controlDoc()
    addRosterEntry(doc, 'p-ada', ada)
    addRosterEntry(doc, 'p-ada', { ...ada, group: 'g2' })
    expect(readControl(doc).roster).toEqual({ 'p-ada': { ...ada, group: 'g2' } })
  })
})

describe('setBoardLocked and isBoardLocked', () => {
  it.each<[string, boolean[], boolean]>([
    ['never set', [], false],
    ['locked', [true], true],
    ['locked then unlocked', [true, false], false],
    ['unlocked then locked', [false, true], true],
    ['locked twice', [true, true], true],
  ])('%s → %s', (_, steps, locked) => {
    const doc = controlDoc()
    for (const step of steps) setBoardLocked(doc, step)
    expect(isBoardLocked(doc)).toBe(locked)
    expect(readControl(doc).boardLocked).toBe(locked)
  })

  it.each([['true'], [1], [{}], [null]])('treats a stored %j as unlocked', (value) => {
    const doc = controlDoc()
    doc.getMap('session').set('boardLocked', value)
    expect(isBoardLocked(doc)).toBe(false)
    expect(readControl(doc).boardLocked).toBe(false)
  })
})

describe('readControl on a document holding garbage', () => {
  it('drops invalid roster entries and keeps valid ones', () => {
    const doc = controlDoc()
    addRosterEntry(doc, 'p-ada', ada)
    const roster = doc.getMap('roster')
    roster.set('x', { bad: true })
    roster.set('no-name', { name: '', group: 'g1', joinedAt: 1 })
    roster.set('long-name', { name: 'x'.repeat(41), group: 'g1', joinedAt: 1 })
    roster.set('text-time', { name: 'Eve', group: 'g1', joinedAt: 'yesterday' })
    roster.set('string', 'Eve')
    roster.set('null', null)
    expect(readControl(doc).roster).toEqual({ 'p-ada': ada })
  })

  it('drops invalid log entries and keeps valid ones in order', () => {
    const doc = controlDoc()
    appendLogEvent(doc, { type: 'phase', at: 1, to: 'vote' })
    doc
      .getArray('log')
      .push([
        { bad: true },
        42,
        'text',
        null,
        { at: 'now', kind: 'note', text: 'x' },
        { at: 2, kind: 'k'.repeat(41), text: 'x' },
        { at: 3, kind: 'note', text: 't'.repeat(2001) },
        { at: 4, kind: 'note', text: 'kept' },
        { type: 'phase', at: 5, to: 'nowhere' },
        { type: 'forged', at: 6 },
      ])
    expect(readControl(doc).log.map(({ at, kind, text }) => ({ at, kind, text }))).toEqual([
      { at: 1, kind: 'phase', text: 'Phase: vote' },
      { at: 4, kind: 'note', text: 'kept' },
    ])
  })

  it.each([['nonsense'], ['SETUP'], [''], [3], [null], [{ phase: 'vote' }]])(
    'falls back to set-up for the phase %j',
    (value) => {
      const doc = controlDoc()
      setPhase(doc, 'vote')
      doc.getMap('session').set('phase', value)
      expect(readControl(doc).phase).toBe('setup')
    },
  )

  it.each<[string, string, unknown]>([
    ['an empty title', 'title', ''],
    ['a missing title', 'title', undefined],
    ['a title that is not text', 'title', 42],
    ['a dot budget that is not a number', 'dotBudget', '5'],
    ['groups that are not a list', 'groups', 'Surgeons'],
    ['no groups', 'groups', []],
    ['a group without id', 'groups', [{ name: 'Surgeons' }]],
  ])('reads settings with %s as none', (_, key, value) => {
    const doc = controlDoc()
    if (value === undefined) doc.getMap('settings').delete(key)
    else doc.getMap('settings').set(key, value)
    expect(readControl(doc).settings).toBeNull()
  })

  it('fills in defaults for settings a writer left out', () => {
    const doc = new Y.Doc()
    const m = doc.getMap('settings')
    m.set('title', 'T')
    m.set('groups', [{ id: 'g1', name: 'A' }])
    expect(readControl(doc).settings).toEqual({
      title: 'T',
      objective: '',
      groups: [{ id: 'g1', name: 'A' }],
      dotBudget: 5,
      maxDotsPerItem: 3,
      anonymous: true,
    })
  })

  it('keeps valid parts readable next to garbage', () => {
    const doc = controlDoc()
    doc.getMap('roster').set('x', { bad: true })
    doc.getMap('session').set('phase', 'nonsense')
    doc.getArray('log').push([{ bad: true }])
    const state = readControl(doc)
    expect(state.settings).toEqual(settings)
    expect(state).toMatchObject({ phase: 'setup', roster: {}, log: [] })
  })
})

describe('two replicas', () => {
  it('converge on concurrent phase changes', () => {
    const a = controlDoc()
    const b = new Y.Doc()
    sync(a, b)
    setPhase(a, 'vote')
    setPhase(b, 'matrix')
    expect(readControl(a).phase).toBe('vote')
    expect(readControl(b).phase).toBe('matrix')
    sync(a, b)
    const stateA = readControl(a)
    const stateB = readControl(b)
    expect(stateA).toEqual(stateB)
    expect(['vote', 'matrix']).toContain(stateA.phase)
    expect(stateA.log).toEqual([])
  })

  it('converge to the same winner whichever replica syncs first', () => {
    const winners = [false, true].map((bFirst) => {
      const a = new Y.Doc()
      a.clientID = 1
      const b = new Y.Doc()
      b.clientID = 2
      initControl(a, settings)
      sync(a, b)
      setPhase(a, 'vote')
      setPhase(b, 'matrix')
      if (bFirst) sync(b, a)
      else sync(a, b)
      expect(readControl(a)).toEqual(readControl(b))
      return readControl(a).phase
    })
    expect(winners[0]).toBe(winners[1])
  })

  it('take a later phase change over an earlier one that was already synced', () => {
    const a = controlDoc()
    const b = new Y.Doc()
    sync(a, b)
    setPhase(b, 'matrix')
    sync(a, b)
    setPhase(a, 'vote')
    sync(a, b)
    expect(readControl(a).phase).toBe('vote')
    expect(readControl(b).phase).toBe('vote')
  })

  it('carry roster, lock and settings across', () => {
    const a = controlDoc()
    const b = new Y.Doc()
    addRosterEntry(a, 'p-ada', ada)
    setBoardLocked(a, true)
    sync(a, b)
    expect(readControl(b)).toEqual(readControl(a))
    expect(isBoardLocked(b)).toBe(true)
  })
})

describe('observeDoc', () => {
  it('calls the listener on every change until unsubscribed', () => {
    const doc = controlDoc()
    let calls = 0
    const unsubscribe = observeDoc(doc, () => calls++)
    setPhase(doc, 'vote')
    expect(calls).toBe(1)
    addRosterEntry(doc, 'p-ada', ada)
    setBoardLocked(doc, true)
    expect(calls).toBe(3)
    unsubscribe()
    setPhase(doc, 'matrix')
    setBoardLocked(doc, false)
    expect(calls).toBe(3)
  })

  it('calls the listener for changes that arrive from a replica', () => {
    const a = controlDoc()
    const b = new Y.Doc()
    sync(a, b)
    const seen: string[] = []
    const unsubscribe = observeDoc(b, () => seen.push(readControl(b).phase))
    setPhase(a, 'brainstorm')
    sync(a, b)
    expect(seen).toEqual(['brainstorm'])
    unsubscribe()
  })

  it('unsubscribes only its own listener', () => {
    const doc = controlDoc()
    let first = 0
    let second = 0
    const stopFirst = observeDoc(doc, () => first++)
    const stopSecond = observeDoc(doc, () => second++)
    stopFirst()
    setPhase(doc, 'vote')
    expect([first, second]).toEqual([0, 1])
    stopSecond()
  })

  it('does not call the listener when nothing changes', () => {
    const doc = controlDoc()
    let calls = 0
    const unsubscribe = observeDoc(doc, () => calls++)
    doc.transact(() => {})
    expect(calls).toBe(0)
    unsubscribe()
  })
})

const timer: TimerState = { endsAt: 1_700_000_300_000, durationMs: 300_000, onZero: 'stop' }

describe('setTimer and readTimer', () => {
  it('reads no timer on a fresh document', () => {
    expect(readTimer(controlDoc())).toBeNull()
  })

  it('sets, replaces and clears the timer, each in one update with its origin', () => {
    const doc = controlDoc()
    const origins: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    setTimer(doc, timer, 'server')
    expect(readTimer(doc)).toEqual(timer)
    expect(readControl(doc).timer).toEqual(timer)
    const notify: TimerState = { endsAt: timer.endsAt + 60_000, durationMs: 0, onZero: 'notify' }
    setTimer(doc, notify, 'server')
    expect(readTimer(doc)).toEqual(notify)
    setTimer(doc, null, 'server')
    expect(readTimer(doc)).toBeNull()
    expect(readControl(doc).timer).toBeNull()
    expect(origins).toEqual(['server', 'server', 'server'])
  })

  it('clearing when there is no timer changes nothing', () => {
    const doc = controlDoc()
    const updates = countUpdates(doc)
    setTimer(doc, null)
    expect(updates.count).toBe(0)
  })

  it.each<[string, unknown]>([
    ['text', '5 minutes'],
    ['a number', 300],
    ['no end', { durationMs: 1, onZero: 'stop' }],
    ['an end that is text', { ...timer, endsAt: 'soon' }],
    ['an end that is not a number', { ...timer, endsAt: NaN }],
    ['an endless end', { ...timer, endsAt: Infinity }],
    ['a negative length', { ...timer, durationMs: -1 }],
    ['an unknown action at zero', { ...timer, onZero: 'explode' }],
    ['no action at zero', { endsAt: 1, durationMs: 1 }],
  ])('reads a timer stored as %s as none', (_, value) => {
    const doc = controlDoc()
    doc.getMap('session').set('timer', value)
    expect(readTimer(doc)).toBeNull()
    expect(readControl(doc).timer).toBeNull()
  })
})

describe('setCollectMode', () => {
  it.each<['open' | 'silent', string]>([
    ['open', 'Open adding: ideas go straight to the board'],
    ['silent', 'Silent drafting'],
  ])('switches to %s in one update; the server logs it with its sentence', (mode, text) => {
    const doc = controlDoc()
    if (mode === 'silent') setCollectMode(doc, 'open')
    const before = readSessionMarks(doc)
    const updates = countUpdates(doc)
    setCollectMode(doc, mode)
    expect(updates.count).toBe(1)
    const state = readControl(doc)
    expect(state.collect).toBe(mode)
    appendLogEvent(doc, sessionChanges(before, readSessionMarks(doc), 1234))
    expect(readControl(doc).log.map(({ at, kind, text }) => ({ at, kind, text }))).toEqual([
      { at: 1234, kind: 'collect', text },
    ])
  })

  it.each([['loud'], [''], [1], [null]])('reads a stored mode %j as silent', (value) => {
    const doc = controlDoc()
    doc.getMap('session').set('collect', value)
    expect(readControl(doc).collect).toBe('silent')
  })
})

describe('startSilentRound', () => {
  it('opens round 2 after the first: silent again, timer cleared, logged, in one update', () => {
    const doc = controlDoc()
    setCollectMode(doc, 'open')
    setTimer(doc, timer)
    const updates = countUpdates(doc)
    startSilentRound(doc, 'facilitator')
    expect(updates.count).toBe(1)
    const state = readControl(doc)
    expect(state).toMatchObject({ round: 2, collect: 'silent', timer: null })
    expect(describeLogEvent({ type: 'silent-round', at: 2000, round: state.round })).toBe(
      'Silent round 2 opened',
    )
  })

  it('counts rounds up one at a time', () => {
    const doc = controlDoc()
    startSilentRound(doc)
    startSilentRound(doc)
    startSilentRound(doc)
    expect(readControl(doc).round).toBe(4)
  })

  it.each([[0], [-2], [1.5], ['3'], [null]])('starts from round 1 when %j is stored', (value) => {
    const doc = controlDoc()
    doc.getMap('session').set('round', value)
    expect(readControl(doc).round).toBe(1)
    startSilentRound(doc)
    expect(readControl(doc).round).toBe(2)
  })
})

describe('setProgress and readProgress', () => {
  it('reads zeros for a participant without progress', () => {
    expect(readProgress(controlDoc(), 'p-ada')).toEqual({ drafts: 0, revealed: 0, dots: 0 })
  })

  it('records counts per participant, with the origin given', () => {
    const doc = controlDoc()
    const origins: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => origins.push(origin))
    setProgress(doc, 'p-ada', { drafts: 3, revealed: 0, dots: 0 }, 'server')
    setProgress(doc, 'p-bob', { drafts: 0, revealed: 2, dots: 0 }, 'server')
    expect(readProgress(doc, 'p-ada')).toEqual({ drafts: 3, revealed: 0, dots: 0 })
    expect(readControl(doc).progress).toEqual({
      'p-ada': { drafts: 3, revealed: 0, dots: 0 },
      'p-bob': { drafts: 0, revealed: 2, dots: 0 },
    })
    expect(origins).toEqual(['server', 'server'])
  })

  it.each<[string, { drafts: number; revealed: number; dots: number }, number]>([
    ['the same counts', { drafts: 3, revealed: 1, dots: 0 }, 0],
    ['more drafts', { drafts: 4, revealed: 1, dots: 0 }, 1],
    ['drafts revealed', { drafts: 0, revealed: 4, dots: 0 }, 1],
    ['only revealed changed', { drafts: 3, revealed: 2, dots: 0 }, 1],
    ['dots placed', { drafts: 3, revealed: 1, dots: 4 }, 1],
    ['everything changed', { drafts: 0, revealed: 5, dots: 2 }, 1],
  ])('writes %s with %i update(s)', (_, next, expected) => {
    const doc = controlDoc()
    setProgress(doc, 'p-ada', { drafts: 3, revealed: 1, dots: 0 })
    const updates = countUpdates(doc)
    setProgress(doc, 'p-ada', next)
    expect(updates.count).toBe(expected)
    expect(readProgress(doc, 'p-ada')).toEqual(next)
  })

  it.each<[string, unknown]>([
    ['text', '3 ideas'],
    ['negative drafts', { drafts: -1, revealed: 0, dots: 0 }],
    ['fractional drafts', { drafts: 1.5, revealed: 0, dots: 0 }],
    ['no revealed count', { drafts: 2 }],
    ['negative dots', { drafts: 0, revealed: 0, dots: -1 }],
    ['fractional dots', { drafts: 0, revealed: 0, dots: 2.5 }],
    ['dots as text', { drafts: 0, revealed: 0, dots: '3' }],
    ['NaN dots', { drafts: 0, revealed: 0, dots: NaN }],
  ])('reads progress stored as %s as zeros, and overwrites it', (_, value) => {
    const doc = controlDoc()
    doc.getMap('progress').set('p-ada', value)
    expect(readProgress(doc, 'p-ada')).toEqual({ drafts: 0, revealed: 0, dots: 0 })
    expect(readControl(doc).progress).toEqual({})
    const updates = countUpdates(doc)
    setProgress(doc, 'p-ada', { drafts: 0, revealed: 0, dots: 0 })
    expect(updates.count).toBe(1)
    expect(readControl(doc).progress).toEqual({ 'p-ada': { drafts: 0, revealed: 0, dots: 0 } })
  })

  it('records dots used and writes again when only the dots change', () => {
    const doc = controlDoc()
    setProgress(doc, 'p-ada', { drafts: 0, revealed: 3, dots: 0 })
    const updates = countUpdates(doc)
    // 0 → 2 → 5 dots: two writes; 5 again: none.
    setProgress(doc, 'p-ada', { drafts: 0, revealed: 3, dots: 2 })
    setProgress(doc, 'p-ada', { drafts: 0, revealed: 3, dots: 5 })
    setProgress(doc, 'p-ada', { drafts: 0, revealed: 3, dots: 5 })
    expect(updates.count).toBe(2)
    expect(readProgress(doc, 'p-ada')).toEqual({ drafts: 0, revealed: 3, dots: 5 })
    expect(readControl(doc).progress).toEqual({ 'p-ada': { drafts: 0, revealed: 3, dots: 5 } })
  })

  it('takes no dots to mean 0, as brainstorm progress is written', () => {
    const doc = controlDoc()
    setProgress(doc, 'p-ada', { drafts: 2, revealed: 1 })
    expect(readProgress(doc, 'p-ada')).toEqual({ drafts: 2, revealed: 1, dots: 0 })
    // Stored with the 0 written out, so readers of the raw map see the field too.
    expect(doc.getMap('progress').get('p-ada')).toEqual({ drafts: 2, revealed: 1, dots: 0 })
    const updates = countUpdates(doc)
    setProgress(doc, 'p-ada', { drafts: 2, revealed: 1, dots: 0 })
    expect(updates.count).toBe(0)
  })

  it('reads progress stored before voting existed (no dots) as 0 dots, without rewriting it', () => {
    const doc = controlDoc()
    doc.getMap('progress').set('p-ada', { drafts: 2, revealed: 1 })
    expect(readProgress(doc, 'p-ada')).toEqual({ drafts: 2, revealed: 1, dots: 0 })
    expect(readControl(doc).progress).toEqual({ 'p-ada': { drafts: 2, revealed: 1, dots: 0 } })
    const updates = countUpdates(doc)
    setProgress(doc, 'p-ada', { drafts: 2, revealed: 1, dots: 0 })
    expect(updates.count).toBe(0)
    setProgress(doc, 'p-ada', { drafts: 2, revealed: 1, dots: 1 })
    expect(updates.count).toBe(1)
    expect(readProgress(doc, 'p-ada').dots).toBe(1)
  })

  it('keeps each participant’s dots apart and reaches another replica', () => {
    const a = controlDoc()
    const b = new Y.Doc()
    setProgress(a, 'p-ada', { drafts: 0, revealed: 1, dots: 5 })
    setProgress(a, 'p-bob', { drafts: 1, revealed: 0, dots: 2 })
    sync(a, b)
    expect(readControl(b).progress).toEqual({
      'p-ada': { drafts: 0, revealed: 1, dots: 5 },
      'p-bob': { drafts: 1, revealed: 0, dots: 2 },
    })
  })
})
