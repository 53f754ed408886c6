// The value framework's section: not run without criteria; the record's own result shapes take
// what the rounds produce; the figures are those of the same pure functions the screens use.
import { describe, expect, it } from 'vitest'
import { recordFrameworkSchema } from '../../../schema/record-framework.js'
import { frameworkOutcome } from '../../framework/outcome.js'
import { weightProposalsResultSchema } from '../../rounds/weight-proposals.js'
import { fixtureSources } from '../__fixtures__/workshop.js'
import { buildWorkshopRecord } from '../build-record.js'
import { sectionContext } from './context.js'
import type { Block } from '../document.js'
import { frameworkInputFromRecord, frameworkSection } from './framework.js'

const record = buildWorkshopRecord(fixtureSources())
const fw = record.framework!

describe('the value framework section', () => {
  it('says the phase was not run when no criteria were set up', () => {
    const { framework: _framework, ...without } = record
    const blocks = frameworkSection.build(sectionContext(without, 'UTC'))
    expect(blocks).toEqual([{ kind: 'paragraph', content: ['Not run in this workshop.'] }])
  })

  it('holds the weights round’s result in the record’s own shape', () => {
    expect(weightProposalsResultSchema.safeParse(fw.weights.result).success).toBe(true)
    expect(recordFrameworkSchema.safeParse(fw).success).toBe(true)
  })

  it('states the sensitivity sentence the screens compute from the same inputs', () => {
    const input = frameworkInputFromRecord(fw)!
    expect(input.topN).toBe(1)
    const sentence = frameworkOutcome(input).sensitivity.statements[0]!.sentence
    expect(sentence).toMatch(/^Theatre scheduling stays in first place in \d+ % /)
    const list = frameworkSection
      .build(sectionContext(record, 'UTC'))
      .find((b) => b.kind === 'list')
    expect(list).toEqual({ kind: 'list', items: [{ content: [sentence] }] })
  })

  it('has no ranking without adopted weights', () => {
    expect(frameworkInputFromRecord({ ...fw, adopted: null })).toBeNull()
  })

  it('charts each group’s proposed weights and each item’s score by criterion', () => {
    const blocks = frameworkSection.build(sectionContext(record, 'UTC'))
    const charts = blocks.flatMap((b: Block) => (b.kind === 'chart' ? [b.chart] : []))
    const weights = charts.find((c) => c.title.startsWith('Weights proposed'))!
    // Every bar is a whole allocation: its 100 points, to the tenth each segment is printed at.
    for (const row of weights.rows) {
      expect(row.values.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0)
    }
    expect(weights.rows.at(-1)!.label).toBe('Every group equal')
    const ranking = charts.find((c) => c.title.startsWith('Weighted score'))!
    const outcome = frameworkOutcome(frameworkInputFromRecord(fw)!)
    ranking.rows.forEach((row, i) => {
      expect(row.values.reduce((a, b) => a + b, 0)).toBeCloseTo(outcome.ranking[i]!.score, 0)
    })
  })
})
