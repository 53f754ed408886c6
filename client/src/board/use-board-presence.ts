// Connects the board to awareness: says which screen this is, sends this pointer's position
// (about 20 times a second), publishes the facilitator's scroll position, and lets the
// projector follow it. Other views' awareness fields are kept: every write merges.
import { useCallback, useEffect, useMemo, useRef, type PointerEvent, type RefObject } from 'react'
import type { DocConnection } from '../sync/doc-connection'
import { useAwarenessStates } from '../sync/use-workshop-doc'
import type { AwarenessEntry } from '../sync/awareness'
import {
  facilitatorView,
  toFraction,
  type BoardAwareness,
  type BoardPoint,
  type BoardRole,
  type BoardView,
} from './presence'
import { createThrottle } from './throttle'

const SEND_EVERY_MS = 50

/** Sets some of this client's awareness fields, keeping the others. */
function patchLocalState(connection: DocConnection, fields: BoardAwareness): void {
  connection.patchLocalState({ ...fields })
}

/** The window's scroll position over the board, as fractions of how far it can go. */
function viewOf(board: HTMLElement): BoardView {
  const rect = board.getBoundingClientRect()
  return {
    top: toFraction(-rect.top, rect.height - window.innerHeight),
    left: toFraction(-rect.left, rect.width - window.innerWidth),
  }
}

export interface BoardPresence {
  readonly peers: readonly AwarenessEntry[]
  readonly ownClientId: number
  readonly onPointerMove: (event: PointerEvent<HTMLElement>) => void
  readonly onPointerLeave: () => void
}

export function useBoardPresence({
  connection,
  role,
  board,
  region,
  follow,
}: {
  connection: DocConnection
  role: BoardRole
  /** The columns: what cursors are measured against. */
  board: RefObject<HTMLElement | null>
  /** The whole board: what the facilitator's view (and so the projector's) is measured on. */
  region: RefObject<HTMLElement | null>
  follow: boolean
}): BoardPresence {
  const peers = useAwarenessStates(connection)
  const ownClientId = connection.doc.clientID

  const cursor = useMemo(
    () =>
      createThrottle<BoardPoint | null>(SEND_EVERY_MS, (point) =>
        patchLocalState(connection, { cursor: point }),
      ),
    [connection],
  )

  useEffect(() => {
    patchLocalState(connection, { screen: role })
    return () => {
      cursor.cancel()
      patchLocalState(connection, { cursor: null, view: null })
    }
  }, [connection, role, cursor])

  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      if (event.pointerType === 'touch' || role === 'projector' || !board.current) return
      const target = event.target instanceof Element ? event.target : null
      const column = target?.closest<HTMLElement>('[data-column]')
      const area = (column ?? board.current).getBoundingClientRect()
      cursor.push({
        x: toFraction(event.clientX - area.left, area.width),
        y: toFraction(event.clientY - area.top, area.height),
        ...(column?.dataset.column !== undefined && { column: column.dataset.column }),
      })
    },
    [board, cursor, role],
  )
  const onPointerLeave = useCallback(() => cursor.now(null), [cursor])

  // The facilitator's console says where it is scrolled to, for the projector to follow.
  useEffect(() => {
    if (role !== 'facilitator') return
    const view = createThrottle<BoardView>(SEND_EVERY_MS * 4, (v) =>
      patchLocalState(connection, { view: v }),
    )
    const update = () => {
      if (region.current) view.push(viewOf(region.current))
    }
    update()
    window.addEventListener('scroll', update, { passive: true })
    window.addEventListener('resize', update)
    return () => {
      view.cancel()
      window.removeEventListener('scroll', update)
      window.removeEventListener('resize', update)
    }
  }, [region, connection, role])

  const target = follow && role === 'projector' ? facilitatorView(peers, ownClientId) : null
  const lastFollowed = useRef<string | null>(null)
  useEffect(() => {
    const node = region.current
    if (!target || !node) return
    const key = `${target.top}:${target.left}`
    if (key === lastFollowed.current) return
    lastFollowed.current = key
    const rect = node.getBoundingClientRect()
    window.scrollTo({
      top: window.scrollY + rect.top + target.top * Math.max(0, rect.height - window.innerHeight),
      left: window.scrollX + rect.left + target.left * Math.max(0, rect.width - window.innerWidth),
    })
  }, [region, target])

  return { peers, ownClientId, onPointerMove, onPointerLeave }
}
