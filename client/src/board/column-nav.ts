// Pure geometry and ids behind dragging cards between board columns: which column the arrow
// keys go to, where the dragged card is put there, and which column a point lies in.

/** A column: `unclustered`, or a cluster id. */
export type ColumnKey = string
export const UNCLUSTERED: ColumnKey = 'unclustered'

/** What a drop target is, as dnd-kit data on each droppable. */
export type DropTarget =
  | { readonly kind: 'column'; readonly column: ColumnKey }
  | { readonly kind: 'card'; readonly card: string; readonly column: ColumnKey }

export const columnDropId = (column: ColumnKey) => `column:${column}`
export const cardDropId = (card: string) => `card:${card}`

/** The cluster id a column stands for (null: unclustered). */
export const clusterOf = (column: ColumnKey): string | null =>
  column === UNCLUSTERED ? null : column

/** Reads the target data dnd-kit hands back; anything else is no target. */
export function readTarget(data: unknown): DropTarget | null {
  if (typeof data !== 'object' || data === null) return null
  const d = data as Record<string, unknown>
  if (d.kind === 'column' && typeof d.column === 'string')
    return { kind: 'column', column: d.column }
  if (d.kind === 'card' && typeof d.card === 'string' && typeof d.column === 'string') {
    return { kind: 'card', card: d.card, column: d.column }
  }
  return null
}

/**
 * The column the arrow keys lead to from `current` in board order (`step` 1: next, -1:
 * previous). Null at either end, so the card stays where it is. An unknown current column
 * starts from the first (or last) one.
 */
export function adjacentColumn(
  order: readonly ColumnKey[],
  current: ColumnKey | null,
  step: 1 | -1,
): ColumnKey | null {
  if (order.length === 0) return null
  const at = current === null ? -1 : order.indexOf(current)
  if (at === -1) return step === 1 ? order[0]! : order[order.length - 1]!
  return order[at + step] ?? null
}

export interface Box {
  readonly left: number
  readonly top: number
  readonly width: number
  readonly height: number
}

/** How far below a column's top the dragged card's centre is put: on its heading, visible. */
const HEAD_DEPTH = 56

/**
 * The top-left corner at which a dragged card of `size` sits over `target`: centred
 * horizontally, its centre near the column's top (never below the column's middle), so the
 * centre is inside the column however tall it is.
 */
export function dropCorner(
  target: Box,
  size: { readonly width: number; readonly height: number },
): { x: number; y: number } {
  return {
    x: target.left + target.width / 2 - size.width / 2,
    y: target.top + Math.min(target.height / 2, HEAD_DEPTH) - size.height / 2,
  }
}

/** The centre of a box. */
export const centre = (box: Box) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 })

/** Ids of the boxes that contain the point, smallest first (the innermost target wins). */
export function boxesAt<Id>(
  point: { readonly x: number; readonly y: number },
  boxes: Iterable<readonly [Id, Box]>,
): Id[] {
  const hits: [Id, number][] = []
  for (const [id, b] of boxes) {
    if (
      point.x >= b.left &&
      point.x <= b.left + b.width &&
      point.y >= b.top &&
      point.y <= b.top + b.height
    ) {
      hits.push([id, b.width * b.height])
    }
  }
  return hits.sort((a, b) => a[1] - b[1]).map(([id]) => id)
}
