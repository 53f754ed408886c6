// The keyboard coordinate getter and the collision rule, against dnd-kit's own types.
import type { ClientRect, DroppableContainer, SensorContext } from '@dnd-kit/core'
import { describe, expect, it } from 'vitest'
import { boardCollisions, columnCoordinateGetter } from './board-dnd'
import { cardDropId, centre, columnDropId, UNCLUSTERED, type DropTarget } from './column-nav'

const rect = (left: number, top: number, width: number, height: number): ClientRect => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
})

const columns: Record<string, ClientRect> = {
  [UNCLUSTERED]: rect(0, 100, 300, 600),
  c1: rect(320, 100, 300, 200),
  c2: rect(640, 100, 300, 400),
}
const cardRect = rect(10, 150, 280, 80)

/** Which column elements were scrolled into view. */
const scrolled: string[] = []
const container = (id: string, target: DropTarget) =>
  ({
    id,
    key: id,
    data: { current: target },
    disabled: false,
    node: { current: { scrollIntoView: () => scrolled.push(id) } },
  }) as unknown as DroppableContainer

const containers = [
  ...Object.keys(columns).map((c) => container(columnDropId(c), { kind: 'column', column: c })),
  container(cardDropId('i1'), { kind: 'card', card: 'i1', column: UNCLUSTERED }),
  container(cardDropId('i2'), { kind: 'card', card: 'i2', column: 'c1' }),
]
const rects = new Map<string, ClientRect>([
  ...Object.entries(columns).map(([c, r]) => [columnDropId(c), r] as const),
  [cardDropId('i1'), cardRect],
  [cardDropId('i2'), rect(330, 150, 280, 80)],
])

const ORDER = [UNCLUSTERED, 'c1', 'c2']

function press(code: string, over: DropTarget | null, collision: ClientRect = cardRect) {
  // Node has no KeyboardEvent; the getter reads `code` and calls preventDefault.
  const event = { code, preventDefault: () => {} } as KeyboardEvent
  const context = {
    active: { id: 'i1', data: { current: { kind: 'card', card: 'i1', column: UNCLUSTERED } } },
    over: over && { id: 'x', data: { current: over } },
    collisionRect: collision,
    droppableRects: rects,
    droppableContainers: new Map(containers.map((c) => [c.id, c])),
  } as unknown as SensorContext
  const getter = columnCoordinateGetter(() => ORDER)
  return getter(event, { active: 'i1', context, currentCoordinates: { x: 0, y: 0 } })
}

/** Where the collision rule sees the keyboard-dragged card once it sits at `corner`. */
function columnAt(corner: { x: number; y: number }) {
  const collisionRect = rect(corner.x, corner.y, cardRect.width, cardRect.height)
  const hits = boardCollisions({
    active: { id: 'i1' } as never,
    collisionRect,
    droppableRects: rects,
    droppableContainers: containers,
    pointerCoordinates: null,
  })
  return hits[0]?.id
}

describe('columnCoordinateGetter', () => {
  it.each([
    ['Right from Unclustered (nothing under it yet)', 'ArrowRight', null, 'c1'],
    ['Right from cluster 1', 'ArrowRight', { kind: 'column', column: 'c1' }, 'c2'],
    ['Left from cluster 2', 'ArrowLeft', { kind: 'column', column: 'c2' }, 'c1'],
    [
      'Right while over a card in cluster 1',
      'ArrowRight',
      { kind: 'card', card: 'i2', column: 'c1' },
      'c2',
    ],
  ] as const)('%s → %s', (_, key, over, column) => {
    scrolled.length = 0
    const corner = press(key, over)
    expect(corner).toBeDefined()
    expect(columnAt(corner!)).toBe(columnDropId(column))
    expect(scrolled).toEqual([columnDropId(column)])
  })

  it.each([
    ['Left at the first column', 'ArrowLeft', { kind: 'column', column: UNCLUSTERED }],
    ['Right at the last column', 'ArrowRight', { kind: 'column', column: 'c2' }],
    ['Down', 'ArrowDown', null],
    ['Up', 'ArrowUp', null],
    ['a letter', 'KeyA', null],
  ] as const)('%s: the card stays', (_, key, over) => {
    expect(press(key, over)).toBeUndefined()
  })
})

describe('boardCollisions', () => {
  const withPointer = (x: number, y: number) =>
    boardCollisions({
      active: { id: 'i1' } as never,
      collisionRect: rect(x - 10, y - 10, 280, 80),
      droppableRects: rects,
      droppableContainers: containers,
      pointerCoordinates: { x, y },
    }).map((c) => c.id)

  it('prefers the card under the pointer (merge) over its column', () => {
    expect(withPointer(400, 180)[0]).toBe(cardDropId('i2'))
  })

  it('never offers the dragged card as its own merge target', () => {
    expect(withPointer(50, 180)).toEqual([columnDropId(UNCLUSTERED)])
  })

  it('is the column on its empty part', () => {
    expect(withPointer(400, 280)).toEqual([columnDropId('c1')])
  })

  it('is nothing between columns', () => {
    expect(withPointer(310, 280)).toEqual([])
  })

  it('without a pointer, only columns count, by the card centre', () => {
    const over = cardRect
    expect(centre(over).x).toBeLessThan(300)
    expect(columnAt({ x: over.left, y: over.top })).toBe(columnDropId(UNCLUSTERED))
  })
})
