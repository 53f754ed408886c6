// Candidate items the facilitator pastes (one a line) or imports as CSV. Kept out of the
// package's main entry, so the CSV parser never reaches the phone's bundle.
import Papa from 'papaparse'
import { cleanText } from '../schema/text.js'
import { LIMITS } from '../schema/workshop.js'

export type ItemListFormat = 'lines' | 'csv'

export interface ParsedItems {
  /** Item texts in order: cleaned, trimmed, not empty, within the idea length, no duplicates. */
  readonly items: string[]
  /** Lines or rows left out. */
  readonly skipped: number
}

/** Header names (case-insensitive) that mark the column holding the item text. */
const TEXT_COLUMNS = ['item', 'title', 'idea', 'text', 'name', 'feature', 'summary']

function pickColumn(header: readonly string[]): number {
  const names = header.map((h) => h.trim().toLowerCase())
  for (const wanted of TEXT_COLUMNS) {
    const i = names.indexOf(wanted)
    if (i >= 0) return i
  }
  return -1
}

function rowsOf(text: string, format: ItemListFormat): { cells: string[]; skipped: number } {
  if (format === 'lines') {
    return {
      // A bullet or number alone on a line is an empty item, not an item called "-".
      cells: text.split(/\r\n|\r|\n/).map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])(?:\s+|$)/, '')),
      skipped: 0,
    }
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' })
  const rows = parsed.data.filter((r) => Array.isArray(r))
  if (rows.length === 0) return { cells: [], skipped: 0 }
  const column = pickColumn(rows[0]!)
  // A recognised header names the column; otherwise the first column holds the items.
  const body = column >= 0 ? rows.slice(1) : rows
  const index = Math.max(0, column)
  return { cells: body.map((r) => r[index] ?? ''), skipped: 0 }
}

/**
 * Parses a pasted list or CSV into item texts. Bullets and numbering are stripped from lines;
 * a CSV with a header such as "Item" or "Title" uses that column, else the first one.
 */
export function parseItemList(text: string, format: ItemListFormat, max: number): ParsedItems {
  const { cells } = rowsOf(text, format)
  const items: string[] = []
  const seen = new Set<string>()
  let skipped = 0
  for (const cell of cells) {
    const item = cleanText(cell).replace(/\s+/g, ' ').trim()
    if (item.length === 0) continue
    const key = item.toLowerCase()
    if (item.length > LIMITS.ideaText || seen.has(key) || items.length >= max) {
      skipped++
      continue
    }
    seen.add(key)
    items.push(item)
  }
  return { items, skipped }
}
