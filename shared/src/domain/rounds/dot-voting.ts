// Dot voting as a round kind: each participant places dots on candidate items; the clamp is the
// tally's ballot counter (whole dots, items that exist, per-item cap, budget in board order);
// the reveal is the tally per item and per stakeholder group.
import { candidateItemSchema, type CandidateItem } from '../../schema/items.js'
import {
  voteResultsSchema,
  votingSettingsSchema,
  type VoteResults,
  type VotingSettings,
} from '../../schema/voting.js'
import type { WorkshopSettings } from '../../schema/workshop.js'
import { z } from '../../schema/zod.js'
import { voteItems } from '../items.js'
import { ballotCounter, dotsUsed, rankedItems, tally, type Allocation } from '../tally.js'
import { defineRoundKind, type SealedRound } from './round-kind.js'
import { ROUND_WORDS } from './words.js'

/** What a vote is cast on: the settings and the items of the ballot, in board order. */
export interface VotingContext {
  readonly settings: VotingSettings
  readonly items: readonly CandidateItem[]
}

const votingContextSchema = z.object({
  settings: votingSettingsSchema,
  items: z.array(candidateItemSchema),
})

/** Voting settings before the facilitator changes them: the workshop's own. */
export function defaultVotingSettings(workshop: WorkshopSettings | null): VotingSettings {
  const dotBudget = workshop?.dotBudget ?? 5
  return {
    dotBudget,
    maxDotsPerItem: Math.min(workshop?.maxDotsPerItem ?? 3, dotBudget),
    anonymous: workshop?.anonymous ?? true,
    voteOn: 'themes',
  }
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`

/** The voting settings in words, as the decision log states them. */
export function describeVotingSettings(settings: VotingSettings): string {
  const on = {
    themes: 'clusters and ideas in no cluster',
    clusters: 'clusters',
    ideas: 'ideas',
    both: 'clusters and ideas',
  }[settings.voteOn]
  return `${plural(settings.dotBudget, 'dot')} each, at most ${settings.maxDotsPerItem} on one item, ${settings.anonymous ? 'anonymous' : 'open'}, on ${on}`
}

// One counter per context: the items are indexed once, however many ballots are counted on it.
const counters = new WeakMap<VotingContext, (votes: unknown) => Allocation>()
function counterFor(context: VotingContext): (votes: unknown) => Allocation {
  let count = counters.get(context)
  if (!count) {
    count = ballotCounter({
      budget: context.settings.dotBudget,
      cap: context.settings.maxDotsPerItem,
      items: context.items.map((i) => i.key),
    })
    counters.set(context, count)
  }
  return count
}

/** The seal as servers wrote it before rounds were generic (version 2). */
const sealV2Schema = z.object({
  version: z.literal(2),
  closedAt: z.number(),
  settings: votingSettingsSchema,
  items: z.array(candidateItemSchema),
  participants: z.array(z.object({ id: z.string(), name: z.string(), group: z.string() })),
  allocations: z.record(z.string(), z.record(z.string(), z.number())),
  unreadable: z.number(),
})

export const dotVoting = defineRoundKind<VotingSettings, VotingContext, Allocation, VoteResults>({
  id: 'voting',
  words: ROUND_WORDS.voting,
  settingsSchema: votingSettingsSchema,
  contextSchema: votingContextSchema,
  // Item key → dots, as `setVote` writes it; the clamp decides what counts.
  inputSchema: z.record(z.string(), z.number().check(z.int(), z.positive())),
  resultSchema: voteResultsSchema,
  defaultSettings: defaultVotingSettings,
  context: (settings, world) => ({ settings, items: voteItems(world.board, settings.voteOn) }),
  cannotOpen: (context) =>
    context.items.length > 0
      ? null
      : `There is nothing to vote on: the board has no ${context.settings.voteOn === 'clusters' ? 'clusters with ideas' : 'ideas'} yet`,
  clamp: (raw, context) => counterFor(context)(raw),
  progress: (input, context) => ({ done: dotsUsed(input), of: context.settings.dotBudget }),
  aggregate: ({ settings, context, inputs, groups, revealedAt }) => {
    const members: Record<string, number> = {}
    for (const { participant: p } of inputs) members[p.group] = (members[p.group] ?? 0) + 1
    const result = tally({
      ballots: inputs.map(({ participant, input }) => ({
        participantId: participant.id,
        group: participant.group,
        votes: input,
      })),
      items: context.items,
      settings,
      groups,
      members,
    })
    return {
      revealedAt,
      settings,
      groups: result.groups,
      items: result.items,
      totalDots: result.totalDots,
      voters: result.voters,
      ballots: settings.anonymous
        ? null
        : inputs
            .map(({ participant }) => participant)
            .filter((p) => dotsUsed(result.allocations[p.id] ?? {}) > 0)
            .map((p) => ({ name: p.name, group: p.group, dots: result.allocations[p.id]! })),
    }
  },
  describeSettings: describeVotingSettings,
  headline: (results) => {
    const top = rankedItems(results.items, 'total').filter((i) => i.rank === 1 && i.total > 0)
    const headline =
      top.length === 0
        ? 'no dots were placed'
        : top.length === 1
          ? `"${top[0]!.label}" first with ${plural(top[0]!.total, 'dot')}`
          : `${top.map((i) => `"${i.label}"`).join(', ')} tied first with ${plural(top[0]!.total, 'dot')}`
    return { headline, took: results.voters }
  },
  readLegacySeal: (json): SealedRound<VotingSettings, VotingContext> | null => {
    const v2 = sealV2Schema.safeParse(json)
    if (!v2.success) return null
    const { settings, items, participants, allocations, closedAt, unreadable } = v2.data
    return {
      version: 3,
      round: 'voting',
      closedAt,
      settings,
      context: { settings, items },
      participants,
      inputs: allocations,
      unreadable,
    }
  },
})
