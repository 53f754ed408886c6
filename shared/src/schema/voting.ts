// Dot-voting settings: how many dots, how many on one item, open or anonymous, what is voted on.
import { z } from './zod.js'

/** What participants put dots on: clusters, single cards, or both. */
export const VOTE_ON = ['clusters', 'ideas', 'both'] as const
export const voteOnSchema = z.enum(VOTE_ON)
export type VoteOn = z.infer<typeof voteOnSchema>

/** `setup` → `open` → `closed` (votes sealed) → `revealed`; closed can be reopened. */
export const VOTING_STATUSES = ['setup', 'open', 'closed', 'revealed'] as const
export const votingStatusSchema = z.enum(VOTING_STATUSES)
export type VotingStatus = z.infer<typeof votingStatusSchema>

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number` })
    .check(
      z.int(`${what} must be a whole number`),
      z.gte(min, `${what} is at least ${min}`),
      z.lte(max, `${what} is at most ${max}`),
    )

export const votingSettingsSchema = z
  .object({
    /** Dots each participant may place. */
    dotBudget: wholeNumber('Dots per person', 1, 20),
    /** Most dots one participant may place on one item. */
    maxDotsPerItem: wholeNumber('Dots on one item', 1, 20),
    /** When true, results never say who put which dot where. */
    anonymous: z.boolean(),
    voteOn: voteOnSchema,
  })
  .check(
    z.refine((s) => s.maxDotsPerItem <= s.dotBudget, {
      message: 'Dots on one item cannot be more than dots per person',
      path: ['maxDotsPerItem'],
    }),
  )
export type VotingSettings = z.infer<typeof votingSettingsSchema>

/** Item keys: a cluster `c:<id>` or a card `i:<id>`, so the two never collide. */
export const itemKey = {
  cluster: (id: string) => `c:${id}`,
  idea: (id: string) => `i:${id}`,
} as const
