// "Impact vs effort": the revealed 2x2 ratings — per item the medians with their interquartile
// ranges, n, quadrant, bootstrap stability and split opinion in plain words, each stakeholder
// group's medians — and the group placement, with what was adopted and what was moved by hand.
import type { RecordMatrix } from '../../../schema/record.js'
import type {
  AxisSummary,
  MatrixLabels,
  MatrixPoint,
  MatrixResults,
} from '../../../schema/matrix.js'
import { movedByHand } from '../../matrix/placement.js'
import { quadrantOf } from '../../matrix/quadrant.js'
import { describeSplit } from '../../matrix/split.js'
import { describeMatrixRatingSettings } from '../../rounds/matrix-ratings.js'
import { heading, notRun, paragraph, type Block } from '../document.js'
import { formatTime, plural } from '../format.js'
import type { SectionContext, SectionSpec } from './context.js'

/** A rating: whole numbers plain, else one decimal. */
export const rating = (v: number): string => (Number.isInteger(v) ? String(v) : v.toFixed(1))

/** "7 (6–8)": the median and the interquartile range; "–" without ratings. */
export const spread = (s: AxisSummary | null): string =>
  s ? `${rating(s.median)} (${rating(s.q1)}–${rating(s.q3)})` : '–'

const WEIGHTING = {
  groups: 'every stakeholder group counting equally',
  people: 'every person counting equally',
} as const

/** The revealed medians on the 2x2, with whiskers over their interquartile ranges. */
function matrixChart(result: MatrixResults, labels: MatrixLabels): Block {
  const q = labels.quadrants
  const rated = result.items.filter((i) => i.groups.impact !== null && i.groups.effort !== null)
  return {
    kind: 'matrix',
    chart: {
      title: `${labels.axes.impact} against ${labels.axes.effort.toLowerCase()}, as rated`,
      description:
        `Each numbered dot is an item at its median ratings (every stakeholder group counting equally); its lines span the middle half of the ratings on each axis; a hollow dot marks split opinion. ${rated.length < result.items.length ? `${plural(result.items.length - rated.length, 'item')} without ratings on both axes ${result.items.length - rated.length === 1 ? 'is' : 'are'} not drawn.` : ''}`.trim(),
      axes: labels.axes,
      corners: [q['quick-wins'], q['major-projects'], q['fill-ins'], q['thankless-tasks']],
      points: rated.map((item) => ({
        label: item.label,
        impact: item.groups.impact!,
        effort: item.groups.effort!,
        split: item.split !== null,
      })),
    },
  }
}

function resultBlocks(result: MatrixResults, labels: MatrixLabels, ctx: SectionContext): Block[] {
  const names = new Map(result.groups.map((g) => [g.id, g.name]))
  const groupName = (id: string) => names.get(id) ?? ctx.groupName(id)
  const quadrant = (q: string | null) =>
    q ? labels.quadrants[q as keyof MatrixLabels['quadrants']] : 'Not placed'
  const blocks: Block[] = [
    paragraph(
      `${plural(result.raters, 'participant')} rated ${plural(result.items.length, 'item')} (${describeMatrixRatingSettings(result.settings)}) for ${labels.axes.impact.toLowerCase()} and ${labels.axes.effort.toLowerCase()} on a scale of 1 to 9, hidden from everyone until the reveal. Each figure is the median with the middle half of the ratings in brackets (lower to upper quartile), ${WEIGHTING.groups}.`,
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Item' },
        { label: labels.axes.impact },
        { label: labels.axes.effort },
        { label: 'n', align: 'right' },
        { label: 'Skipped', align: 'right' },
        { label: 'Quadrant' },
        { label: 'Stability', align: 'right' },
        { label: 'Split' },
      ],
      rows: result.items.map((item) => [
        item.label,
        spread(item.groups.impact),
        spread(item.groups.effort),
        String(item.n),
        String(item.skipped),
        quadrant(item.groups.quadrant),
        item.groups.stability === null ? '–' : `${Math.round(item.groups.stability * 100)}%`,
        item.split ? 'Split' : 'No',
      ]),
    },
    matrixChart(result, labels),
    paragraph(
      `Stability is the share of ${result.bootstrap.resamples} bootstrap resamples of the raters (seed ${result.bootstrap.seed}) in which the item’s median stays in its quadrant; – where no stakeholder group had two raters of the item, so nothing could vary.`,
    ),
    heading('With every person counting equally'),
    {
      kind: 'table',
      columns: [
        { label: 'Item' },
        { label: labels.axes.impact },
        { label: labels.axes.effort },
        { label: 'Quadrant' },
      ],
      rows: result.items.map((item) => [
        item.label,
        spread(item.people.impact),
        spread(item.people.effort),
        quadrant(item.people.quadrant),
      ]),
    },
    heading('Each stakeholder group'),
    {
      kind: 'table',
      columns: [
        { label: 'Item' },
        { label: 'Group' },
        { label: 'n', align: 'right' },
        { label: labels.axes.impact },
        { label: labels.axes.effort },
        { label: 'Quadrant' },
      ],
      rows: result.items.flatMap((item) =>
        result.groups.flatMap((g) => {
          const own = Object.hasOwn(item.byGroup, g.id) ? item.byGroup[g.id] : undefined
          return own
            ? [
                [
                  item.label,
                  g.name,
                  String(own.n),
                  spread(own.impact),
                  spread(own.effort),
                  quadrant(own.quadrant),
                ],
              ]
            : []
        }),
      ),
    },
  ]
  const split = result.items.filter((i) => i.split !== null)
  blocks.push(heading('Split opinion'))
  if (split.length === 0) {
    blocks.push(paragraph('No item is split: neither rule found divided opinion.'))
  } else {
    blocks.push({
      kind: 'list',
      items: split.map((item) => ({
        content: [
          { strong: item.label },
          `: ${describeSplit(item.split!, {
            groupName,
            axisNames: labels.axes,
            quadrantLabels: labels.quadrants,
          })}`,
        ],
      })),
    })
  }
  return blocks
}

/** Item labels by key: the revealed result's, else the board's cards and clusters. */
function itemLabels(matrix: RecordMatrix, ctx: SectionContext): Map<string, string> {
  const labels = new Map<string, string>()
  for (const c of ctx.record.board.clusters) labels.set(`c:${c.id}`, c.name)
  for (const i of ctx.record.board.ideas) labels.set(`i:${i.id}`, i.text)
  for (const item of matrix.result?.items ?? []) labels.set(item.key, item.label)
  return labels
}

function placementBlocks(matrix: RecordMatrix, ctx: SectionContext): Block[] {
  const keys = Object.keys(matrix.positions)
  if (keys.length === 0) return []
  const labels = itemLabels(matrix, ctx)
  const adopted = matrix.adoption
  const moved = new Set(adopted ? movedByHand(matrix.positions, adopted.positions) : [])
  const order = (p: MatrixPoint) => -p.impact * 10 + p.effort
  const sorted = [...keys].sort(
    (a, b) => order(matrix.positions[a]!) - order(matrix.positions[b]!) || (a < b ? -1 : 1),
  )
  const blocks: Block[] = [heading('Group placement')]
  blocks.push(
    paragraph(
      adopted
        ? `The facilitator adopted the revealed aggregate, ${WEIGHTING[adopted.weighting]}, as the group placement at ${formatTime(adopted.at, ctx.timeZone)}. ${
            moved.size === 0
              ? 'No item was moved by hand since.'
              : `${plural(moved.size, 'item was', 'items were')} moved by hand away from it since.`
          }`
        : 'The group placed the items on the matrix together; no aggregate was adopted.',
    ),
  )
  blocks.push({
    kind: 'table',
    columns: [
      { label: 'Item' },
      { label: matrix.labels.axes.impact, align: 'right' },
      { label: matrix.labels.axes.effort, align: 'right' },
      { label: 'Quadrant' },
      ...(adopted ? [{ label: 'Moved by hand' }] : []),
    ],
    rows: sorted.map((key) => {
      const p = matrix.positions[key]!
      return [
        labels.get(key) ?? key,
        rating(p.impact),
        rating(p.effort),
        matrix.labels.quadrants[quadrantOf(p)],
        ...(adopted ? [moved.has(key) ? 'Yes' : 'No'] : []),
      ]
    }),
  })
  return blocks
}

export const matrixSection: SectionSpec = {
  id: 'matrix',
  title: 'Impact vs effort',
  build(ctx) {
    const matrix = ctx.record.matrix
    if (!matrix) return [notRun()]
    const labels: MatrixLabels = matrix.labels
    const blocks: Block[] = []
    if (matrix.result) blocks.push(...resultBlocks(matrix.result, labels, ctx))
    else if (matrix.status === 'open') {
      blocks.push(paragraph('Rating is open; the ratings are not revealed yet.'))
    } else if (matrix.status === 'closed') {
      blocks.push(
        paragraph('Rating is closed and the ratings are sealed; they are not revealed yet.'),
      )
    }
    blocks.push(...placementBlocks(matrix, ctx))
    return blocks.length > 0 ? blocks : [notRun()]
  },
}
