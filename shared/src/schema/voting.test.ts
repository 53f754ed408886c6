// Unit tests of the dot-voting schemas: settings bounds and messages, statuses, item keys.
import { describe, expect, it } from 'vitest'
import {
  itemKey,
  VOTE_ON,
  voteOnSchema,
  VOTING_STATUSES,
  votingSettingsSchema,
  votingStatusSchema,
  type VotingSettings,
} from './voting.js'

const valid: VotingSettings = { dotBudget: 5, maxDotsPerItem: 3, anonymous: true, voteOn: 'both' }

/** The first issue's message and path, or null when the input validates. */
function problem(input: unknown): { message: string; path: PropertyKey[] } | null {
  const parsed = votingSettingsSchema.safeParse(input)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]!
  return { message: issue.message, path: issue.path }
}

describe('votingSettingsSchema', () => {
  it.each<[string, VotingSettings]>([
    ['the defaults', valid],
    ['one dot', { ...valid, dotBudget: 1, maxDotsPerItem: 1 }],
    ['twenty dots, all on one item', { ...valid, dotBudget: 20, maxDotsPerItem: 20 }],
    ['as many on one item as in all', { ...valid, dotBudget: 4, maxDotsPerItem: 4 }],
    ['open voting on clusters', { ...valid, anonymous: false, voteOn: 'clusters' }],
    ['ideas', { ...valid, voteOn: 'ideas' }],
  ])('accepts %s', (_, settings) => {
    expect(votingSettingsSchema.parse(settings)).toEqual(settings)
  })

  it.each<[string, unknown, string, string]>([
    ['no dots', { ...valid, dotBudget: 0 }, 'dotBudget', 'Dots per person is at least 1'],
    ['21 dots', { ...valid, dotBudget: 21 }, 'dotBudget', 'Dots per person is at most 20'],
    [
      'fractional dots',
      { ...valid, dotBudget: 4.5 },
      'dotBudget',
      'Dots per person must be a whole number',
    ],
    ['dots as text', { ...valid, dotBudget: '5' }, 'dotBudget', 'Dots per person must be a number'],
    ['NaN dots', { ...valid, dotBudget: NaN }, 'dotBudget', 'Dots per person must be a number'],
    [
      'infinite dots',
      { ...valid, dotBudget: Infinity },
      'dotBudget',
      'Dots per person must be a number',
    ],
    [
      'no dots on one item',
      { ...valid, maxDotsPerItem: 0 },
      'maxDotsPerItem',
      'Dots on one item is at least 1',
    ],
    [
      '21 dots on one item',
      { ...valid, dotBudget: 20, maxDotsPerItem: 21 },
      'maxDotsPerItem',
      'Dots on one item is at most 20',
    ],
    [
      'half a dot on one item',
      { ...valid, maxDotsPerItem: 1.5 },
      'maxDotsPerItem',
      'Dots on one item must be a whole number',
    ],
    [
      'a missing cap',
      { dotBudget: 5, anonymous: true, voteOn: 'both' },
      'maxDotsPerItem',
      'Dots on one item must be a number',
    ],
  ])('refuses %s', (_, input, field, message) => {
    expect(problem(input)).toEqual({ message, path: [field] })
  })

  it.each<[number, number]>([
    [3, 4],
    [1, 2],
    [19, 20],
  ])(
    'refuses %i dots per person with %i on one item, saying why on the cap',
    (dotBudget, maxDotsPerItem) => {
      expect(problem({ ...valid, dotBudget, maxDotsPerItem })).toEqual({
        message: 'Dots on one item cannot be more than dots per person',
        path: ['maxDotsPerItem'],
      })
    },
  )

  it('reports both the bound and the refinement when a cap of 21 meets 5 dots', () => {
    // zod 4 runs the refinement after a failed bound on a number (the issue is not fatal).
    const parsed = votingSettingsSchema.safeParse({ ...valid, maxDotsPerItem: 21 })
    expect(parsed.success).toBe(false)
    expect(parsed.error!.issues.map((i) => [i.path, i.message])).toEqual([
      [['maxDotsPerItem'], 'Dots on one item is at most 20'],
      [['maxDotsPerItem'], 'Dots on one item cannot be more than dots per person'],
    ])
  })

  it('does not run the refinement when a field is not a number at all', () => {
    const parsed = votingSettingsSchema.safeParse({ ...valid, dotBudget: '5' })
    expect(parsed.error!.issues.map((i) => i.message)).toEqual(['Dots per person must be a number'])
  })

  it.each<[string, unknown]>([
    ['an unknown kind of item', { ...valid, voteOn: 'cards' }],
    ['anonymity as text', { ...valid, anonymous: 'true' }],
    ['anonymity missing', { dotBudget: 5, maxDotsPerItem: 3, voteOn: 'both' }],
    ['null', null],
    ['an array', [5, 3, true, 'both']],
  ])('refuses %s', (_, input) => {
    expect(votingSettingsSchema.safeParse(input).success).toBe(false)
  })

  it('drops unknown keys', () => {
    expect(votingSettingsSchema.parse({ ...valid, extra: 'x' })).toEqual(valid)
  })
})

describe('voteOnSchema and votingStatusSchema', () => {
  it('know what is voted on and the statuses, in order', () => {
    expect(VOTE_ON).toEqual(['themes', 'clusters', 'ideas', 'both'])
    expect(VOTING_STATUSES).toEqual(['setup', 'open', 'closed', 'revealed'])
  })

  it.each<[unknown, boolean]>([
    ['themes', true],
    ['clusters', true],
    ['ideas', true],
    ['both', true],
    ['Both', false],
    ['', false],
    [null, false],
  ])('voteOn %j valid: %s', (value, ok) => {
    expect(voteOnSchema.safeParse(value).success).toBe(ok)
  })

  it.each<[unknown, boolean]>([
    ['setup', true],
    ['open', true],
    ['closed', true],
    ['revealed', true],
    ['opened', false],
    [0, false],
  ])('status %j valid: %s', (value, ok) => {
    expect(votingStatusSchema.safeParse(value).success).toBe(ok)
  })
})

describe('itemKey', () => {
  it('prefixes clusters with c: and ideas with i:', () => {
    expect(itemKey.cluster('k1')).toBe('c:k1')
    expect(itemKey.idea('k1')).toBe('i:k1')
  })

  it('keeps a cluster and an idea with the same id apart', () => {
    expect(itemKey.cluster('same')).not.toBe(itemKey.idea('same'))
  })
})
