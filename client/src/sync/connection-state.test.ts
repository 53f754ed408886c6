// The connection badge state machine, close-code handling and the sync URL.
import { describe, expect, it } from 'vitest'
import { CLOSE } from '@triage/shared'
import {
  CONNECTION_LABELS,
  closeNotice,
  deriveConnection,
  endedMessage,
  isFinalClose,
  nextNotice,
  syncUrl,
  type DocKind,
  type NoticeEvent,
  type ProviderFacts,
  type SyncNotice,
} from './connection-state'

const base: ProviderFacts = {
  connected: false,
  synced: false,
  failedAttempts: 0,
  online: true,
  finalCloseCode: null,
}

describe('deriveConnection', () => {
  it.each([
    ['first attempt', {}, 'connecting'],
    ['socket open, not yet synced', { connected: true }, 'connecting'],
    ['open and synced', { connected: true, synced: true }, 'connected'],
    ['a couple of failed attempts', { failedAttempts: 2 }, 'connecting'],
    ['server out of reach', { failedAttempts: 3 }, 'offline'],
    ['browser offline', { online: false }, 'offline'],
    [
      'synced beats a stale offline flag',
      { connected: true, synced: true, online: false },
      'connected',
    ],
    ['final close wins', { connected: true, synced: true, finalCloseCode: 4401 }, 'ended'],
  ] as const)('%s → %s', (_, facts, kind) => {
    expect(deriveConnection({ ...base, ...facts }).kind).toBe(kind)
  })

  it('keeps the close code of an ended session', () => {
    expect(deriveConnection({ ...base, finalCloseCode: 4410 })).toEqual({
      kind: 'ended',
      closeCode: 4410,
    })
  })
})

describe('labels and close codes', () => {
  it('uses the words the UI promises', () => {
    expect(CONNECTION_LABELS.connected).toBe('Connected')
    expect(CONNECTION_LABELS.connecting).toBe('Connecting…')
    expect(CONNECTION_LABELS.offline).toBe(
      'Offline — your changes are kept and will sync when you are back',
    )
  })

  it.each([
    [4401, true],
    [4403, true],
    [4404, true],
    [4410, true],
    [4411, true],
    [4429, false],
    [4400, false],
    [1006, false],
    [1000, false],
  ])('close code %i is final: %s', (code, final) => {
    expect(isFinalClose(code)).toBe(final)
  })

  it.each([
    [4401, /join again/],
    [4403, /join again/],
    [4404, /does not exist/],
    [4410, /deleted/],
    [4411, /removed you/],
  ])('explains close code %i', (code, message) => {
    expect(endedMessage(code)).toMatch(message)
  })
})

describe('notices for closes that are not final', () => {
  const BOARD_FULL = 'This board is full: the facilitator can remove ideas or start a new workshop.'
  const DOC_FULL = 'This document is full: your latest change could not be saved.'
  const TOO_MANY =
    'Too many open connections from this device or network — close other tabs and try again.'

  it('uses the codes the server closes with', () => {
    expect(CLOSE.documentFull).toBe(4413)
    expect(CLOSE.tooManyConnections).toBe(4430)
  })

  it.each([CLOSE.documentFull, CLOSE.tooManyConnections])(
    'close code %i is not final: the client reconnects (backing off)',
    (code) => {
      expect(isFinalClose(code)).toBe(false)
    },
  )

  it.each<[number, DocKind, string | null]>([
    [4413, 'board', BOARD_FULL],
    [4413, 'control', DOC_FULL],
    [4413, 'private', DOC_FULL],
    [4430, 'board', TOO_MANY],
    [4430, 'control', TOO_MANY],
    [4430, 'private', TOO_MANY],
    [4429, 'board', null],
    [4400, 'board', null],
    [1006, 'control', null],
    [4401, 'private', null],
  ])('close code %i on the %s document → %j', (code, doc, message) => {
    expect(closeNotice(code, doc)).toBe(message)
  })

  const full: SyncNotice = { code: 4413, message: BOARD_FULL }
  const crowded: SyncNotice = { code: 4430, message: TOO_MANY }
  const closed = (code: number): NoticeEvent => ({ type: 'closed', code })
  it.each<[string, SyncNotice | null, NoticeEvent, SyncNotice | null]>([
    ['board full', null, closed(4413), full],
    ['too many connections', null, closed(4430), crowded],
    ['a later full replaces too many', crowded, closed(4413), full],
    ['an ordinary drop keeps the notice', crowded, closed(1006), crowded],
    ['a rate-limit close keeps the notice', full, closed(4429), full],
    ['no notice stays none', null, closed(1006), null],
    ['a final close clears it (the page says the session ended)', full, closed(4410), null],
    ['a sync clears too many', crowded, { type: 'synced' }, null],
    ['full survives the reconnect after it', full, { type: 'synced' }, full],
    [
      'a change of ours clears full (refused again, it comes back)',
      full,
      { type: 'changed' },
      null,
    ],
    ['a change does not clear too many', crowded, { type: 'changed' }, crowded],
  ])('%s', (_, current, event, next) => {
    expect(nextNotice(current, event, 'board')).toEqual(next)
  })

  it('says "document" for the documents that are not the board', () => {
    expect(nextNotice(null, closed(4413), 'private')).toEqual({ code: 4413, message: DOC_FULL })
  })
})

describe('syncUrl', () => {
  it.each([
    [{ protocol: 'http:', host: 'localhost:3000' }, 'ws://localhost:3000/sync'],
    [{ protocol: 'https:', host: 'triage.example.org' }, 'wss://triage.example.org/sync'],
  ])('%j → %s', (location, url) => {
    expect(syncUrl(location)).toBe(url)
  })
})
