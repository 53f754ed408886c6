// The connection badge state machine, close-code handling and the sync URL.
import { describe, expect, it } from 'vitest'
import {
  CONNECTION_LABELS,
  deriveConnection,
  endedMessage,
  isFinalClose,
  syncUrl,
  type ProviderFacts,
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
  ])('explains close code %i', (code, message) => {
    expect(endedMessage(code)).toMatch(message)
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
