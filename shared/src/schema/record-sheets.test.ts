// The sealed sheets in columns: valid rows pass, hostile ones are refused with a message that
// says what is wrong (the builder's side: domain/export/sealed-record.test.ts).
import { describe, expect, it } from 'vitest'
import { recordRatingSheetsSchema, recordScoreSheetsSchema } from './record-sheets.js'

const scores = {
  items: ['i:a', 'i:b'],
  criteria: ['safety', 'cost', 'time'],
  rows: [
    { scorer: 'S001', group: 'g1', scores: [1, 2, null, null, -5, 1000] },
    { scorer: 'S002', group: 'g2', scores: [null, null, null, null, null, null] },
  ],
}
const ratings = {
  items: ['i:a', 'i:b', 'i:c'],
  axes: ['impact', 'effort'],
  rows: [
    { rater: 'R001', group: 'g1', ratings: [9, 1, null, null, 5, null], skipped: [1] },
    { rater: 'R002', group: 'g2', ratings: [null, null, null, null, null, null], skipped: [] },
  ],
}

/** The first issue's message and path, or null when the value parses. */
function refusal(
  schema: typeof recordScoreSheetsSchema | typeof recordRatingSheetsSchema,
  v: unknown,
) {
  const parsed = schema.safeParse(v)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]!
  return { message: issue.message, path: issue.path.join('.') }
}

const withScores = (row: unknown) => ({ ...scores, rows: [{ ...scores.rows[0], scores: row }] })
const withRating = (change: object) => ({ ...ratings, rows: [{ ...ratings.rows[0], ...change }] })

describe('score sheets in columns', () => {
  it('accepts rows of whole numbers within the widest scale, or null', () => {
    expect(recordScoreSheetsSchema.parse(scores)).toEqual(scores)
  })

  it.each([
    ['a fraction', [1.5, 2, null, null, null, null]],
    ['text', ['3', 2, null, null, null, null]],
    ['a formula', ['=HYPERLINK("x")', 2, null, null, null, null]],
    ['beyond the widest scale', [1001, 2, null, null, null, null]],
    ['an object', [{ valueOf: 3 }, 2, null, null, null, null]],
    ['not a list', { 0: 1 }],
    ['a nested list', [[1], 2, null, null, null, null]],
    ['a huge row', new Array(100_000).fill(1)],
  ])('refuses %s in a row, naming the row', (_, row) => {
    expect(refusal(recordScoreSheetsSchema, withScores(row))).toEqual({
      message: 'Scores must be a list of whole numbers from -1000 to 1000 or null',
      path: 'rows.0.scores',
    })
  })

  it('refuses a row with a cell too few or too many', () => {
    for (const row of [
      [1, 2, 3, 4, 5],
      [1, 2, 3, 4, 5, 6, 7],
    ]) {
      expect(refusal(recordScoreSheetsSchema, withScores(row))?.message).toBe(
        'Every score sheet has one score or null per item and criterion',
      )
    }
  })

  it('refuses more sheets than any roster holds', () => {
    const rows = new Array(10_001).fill(scores.rows[1])
    expect(refusal(recordScoreSheetsSchema, { ...scores, rows })?.path).toBe('rows')
  })
})

describe('rating sheets in columns', () => {
  it('accepts ratings 1–9 or null, impact then effort, and skipped items without ratings', () => {
    expect(recordRatingSheetsSchema.parse(ratings)).toEqual(ratings)
  })

  it.each([
    ['a rating of 0', { ratings: [0, 1, null, null, 5, null] }],
    ['a rating of 10', { ratings: [10, 1, null, null, 5, null] }],
    ['a fractional rating', { ratings: [4.5, 1, null, null, 5, null] }],
    ['a skip in the ratings', { ratings: [true, 1, null, null, 5, null] }],
  ])('refuses %s', (_, change) => {
    expect(refusal(recordRatingSheetsSchema, withRating(change))).toEqual({
      message: 'Ratings must be a list of whole numbers from 1 to 9 or null',
      path: 'rows.0.ratings',
    })
  })

  it('refuses skipped items that are not positions', () => {
    for (const skipped of [[null], [-1], [0.5], ['1'], [60]]) {
      expect(refusal(recordRatingSheetsSchema, withRating({ skipped }))?.path).toBe(
        'rows.0.skipped',
      )
    }
  })

  it('refuses a skipped item that is rated, listed twice, or beyond the items', () => {
    for (const skipped of [[0], [1, 1], [3]]) {
      expect(refusal(recordRatingSheetsSchema, withRating({ skipped }))?.message).toBe(
        'Skipped items are listed once each, in order, and carry no rating',
      )
    }
  })

  it('refuses other axes and rows of the wrong length', () => {
    expect(
      refusal(recordRatingSheetsSchema, { ...ratings, axes: ['effort', 'impact'] })?.path,
    ).toBe('axes.0')
    expect(refusal(recordRatingSheetsSchema, withRating({ ratings: [1, 2] }))?.message).toBe(
      'Every rating sheet has two ratings or nulls per item',
    )
  })
})
