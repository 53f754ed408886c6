// Sealed rounds in the documents, by kind id: voting keeps the names the client reads, a new
// kind gets roots of its own, and the control guard holds for every kind alike.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dotVoting } from '../domain/rounds/dot-voting.js'
import { defineRoundKind, type AnyRoundKind } from '../domain/rounds/round-kind.js'
import { z } from '../schema/zod.js'
import { addRosterEntry, initControl, readProgress, setProgress } from './control.js'
import { checkControlUpdate } from './control-guard.js'
import {
  clearRoundProgress,
  readRawRoundInput,
  readRoundParticipants,
  readRoundProgress,
  readRoundResult,
  readRoundState,
  readRoundStatus,
  roundLayout,
  setRoundInputEntry,
  setRoundProgress,
  setRoundResult,
  setRoundSealed,
  setRoundSettings,
  setRoundStatus,
} from './rounds.js'
import { readResults, readVoting } from './voting.js'

/** A tiny test-only kind: the doc layer needs only its id and schemas. */
const scores = defineRoundKind({
  id: 'scores',
  words: {
    name: 'Scoring',
    round: 'scoring',
    submitted: 'scored',
    took: 'scored',
    results: 'Scores revealed',
    inputs: 'scores',
  },
  settingsSchema: z.object({ scale: z.number().check(z.int(), z.gte(2)) }),
  contextSchema: z.object({}),
  inputSchema: z.record(z.string(), z.number()),
  resultSchema: z.object({ mean: z.number() }),
  defaultSettings: () => ({ scale: 5 }),
  context: () => ({}),
  cannotOpen: () => null,
  clamp: () => ({}),
  progress: () => ({ done: 0, of: 0 }),
  aggregate: () => ({ mean: 0 }),
  describeSettings: (s) => `scale ${s.scale}`,
  headline: () => ({ headline: '', took: 0 }),
})
const anyScores: AnyRoundKind = scores

const workshop = {
  title: 'Which wards first?',
  objective: '',
  groups: [{ id: 'g1', name: 'Surgeons' }],
  dotBudget: 4,
  maxDotsPerItem: 2,
  anonymous: true,
}

describe('roundLayout', () => {
  it('keeps voting where the client has always read it', () => {
    expect(roundLayout('voting')).toEqual({
      control: 'voting',
      result: 'vote',
      input: 'votes',
      progress: { field: 'dots', ofSetting: 'dotBudget' },
    })
  })

  it('gives any other kind roots named after it, whatever the id', () => {
    expect(roundLayout('scores')).toEqual({
      control: 'round:scores',
      result: 'round:scores',
      input: 'round:scores',
      progress: { root: 'round-progress:scores' },
    })
    // An id that names something on every object is still only a name.
    expect(roundLayout('constructor').control).toBe('round:constructor')
  })
})

describe('a round in the control document', () => {
  it('reads an empty document as set-up with the kind’s default settings', () => {
    expect(readRoundState(new Y.Doc(), scores, null)).toEqual({
      status: 'setup',
      settings: { scale: 5 },
      openedAt: null,
      closedAt: null,
      revealedAt: null,
      sealed: null,
    })
  })

  it('stamps each step, keeps the seal’s counts until the round opens again', () => {
    const doc = new Y.Doc()
    setRoundSettings(doc, 'scores', { scale: 7 })
    setRoundStatus(doc, 'scores', 'open', 10)
    setRoundStatus(doc, 'scores', 'closed', 20)
    setRoundSealed(doc, 'scores', { participants: 3, submitted: 2, unreadable: 1 })
    setRoundStatus(doc, 'scores', 'revealed', 30)
    expect(readRoundState(doc, scores, null)).toEqual({
      status: 'revealed',
      settings: { scale: 7 },
      openedAt: 10,
      closedAt: 20,
      revealedAt: 30,
      sealed: { participants: 3, submitted: 2, unreadable: 1 },
    })
    setRoundStatus(doc, 'scores', 'open', 40)
    expect(readRoundState(doc, scores, null)).toMatchObject({ openedAt: 40, sealed: null })
    expect(readRoundStatus(doc, 'scores')).toBe('open')
  })

  it('falls back on settings that do not validate, and on a status it does not know', () => {
    const doc = new Y.Doc()
    doc.getMap('round:scores').set('settings', { scale: 1 })
    doc.getMap('round:scores').set('status', 'finished')
    expect(readRoundState(doc, scores, null)).toMatchObject({
      status: 'setup',
      settings: { scale: 5 },
    })
  })

  it('keeps kinds apart: voting’s state is not another kind’s', () => {
    const doc = new Y.Doc()
    setRoundStatus(doc, 'voting', 'open', 1)
    setRoundResult(doc, 'scores', { mean: 3 })
    expect(readRoundStatus(doc, 'scores')).toBe('setup')
    expect(readVoting(doc, null).status).toBe('open')
    expect(readRoundResult(doc, scores)).toEqual({ mean: 3 })
    expect(readResults(doc)).toBeNull()
    setRoundResult(doc, 'scores', null, 'server')
    expect(readRoundResult(doc, scores)).toBeNull()
  })

  it('reads voting’s state through the generic reader as readVoting does', () => {
    const doc = new Y.Doc()
    initControl(doc, workshop)
    setRoundStatus(doc, 'voting', 'open', 5)
    expect(readRoundState(doc, dotVoting, workshop)).toMatchObject(readVoting(doc, workshop))
  })
})

describe('a participant’s input', () => {
  it('sets and removes entries, and reads whatever is there for the clamp', () => {
    const doc = new Y.Doc()
    setRoundInputEntry(doc, 'scores', 'i:a', 4)
    setRoundInputEntry(doc, 'scores', 'i:b', { hostile: true })
    expect(readRawRoundInput(doc, 'scores')).toEqual({ 'i:a': 4, 'i:b': { hostile: true } })
    setRoundInputEntry(doc, 'scores', 'i:a', null)
    expect(readRawRoundInput(doc, 'scores')).toEqual({ 'i:b': { hostile: true } })
    // Voting's dots are elsewhere.
    expect(readRawRoundInput(doc, 'voting')).toEqual({})
  })
})

describe('progress', () => {
  it('keeps a new kind’s counts in a root of its own, writing only changes', () => {
    const doc = new Y.Doc()
    const updates: unknown[] = []
    doc.on('update', (_: Uint8Array, origin: unknown) => updates.push(origin))
    setRoundProgress(doc, 'scores', 'p1', { done: 2, of: 5 }, 'server')
    setRoundProgress(doc, 'scores', 'p1', { done: 2, of: 5 }, 'server')
    expect(updates).toEqual(['server'])
    clearRoundProgress(doc, 'scores', 'p1')
    clearRoundProgress(doc, 'scores', 'p2')
    expect(readRoundProgress(doc, anyScores, null)).toEqual({ p1: { done: 0, of: 5 } })
  })

  it('keeps voting’s count as the dots of the brainstorm progress, out of the budget', () => {
    const doc = new Y.Doc()
    initControl(doc, workshop)
    setProgress(doc, 'p1', { drafts: 2, revealed: 1 })
    setRoundProgress(doc, 'voting', 'p1', { done: 3, of: 4 })
    expect(readProgress(doc, 'p1')).toEqual({ drafts: 2, revealed: 1, dots: 3 })
    expect(readRoundProgress(doc, dotVoting as AnyRoundKind, workshop)).toEqual({
      p1: { done: 3, of: 4 },
    })
    clearRoundProgress(doc, 'voting', 'p1')
    expect(readProgress(doc, 'p1')).toEqual({ drafts: 2, revealed: 1, dots: 0 })
  })

  it('names participants from the roster, dropping entries that do not validate', () => {
    const doc = new Y.Doc()
    addRosterEntry(doc, 'p1', { name: 'Dana', group: 'g1', joinedAt: 1 })
    doc.getMap('roster').set('p2', { name: 42 })
    expect([...readRoundParticipants(doc).values()]).toEqual([
      { id: 'p1', name: 'Dana', group: 'g1' },
    ])
  })
})

describe('the control guard, for every round kind', () => {
  function scene(status?: 'open' | 'closed') {
    const server = new Y.Doc()
    initControl(server, workshop)
    setRoundSettings(server, 'scores', { scale: 5 })
    if (status) setRoundStatus(server, 'scores', status, 1)
    const facilitator = new Y.Doc()
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
    return { server, facilitator }
  }
  const change = (doc: Y.Doc, fn: (d: Y.Doc) => void) => {
    const before = Y.encodeStateVector(doc)
    fn(doc)
    return Y.encodeStateAsUpdate(doc, before)
  }

  it('lets the facilitator set a kind’s settings in set-up', () => {
    const { server, facilitator } = scene()
    const update = change(facilitator, (d) => setRoundSettings(d, 'scores', { scale: 7 }))
    expect(checkControlUpdate(server, update)).toEqual({ ok: true })
  })

  it.each<[string, (d: Y.Doc) => void]>([
    ['open the round', (d) => setRoundStatus(d, 'scores', 'open', 2)],
    [
      'write what close sealed',
      (d) => setRoundSealed(d, 'scores', { participants: 1, submitted: 1, unreadable: 0 }),
    ],
    ['stamp a reveal', (d) => d.getMap('round:scores').set('revealedAt', 3)],
    ['write a result', (d) => setRoundResult(d, 'scores', { mean: 9 })],
    ['write progress', (d) => setRoundProgress(d, 'scores', 'p1', { done: 9, of: 9 })],
    ['open a kind not yet used', (d) => setRoundStatus(d, 'weights', 'open', 2)],
  ])('refuses the facilitator who would %s', (_, fn) => {
    const { server, facilitator } = scene()
    expect(checkControlUpdate(server, change(facilitator, fn)).ok).toBe(false)
  })

  it.each(['open', 'closed'] as const)('fixes a kind’s settings once it is %s', (status) => {
    const { server, facilitator } = scene(status)
    const update = change(facilitator, (d) => setRoundSettings(d, 'scores', { scale: 7 }))
    expect(checkControlUpdate(server, update)).toMatchObject({ ok: false })
  })
})
