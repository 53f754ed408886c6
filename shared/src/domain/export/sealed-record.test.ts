// The sealed ratings and scores in columns give back each participant's input as the clamp left
// it: what the round's aggregate recomputes the revealed result from (recompute.test.ts).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { recordRatingSheetsSchema, recordScoreSheetsSchema } from '../../schema/record-sheets.js'
import {
  ratingSheetInputs,
  recordRatingSheets,
  recordScoreSheets,
  scoreSheetInputs,
} from './sealed-record.js'

describe('the builder’s columns', () => {
  const items = ['i:a', 'i:b', 'i:c']
  const criteria = ['safety', 'cost']
  const cell = fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined })
  const sheet = fc.tuple(
    fc.constantFrom('g1', 'g2'),
    fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }),
  )

  it('give back each participant’s scores, cells not scored left out', () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 8 }), (sheets) => {
        const sealed = sheets.map(([group, cells]) => ({
          group,
          scores: Object.fromEntries(
            items.flatMap((key, i) => {
              const row = Object.fromEntries(
                criteria.flatMap((c, j) => (cells[i]![j] === undefined ? [] : [[c, cells[i]![j]]])),
              )
              return Object.keys(row).length > 0 ? [[key, row]] : []
            }),
          ),
        }))
        const took = sealed.filter((s) => Object.keys(s.scores).length > 0)
        const n = (key: string, c: string) =>
          took.filter(
            (s) => (s.scores as Record<string, Record<string, number>>)[key]?.[c] !== undefined,
          ).length
        const groups = [...new Set(took.map((s) => s.group))].map((group) => ({
          group,
          raters: took.filter((s) => s.group === group).length,
        }))
        const result = {
          revealedAt: 0,
          criteria: criteria.map((id) => ({ id, name: id })),
          items: items.map((key) => ({ key, label: key })),
          people: {},
          groupEqual: {},
          groups: groups.map((g) => ({ ...g, scores: {} })),
          cells: Object.fromEntries(
            items.map((key) => [
              key,
              Object.fromEntries(criteria.map((c) => [c, { n: n(key, c), iqr: null }])),
            ]),
          ),
          raters: took.length,
        }
        const columns = recordScoreSheets(result, sealed)!
        expect(recordScoreSheetsSchema.parse(columns)).toEqual(columns)
        const back = scoreSheetInputs(columns).map((s) => JSON.stringify([s.group, s.scores]))
        expect(back.sort()).toEqual(sealed.map((s) => JSON.stringify([s.group, s.scores])).sort())
      }),
    )
  })

  it('give back each participant’s ratings and skips as the clamp left them', () => {
    const entry = fc.oneof(
      fc.constant(undefined),
      fc.constant({ skip: true as const }),
      fc.record(
        { impact: fc.integer({ min: 1, max: 9 }), effort: fc.integer({ min: 1, max: 9 }) },
        { requiredKeys: ['impact'] },
      ),
    )
    const rater = fc.tuple(
      fc.constantFrom('g1', 'g2'),
      fc.array(entry, { minLength: 3, maxLength: 3 }),
    )
    fc.assert(
      fc.property(fc.array(rater, { maxLength: 8 }), (raters) => {
        const sealed = raters.map(([group, entries]) => ({
          group,
          ratings: Object.fromEntries(
            items.flatMap((key, i) => (entries[i] ? [[key, entries[i]]] : [])),
          ),
        }))
        const took = sealed.filter((s) => Object.keys(s.ratings).length > 0)
        const entries = (key: string) =>
          took.map((s) => (s.ratings as Record<string, { skip?: true }>)[key])
        const result = {
          revealedAt: 0,
          settings: {
            select: 'all' as const,
            top: 10,
            picked: [],
            on: 'both' as const,
            axes: { impact: null, effort: null },
          },
          groups: ['g1', 'g2'].map((id) => ({
            id,
            name: id,
            raters: took.filter((s) => s.group === id).length,
          })),
          items: items.map((key) => ({
            key,
            kind: 'idea' as const,
            label: key,
            n: entries(key).filter(Boolean).length,
            skipped: entries(key).filter((e) => e?.skip === true).length,
            people: { impact: null, effort: null, quadrant: null, stability: null },
            groups: { impact: null, effort: null, quadrant: null, stability: null },
            byGroup: {},
            split: null,
          })),
          raters: took.length,
          bootstrap: { seed: 1, resamples: 10 },
        }
        const columns = recordRatingSheets(result, sealed)!
        expect(recordRatingSheetsSchema.parse(columns)).toEqual(columns)
        const back = ratingSheetInputs(columns).map((s) => JSON.stringify([s.group, s.ratings]))
        expect(back.sort()).toEqual(sealed.map((s) => JSON.stringify([s.group, s.ratings])).sort())
      }),
    )
  })
})
