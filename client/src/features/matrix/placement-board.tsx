// The group placement on the 2x2: items as points on the matrix, and those not placed yet in a
// tray below it. Where `onMove` is given the items move: dragged with the mouse or a finger
// (@dnd-kit/core), or by keyboard — Enter or Space picks an item up, the arrow keys move it
// in steps (Shift for bigger ones), Enter or Space drops it and Escape puts it back — each step
// said through the page's live region. Items moved by hand away from an adopted aggregate are
// marked, in words as well as by a ring.
import {
  DndContext,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core'
import { useRef, useState, type KeyboardEvent } from 'react'
import type { CandidateItem, MatrixLabels, MatrixPoint } from '@triage/shared'
import { MousePointerSensor } from '../../board/board-dnd'
import { useAnnounce } from '../../ui/announcer'
import { layoutLabels } from './label-layout'
import { MatrixSvg, PLOT, PointLabel, VIEW, labelBox, xOf, yOf } from './matrix-chart'
import { CENTRE, pointAt, pointWords, stepPoint, type Box } from './matrix-model'

export interface BoardItem {
  readonly item: CandidateItem
  readonly point: MatrixPoint | null
  /** Moved by hand away from the adopted aggregate. */
  readonly moved?: boolean
  /** Impact shows the weighted score, but this item has none: it stays where the ratings put it. */
  readonly unscored?: boolean
}

interface Carrying {
  readonly key: string
  readonly point: MatrixPoint
}

export function PlacementBoard({
  items,
  labels,
  onMove,
  fontSize = 18,
  name = 'Impact vs effort matrix',
}: {
  items: readonly BoardItem[]
  labels: MatrixLabels
  /** Given on the console: the facilitator places items (null takes one off). */
  onMove?: (key: string, point: MatrixPoint) => void
  fontSize?: number
  name?: string
}) {
  const plot = useRef<SVGRectElement | null>(null)
  const [carrying, setCarrying] = useState<Carrying | null>(null)
  const announce = useAnnounce()
  const sensors = useSensors(
    useSensor(MousePointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
  )
  const editable = onMove !== undefined
  const placed = items.filter((i) => i.point !== null || carrying?.key === i.item.key)
  const tray = items.filter((i) => i.point === null)

  const words = (point: MatrixPoint) => pointWords(point, labels)
  const plotBox = (): Box | null => plot.current?.getBoundingClientRect() ?? null

  const onDragEnd = ({ active, delta }: DragEndEvent) => {
    const box = plotBox()
    const rect = active.rect.current.initial
    if (!box || !rect || !onMove) return
    const entry = items.find((i) => i.item.key === String(active.id))
    if (!entry) return
    // Where the item's centre was let go.
    const x = rect.left + rect.width / 2 + delta.x
    const y = rect.top + rect.height / 2 + delta.y
    const point = pointAt(x, y, box)
    if (!point) {
      announce(`${entry.item.label} was let go outside the matrix and stays where it was.`)
      return
    }
    onMove(entry.item.key, point)
    announce(`${entry.item.label} placed at ${words(point)}.`)
  }

  const onKeyDown = (entry: BoardItem, event: KeyboardEvent) => {
    if (!onMove) return
    const { key, label } = entry.item
    const held = carrying?.key === key ? carrying : null
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      if (!held) {
        const point = entry.point ?? CENTRE
        setCarrying({ key, point })
        announce(
          `Picked up ${label} at ${words(point)}. Arrow keys move it, Enter or Space drops it, Escape cancels.`,
          'assertive',
        )
      } else {
        setCarrying(null)
        onMove(key, held.point)
        announce(`${label} dropped at ${words(held.point)}.`, 'assertive')
        // An item from the tray is now drawn on the matrix: the focus follows it there.
        if (!entry.point) {
          requestAnimationFrame(() =>
            document.querySelector<SVGGElement>(`[data-matrix-key="${CSS.escape(key)}"]`)?.focus(),
          )
        }
      }
      return
    }
    if (!held) return
    if (event.key === 'Escape') {
      event.preventDefault()
      setCarrying(null)
      announce(
        entry.point
          ? `Move cancelled: ${label} is back at ${words(entry.point)}.`
          : `Move cancelled: ${label} is not on the matrix.`,
        'assertive',
      )
      return
    }
    const next = stepPoint(held.point, event.key, event.shiftKey)
    if (!next) return
    event.preventDefault()
    setCarrying({ key, point: next })
    announce(`${label}: ${words(next)}.`, 'assertive')
  }

  const shownText = (entry: BoardItem) =>
    `${entry.item.label}${entry.moved ? ' (moved)' : ''}${entry.unscored ? ' (no score)' : ''}`
  const pointOf = (entry: BoardItem) =>
    (carrying?.key === entry.item.key ? carrying.point : null) ?? entry.point!
  // Labels that would cover each other move apart (a leader joins each back to its item).
  const labelY = layoutLabels(
    placed.map((entry) => labelBox(entry.item.key, pointOf(entry), shownText(entry), fontSize)),
    fontSize * 1.2,
    PLOT.y + fontSize / 2,
    PLOT.y + PLOT.height - fontSize / 2,
  )
  const drawing = (
    <MatrixSvg labels={labels} name={name} fontSize={fontSize} plotRef={(n) => (plot.current = n)}>
      {placed.map((entry) => {
        const held = carrying?.key === entry.item.key ? carrying : null
        const point = pointOf(entry)
        return (
          <PlacedItem
            key={entry.item.key}
            entry={entry}
            point={point}
            held={held !== null}
            // A tray item being carried by keyboard is drawn here, but its focus stays below.
            ghost={entry.point === null}
            words={words(point)}
            text={shownText(entry)}
            labelY={labelY.get(entry.item.key)}
            fontSize={fontSize}
            editable={editable}
            onKeyDown={(e) => onKeyDown(entry, e)}
          />
        )
      })}
    </MatrixSvg>
  )

  return (
    <div className="matrix-board">
      {editable ? (
        <DndContext
          sensors={sensors}
          onDragEnd={onDragEnd}
          accessibility={{
            screenReaderInstructions: {
              draggable:
                'Press Enter or Space to pick the item up, the arrow keys to move it, Enter or Space to drop it, Escape to cancel.',
            },
            announcements: {
              onDragStart: ({ active }) => `Picked up ${labelOf(items, active.id)}.`,
              onDragOver: () => undefined,
              onDragMove: () => undefined,
              onDragEnd: () => undefined,
              onDragCancel: ({ active }) => `${labelOf(items, active.id)} stays where it was.`,
            },
          }}
        >
          {drawing}
          <Tray items={tray} carrying={carrying} editable onKeyDown={onKeyDown} words={words} />
        </DndContext>
      ) : (
        <>
          {drawing}
          <Tray items={tray} carrying={null} editable={false} onKeyDown={() => {}} words={words} />
        </>
      )}
    </div>
  )
}

const labelOf = (items: readonly BoardItem[], id: string | number) =>
  items.find((i) => i.item.key === String(id))?.item.label ?? 'The item'

function PlacedItem({
  entry,
  point,
  held,
  ghost,
  words,
  text,
  labelY,
  fontSize,
  editable,
  onKeyDown,
}: {
  entry: BoardItem
  point: MatrixPoint
  held: boolean
  ghost: boolean
  words: string
  /** The label as drawn, and its height when laid apart from others. */
  text: string
  labelY: number | undefined
  fontSize: number
  editable: boolean
  onKeyDown: (e: KeyboardEvent) => void
}) {
  const { key, label } = entry.item
  const { setNodeRef, listeners, transform, isDragging } = useDraggableIf(key, editable && !ghost)
  // dnd-kit measures screen pixels; the drawing is scaled to its box.
  const k = transformScale(isDragging)
  const dx = (transform?.x ?? 0) * k
  const dy = (transform?.y ?? 0) * k
  const moved =
    (entry.moved ? ', moved by hand from the aggregate' : '') +
    (entry.unscored ? ', no weighted score: impact from the ratings' : '')
  const classes = [
    'matrix-item',
    held && 'matrix-item--held',
    isDragging && 'matrix-item--dragging',
    entry.moved && 'matrix-item--moved',
    entry.unscored && 'matrix-item--unscored',
  ]
    .filter(Boolean)
    .join(' ')
  const interactive = editable && !ghost
  return (
    <g
      // dnd-kit measures any element; its type says HTMLElement.
      ref={(node: SVGGElement | null) => setNodeRef(node as unknown as HTMLElement | null)}
      className={classes}
      data-matrix-key={key}
      transform={`translate(${dx},${dy})`}
      {...(interactive
        ? {
            role: 'button',
            tabIndex: 0,
            'aria-label': `Move: ${label}, ${words}${moved}`,
            'aria-pressed': held,
            onKeyDown,
            ...listeners,
          }
        : ghost
          ? { 'aria-hidden': true }
          : { role: 'img', 'aria-label': `${label}: ${words}${moved}` })}
    >
      <g transform={`translate(${xOf(point.effort)},${yOf(point.impact)})`}>
        {entry.moved && <circle className="matrix-moved-ring" r={16} />}
        {entry.unscored && (
          <rect className="matrix-unscored-box" x={-15} y={-15} width={30} height={30} />
        )}
        <circle className="matrix-marker matrix-marker--placed" r={10} />
        {/* A larger, invisible target for fingers. */}
        <circle className="matrix-target" r={22} />
      </g>
      {/* Words, not an emoji: a projector PC may have no emoji font (the ring marks it too). */}
      <PointLabel
        point={point}
        text={text}
        fontSize={fontSize}
        {...(labelY !== undefined && { labelY })}
      />
    </g>
  )
}

/** How many drawing units one screen pixel is (1 when not measurable). */
function transformScale(dragging: boolean): number {
  if (!dragging) return 1
  const svg = document.querySelector<SVGSVGElement>('.matrix-board .matrix-svg')
  const width = svg?.getBoundingClientRect().width ?? 0
  return width > 0 ? VIEW.width / width : 1
}

function useDraggableIf(key: string, enabled: boolean) {
  return useDraggable({ id: key, disabled: !enabled })
}

/** Items not on the matrix yet, below it: dragged onto it, or picked up by keyboard. */
function Tray({
  items,
  carrying,
  editable,
  onKeyDown,
  words,
}: {
  items: readonly BoardItem[]
  carrying: Carrying | null
  editable: boolean
  onKeyDown: (entry: BoardItem, e: KeyboardEvent) => void
  words: (p: MatrixPoint) => string
}) {
  if (items.length === 0) return null
  return (
    <div
      className="matrix-tray"
      // Read-only (the projector), the tray may scroll beside the matrix: reachable by keyboard.
      {...(!editable && {
        role: 'region',
        'aria-labelledby': 'matrix-tray-heading',
        tabIndex: 0,
      })}
    >
      <h3 id="matrix-tray-heading" className="matrix-tray__title">
        Not on the matrix yet
      </h3>
      <ul className="matrix-tray__list" aria-labelledby="matrix-tray-heading">
        {items.map((entry) => (
          <li key={entry.item.key}>
            {editable ? (
              <TrayChip
                entry={entry}
                carrying={carrying?.key === entry.item.key ? carrying : null}
                onKeyDown={(e) => onKeyDown(entry, e)}
                words={words}
              />
            ) : (
              <span className="matrix-chip">{entry.item.label}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

function TrayChip({
  entry,
  carrying,
  onKeyDown,
  words,
}: {
  entry: BoardItem
  carrying: Carrying | null
  onKeyDown: (e: KeyboardEvent) => void
  words: (p: MatrixPoint) => string
}) {
  const { setNodeRef, listeners, transform, isDragging } = useDraggable({ id: entry.item.key })
  const where = carrying ? words(carrying.point) : 'not on the matrix yet'
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={isDragging ? 'matrix-chip matrix-chip--dragging' : 'matrix-chip'}
      aria-label={`Move: ${entry.item.label}, ${where}`}
      aria-pressed={carrying !== null}
      style={
        transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined
      }
      onKeyDown={onKeyDown}
      {...listeners}
    >
      {entry.item.label}
    </button>
  )
}
