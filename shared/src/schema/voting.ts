// Dot-voting settings: how many dots, how many on one item, open or anonymous, what is voted on.
import { z } from './zod.js'

/**
 * What participants put dots on. `themes` (the default): each cluster once, plus the cards in no
 * cluster, so every idea is on the ballot exactly once; `clusters`: clusters only; `ideas`: every
 * card alone; `both`: clusters and, again, each of their cards (a theme's dots may split).
 */
export const VOTE_ON = ['themes', 'clusters', 'ideas', 'both'] as const
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

/** Revealed results, as the server writes them into the control document. */
export const groupResultSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Participants of this group who placed at least one counted dot. */
  voters: z.number().check(z.int(), z.nonnegative()),
  /** Members of the group on the roster. */
  members: z.number().check(z.int(), z.nonnegative()),
  dots: z.number().check(z.int(), z.nonnegative()),
})
export const itemResultSchema = z.object({
  key: z.string(),
  kind: z.enum(['cluster', 'idea']),
  label: z.string(),
  total: z.number().check(z.int(), z.nonnegative()),
  byGroup: z.record(z.string(), z.number().check(z.int(), z.nonnegative())),
  /** Share with every group weighted equally, 0–1. */
  normalized: z.number().check(z.gte(0), z.lte(1)),
  /** Competition ranks (1, 2, 2, 4): equal values share a rank. */
  rank: z.number().check(z.int(), z.positive()),
  normalizedRank: z.number().check(z.int(), z.positive()),
})
export const voteResultsSchema = z.object({
  revealedAt: z.number(),
  settings: votingSettingsSchema,
  groups: z.array(groupResultSchema),
  items: z.array(itemResultSchema),
  totalDots: z.number().check(z.int(), z.nonnegative()),
  voters: z.number().check(z.int(), z.nonnegative()),
  /** Open voting only: who put how many dots where. */
  ballots: z.nullable(
    z.array(
      z.object({ name: z.string(), group: z.string(), dots: z.record(z.string(), z.number()) }),
    ),
  ),
})
export type GroupResult = z.infer<typeof groupResultSchema>
export type ItemResult = z.infer<typeof itemResultSchema>
export type VoteResults = z.infer<typeof voteResultsSchema>
