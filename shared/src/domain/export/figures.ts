// Figures derived from a workshop record: head counts per group, ideas per cluster and group,
// the session's times, the board as cards and clusters again. Every number the documents print
// comes from here or straight from the record, so the JSON export recomputes all of them.
import type { BoardState, Card, Idea } from '../../schema/board.js'
import type { RecordIdea, WorkshopRecord } from '../../schema/record.js'

export interface GroupCount {
  readonly id: string
  readonly name: string
  readonly count: number
}

/** Participants per stakeholder group, in the workshop's group order. */
export function participantsByGroup(record: WorkshopRecord): {
  readonly groups: readonly GroupCount[]
  readonly total: number
} {
  const counts = new Map<string, number>()
  for (const p of record.participants) counts.set(p.group, (counts.get(p.group) ?? 0) + 1)
  const groups = record.workshop.groups.map((g) => ({
    id: g.id,
    name: g.name,
    count: counts.get(g.id) ?? 0,
  }))
  return { groups, total: record.participants.length }
}

/** Ideas of one cluster (or of no cluster), and who contributed them. */
export interface ClusterFigures {
  /** Null for the cards in no cluster. */
  readonly id: string | null
  readonly name: string
  /** Cards (merged duplicates count inside their card). */
  readonly cards: number
  /** Ideas, merged duplicates included. */
  readonly ideas: number
  /** Ideas per stakeholder group id, where the board recorded the author's group. */
  readonly byGroup: Readonly<Record<string, number>>
  /** Items the facilitator added. */
  readonly facilitator: number
  /** Participants' ideas whose group is not recorded (anonymous workshop). */
  readonly unattributed: number
}

export interface IdeaFigures {
  readonly ideas: number
  readonly cards: number
  /** Ideas merged into another as duplicates. */
  readonly merged: number
  readonly facilitatorItems: number
  /** Whether any idea carries its author's group (false in an anonymous workshop). */
  readonly attributed: boolean
  /** Clusters in board order, then the cards in no cluster (when there are any). */
  readonly clusters: readonly ClusterFigures[]
}

/** The name a cluster is shown with (a name of only spaces is no name, as on the board). */
export const clusterLabel = (name: string): string => name.trim() || 'Unnamed cluster'

/** Ideas, cards and merges, and each group's contribution to each cluster. */
export function ideaFigures(record: WorkshopRecord): IdeaFigures {
  const byId = new Map(record.board.ideas.map((i) => [i.id, i]))
  const clusterOf = (idea: RecordIdea): string | null =>
    idea.mergedInto === null ? idea.clusterId : (byId.get(idea.mergedInto)?.clusterId ?? null)
  const known = new Set(record.board.clusters.map((c) => c.id))
  const buckets = new Map<string | null, { cards: number; ideas: RecordIdea[] }>()
  for (const c of record.board.clusters) buckets.set(c.id, { cards: 0, ideas: [] })
  for (const idea of record.board.ideas) {
    const at = clusterOf(idea)
    const key = at !== null && known.has(at) ? at : null
    let bucket = buckets.get(key)
    if (!bucket) buckets.set(key, (bucket = { cards: 0, ideas: [] }))
    bucket.ideas.push(idea)
    if (idea.mergedInto === null) bucket.cards++
  }
  const figures = (id: string | null, name: string): ClusterFigures => {
    const bucket = buckets.get(id) ?? { cards: 0, ideas: [] }
    const byGroup: Record<string, number> = {}
    let facilitator = 0
    let unattributed = 0
    for (const idea of bucket.ideas) {
      if (idea.source === 'facilitator') facilitator++
      else if (idea.group === null) unattributed++
      else byGroup[idea.group] = (byGroup[idea.group] ?? 0) + 1
    }
    return {
      id,
      name,
      cards: bucket.cards,
      ideas: bucket.ideas.length,
      byGroup,
      facilitator,
      unattributed,
    }
  }
  const clusters = record.board.clusters
    .filter((c) => (buckets.get(c.id)?.ideas.length ?? 0) > 0)
    .map((c) => figures(c.id, clusterLabel(c.name)))
  if (buckets.has(null)) clusters.push(figures(null, 'Not in a cluster'))
  const ideas = record.board.ideas
  return {
    ideas: ideas.length,
    cards: ideas.filter((i) => i.mergedInto === null).length,
    merged: ideas.filter((i) => i.mergedInto !== null).length,
    facilitatorItems: ideas.filter((i) => i.source === 'facilitator').length,
    attributed: ideas.some((i) => i.group !== null),
    clusters,
  }
}

/**
 * The board as cards and clusters again (`BoardState`), so that the shared domain functions
 * (`voteItems`, …) run on a record exactly as they ran on the board.
 */
export function recordBoard(record: WorkshopRecord): BoardState {
  const toIdea = (i: RecordIdea): Idea => ({
    id: i.id,
    text: i.text,
    clusterId: i.clusterId,
    mergedInto: i.mergedInto,
    createdAt: i.createdAt,
    source: i.source,
    author: null,
    round: i.round,
  })
  const merged = new Map<string, Idea[]>()
  for (const i of record.board.ideas) {
    if (i.mergedInto === null) continue
    const list = merged.get(i.mergedInto)
    if (list) list.push(toIdea(i))
    else merged.set(i.mergedInto, [toIdea(i)])
  }
  const known = new Set(record.board.clusters.map((c) => c.id))
  const cards: Card[] = record.board.ideas
    .filter((i) => i.mergedInto === null)
    .map((i) => ({
      ...toIdea(i),
      clusterId: i.clusterId !== null && known.has(i.clusterId) ? i.clusterId : null,
      merged: merged.get(i.id) ?? [],
    }))
  return {
    cards,
    clusters: record.board.clusters.map((c) => ({
      id: c.id,
      name: c.name,
      createdAt: c.createdAt,
      cardIds: cards.filter((card) => card.clusterId === c.id).map((card) => card.id),
    })),
    unclustered: cards.filter((card) => card.clusterId === null).map((card) => card.id),
  }
}

export interface SessionTimes {
  /** Created, from the server's directory; null when not known. */
  readonly createdAt: number | null
  /** First and last logged event (or the closing, when later); null when nothing was logged. */
  readonly start: number | null
  readonly end: number | null
  readonly durationMs: number
}

/** When the session ran: from its first logged event to its last (or its closing). */
export function sessionTimes(record: WorkshopRecord): SessionTimes {
  const times = record.log.map((e) => e.at)
  if (record.workshop.closedAt !== null && times.length > 0) times.push(record.workshop.closedAt)
  if (times.length === 0) {
    return { createdAt: record.workshop.createdAt, start: null, end: null, durationMs: 0 }
  }
  // A loop, not Math.min(...times): a long log must not overflow the argument stack.
  let start = times[0]!
  let end = start
  for (const t of times) {
    if (t < start) start = t
    if (t > end) end = t
  }
  return { createdAt: record.workshop.createdAt, start, end, durationMs: end - start }
}
