// The record as JSON: the whole workshop with its schema version, every figure's inputs.
import type { WorkshopRecord } from '../../schema/record.js'

/** The record as indented JSON (a file people may open), ending with a line break. */
export function renderJson(record: WorkshopRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`
}
