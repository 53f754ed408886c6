// Text hygiene where text comes in: every free-text schema cleans before it trims and counts,
// every accessor cleans what it writes, and readers clean what an older document still holds.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseItemList } from '../domain/import-items.js'
import {
  addIdeaBodySchema,
  createWorkshopBodySchema,
  importItemsBodySchema,
  joinBodySchema,
} from '../protocol/http.js'
import { clusterNameSchema, ideaTextSchema } from '../schema/brainstorm.js'
import { rosterEntrySchema } from '../schema/roster.js'
import { hasOnlySafeCharacters } from '../schema/text.js'
import { groupSchema, workshopSettingsSchema, type WorkshopSettings } from '../schema/workshop.js'
import {
  addIdeas,
  createCluster,
  ideaText,
  readBoard,
  renameCluster,
  CLUSTERS,
  IDEAS,
} from './board.js'
import { addRosterEntry, appendLog, initControl, readControl } from './control.js'
import { editDraft, putDraft, readDrafts } from './private.js'

/** Every hostile piece the issue found stored verbatim, in one string. */
const HOSTILE = '\u202E\u0000\u001b[31m\r\n\u2066\uFEFF\u200F'

/** Every string anywhere in a document, as the server's update check will see them. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) for (const v of value) strings(v, out)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k)
      strings(v, out)
    }
  }
  return out
}

const allSafe = (doc: Y.Doc) =>
  strings(
    Object.fromEntries(
      [...doc.share.keys()].map((name) => [name, doc.get(name, Y.AbstractType).toJSON()]),
    ),
  ).every((s) => hasOnlySafeCharacters(s, true))

describe('free-text schemas clean before trimming and counting', () => {
  it.each([
    [
      'a workshop title',
      workshopSettingsSchema.shape.title,
      `Roadmap${HOSTILE}2026`,
      'Roadmap[31m 2026',
    ],
    ['a group name', groupSchema.shape.name, `\u202ESurgeons${HOSTILE}`, 'Surgeons[31m'],
    ['a cluster name', clusterNameSchema, ` Wards\u2069\r\n`, 'Wards'],
    ['an idea (lines kept)', ideaTextSchema, `Fix\r\nthe\u202E pager\u0000`, 'Fix\nthe pager'],
    ['the objective (lines kept)', workshopSettingsSchema.shape.objective, 'a\r\nb\u001b', 'a\nb'],
    ['a roster name', rosterEntrySchema.shape.name, 'Dana\u202E', 'Dana'],
    ['an NFC-composed name', groupSchema.shape.name, 'Rene\u0301e', 'Renée'],
  ] as const)('%s', (_what, schema, input, expected) => {
    expect(schema.parse(input)).toBe(expected)
  })

  it.each([
    ['the title', workshopSettingsSchema.shape.title, 'The title is required'],
    ['a group name', groupSchema.shape.name, 'A group name is required'],
    ['an idea', ideaTextSchema, 'An idea cannot be empty'],
  ] as const)('takes %s made only of control characters as empty', (_what, schema, message) => {
    const result = schema.safeParse('\u0000\u202E\u001b\u2066\uFEFF')
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
  })

  it('counts the length after cleaning', () => {
    const name = 'A'.repeat(40)
    expect(groupSchema.shape.name.parse(`${name}${'\u0000'.repeat(20)}`)).toBe(name)
  })

  it('cleans the bodies of join, create, open adding and item import', () => {
    expect(
      joinBodySchema.parse({ code: 'ABCDEG', name: ' Dana\u202E ', group: 'g1\u0000' }),
    ).toEqual({ code: 'ABCDEG', name: 'Dana', group: 'g1' })
    const created = createWorkshopBodySchema.parse({ title: `T${HOSTILE}`, groups: ['A\u2066'] })
    expect([created.title, created.groups]).toEqual(['T[31m', ['A']])
    expect(addIdeaBodySchema.parse({ text: 'x\u202Ey' })).toEqual({ text: 'xy' })
    expect(importItemsBodySchema.parse({ format: 'lines', text: 'a\r\nb\u0000' }).text).toBe('a\nb')
  })

  it('refuses group names that differ only by unsafe characters', () => {
    const result = createWorkshopBodySchema.safeParse({ title: 'T', groups: ['IT', 'IT\u202E'] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe('Group names must differ')
  })

  it('cleans each imported item, lines or CSV', () => {
    expect(parseItemList('- a\u202Eb\n\u0000\n* c\u001b[0m', 'lines', 10)).toEqual({
      items: ['ab', 'c[0m'],
      skipped: 0,
    })
    expect(parseItemList('Item\n"x\u2066y"\n\u0000', 'csv', 10).items).toEqual(['xy'])
  })
})

const settings: WorkshopSettings = {
  title: `Wards${HOSTILE}`,
  objective: `Pick\r\nthree\u202E`,
  groups: [{ id: 'g1', name: '\u2066Surgeons\u2069' }],
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: false,
}

describe('accessors write clean text', () => {
  it('the control document: settings, roster and log', () => {
    const doc = new Y.Doc()
    initControl(doc, settings)
    addRosterEntry(doc, 'p1', { name: 'Dana\u202E\u0000', group: 'g1', joinedAt: 1 })
    appendLog(doc, { at: 1, kind: 'note', text: 'Renamed \u001b[2J' })
    const control = readControl(doc)
    expect(control.settings).toMatchObject({
      title: 'Wards[31m',
      objective: 'Pick\nthree',
      groups: [{ id: 'g1', name: 'Surgeons' }],
    })
    expect(control.roster['p1']?.name).toBe('Dana')
    expect(control.log.map((l) => l.text)).toEqual(['Renamed [2J'])
    expect(allSafe(doc)).toBe(true)
  })

  it('the board: idea text, authors and cluster names', () => {
    const doc = new Y.Doc()
    addIdeas(doc, [
      {
        id: 'i1',
        text: 'Fix\r\nthe\u202E pager',
        createdAt: 1,
        source: 'participant',
        round: 1,
        author: { participantId: 'p1', name: 'Dana\u2066', group: 'g1' },
      },
    ])
    createCluster(doc, 'c1', 'Pagers\u0000', 2, ['i1'])
    expect(ideaText(doc, 'i1')?.toString()).toBe('Fix\nthe pager')
    renameCluster(doc, 'c1', '\u202EPaging\r\n')
    const board = readBoard(doc)
    expect(board.clusters.map((c) => c.name)).toEqual(['Paging '])
    expect(board.cards[0]?.author?.name).toBe('Dana')
    expect(allSafe(doc)).toBe(true)
  })

  it('the private document: drafts written and edited', () => {
    const doc = new Y.Doc()
    putDraft(doc, 'd1', 'one\u202E\r\ntwo', 1)
    putDraft(doc, 'd2', 'x', 2)
    editDraft(doc, 'd2', 'y\u0000\u2069')
    expect(readDrafts(doc).map((d) => d.text)).toEqual(['one\ntwo', 'y'])
    expect(allSafe(doc)).toBe(true)
  })
})

describe('readers clean what an older document holds', () => {
  it('roster names, settings, log lines, drafts, cluster names and idea text', () => {
    const control = new Y.Doc()
    const s = control.getMap('settings')
    s.set('title', 'Old\u202E')
    s.set('groups', [{ id: 'g1', name: 'A\u0000' }])
    control.getMap('roster').set('p1', { name: 'Eve\u202E', group: 'g1', joinedAt: 1 })
    control.getMap('roster').set('p2', { name: '\u0000\u202E', group: 'g1', joinedAt: 1 })
    control.getArray('log').push([{ at: 1, kind: 'x', text: 'l\u001b' }])
    const state = readControl(control)
    expect(state.settings?.title).toBe('Old')
    expect(state.settings?.groups).toEqual([{ id: 'g1', name: 'A' }])
    // A name of nothing but control characters is no name: the entry does not validate.
    expect(state.roster).toEqual({ p1: { name: 'Eve', group: 'g1', joinedAt: 1 } })
    expect(state.log.map((l) => l.text)).toEqual(['l'])

    const board = new Y.Doc()
    const idea = new Y.Map<unknown>()
    idea.set('text', new Y.Text('old\u202E idea'))
    board.getMap(IDEAS).set('i1', idea)
    board.getMap(CLUSTERS).set('c1', { name: 'C\u2066', createdAt: 1 })
    const read = readBoard(board)
    expect(read.cards.map((c) => c.text)).toEqual(['old idea'])
    expect(read.clusters.map((c) => c.name)).toEqual(['C'])

    const own = new Y.Doc()
    own.getMap('drafts').set('d1', { text: 'd\u0000', createdAt: 1 })
    expect(readDrafts(own).map((d) => d.text)).toEqual(['d'])
  })
})
