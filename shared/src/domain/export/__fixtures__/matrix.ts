// The fixture workshop's 2x2: the top three items of the vote rated by everyone, revealed,
// adopted, and one item moved by hand after.
import { adoptedPositions } from '../../matrix/placement.js'
import { DEFAULT_AXIS_NAMES, DEFAULT_QUADRANT_LABELS } from '../../matrix/quadrant.js'
import type { MatrixResults } from '../../../schema/matrix.js'
import { matrixRatings } from '../../rounds/matrix-ratings.js'
import type { SealedRatings } from '../sealed-record.js'
import type { RecordMatrix } from '../../../schema/record.js'
import type { WorkshopSettings } from '../../../schema/workshop.js'

/** What a fixture may hold as hostile text (the workshop fixture's HOSTILE.script). */
const SCRIPT = '<script>alert("x")</script>'
/**
 * The 2x2 of the fixture: the top three items of the vote rated by everyone (one skip), revealed
 * and adopted with every group counting equally, then the first item moved by hand; with the
 * sealed ratings the result was computed from.
 */
export function fixtureMatrix(
  settings: WorkshopSettings,
  people: readonly (readonly [string, string, string])[],
  top: readonly { key: string; kind: 'cluster' | 'idea'; label: string }[],
  { hostile, at }: { hostile: boolean; at: number },
): { record: RecordMatrix; sealed: SealedRatings[] } {
  const items = top.map(({ key, kind, label }) => ({ key, kind, label }))
  // Impact, effort per item, in the order of `items`; null is a skip.
  const plan: Record<string, ([number, number] | null)[]> = {
    p1: [
      [8, 3],
      [7, 7],
      [3, 2],
    ],
    p2: [
      [7, 2],
      [8, 6],
      [2, 3],
    ],
    p3: [[9, 4], [6, 8], null],
    p4: [
      [3, 7],
      [7, 6],
      [4, 2],
    ],
    p5: [
      [2, 8],
      [8, 7],
      [3, 3],
    ],
    p6: [
      [6, 4],
      [5, 9],
      [2, 1],
    ],
    p7: [
      [7, 3],
      [6, 8],
      [3, 2],
    ],
  }
  const sealed = people.map(([id, , group]) => {
    const ratings: Record<string, unknown> = {}
    plan[id]!.forEach((entry, i) => {
      ratings[items[i]!.key] = entry ? { impact: entry[0], effort: entry[1] } : { skip: true }
    })
    return { id, name: id, group, ratings }
  })
  const matrixSettings = {
    select: 'top' as const,
    top: 3,
    picked: [],
    on: 'both' as const,
    axes: { impact: null, effort: null },
  }
  // Revealed as the server reveals: each sealed input clamped, then the round's aggregate.
  const context = { settings: matrixSettings, items, votesRevealed: true }
  const result: MatrixResults = matrixRatings.aggregate({
    settings: matrixSettings,
    context,
    inputs: sealed.map((p) => ({
      participant: p,
      input: matrixRatings.clamp(p.ratings, context, p),
    })),
    groups: settings.groups,
    revealedAt: at,
  })
  const adopted = adoptedPositions(result, 'groups')
  const first = items[0]!.key
  const record: RecordMatrix = {
    status: 'revealed',
    settings: matrixSettings,
    result,
    labels: {
      axes: { ...DEFAULT_AXIS_NAMES },
      quadrants: {
        ...DEFAULT_QUADRANT_LABELS,
        'quick-wins': hostile ? SCRIPT : 'Quick wins',
      },
    },
    positions: { ...adopted, [first]: { impact: 7.5, effort: 2.5 } },
    adoption: { at: at + 60_000, weighting: 'groups', positions: adopted },
  }
  return { record, sealed: sealed.map(({ group, ratings }) => ({ group, ratings })) }
}
