// The board's records as the domain sees them: ideas, cards (ideas with what was merged into
// them), clusters and the whole board; validated readers in doc/board.ts produce them.
import { cleanTextCheck } from './text.js'
import { LIMITS } from './workshop.js'
import { z } from './zod.js'

export const ideaAuthorSchema = z.object({
  participantId: z.string().check(z.maxLength(64)),
  name: z.string().check(cleanTextCheck(), z.maxLength(LIMITS.participantName)),
  group: z.string().check(z.maxLength(16)),
})
export type IdeaAuthor = z.infer<typeof ideaAuthorSchema>

export type IdeaSource = 'participant' | 'facilitator'

/** One idea as stored, validated. */
export interface Idea {
  readonly id: string
  readonly text: string
  readonly clusterId: string | null
  readonly mergedInto: string | null
  readonly createdAt: number
  readonly source: IdeaSource
  /** Null when the workshop is anonymous or the facilitator supplied the item. */
  readonly author: IdeaAuthor | null
  readonly round: number
}

/** A card on the board: an idea not merged into another, with the ideas merged into it. */
export interface Card extends Idea {
  /** Ideas merged into this card, oldest first; together they count as one item. */
  readonly merged: readonly Idea[]
}

export interface Cluster {
  readonly id: string
  readonly name: string
  readonly createdAt: number
  /** Cards in this cluster, in board order. */
  readonly cardIds: readonly string[]
}

export interface BoardState {
  /** Every card (merged ideas are inside their card), oldest first. */
  readonly cards: readonly Card[]
  readonly clusters: readonly Cluster[]
  /** Cards in no cluster, in board order. */
  readonly unclustered: readonly string[]
}
