// The rationale document's 2x2 section: not run, open, and revealed figures checked by hand.
import { describe, expect, it } from 'vitest'
import { fixtureSources } from '../__fixtures__/workshop.js'
import { buildWorkshopRecord } from '../build-record.js'
import type { Block } from '../document.js'
import { sectionContext } from './context.js'
import { matrixSection, spread } from './matrix.js'
import { renderHtml } from '../html.js'

const build = (
  change: (s: ReturnType<typeof fixtureSources>) => ReturnType<typeof fixtureSources>,
) => matrixSection.build(sectionContext(buildWorkshopRecord(change(fixtureSources())), 'UTC'))

const tables = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.kind === 'table' ? [b.rows.map((r) => [...r])] : []))

describe('the impact vs effort section', () => {
  it('says the phase was not run when the record has no 2x2', () => {
    expect(build((s) => ({ ...s, matrix: null }))).toEqual([
      { kind: 'paragraph', content: ['Not run in this workshop.'] },
    ])
  })

  it('says rating is open, without figures, before the reveal', () => {
    const blocks = build((s) => ({
      ...s,
      matrix: { ...s.matrix!, status: 'open', result: null, positions: {}, adoption: null },
    }))
    expect(blocks).toEqual([
      { kind: 'paragraph', content: ['Rating is open; the ratings are not revealed yet.'] },
    ])
  })

  it('gives the group-equal medians and quartiles worked out by hand', () => {
    // Theatre scheduling, impact: Surgeons 8, 7, 9 (each weighs 1/3), Radiologists 3, 2 and
    // Administrators 6, 7 (each 1/2), of a total weight of 3. Cumulative: 2 → .5, 3 → 1,
    // 6 → 1.5 (exactly half: the median is halfway to 7, 6.5), q1 at .75 is 3, q3 at 2.25 is 7.
    const [summary, people, groups, placement] = tables(build((s) => s))
    expect(summary![0]!.slice(0, 6)).toEqual([
      'Theatre scheduling',
      '6.5 (3–7)',
      '4 (3–7)',
      '7',
      '0',
      'Quick wins',
    ])
    // Every person: impact 2, 3, 6, 7, 7, 8, 9 → median 7, quartiles 4.5 and 7.5 (type 7).
    expect(people![0]).toEqual(['Theatre scheduling', '7 (4.5–7.5)', '4 (3–5.5)', 'Quick wins'])
    expect(groups![1]).toEqual([
      'Theatre scheduling',
      'Radiologists',
      '2',
      '2.5 (2.3–2.8)',
      '7.5 (7.3–7.8)',
      'Thankless tasks',
    ])
    // The first item was moved by hand after the adoption.
    expect(placement![0]).toEqual(['Theatre scheduling', '7.5', '2.5', 'Quick wins', 'Yes'])
    expect(spread(null)).toBe('–')
  })

  it('draws the revealed medians on the 2x2 in the HTML, one numbered dot per rated item', () => {
    const record = buildWorkshopRecord(fixtureSources())
    const blocks = matrixSection.build(sectionContext(record, 'UTC'))
    const chart = blocks.find((b) => b.kind === 'matrix')
    if (chart?.kind !== 'matrix') throw new Error('no 2x2 chart')
    const rated = record.matrix!.result!.items.filter(
      (i) => i.groups.impact !== null && i.groups.effort !== null,
    )
    expect(chart.chart.points.map((p) => p.label)).toEqual(rated.map((i) => i.label))
    const html = renderHtml(record)
    const svg = html.slice(html.indexOf(chart.chart.title) - 400)
    expect(svg.match(/<circle /g)?.length).toBe(rated.length)
    expect(chart.chart.corners[0]).toBe(record.matrix!.labels.quadrants['quick-wins'])
  })
})
