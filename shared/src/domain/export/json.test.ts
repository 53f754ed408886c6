// The JSON export's layout: the record indented as JSON.stringify indents it, except that each
// sealed sheet's row of numbers sits on one line; read back, it is always the same record, even
// when a text in it reads as the marker a row is written in place of.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { WorkshopRecord } from '../../schema/record.js'
import { fixtureSources } from './__fixtures__/workshop.js'
import { buildWorkshopRecord } from './build-record.js'
import { renderJson } from './json.js'

const record = buildWorkshopRecord(fixtureSources())
const strip = (text: string) => text.replace(/\n */g, '')

/** The record with its title and objective set to `title` and `objective`. */
const titled = (title: string, objective: string): WorkshopRecord => ({
  ...record,
  workshop: { ...record.workshop, title, objective },
})

describe('renderJson', () => {
  it('writes each score and rating row on one line', () => {
    const json = renderJson(record)
    const scores = record.framework!.scores.sheets!.rows
    const ratings = record.matrix!.ratings!.rows
    for (const row of scores) expect(json).toContain(`"scores": ${JSON.stringify(row.scores)}\n`)
    for (const row of ratings) {
      expect(json).toContain(`"ratings": ${JSON.stringify(row.ratings)},`)
      expect(json).toContain(`"skipped": ${JSON.stringify(row.skipped)}\n`)
    }
  })

  it('differs from the indented record only in whitespace, and reads back as the record', () => {
    const json = renderJson(record)
    expect(json.endsWith('}\n')).toBe(true)
    expect(strip(json)).toBe(strip(`${JSON.stringify(record, null, 2)}\n`))
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(record)))
  })

  it('is the same record whatever its texts hold, the markers’ text included', () => {
    const marker = (n: number) => `\u0000row${n}\u0000`
    const text = fc.oneof(
      fc.string(),
      fc.constantFrom(marker(0), marker(1), `"${marker(0)}"`, `a"${marker(0)}"b`, '[\n  1\n]'),
    )
    fc.assert(
      fc.property(text, text, (title, objective) => {
        const changed = titled(title, objective)
        const json = renderJson(changed)
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(changed)))
        expect(strip(json)).toBe(strip(`${JSON.stringify(changed, null, 2)}\n`))
      }),
      { numRuns: 200 },
    )
    // Both texts read as the first two markers: the third is used.
    const both = titled(marker(0), marker(1))
    expect(JSON.parse(renderJson(both))).toEqual(JSON.parse(JSON.stringify(both)))
  })

  it('writes a record without sheets as JSON.stringify indents it', () => {
    const none: WorkshopRecord = {
      ...record,
      matrix: { ...record.matrix!, ratings: null },
      framework: { ...record.framework!, scores: { ...record.framework!.scores, sheets: null } },
    }
    expect(renderJson(none)).toBe(`${JSON.stringify(none, null, 2)}\n`)
  })
})
