// The record as JSON: the whole workshop with its schema version, every figure's inputs.
import type { WorkshopRecord } from '../../schema/record.js'

type Row = readonly (number | null)[]

/** The record with each sealed sheet's row of numbers replaced by `mark(row)`. */
function markRows(record: WorkshopRecord, mark: (row: Row) => string): unknown {
  const { matrix, framework } = record
  const ratings = matrix?.ratings
  const sheets = framework?.scores.sheets
  return {
    ...record,
    ...(matrix && ratings
      ? {
          matrix: {
            ...matrix,
            ratings: {
              ...ratings,
              rows: ratings.rows.map((r) => ({
                ...r,
                ratings: mark(r.ratings),
                skipped: mark(r.skipped),
              })),
            },
          },
        }
      : {}),
    ...(framework && sheets
      ? {
          framework: {
            ...framework,
            scores: {
              ...framework.scores,
              sheets: {
                ...sheets,
                rows: sheets.rows.map((r) => ({ ...r, scores: mark(r.scores) })),
              },
            },
          },
        }
      : {}),
  }
}

/**
 * The record as indented JSON (a file people may open), ending with a line break, with each
 * sealed sheet's row of numbers on one line: one number a line made the 96,000 scores of a big
 * workshop 1.3 MB of indentation, and a regular expression that joined the lines took longer
 * than writing the JSON. Each row is written in place of a marker string; should a text in the
 * record read as the marker, the next marker is tried, so the output depends on the record only.
 */
export function renderJson(record: WorkshopRecord): string {
  for (let n = 0; ; n++) {
    const marker = `\u0000row${n}\u0000`
    const rows: string[] = []
    const text = JSON.stringify(
      markRows(record, (row) => {
        rows.push(JSON.stringify(row))
        return marker
      }),
      null,
      2,
    )
    const parts = text.split(JSON.stringify(marker))
    if (parts.length !== rows.length + 1) continue
    let out = parts[0]!
    for (let i = 0; i < rows.length; i++) out += rows[i]! + parts[i + 1]!
    return `${out}\n`
  }
}
