// What screen readers hear while a card is dragged: card text and column names, in words,
// said through the page's one live-region hook (ui/announcer), assertively: where the card is
// must be heard at once, before the next key press.
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core'
import { readTarget, UNCLUSTERED, type ColumnKey, type DropTarget } from './column-nav'

/** How the announcements find words for ids; reads the board as it is when they speak. */
export interface BoardWords {
  cardText(id: string): string
  /** The column a card is in now. */
  cardColumn(id: string): ColumnKey
  clusterName(column: ColumnKey): string
}

export const SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move an idea to another cluster, press Space or Enter to pick it up, ' +
    'then the Right or Left arrow key to go to the next or previous cluster, ' +
    'and Space or Enter to drop it there. Press Escape to cancel. ' +
    'To merge duplicates, use the idea’s Merge list.',
}

/** "Unclustered" or `cluster "Name"`. */
export function columnLabel(words: BoardWords, column: ColumnKey): string {
  if (column === UNCLUSTERED) return 'Unclustered'
  return `cluster "${words.clusterName(column) || 'Unnamed cluster'}"`
}

const idea = (words: BoardWords, id: string) => `idea "${words.cardText(id)}"`

export function announceStart(words: BoardWords, id: string): string {
  return `Picked up ${idea(words, id)} in ${columnLabel(words, words.cardColumn(id))}.`
}

export function announceOver(words: BoardWords, id: string, over: DropTarget | null): string {
  const what = idea(words, id)
  if (over === null) return `${capital(what)} is not over a cluster.`
  if (over.kind === 'card') {
    return `${capital(what)} is over ${idea(words, over.card)}. Drop to merge them.`
  }
  return `${capital(what)} is over ${columnLabel(words, over.column)}.`
}

export function announceEnd(words: BoardWords, id: string, over: DropTarget | null): string {
  const what = capital(idea(words, id))
  const from = words.cardColumn(id)
  if (over === null)
    return `${what} was dropped outside the board and stays in ${columnLabel(words, from)}.`
  if (over.kind === 'card') return `${what} was merged into ${idea(words, over.card)}.`
  if (over.column === from) return `${what} was dropped back in ${columnLabel(words, from)}.`
  return `${what} was moved to ${columnLabel(words, over.column)}.`
}

export function announceCancel(words: BoardWords, id: string): string {
  return `Moving was cancelled. ${capital(idea(words, id))} stays in ${columnLabel(words, words.cardColumn(id))}.`
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/**
 * The dnd-kit announcements over the board's words. The first "over" of a drag is the card's
 * own column; saying so would cut off "Picked up …" at once, so it is left unsaid.
 */
export function boardAnnouncements(words: () => BoardWords): Announcements {
  const target = (over: { data: { current?: unknown } } | null) =>
    over ? readTarget(over.data.current) : null
  let justPickedUp = false
  return {
    onDragStart: ({ active }) => {
      justPickedUp = true
      return announceStart(words(), String(active.id))
    },
    onDragOver: ({ active, over }) => {
      const id = String(active.id)
      const where = target(over)
      const first = justPickedUp
      justPickedUp = false
      if (first && where?.kind === 'column' && where.column === words().cardColumn(id)) {
        return undefined
      }
      return announceOver(words(), id, where)
    },
    onDragEnd: ({ active, over }) => announceEnd(words(), String(active.id), target(over)),
    onDragCancel: ({ active }) => announceCancel(words(), String(active.id)),
  }
}

/**
 * The same announcements said through `say` (the page's live region) instead of dnd-kit's own
 * region, which then stays empty: one place on the page speaks.
 */
export function spokenThrough(
  announcements: Announcements,
  say: (message: string) => void,
): Announcements {
  const speak = (message: string | undefined) => {
    if (message) say(message)
    return undefined
  }
  return {
    onDragStart: (event) => speak(announcements.onDragStart(event)),
    onDragOver: (event) => speak(announcements.onDragOver(event)),
    onDragEnd: (event) => speak(announcements.onDragEnd(event)),
    onDragCancel: (event) => speak(announcements.onDragCancel(event)),
  }
}
