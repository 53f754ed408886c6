// Typed access to a participant's private document: their drafts, and which revealed ideas are
// theirs. Only that participant and the server ever sync it.
import type * as Y from 'yjs'
import { cleanText, cleanTextCheck } from '../schema/text.js'
import { z } from '../schema/zod.js'
import { LIMITS } from '../schema/workshop.js'

const DRAFTS = 'drafts'
const MINE = 'mine'

export const draftSchema = z.object({
  text: z.string().check(cleanTextCheck({ multiline: true }), z.maxLength(LIMITS.ideaText)),
  /** Device time of writing, ms since the epoch: orders the list on the phone. */
  createdAt: z.number(),
})
export type Draft = z.infer<typeof draftSchema> & { readonly id: string }

export interface PrivateState {
  /** Unrevealed drafts, oldest first; blank ones are kept out. */
  readonly drafts: readonly Draft[]
  /** Ids of the board ideas this participant wrote (the server records them at reveal). */
  readonly mine: ReadonlySet<string>
}

const draftsMap = (doc: Y.Doc) => doc.getMap<unknown>(DRAFTS)

/** Reads the drafts, dropping whatever does not validate, and at most the allowed number. */
export function readDrafts(doc: Y.Doc): Draft[] {
  const drafts: Draft[] = []
  draftsMap(doc).forEach((value, id) => {
    const parsed = draftSchema.safeParse(value)
    if (parsed.success && parsed.data.text.trim().length > 0) drafts.push({ id, ...parsed.data })
  })
  drafts.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return drafts.slice(0, LIMITS.draftsPerParticipant)
}

/** Reads the whole private document. */
export function readPrivate(doc: Y.Doc): PrivateState {
  const mine = new Set<string>()
  doc.getMap<unknown>(MINE).forEach((value, id) => {
    if (value === true) mine.add(id)
  })
  return { drafts: readDrafts(doc), mine }
}

/**
 * Adds or replaces a draft. The caller validates the text (`ideaTextSchema`); it is cleaned here
 * as well, so that nothing the server would refuse is ever written.
 */
export function putDraft(doc: Y.Doc, id: string, text: string, createdAt: number): void {
  draftsMap(doc).set(id, { text: cleanText(text, { multiline: true }), createdAt })
}

/** Changes a draft's text (cleaned), keeping its place in the list. */
export function editDraft(doc: Y.Doc, id: string, text: string): void {
  const existing = draftSchema.safeParse(draftsMap(doc).get(id))
  if (existing.success) {
    draftsMap(doc).set(id, { ...existing.data, text: cleanText(text, { multiline: true }) })
  }
}

/** Deletes a draft; `origin` tags the change (the phone's undo manager tracks its own). */
export function deleteDraft(doc: Y.Doc, id: string, origin?: unknown): void {
  doc.transact(() => draftsMap(doc).delete(id), origin)
}

/** The map of drafts itself, for an undo manager to watch (deleting a draft can be undone). */
export function draftsType(doc: Y.Doc): Y.Map<unknown> {
  return draftsMap(doc)
}

/**
 * Server, at reveal: removes the given drafts and records the ideas they became as this
 * participant's own. One transaction, so the phone never sees a draft vanish without its idea.
 */
export function markRevealed(
  doc: Y.Doc,
  revealed: readonly { draftId: string; ideaId: string }[],
  origin?: unknown,
): void {
  doc.transact(() => {
    for (const { draftId, ideaId } of revealed) {
      draftsMap(doc).delete(draftId)
      doc.getMap(MINE).set(ideaId, true)
    }
  }, origin)
}

/** Server: records one idea as this participant's (open adding). */
export function markMine(doc: Y.Doc, ideaId: string, origin?: unknown): void {
  doc.transact(() => doc.getMap(MINE).set(ideaId, true), origin)
}
