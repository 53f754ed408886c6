// The voting settings form: parsing typed text, the shared schema's messages, summaries.
import { describe, expect, it } from 'vitest'
import type { VotingStatus } from '@triage/shared'
import {
  formOf,
  parseSettingsForm,
  sameSettings,
  settingsLock,
  settingsSummary,
} from './voting-settings-model'

const base = { dotBudget: '5', maxDotsPerItem: '3', anonymous: true, voteOn: 'both' } as const

describe('parseSettingsForm', () => {
  it('turns valid text into settings', () => {
    expect(parseSettingsForm({ ...base, dotBudget: ' 7 ', anonymous: false })).toEqual({
      ok: true,
      settings: { dotBudget: 7, maxDotsPerItem: 3, anonymous: false, voteOn: 'both' },
    })
  })

  it.each([
    [
      { maxDotsPerItem: '6' },
      'Dots on one item cannot be more than dots per person',
      'maxDotsPerItem',
    ],
    [{ dotBudget: '' }, 'Dots per person must be a number', 'dotBudget'],
    [{ dotBudget: 'abc' }, 'Dots per person must be a number', 'dotBudget'],
    [{ dotBudget: '2.5' }, 'Dots per person must be a whole number', 'dotBudget'],
    [{ dotBudget: '0' }, 'Dots per person is at least 1', 'dotBudget'],
    [{ dotBudget: '21' }, 'Dots per person is at most 20', 'dotBudget'],
    [{ maxDotsPerItem: '-1' }, 'Dots on one item is at least 1', 'maxDotsPerItem'],
  ])('%o → %s', (change, message, field) => {
    expect(parseSettingsForm({ ...base, ...change })).toEqual({ ok: false, message, field })
  })
})

describe('formOf and sameSettings', () => {
  it('round-trips settings through the form', () => {
    const settings = { dotBudget: 4, maxDotsPerItem: 2, anonymous: false, voteOn: 'ideas' } as const
    const parsed = parseSettingsForm(formOf(settings))
    expect(parsed.ok && sameSettings(parsed.settings, settings)).toBe(true)
    expect(sameSettings(settings, { ...settings, voteOn: 'both' })).toBe(false)
  })
})

describe('settingsSummary', () => {
  it('says the budget, the cap, anonymity and what is voted on', () => {
    expect(
      settingsSummary({ dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn: 'clusters' }),
    ).toBe('5 dots each, at most 3 on one item · anonymous · on clusters')
    expect(
      settingsSummary({ dotBudget: 1, maxDotsPerItem: 1, anonymous: false, voteOn: 'both' }),
    ).toBe(
      '1 dot each, at most 1 on one item · open (names shown with the results) · on clusters and ideas',
    )
  })
})

describe('settingsLock', () => {
  const SEALED = 'Votes are sealed with these settings. Reopen voting to change them.'
  const FIXED = 'Settings are fixed while voting is open.'
  it.each<[VotingStatus, boolean, string | null]>([
    ['setup', false, null],
    ['setup', true, null],
    ['open', false, FIXED],
    ['open', true, FIXED],
    ['closed', false, SEALED],
    ['closed', true, null],
    ['revealed', false, 'The results were counted with these settings.'],
    ['revealed', true, 'The results were counted with these settings.'],
  ])('%s (changing to reopen: %s) → %j', (status, reopening, reason) => {
    expect(settingsLock(status, reopening)).toBe(reason)
  })
})
