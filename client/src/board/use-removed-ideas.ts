// A participant's own ideas that someone else took off the board, derived from the board
// itself: an idea of theirs disappeared in a change this device did not make. Put back (an
// undo), the notice goes away.
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { IDEAS, type BoardState } from '@triage/shared'
import { nextRemovedIdeas, type RemovedIdea } from './undo-model'

export function useRemovedIdeas(
  doc: Y.Doc,
  mine: ReadonlySet<string>,
  board: BoardState,
): RemovedIdea[] {
  const [notices, setNotices] = useState<RemovedIdea[]>([])
  // The texts as last shown: a deleted idea's map no longer has its text.
  const texts = useRef(new Map<string, string>())
  for (const card of board.cards) {
    texts.current.set(card.id, card.text)
    for (const m of card.merged) texts.current.set(m.id, m.text)
  }
  const mineRef = useRef(mine)
  mineRef.current = mine
  useEffect(() => {
    const ideas = doc.getMap<unknown>(IDEAS)
    const onChange = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
      // This device's own deletions (and undos) are not news to its owner.
      if (transaction.local) return
      const deleted: string[] = []
      const added: string[] = []
      event.changes.keys.forEach((change, key) => {
        if (change.action === 'delete') deleted.push(key)
        else if (change.action === 'add') added.push(key)
      })
      if (deleted.length === 0 && added.length === 0) return
      setNotices((now) =>
        nextRemovedIdeas(now, { deleted, added }, mineRef.current, (id) => texts.current.get(id)),
      )
    }
    ideas.observe(onChange)
    return () => ideas.unobserve(onChange)
  }, [doc])
  return notices
}
