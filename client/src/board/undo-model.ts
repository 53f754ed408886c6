// Pure rules behind undo on the board: which keys undo, and what a participant is told when
// an idea of theirs leaves the board by someone else's hand.

/** How long the undo toast stays, unless the next action replaces it. */
export const UNDO_TOAST_MS = 8000

/** Whether a key press is Ctrl+Z (Cmd+Z on a Mac): undo, never redo (Shift) or with Alt. */
export function isUndoShortcut(key: {
  readonly key: string
  readonly ctrlKey: boolean
  readonly metaKey: boolean
  readonly shiftKey: boolean
  readonly altKey: boolean
}): boolean {
  return (
    (key.ctrlKey || key.metaKey) && !key.shiftKey && !key.altKey && key.key.toLowerCase() === 'z'
  )
}

/** One of the participant's ideas that someone else took off the board. */
export interface RemovedIdea {
  readonly id: string
  readonly text: string
}

/**
 * The removal notices after a change to the board that this device did not make: the
 * participant's own ideas it deleted are added (with their last known text), those it put
 * back are dropped. Oldest first, each idea once.
 */
export function nextRemovedIdeas(
  notices: readonly RemovedIdea[],
  change: { readonly deleted: readonly string[]; readonly added: readonly string[] },
  mine: ReadonlySet<string>,
  textOf: (id: string) => string | undefined,
): RemovedIdea[] {
  const back = new Set(change.added)
  const next = notices.filter((n) => !back.has(n.id))
  const known = new Set(next.map((n) => n.id))
  for (const id of change.deleted) {
    if (!mine.has(id) || known.has(id) || back.has(id)) continue
    known.add(id)
    next.push({ id, text: textOf(id) ?? '' })
  }
  return next
}

/** What the participant reads about an idea of theirs that was removed. */
export function removedIdeaText(idea: RemovedIdea): string {
  return idea.text
    ? `Your idea “${idea.text}” was removed from the board by someone else.`
    : 'One of your ideas was removed from the board by someone else.'
}
