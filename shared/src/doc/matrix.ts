// The 2x2's group placement in the control document: item positions and the facilitator's axis
// names and quadrant labels (the facilitator writes both, live to every device), and the
// aggregate adopted as the placement (only the server writes it, with its log event).
import type * as Y from 'yjs'
import { clampPoint } from '../domain/matrix/placement.js'
import { DEFAULT_AXIS_NAMES, DEFAULT_QUADRANT_LABELS } from '../domain/matrix/quadrant.js'
import {
  MATRIX_AXES,
  MATRIX_LABEL_MAX,
  matrixAdoptionSchema,
  QUADRANTS,
  type MatrixAdoption,
  type MatrixAxis,
  type MatrixLabels,
  type MatrixPoint,
  type Quadrant,
} from '../schema/matrix.js'
import { cleanText } from '../schema/text.js'

/** Item key → position (a plain `{impact, effort}` value per key). */
export const MATRIX_POSITIONS = 'matrix-positions'
/** Axis and quadrant id → the facilitator's name for it. */
export const MATRIX_LABELS = 'matrix-labels'
/** The adopted aggregate (`adoption` key); only the server writes this root. */
export const MATRIX_ADOPTED = 'matrix-adopted'

/** The group placement as every device shows it. */
export interface MatrixPlacement {
  /** Positions by item key; values that are not a point on the scale are left out. */
  readonly positions: Record<string, MatrixPoint>
  readonly labels: MatrixLabels
  /** The adopted aggregate, or null when none was adopted. */
  readonly adoption: MatrixAdoption | null
}

const label = (value: unknown, fallback: string): string => {
  if (typeof value !== 'string') return fallback
  const text = cleanText(value).trim().slice(0, MATRIX_LABEL_MAX)
  return text || fallback
}

/** Reads the placement, the labels (defaults where unset) and the adoption. */
export function readMatrixPlacement(doc: Y.Doc): MatrixPlacement {
  const positions: [string, MatrixPoint][] = []
  doc.getMap<unknown>(MATRIX_POSITIONS).forEach((value, key) => {
    const point =
      typeof value === 'object' && value !== null
        ? clampPoint(value as { impact: unknown; effort: unknown })
        : null
    if (point) positions.push([key, point])
  })
  const names = doc.getMap<unknown>(MATRIX_LABELS)
  const adoption = matrixAdoptionSchema.safeParse(doc.getMap(MATRIX_ADOPTED).get('adoption'))
  return {
    positions: Object.fromEntries(positions),
    labels: {
      axes: Object.fromEntries(
        MATRIX_AXES.map((a) => [a, label(names.get(a), DEFAULT_AXIS_NAMES[a])]),
      ) as Record<MatrixAxis, string>,
      quadrants: Object.fromEntries(
        QUADRANTS.map((q) => [q, label(names.get(q), DEFAULT_QUADRANT_LABELS[q])]),
      ) as Record<Quadrant, string>,
    },
    adoption: adoption.success ? adoption.data : null,
  }
}

/** Facilitator: places an item (kept on the scale), or takes it off the matrix with null. */
export function setMatrixPosition(
  doc: Y.Doc,
  key: string,
  point: MatrixPoint | null,
  origin?: unknown,
): void {
  const kept = point && clampPoint(point)
  doc.transact(() => {
    const m = doc.getMap(MATRIX_POSITIONS)
    if (kept) m.set(key, { impact: kept.impact, effort: kept.effort })
    else if (m.has(key)) m.delete(key)
  }, origin)
}

/** Facilitator: renames an axis or a quadrant; an empty name restores the default. */
export function setMatrixLabel(
  doc: Y.Doc,
  which: MatrixAxis | Quadrant,
  name: string,
  origin?: unknown,
): void {
  const text = cleanText(name).trim().slice(0, MATRIX_LABEL_MAX)
  doc.transact(() => {
    const m = doc.getMap(MATRIX_LABELS)
    if (text) m.set(which, text)
    else if (m.has(which)) m.delete(which)
  }, origin)
}

/**
 * Server: adopts an aggregate as the group placement — every adopted position written over
 * the item's current one (items the aggregate does not place keep theirs) — and records it.
 */
export function adoptMatrixPlacement(doc: Y.Doc, adoption: MatrixAdoption, origin?: unknown): void {
  doc.transact(() => {
    const m = doc.getMap(MATRIX_POSITIONS)
    for (const [key, p] of Object.entries(adoption.positions)) {
      m.set(key, { impact: p.impact, effort: p.effort })
    }
    doc.getMap(MATRIX_ADOPTED).set('adoption', {
      at: adoption.at,
      weighting: adoption.weighting,
      positions: { ...adoption.positions },
    })
  }, origin)
}
