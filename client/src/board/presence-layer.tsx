// Who is on the board (a list), and the other screens' pointers (decoration, hidden from
// assistive technology: the list says who is here).
import { useId, useLayoutEffect, useRef, type RefObject } from 'react'
import { cursorOffset, type PeerCursor, type PresentPerson } from './presence'

export function PresenceList({ people }: { people: readonly PresentPerson[] }) {
  const id = useId()
  return (
    <div className="board-presence">
      <h3 id={id} className="board-presence__title">
        On the board
      </h3>
      <ul className="board-presence__list" aria-labelledby={id}>
        {people.map((p) => (
          <li key={p.key} className="board-presence__person">
            <span className="board-presence__dot" aria-hidden="true" />
            {p.label}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Distinct, dark enough for white text; the name label is always there too. */
const COLOURS = ['#1f4e5f', '#7a3b8f', '#8a5300', '#1d6b3a', '#a1261d', '#3b4fa0', '#5c5c5c']

/**
 * Other screens' pointers over `board`. Positions need this screen's layout (a pointer is
 * anchored to a column), so they are set after each render from measurements.
 */
export function CursorLayer({
  cursors,
  board,
}: {
  cursors: readonly PeerCursor[]
  board: RefObject<HTMLElement | null>
}) {
  const layer = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const root = board.current
    const nodes = layer.current?.children
    if (!root || !nodes) return
    const base = root.getBoundingClientRect()
    cursors.forEach((c, i) => {
      const node = nodes[i]
      if (!(node instanceof HTMLElement)) return
      const column = c.point.column
        ? root.querySelector(`[data-column="${CSS.escape(c.point.column)}"]`)
        : null
      const at = cursorOffset(c.point, base, column?.getBoundingClientRect() ?? null)
      node.style.transform = `translate(${at.left}px, ${at.top}px)`
      if (!node.dataset.placed) {
        // Glide between moves, but do not fly in from the corner on the first one.
        void node.offsetWidth
        node.dataset.placed = 'yes'
      }
    })
  }, [board, cursors])
  if (cursors.length === 0) return null
  return (
    <div ref={layer} className="board-cursors" aria-hidden="true">
      {cursors.map((c) => {
        const colour = COLOURS[c.clientId % COLOURS.length]
        return (
          <div key={c.clientId} className="board-cursor" style={{ color: colour }}>
            <svg className="board-cursor__arrow" width="16" height="20" viewBox="0 0 16 20">
              <path
                d="M1 1 L1 17 L5.5 12.5 L9 19 L11.5 18 L8 11.5 L14 11.5 Z"
                fill="currentColor"
                stroke="#fff"
                strokeWidth="1.5"
              />
            </svg>
            <span className="board-cursor__label" style={{ background: colour }}>
              {c.label}
            </span>
          </div>
        )
      })}
    </div>
  )
}
