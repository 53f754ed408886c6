// Each stakeholder group's look in the chart and its legend: a colour and a fill pattern, so
// that colour is never the only way to tell groups apart (and segments also carry counts).

/** Dark enough for 3:1 against white, and distinct for the common colour-vision deficiencies. */
const PALETTE = [
  '#1f5f8b',
  '#b8481d',
  '#2e7d4f',
  '#7b4a9e',
  '#8a6d00',
  '#a3325f',
  '#3c6e71',
  '#5b5b5b',
] as const

export const PATTERNS = ['solid', 'diagonal', 'dots', 'cross', 'horizontal', 'vertical'] as const
export type PatternKind = (typeof PATTERNS)[number]

export interface GroupStyle {
  readonly color: string
  readonly pattern: PatternKind
}

/**
 * The style of the group at `index`. Colours and patterns cycle with different periods (8 and
 * 6), so the first 24 groups — twice the most a workshop may have — all look different.
 */
export function groupStyle(index: number): GroupStyle {
  const i = Math.max(0, Math.floor(index))
  return { color: PALETTE[i % PALETTE.length]!, pattern: PATTERNS[i % PATTERNS.length]! }
}

/** A safe id for a pattern element: React's useId output may hold characters url() dislikes. */
export function patternId(prefix: string, index: number): string {
  return `${prefix.replace(/[^A-Za-z0-9_-]/g, '')}-pattern-${index}`
}
