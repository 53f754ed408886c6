// Keyboard moves between columns: which column comes next, where the card lands, hit tests.
import { describe, expect, it } from 'vitest'
import {
  adjacentColumn,
  boxesAt,
  centre,
  clusterOf,
  dropCorner,
  readTarget,
  UNCLUSTERED,
  type Box,
} from './column-nav'

const ORDER = [UNCLUSTERED, 'c1', 'c2']

describe('adjacentColumn', () => {
  it.each([
    ['right from Unclustered', UNCLUSTERED, 1, 'c1'],
    ['right again', 'c1', 1, 'c2'],
    ['right at the last column stays', 'c2', 1, null],
    ['left from a cluster', 'c2', -1, 'c1'],
    ['left back to Unclustered', 'c1', -1, UNCLUSTERED],
    ['left at the first column stays', UNCLUSTERED, -1, null],
    ['unknown column, right: the first', 'gone', 1, UNCLUSTERED],
    ['unknown column, left: the last', 'gone', -1, 'c2'],
    ['no current column', null, 1, UNCLUSTERED],
  ] as const)('%s', (_, current, step, expected) => {
    expect(adjacentColumn(ORDER, current, step)).toBe(expected)
  })

  it('is null on an empty board', () => {
    expect(adjacentColumn([], UNCLUSTERED, 1)).toBeNull()
  })
})

describe('dropCorner', () => {
  const card = { width: 200, height: 80 }
  it.each([
    ['a tall column: centre near the top', { left: 300, top: 100, width: 260, height: 600 }],
    ['a short column: centre in the middle', { left: 0, top: 0, width: 260, height: 60 }],
    ['a card wider than the column', { left: 50, top: 40, width: 120, height: 400 }],
  ] as const)('puts the card centre inside %s', (_, column: Box) => {
    const corner = dropCorner(column, card)
    const c = centre({ left: corner.x, top: corner.y, ...card })
    expect(boxesAt(c, [['column', column]])).toEqual(['column'])
    expect(c.x).toBe(column.left + column.width / 2)
    expect(c.y).toBeLessThanOrEqual(column.top + 56)
  })
})

describe('boxesAt', () => {
  const boxes: [string, Box][] = [
    ['column', { left: 0, top: 0, width: 300, height: 500 }],
    ['card', { left: 10, top: 40, width: 280, height: 80 }],
    ['other column', { left: 320, top: 0, width: 300, height: 500 }],
  ]
  it.each([
    ['a card inside a column: the card first', { x: 50, y: 60 }, ['card', 'column']],
    ['empty part of a column', { x: 50, y: 300 }, ['column']],
    ['the other column', { x: 400, y: 10 }, ['other column']],
    ['the gap between columns', { x: 310, y: 10 }, []],
  ] as const)('%s', (_, point, expected) => {
    expect(boxesAt(point, boxes)).toEqual(expected)
  })
})

describe('targets', () => {
  it.each([
    [
      { kind: 'column', column: 'c1' },
      { kind: 'column', column: 'c1' },
    ],
    [
      { kind: 'card', card: 'i1', column: UNCLUSTERED },
      { kind: 'card', card: 'i1', column: UNCLUSTERED },
    ],
    [{ kind: 'card', card: 'i1' }, null],
    [{ kind: 'column', column: 3 }, null],
    [null, null],
    ['column', null],
  ])('%j → %j', (data, expected) => {
    expect(readTarget(data)).toEqual(expected)
  })

  it('maps columns to cluster ids', () => {
    expect(clusterOf(UNCLUSTERED)).toBeNull()
    expect(clusterOf('c1')).toBe('c1')
  })
})
