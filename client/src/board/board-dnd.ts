// dnd-kit set-up for the board: a mouse-only pointer sensor (touch has its own, delay-based
// sensor), a keyboard sensor whose arrows jump between columns, and the collision rule.
import {
  closestCenter,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DroppableContainer,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
} from '@dnd-kit/core'
import type { PointerEvent as ReactPointerEvent } from 'react'
import {
  adjacentColumn,
  boxesAt,
  centre,
  columnDropId,
  dropCorner,
  readTarget,
  type ColumnKey,
} from './column-nav'

/** PointerSensor for mouse and pen only: touch goes through the TouchSensor and its delay. */
export class MousePointerSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: (
        { nativeEvent: event }: ReactPointerEvent,
        { onActivation }: PointerSensorOptions,
      ) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false
        onActivation?.({ event })
        return true
      },
    },
  ]
}

/**
 * Arrow Right / Left take the dragged card to the next / previous column in board order
 * (`order()`), scrolled into view; other keys do nothing, so a screen-reader user cannot
 * strand a card between columns.
 */
export function columnCoordinateGetter(
  order: () => readonly ColumnKey[],
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : null
    if (step === null) return undefined
    event.preventDefault()
    const { over, active, collisionRect, droppableRects, droppableContainers } = context
    const current =
      readTarget(over?.data.current)?.column ?? readTarget(active?.data.current)?.column ?? null
    const next = adjacentColumn(order(), current, step)
    if (next === null || !collisionRect) return undefined
    // No pointer leads the page in a keyboard drag: bring the column into view first. The
    // rects dnd-kit measured follow the scroll, so the card lands where the column now is.
    droppableContainers
      .get(columnDropId(next))
      ?.node.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const rect = droppableRects.get(columnDropId(next))
    return rect ? dropCorner(rect, collisionRect) : undefined
  }
}

const isColumn = (c: DroppableContainer) => readTarget(c.data.current)?.kind === 'column'

/**
 * With a pointer: the card under the pointer (drop to merge), else the column under it. With
 * the keyboard (no pointer): the column that holds the dragged card's centre.
 */
export const boardCollisions: CollisionDetection = (args) => {
  const { active, droppableContainers, droppableRects, pointerCoordinates, collisionRect } = args
  const point = pointerCoordinates ?? centre(collisionRect)
  const candidates = droppableContainers.filter((c) => {
    const target = readTarget(c.data.current)
    if (!target) return false
    // Keyboard moves are between columns; merging by keyboard is the card's "Merge" select.
    if (!pointerCoordinates) return target.kind === 'column'
    return !(target.kind === 'card' && target.card === String(active.id))
  })
  const boxes = candidates.flatMap((c) => {
    const rect = droppableRects.get(c.id)
    return rect ? [[c, rect] as const] : []
  })
  const hits = boxesAt(point, boxes)
  if (hits.length > 0) return hits.map((c) => ({ id: c.id, data: { droppableContainer: c } }))
  if (pointerCoordinates) return []
  return closestCenter({ ...args, droppableContainers: candidates.filter(isColumn) })
}

/** The three sensors, with the keyboard following `order()` (read when a key is pressed). */
export function useBoardSensors(order: () => readonly ColumnKey[]) {
  return useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinateGetter(order) }),
  )
}
