// Typed access to the shared board document: revealed ideas, facilitator items and clusters,
// plus the free-form shared notes. Readers validate: a member may have written anything.
// Writers and readers clean text (schema/text.ts): nothing unsafe goes in, nor reaches a screen.
// Writers take an optional transaction `origin`: a device tags its own changes, so its undo
// manager reverts those and nobody else’s.
import * as Y from 'yjs'
import { cleanText, cleanTextCheck } from '../schema/text.js'
import { z } from '../schema/zod.js'
import { LIMITS } from '../schema/workshop.js'
import {
  ideaAuthorSchema,
  type BoardState,
  type Card,
  type Idea,
  type IdeaAuthor,
  type IdeaSource,
} from '../schema/board.js'

const NOTES = 'notes'
/** Root map of ideas: id → Y.Map with the keys below. */
export const IDEAS = 'ideas'
/** Root map of clusters: id → `{ name, createdAt }`. */
export const CLUSTERS = 'clusters'

/**
 * Keys of an idea that only the server and the facilitator may set: who wrote it and the text
 * object itself (its characters are edited together). Members may set `cluster`, `mergedInto`.
 */
export const PROTECTED_IDEA_KEYS: ReadonlySet<string> = new Set([
  'text',
  'createdAt',
  'source',
  'author',
  'tag',
  'round',
])

const clusterSchema = z.object({
  name: z.string().check(cleanTextCheck(), z.maxLength(LIMITS.clusterName)),
  createdAt: z.number(),
})

const ideasMap = (doc: Y.Doc) => doc.getMap<unknown>(IDEAS)
const clustersMap = (doc: Y.Doc) => doc.getMap<unknown>(CLUSTERS)

/** The shared notes text of the board (collaboratively edited). */
export function boardNotes(doc: Y.Doc): Y.Text {
  return doc.getText(NOTES)
}

/** Reads the shared notes as a plain string. */
export function readBoardNotes(doc: Y.Doc): string {
  return doc.getText(NOTES).toString()
}

const byAge = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const str = (v: unknown): string | null => (typeof v === 'string' && v.length <= 64 ? v : null)

function readIdea(id: string, value: unknown): Idea | null {
  if (!(value instanceof Y.Map)) return null
  const text = value.get('text')
  if (!(text instanceof Y.Text)) return null
  const createdAt = value.get('createdAt')
  const author = ideaAuthorSchema.safeParse(value.get('author'))
  const round = value.get('round')
  return {
    id,
    text: cleanText(text.toString().slice(0, LIMITS.ideaText * 2), { multiline: true }),
    clusterId: str(value.get('cluster')),
    mergedInto: str(value.get('mergedInto')),
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
    source: value.get('source') === 'facilitator' ? 'facilitator' : 'participant',
    author: author.success ? author.data : null,
    round: typeof round === 'number' && Number.isInteger(round) && round > 0 ? round : 1,
  }
}

/** Every valid idea on the board, oldest first (at most the board limit). */
export function readIdeas(doc: Y.Doc): Idea[] {
  const ideas: Idea[] = []
  ideasMap(doc).forEach((value, id) => {
    const idea = readIdea(id, value)
    if (idea) ideas.push(idea)
  })
  return ideas.sort(byAge).slice(0, LIMITS.boardIdeas)
}

/**
 * Follows `id` to its card, recording the card of every idea passed on the way in `roots`
 * (which may already hold answers), so that resolving a whole board walks each chain once.
 */
function walkToRoot(
  ideas: ReadonlyMap<string, Idea>,
  id: string,
  roots: Map<string, string>,
): string {
  if (!ideas.has(id)) return id
  const path: string[] = []
  const onPath = new Map<string, number>()
  let current = id
  let root: string
  for (;;) {
    const known = roots.get(current)
    if (known !== undefined) {
      root = known
      break
    }
    const at = onPath.get(current)
    if (at !== undefined) {
      root = path
        .slice(at)
        .map((c) => ideas.get(c)!)
        .sort(byAge)[0]!.id
      break
    }
    onPath.set(current, path.length)
    path.push(current)
    const next = ideas.get(current)!.mergedInto
    if (next === null || !ideas.has(next)) {
      root = current
      break
    }
    current = next
  }
  for (const p of path) roots.set(p, root)
  return root
}

/**
 * The card an idea ends up in: follows `mergedInto` to an idea that is merged into nothing.
 * A missing target or a cycle (concurrent merges) leaves the idea as its own card; in a cycle
 * the oldest idea on it stays the card, so every device settles on the same answer.
 */
export function rootOf(ideas: ReadonlyMap<string, Idea>, id: string): string {
  return walkToRoot(ideas, id, new Map())
}

/** The card of every idea, in time linear in the number of ideas (chains may be long). */
function rootsOf(ideas: ReadonlyMap<string, Idea>): Map<string, string> {
  const roots = new Map<string, string>()
  for (const id of ideas.keys()) walkToRoot(ideas, id, roots)
  return roots
}

/** Reads the board as cards in clusters. */
export function readBoard(doc: Y.Doc): BoardState {
  const ideas = readIdeas(doc)
  const rootOfId = rootsOf(new Map(ideas.map((i) => [i.id, i])))
  const merged = new Map<string, Idea[]>()
  const roots: Idea[] = []
  for (const idea of ideas) {
    const root = rootOfId.get(idea.id)!
    if (root === idea.id) roots.push(idea)
    else {
      const inside = merged.get(root)
      if (inside) inside.push(idea)
      else merged.set(root, [idea])
    }
  }
  const clusterList: { id: string; name: string; createdAt: number }[] = []
  clustersMap(doc).forEach((value, id) => {
    const parsed = clusterSchema.safeParse(value)
    if (parsed.success) clusterList.push({ id, ...parsed.data })
  })
  clusterList.sort(byAge)
  const known = new Set(clusterList.map((c) => c.id))
  const cards: Card[] = roots.map((idea) => ({
    ...idea,
    // A card is merged into nothing, whatever a stale or circular `mergedInto` still says.
    mergedInto: null,
    clusterId: idea.clusterId !== null && known.has(idea.clusterId) ? idea.clusterId : null,
    merged: merged.get(idea.id) ?? [],
  }))
  const members = new Map<string, string[]>(clusterList.map((c) => [c.id, []]))
  const unclustered: string[] = []
  for (const card of cards) {
    if (card.clusterId === null) unclustered.push(card.id)
    else members.get(card.clusterId)!.push(card.id)
  }
  return {
    cards,
    clusters: clusterList.map((c) => ({ ...c, cardIds: members.get(c.id)! })),
    unclustered,
  }
}

/** What the server or facilitator supplies for a new idea. */
export interface NewIdea {
  readonly id: string
  readonly text: string
  readonly createdAt: number
  readonly source: IdeaSource
  readonly round: number
  readonly author?: IdeaAuthor | null
  /** Proof of authorship only the server can check (see server/src/workshop/ownership.ts). */
  readonly tag?: string | null
}

/** Adds ideas (server at reveal, or the facilitator's items) in one transaction; text cleaned. */
export function addIdeas(doc: Y.Doc, ideas: readonly NewIdea[], origin?: unknown): void {
  doc.transact(() => {
    for (const idea of ideas) {
      const m = new Y.Map<unknown>()
      m.set('text', new Y.Text(cleanText(idea.text, { multiline: true })))
      m.set('createdAt', idea.createdAt)
      m.set('source', idea.source)
      m.set('round', idea.round)
      m.set('cluster', null)
      m.set('mergedInto', null)
      if (idea.author) m.set('author', { ...idea.author, name: cleanText(idea.author.name) })
      if (idea.tag) m.set('tag', idea.tag)
      ideasMap(doc).set(idea.id, m)
    }
  }, origin)
}

/** Number of idea entries on the board (valid or not): what the board limit counts. */
export function ideaCount(doc: Y.Doc): number {
  return ideasMap(doc).size
}

/** Whether an idea with this id is on the board. */
export function hasIdea(doc: Y.Doc, id: string): boolean {
  return ideasMap(doc).has(id)
}

function ideaMap(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = ideasMap(doc).get(id)
  return value instanceof Y.Map ? value : null
}

/** The shared text of an idea, for editing together; null when there is no such idea. */
export function ideaText(doc: Y.Doc, id: string): Y.Text | null {
  const text = ideaMap(doc, id)?.get('text')
  return text instanceof Y.Text ? text : null
}

/** The ownership tag the server put on an idea (null for facilitator items). */
export function ideaTag(idea: Y.Map<unknown>): string | null {
  const tag = idea.get('tag')
  return typeof tag === 'string' ? tag : null
}

/** Puts a card into a cluster, or takes it out with `null`. */
export function moveIdea(doc: Y.Doc, id: string, clusterId: string | null, origin?: unknown): void {
  const idea = ideaMap(doc, id)
  if (idea) doc.transact(() => idea.set('cluster', clusterId), origin)
}

/** Creates a cluster (its name cleaned), optionally with cards already in it. */
export function createCluster(
  doc: Y.Doc,
  id: string,
  name: string,
  createdAt: number,
  cardIds: readonly string[] = [],
  origin?: unknown,
): void {
  doc.transact(() => {
    clustersMap(doc).set(id, { name: cleanText(name), createdAt })
    for (const cardId of cardIds) moveIdea(doc, cardId, id)
  }, origin)
}

/** Renames a cluster (the name cleaned). */
export function renameCluster(doc: Y.Doc, id: string, name: string, origin?: unknown): void {
  const current = clusterSchema.safeParse(clustersMap(doc).get(id))
  if (!current.success) return
  doc.transact(() => clustersMap(doc).set(id, { ...current.data, name: cleanText(name) }), origin)
}

/** Removes a cluster; its cards go back to the unclustered column. */
export function dissolveCluster(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => {
    ideasMap(doc).forEach((value) => {
      if (value instanceof Y.Map && value.get('cluster') === id) value.set('cluster', null)
    })
    clustersMap(doc).delete(id)
  }, origin)
}

/**
 * Merges a duplicate into a card: the duplicate (and whatever was merged into it) goes inside
 * the card, keeping its text; together they count as one item from now on.
 */
export function mergeIdeas(
  doc: Y.Doc,
  targetId: string,
  duplicateId: string,
  origin?: unknown,
): void {
  const byId = new Map(readIdeas(doc).map((i) => [i.id, i]))
  const roots = rootsOf(byId)
  const target = roots.get(targetId)
  const duplicate = roots.get(duplicateId)
  if (target === undefined || duplicate === undefined || target === duplicate) return
  doc.transact(() => {
    for (const idea of byId.values()) {
      if (idea.id !== duplicate && roots.get(idea.id) === duplicate) {
        ideaMap(doc, idea.id)?.set('mergedInto', target)
      }
    }
    ideaMap(doc, duplicate)?.set('mergedInto', target)
  }, origin)
}

/** Takes an idea out of the card it was merged into; it lands in that card's cluster. */
export function unmergeIdea(doc: Y.Doc, id: string, origin?: unknown): void {
  const byId = new Map(readIdeas(doc).map((i) => [i.id, i]))
  const root = rootOf(byId, id)
  if (root === id) return
  const card = byId.get(root)!
  doc.transact(() => {
    const m = ideaMap(doc, id)
    m?.set('mergedInto', null)
    m?.set('cluster', card.clusterId)
    // After concurrent merges the card itself may still point into a cycle through this
    // idea; without this, taking the idea out would pull the card into it instead.
    if (card.mergedInto !== null) ideaMap(doc, root)?.set('mergedInto', null)
  }, origin)
}

/**
 * Deletes an idea. Ideas merged into a deleted card become cards of their own in its cluster;
 * ideas merged into a deleted merged idea (after concurrent merges) stay in its card.
 */
export function deleteIdea(doc: Y.Doc, id: string, origin?: unknown): void {
  const root = rootOf(new Map(readIdeas(doc).map((i) => [i.id, i])), id)
  const cluster = ideaMap(doc, id)?.get('cluster')
  doc.transact(() => {
    ideasMap(doc).forEach((value, key) => {
      if (!(value instanceof Y.Map) || value.get('mergedInto') !== id) return
      if (root !== id) {
        value.set('mergedInto', key === root ? null : root)
      } else {
        value.set('mergedInto', null)
        value.set('cluster', typeof cluster === 'string' ? cluster : null)
      }
    })
    ideasMap(doc).delete(id)
  }, origin)
}
