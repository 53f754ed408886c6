// The value framework section's other ways to rank: the RICE ranking (the estimates and each
// item's score from the formula) and the optional MoSCoW step (effort per category and the
// warning when Musts take more than about 60 % of it), recomputed from the record with the
// same pure functions the screens use.
import type { RecordFramework } from '../../../schema/record-framework.js'
import type { MatrixPoint } from '../../../schema/matrix.js'
import { MOSCOW_CATEGORIES, MOSCOW_LABELS } from '../../../schema/moscow.js'
import { moscowPlanItems, moscowSummary } from '../../framework/moscow.js'
import { RICE_FORMULA, riceRankingOf, riceWords } from '../../framework/rice.js'
import { heading, paragraph, strong, type Block } from '../document.js'
import { ordinal, plural } from '../format.js'

const points = (v: number): string => {
  const r = Math.round(v * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

/** The RICE estimates and ranking, or a line saying none were entered. */
export function riceBlocks(fw: RecordFramework): Block[] {
  const rice = fw.rice ?? null
  const blocks: Block[] = [heading('RICE ranking'), paragraph(RICE_FORMULA)]
  if (!rice || Object.keys(rice.estimates).length === 0) {
    blocks.push(paragraph('No RICE estimates were entered.'))
    return blocks
  }
  const labels = new Map(rice.items.map((i) => [i.key, i.label]))
  const ranking = riceRankingOf(rice)
  const estimated = Object.keys(rice.estimates).length
  blocks.push(
    paragraph(
      `The facilitator entered the room’s estimates for ${plural(estimated, 'item')}${
        estimated < rice.items.length
          ? `; ${plural(rice.items.length - estimated, 'item')} without estimates ${rice.items.length - estimated === 1 ? 'has' : 'have'} no score and ${rice.items.length - estimated === 1 ? 'is' : 'are'} ranked last`
          : ''
      }.`,
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Rank' },
        { label: 'Item' },
        { label: 'Reach', align: 'right' },
        { label: 'Impact' },
        { label: 'Confidence' },
        { label: 'Clinical multiplier' },
        { label: 'Effort (person-months)', align: 'right' },
        { label: 'RICE score', align: 'right' },
      ],
      rows: ranking.map((r) => {
        const e = Object.hasOwn(rice.estimates, r.key) ? rice.estimates[r.key]! : null
        const words = e ? riceWords(e) : null
        return [
          ordinal(r.rank),
          labels.get(r.key) ?? r.key,
          e ? String(e.reach) : '–',
          words?.impact ?? '–',
          words?.confidence ?? '–',
          words?.clinical ?? '–',
          e ? points(e.effort) : '–',
          r.score === null ? 'no score' : points(r.score),
        ]
      }),
    },
  )
  return blocks
}

/** The MoSCoW step: items and effort per category, the Musts' share, the warning; [] if unused. */
export function moscowBlocks(
  fw: RecordFramework,
  positions: Readonly<Record<string, MatrixPoint>>,
): Block[] {
  const plan = fw.moscow ?? null
  if (!plan || Object.keys(plan.tags).length === 0) return []
  const { items, withoutEffort } = moscowPlanItems(plan, positions)
  const summary = moscowSummary(items)
  const labels = new Map(plan.items.map((i) => [i.key, i.label]))
  const label = (key: string) => labels.get(key) ?? key
  const planned = summary.effort.must + summary.effort.should + summary.effort.could
  const blocks: Block[] = [
    heading('MoSCoW'),
    paragraph(
      `The facilitator tagged ${plural(items.length, 'item')} Must, Should, Could or Won’t, with ${
        plan.effortFrom === 'matrix'
          ? 'each item’s effort taken from the 2x2 (1–9)'
          : 'an effort estimate for each'
      }. Musts should take no more than about 60 % of the planned effort (Must, Should and Could; Won’t is not planned), DSDM’s rule of thumb for keeping contingency.`,
    ),
    {
      kind: 'table',
      columns: [
        { label: 'Category' },
        { label: 'Items' },
        { label: 'Effort', align: 'right' },
        { label: 'Share of planned effort', align: 'right' },
      ],
      rows: MOSCOW_CATEGORIES.map((c) => [
        MOSCOW_LABELS[c],
        items
          .filter((i) => i.category === c)
          .map((i) => label(i.key))
          .join(', ') || '–',
        points(summary.effort[c]),
        c === 'wont'
          ? 'not planned'
          : planned > 0
            ? `${Math.round((summary.effort[c] / planned) * 100)} %`
            : '–',
      ]),
    },
    summary.warning && summary.message
      ? paragraph(strong('Warning:'), ` ${summary.message}.`)
      : paragraph(
          summary.mustShare === null
            ? 'No effort was planned.'
            : `Musts take ${Math.round(summary.mustShare * 100)} % of the planned effort, within about 60 %.`,
        ),
  ]
  if (withoutEffort.length > 0) {
    blocks.push(
      paragraph(
        `Without an effort ${plan.effortFrom === 'matrix' ? 'on the 2x2' : 'estimate'} (counted as 0): ${withoutEffort.map(label).join(', ')}.`,
      ),
    )
  }
  return blocks
}
