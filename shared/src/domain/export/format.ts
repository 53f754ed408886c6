// How the exports write numbers, dates and durations: one place, so that the Markdown, the HTML
// and the recompute test agree to the character.
import { rankLabel } from '../tally.js'

/** What a renderer needs besides the record. */
export interface RenderOptions {
  /** IANA time zone the dates are written in (default UTC, named in the document). */
  readonly timeZone?: string
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`

/** A share of 0–1 as a percentage with one decimal: `0.1234` → `12.3%`. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}

/** Whether `timeZone` is one this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone })
    return true
  } catch {
    return false
  }
}

const formats = new Map<string, Intl.DateTimeFormat>()
function format(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`
  let f = formats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, ...options })
    formats.set(key, f)
  }
  return f
}

/** `12 March 2026`. */
export const formatDate = (ms: number, timeZone = 'UTC'): string =>
  format(timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms)

/** `09:05` (24-hour). */
export const formatTime = (ms: number, timeZone = 'UTC'): string =>
  format(timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms)

/** `12 March 2026, 09:05`. */
export const formatDateTime = (ms: number, timeZone = 'UTC'): string =>
  `${formatDate(ms, timeZone)}, ${formatTime(ms, timeZone)}`

/** `1 h 25 min`, `25 min`, `under a minute`: whole minutes, rounded down. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000)
  if (minutes === 0) return 'under a minute'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "1st", "2nd", "11th". */
export function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th')
  return `${n}${suffix}`
}

/** Collapses runs of white space (line breaks too) into one space, and trims. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * `rankLabel` ("tied 2nd") for the ranks of one list, with the ties counted once rather than
 * once per label: a ballot of a thousand items is labelled in linear time.
 */
export function rankLabeller(ranks: readonly number[]): (rank: number) => string {
  const count = new Map<number, number>()
  for (const r of ranks) count.set(r, (count.get(r) ?? 0) + 1)
  return (rank) => rankLabel(rank, (count.get(rank) ?? 0) > 1 ? [rank, rank] : [rank])
}
