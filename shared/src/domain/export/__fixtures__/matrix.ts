// The fixture workshop's 2x2: the top three items of the vote rated by everyone, revealed,
// adopted, and one item moved by hand after.
import { aggregateItems, MATRIX_BOOTSTRAP } from '../../matrix/aggregate.js'
import { adoptedPositions } from '../../matrix/placement.js'
import { DEFAULT_AXIS_NAMES, DEFAULT_QUADRANT_LABELS } from '../../matrix/quadrant.js'
import type { MatrixRatings, MatrixResults } from '../../../schema/matrix.js'
import type { RecordMatrix } from '../../../schema/record.js'
import type { WorkshopSettings } from '../../../schema/workshop.js'

/** What a fixture may hold as hostile text (the workshop fixture's HOSTILE.script). */
const SCRIPT = '<script>alert("x")</script>'
/**
 * The 2x2 of the fixture: the top three items of the vote rated by everyone (one skip), revealed
 * and adopted with every group counting equally, then the first item moved by hand.
 */
export function fixtureMatrix(
  settings: WorkshopSettings,
  people: readonly (readonly [string, string, string])[],
  top: readonly { key: string; kind: 'cluster' | 'idea'; label: string }[],
  { hostile, at }: { hostile: boolean; at: number },
): RecordMatrix {
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
  const raters = people.map(([id, , group]) => {
    const ratings: MatrixRatings = {}
    plan[id]!.forEach((entry, i) => {
      ratings[items[i]!.key] = entry ? { impact: entry[0], effort: entry[1] } : { skip: true }
    })
    return { id, group, ratings }
  })
  const matrixSettings = {
    select: 'top' as const,
    top: 3,
    picked: [],
    on: 'both' as const,
    axes: { impact: null, effort: null },
  }
  const result: MatrixResults = {
    revealedAt: at,
    settings: matrixSettings,
    groups: settings.groups.map((g) => ({
      id: g.id,
      name: g.name,
      raters: 2 + Number(g.id === 'g1'),
    })),
    items: aggregateItems({ items, raters, groups: settings.groups, ...MATRIX_BOOTSTRAP }),
    raters: raters.length,
    bootstrap: { ...MATRIX_BOOTSTRAP },
  }
  const adopted = adoptedPositions(result, 'groups')
  const first = items[0]!.key
  return {
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
}
