// RICE and MoSCoW in the export: the RICE ranking's figures worked out by hand, in Markdown, HTML
// (text escaped), CSV (formulas escaped) and JSON (recomputed with the shared functions); the
// MoSCoW warning from the 2x2's effort.
import { describe, expect, it } from 'vitest'
import { workshopRecordSchema, type WorkshopRecord } from '../../../schema/record.js'
import { moscowPlanItems, moscowSummary } from '../../framework/moscow.js'
import { riceRankingOf } from '../../framework/rice.js'
import { fixtureSources } from '../__fixtures__/workshop.js'
import { buildWorkshopRecord } from '../build-record.js'
import { csvCells, renderCsv } from '../csv.js'
import { renderHtml } from '../html.js'
import { renderJson } from '../json.js'
import { renderMarkdown } from '../markdown.js'
import { standingFromRecord } from './decisions.js'

const base = buildWorkshopRecord(fixtureSources())
const [first, second, third] = base.framework!.moscow!.items as [
  { key: string; label: string },
  { key: string; label: string },
  { key: string; label: string },
]
const HOSTILE = { key: 'i:hostile', label: '=HYPERLINK("x")<script>alert(1)</script>' }

// Theatre scheduling 400 × 2 × 0.8 × 1.5 / 4 = 240; Imaging 1000 × 0.5 × 1 × 3 / 10 = 150;
// Patient flow 50 × 3 × 0.5 × 2 / 0.5 = 300; the hostile label: no estimates, no score.
const record: WorkshopRecord = {
  ...base,
  framework: {
    ...base.framework!,
    method: 'rice',
    rice: {
      items: [first, second, third, HOSTILE],
      estimates: {
        [first.key]: { reach: 400, impact: 2, confidence: 0.8, clinical: 1.5, effort: 4 },
        [second.key]: { reach: 1000, impact: 0.5, confidence: 1, clinical: 3, effort: 10 },
        [third.key]: { reach: 50, impact: 3, confidence: 0.5, clinical: 2, effort: 0.5 },
      },
    },
  },
}

describe('RICE and MoSCoW in the export', () => {
  it('ranks by RICE in Markdown, with the hand-computed scores', () => {
    const md = renderMarkdown(record)
    expect(md).toContain('### RICE ranking')
    expect(md).toContain(
      '| 1st | Patient flow | 50 | Massive (3) | Low (50 %) | Major (× 2) | 0.5 | 300 |',
    )
    expect(md).toContain(
      '| 2nd | Theatre scheduling | 400 | High (2) | Medium (80 %) | Moderate (× 1.5) | 4 | 240 |',
    )
    expect(md).toContain(
      '| 3rd | Imaging | 1000 | Low (0.5) | High (100 %) | Critical (× 3) | 10 | 150 |',
    )
    expect(md).toMatch(/\| 4th \| .*HYPERLINK.* \| – \| – \| – \| – \| – \| no score \|/)
    expect(md).not.toContain('### Weighted ranking')
    // Nor do the decisions cite a weighted standing the document does not show.
    expect(standingFromRecord(record.framework)).toBeNull()
    expect(standingFromRecord(base.framework)).not.toBeNull()
    expect(md).toContain('**Warning:** Musts take 83 % of the planned effort')
  })

  it('escapes the labels in HTML and CSV', () => {
    const html = renderHtml(record)
    expect(html).toContain('RICE ranking')
    expect(html).not.toContain('<script>alert(1)')
    const cells = csvCells(record)
    const header = cells[0]!
    const col = (name: string) => header.indexOf(name)
    expect(col('RICE score')).toBeGreaterThan(0)
    const row = (label: string) => cells.find((r) => r[1] === label)!
    expect([row('Patient flow')[col('RICE score')], row('Patient flow')[col('RICE rank')]]).toEqual(
      [300, 1],
    )
    expect(row('Imaging')[col('MoSCoW')]).toBe('Must')
    expect(renderCsv(record)).not.toMatch(/(^|,)=HYPERLINK/m)
  })

  it('lets the JSON recompute the RICE ranking and the MoSCoW warning', () => {
    const json = workshopRecordSchema.parse(JSON.parse(renderJson(record)))
    const fw = json.framework!
    expect(riceRankingOf(fw.rice!).map((r) => r.score)).toEqual([300, 240, 150, null])
    const moscow = moscowSummary(moscowPlanItems(fw.moscow!, json.matrix!.positions).items)
    expect([moscow.effort.must, moscow.effort.could, moscow.warning]).toEqual([9.5, 2, true])
  })

  it('has weighted columns, not RICE ones, while the items are ranked by weights', () => {
    expect(csvCells(record)[0]).not.toContain('Weighted score (0–100)')
    const weighted = { ...record, framework: { ...record.framework!, method: 'weighted' as const } }
    const cells = csvCells(weighted)
    expect(cells[0]).not.toContain('RICE score')
    const score = cells[0]!.indexOf('Weighted score (0–100)')
    // As the Markdown's weighted ranking has them (golden workshop.md).
    expect(cells.slice(1, 4).map((r) => [r[1], r[score], r[score + 1]])).toEqual([
      ['Theatre scheduling', 69.1, 1],
      ['Imaging', 65.9, 2],
      ['Patient flow', 48.2, 3],
    ])
    expect(renderMarkdown(weighted)).not.toContain('### RICE ranking')
  })
})
