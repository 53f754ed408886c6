// Reading a JSON export back: this version's files as they are, a version 1 file with its keyed
// sheets dropped (the rule: readers accept the version before), anything else refused in words.
import { describe, expect, it } from 'vitest'
import { fixtureSources } from './__fixtures__/workshop.js'
import { buildWorkshopRecord } from './build-record.js'
import { renderJson } from './json.js'
import { RECORD_SCHEMA_VERSION, readWorkshopRecord } from '../../schema/record.js'

const exported = () =>
  JSON.parse(renderJson(buildWorkshopRecord(fixtureSources()))) as Record<string, unknown> & {
    matrix: Record<string, unknown>
    framework: { scores: Record<string, unknown> }
  }

describe('reading a JSON export', () => {
  it('reads this version as it was written', () => {
    const json = exported()
    const read = readWorkshopRecord(json)
    expect(read.ok && read.record).toEqual(json)
    expect(read.ok && read.record.matrix?.ratings).not.toBeNull()
  })

  it('reads a version 1 file, dropping only the sealed sheets it keyed by item', () => {
    const json = exported()
    const v1 = {
      ...json,
      schemaVersion: 1,
      matrix: { ...json.matrix, ratings: [{ rater: 'R001', ratings: { 'i:x': { impact: 3 } } }] },
      framework: {
        ...json.framework,
        scores: { ...json.framework.scores, sheets: [{ scorer: 'S001', scores: { a: { b: 1 } } }] },
      },
    }
    const read = readWorkshopRecord(v1)
    if (!read.ok) throw new Error(read.message)
    expect(read.record.schemaVersion).toBe(RECORD_SCHEMA_VERSION)
    expect(read.record.matrix?.ratings).toBeNull()
    expect(read.record.framework?.scores.sheets).toBeNull()
    // Everything else as it was: the revealed figures are all there.
    expect(read.record.matrix?.result).toEqual(json.matrix.result)
    expect(read.record.participants).toEqual(json.participants)
  })

  it('says which version a newer file is, and refuses what is not a record', () => {
    const newer = readWorkshopRecord({ ...exported(), schemaVersion: 3 })
    expect(newer).toEqual({
      ok: false,
      message: `This export is schema version 3; this version reads up to ${RECORD_SCHEMA_VERSION}.`,
    })
    for (const junk of [null, 'text', [], { format: 'other' }, { ...exported(), log: 'x' }]) {
      const read = readWorkshopRecord(junk)
      expect(read.ok).toBe(false)
      expect(!read.ok && read.message).toMatch(/^Not a Triage Board workshop record: .+\.$/)
    }
  })
})
