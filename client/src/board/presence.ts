// Who is on the board, where their pointers are and what the facilitator is looking at, read
// from awareness states. Only the server-stamped `identity` says who someone is; the fields this
// board publishes (`screen`, `cursor`, `view`) are validated like any other input.
import type { Group, RosterEntry } from '@triage/shared'
import type { AwarenessEntry } from '../sync/awareness'

export type BoardRole = 'facilitator' | 'participant' | 'projector'

/**
 * A pointer on the board: fractions (0–1) of the column it is over, or of the whole board when
 * it is over no column. Anchoring to the column keeps a cursor on the same cards on screens
 * whose columns are laid out differently (the projector's are wider).
 */
export interface BoardPoint {
  readonly x: number
  readonly y: number
  readonly column?: string
}

/** How far the facilitator has scrolled through the board, as fractions (0–1). */
export interface BoardView {
  readonly top: number
  readonly left: number
}

/** The awareness fields this board sets. Other views may set other fields next to them. */
export interface BoardAwareness {
  /** Which screen this is (the projector uses the facilitator's token, so its identity says facilitator). */
  readonly screen?: BoardRole
  readonly cursor?: BoardPoint | null
  readonly view?: BoardView | null
}

export interface PresentPerson {
  readonly key: string
  readonly label: string
}

export interface PeerCursor {
  readonly clientId: number
  readonly label: string
  readonly point: BoardPoint
}

interface Who {
  readonly key: string
  readonly label: string
  readonly role: 'facilitator' | 'participant'
  readonly screen: BoardRole
}

const fraction = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1

function readIdentity(
  state: Readonly<Record<string, unknown>>,
  roster: Readonly<Record<string, RosterEntry>>,
  groups: readonly Group[],
): Who | null {
  const identity = state.identity
  if (typeof identity !== 'object' || identity === null) return null
  const { role, participantId } = identity as { role?: unknown; participantId?: unknown }
  if (role === 'facilitator') {
    const projector = state.screen === 'projector'
    return {
      key: projector ? 'projector' : 'facilitator',
      label: projector ? 'Projector' : 'Facilitator',
      role,
      screen: projector ? 'projector' : 'facilitator',
    }
  }
  if (role === 'participant' && typeof participantId === 'string' && participantId.length > 0) {
    const entry = roster[participantId]
    const group = entry && groups.find((g) => g.id === entry.group)?.name
    const label = entry ? (group ? `${entry.name} (${group})` : entry.name) : 'A participant'
    return { key: `p:${participantId}`, label, role, screen: 'participant' }
  }
  return null
}

/**
 * Everyone on the board, each person once (several tabs count once), this screen first as
 * "You" (unless it is the projector). Our own state carries no identity locally: the server
 * stamps it on the way out.
 */
export function presentPeople(
  entries: readonly AwarenessEntry[],
  ownClientId: number,
  roster: Readonly<Record<string, RosterEntry>>,
  groups: readonly Group[],
  ownScreen: BoardRole,
): PresentPerson[] {
  const people = new Map<string, PresentPerson>()
  for (const { clientId, state } of entries) {
    if (clientId === ownClientId) continue
    const who = readIdentity(state, roster, groups)
    if (who && !people.has(who.key)) people.set(who.key, { key: who.key, label: who.label })
  }
  const others = [...people.values()].sort(
    (a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label),
  )
  // A projector is nobody: it lists who is there without itself.
  return ownScreen === 'projector' ? others : [{ key: 'you', label: 'You' }, ...others]
}

const rank = (key: string) => (key === 'facilitator' ? 0 : key === 'projector' ? 1 : 2)

/** Other screens' pointers on the board, with the name to show next to each. */
export function peerCursors(
  entries: readonly AwarenessEntry[],
  ownClientId: number,
  roster: Readonly<Record<string, RosterEntry>>,
  groups: readonly Group[],
): PeerCursor[] {
  const cursors: PeerCursor[] = []
  for (const { clientId, state } of entries) {
    if (clientId === ownClientId) continue
    const who = readIdentity(state, roster, groups)
    const cursor = state.cursor as { x?: unknown; y?: unknown; column?: unknown } | null | undefined
    if (!who || typeof cursor !== 'object' || cursor === null) continue
    if (!fraction(cursor.x) || !fraction(cursor.y)) continue
    const { column } = cursor
    const point =
      typeof column === 'string' && column.length > 0 && column.length <= 64
        ? { x: cursor.x, y: cursor.y, column }
        : { x: cursor.x, y: cursor.y }
    cursors.push({ clientId, label: who.label, point })
  }
  return cursors
}

/** Where the facilitator's screen is on the board (not the projector's), if it says. */
export function facilitatorView(
  entries: readonly AwarenessEntry[],
  ownClientId: number,
): BoardView | null {
  let found: BoardView | null = null
  for (const { clientId, state } of entries) {
    if (clientId === ownClientId) continue
    const identity = state.identity as { role?: unknown } | null | undefined
    if (identity?.role !== 'facilitator' || state.screen === 'projector') continue
    const view = state.view as { top?: unknown; left?: unknown } | null | undefined
    if (typeof view === 'object' && view !== null && fraction(view.top) && fraction(view.left)) {
      found = { top: view.top, left: view.left }
    }
  }
  return found
}

/** A fraction for `value` within `size`, clamped to 0–1 (0 when there is no size). */
export function toFraction(value: number, size: number): number {
  if (!(size > 0)) return 0
  return Math.min(1, Math.max(0, value / size))
}

export interface Rect {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/**
 * Where a peer's pointer goes, in pixels from the board's top-left corner: within its column
 * when this screen has that column, else within the whole board.
 */
export function cursorOffset(
  point: BoardPoint,
  board: Rect,
  column: Rect | null,
): { left: number; top: number } {
  const area = column ?? board
  return {
    left: area.left - board.left + point.x * area.width,
    top: area.top - board.top + point.y * area.height,
  }
}
