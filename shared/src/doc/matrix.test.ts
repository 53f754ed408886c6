// The 2x2's group placement in the control document: positions kept on the scale, labels with
// defaults, the adopted aggregate — and the control guard letting the facilitator drag and
// rename while refusing their write of an adoption, which only the server's logged action makes.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { adoptedPositions, movedByHand } from '../domain/matrix/placement.js'
import type { MatrixResults } from '../schema/matrix.js'
import { initControl } from './control.js'
import { checkControlUpdate } from './control-guard.js'
import {
  adoptMatrixPlacement,
  MATRIX_ADOPTED,
  MATRIX_POSITIONS,
  readMatrixPlacement,
  setMatrixLabel,
  setMatrixPosition,
} from './matrix.js'

function change(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

function scene() {
  const server = new Y.Doc()
  initControl(server, {
    title: 'Which wards first?',
    objective: '',
    groups: [{ id: 'g1', name: 'Surgeons' }],
    dotBudget: 5,
    maxDotsPerItem: 3,
    anonymous: true,
  })
  const facilitator = new Y.Doc()
  Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
  return { server, facilitator }
}

const summary = (median: number) => ({ n: 3, median, q1: median, q3: median })
const result = {
  items: [
    {
      key: 'i:a',
      people: { impact: summary(8), effort: summary(2) },
      groups: { impact: summary(6), effort: summary(3) },
    },
    {
      key: 'i:b',
      people: { impact: summary(4), effort: null },
      groups: { impact: summary(4), effort: null },
    },
  ],
} as unknown as MatrixResults

describe('the group placement', () => {
  it('keeps positions on the scale and drops what is not a point', () => {
    const doc = new Y.Doc()
    setMatrixPosition(doc, 'i:a', { impact: 12, effort: -3 })
    setMatrixPosition(doc, 'i:b', { impact: 4.5, effort: 6.25 })
    setMatrixPosition(doc, 'i:c', { impact: NaN, effort: 2 })
    doc.getMap(MATRIX_POSITIONS).set('i:d', { impact: '5', effort: 5 })
    doc.getMap(MATRIX_POSITIONS).set('i:e', 'left')
    expect(readMatrixPlacement(doc).positions).toEqual({
      'i:a': { impact: 9, effort: 1 },
      'i:b': { impact: 4.5, effort: 6.25 },
    })
    setMatrixPosition(doc, 'i:a', null)
    expect(Object.keys(readMatrixPlacement(doc).positions)).toEqual(['i:b'])
  })

  it('names axes and quadrants as the facilitator did, with the defaults otherwise', () => {
    const doc = new Y.Doc()
    setMatrixLabel(doc, 'impact', '  Patient benefit ')
    setMatrixLabel(doc, 'quick-wins', 'Do first')
    setMatrixLabel(doc, 'effort', 'x'.repeat(100))
    setMatrixLabel(doc, 'effort', '   ')
    const { labels } = readMatrixPlacement(doc)
    expect(labels.axes).toEqual({ impact: 'Patient benefit', effort: 'Effort' })
    expect(labels.quadrants).toEqual({
      'quick-wins': 'Do first',
      'major-projects': 'Major projects',
      'fill-ins': 'Fill-ins',
      'thankless-tasks': 'Thankless tasks',
    })
  })

  it('adopts the aggregate under a weighting, and sees what was moved by hand after', () => {
    const doc = new Y.Doc()
    setMatrixPosition(doc, 'i:b', { impact: 2, effort: 2 })
    const positions = adoptedPositions(result, 'groups')
    expect(positions).toEqual({ 'i:a': { impact: 6, effort: 3 } })
    expect(adoptedPositions(result, 'people')).toEqual({ 'i:a': { impact: 8, effort: 2 } })
    adoptMatrixPlacement(doc, { at: 5, weighting: 'groups', positions })
    const placed = readMatrixPlacement(doc)
    // The aggregate gives i:b no position: it keeps the one placed by hand.
    expect(placed.positions).toEqual({
      'i:b': { impact: 2, effort: 2 },
      'i:a': { impact: 6, effort: 3 },
    })
    expect(placed.adoption).toEqual({ at: 5, weighting: 'groups', positions })
    expect(movedByHand(placed.positions, positions)).toEqual(['i:b'])
    setMatrixPosition(doc, 'i:a', { impact: 6.02, effort: 3 })
    expect(movedByHand(readMatrixPlacement(doc).positions, positions)).toEqual(['i:b'])
    setMatrixPosition(doc, 'i:a', { impact: 7, effort: 3 })
    expect(movedByHand(readMatrixPlacement(doc).positions, positions)).toEqual(['i:b', 'i:a'])
  })
})

describe('the control guard and the placement', () => {
  it('lets the facilitator drag items and rename axes and quadrants', () => {
    const { server, facilitator } = scene()
    const update = change(facilitator, (d) => {
      setMatrixPosition(d, 'i:a', { impact: 7, effort: 2 })
      setMatrixLabel(d, 'thankless-tasks', 'Avoid')
    })
    expect(checkControlUpdate(server, update)).toEqual({ ok: true })
  })

  it('refuses the facilitator’s own write of an adoption: only the logged action adopts', () => {
    const { server, facilitator } = scene()
    const update = change(facilitator, (d) =>
      adoptMatrixPlacement(d, { at: 1, weighting: 'people', positions: {} }),
    )
    expect(checkControlUpdate(server, update)).toEqual({
      ok: false,
      reason: `the ${MATRIX_ADOPTED} is written by the server`,
    })
  })
})
