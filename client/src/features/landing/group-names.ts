// Turns the free-text "stakeholder groups" field into a list of names, and checks it.
import { cleanText, LIMITS } from '@triage/shared'

/** Splits on new lines and commas, cleans as the server will (`cleanText`), trims, drops blanks. */
export function parseGroupNames(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((s) => cleanText(s).trim().replace(/\s+/g, ' '))
    .filter((s) => s.length > 0)
}

/** The first problem with a list of group names, or null when it is fine to send. */
export function groupNamesProblem(names: readonly string[]): string | null {
  if (names.length === 0) return 'Add at least one stakeholder group.'
  if (names.length > LIMITS.groups) return `At most ${LIMITS.groups} stakeholder groups.`
  const long = names.find((n) => n.length > LIMITS.groupName)
  if (long) return `“${long.slice(0, 20)}…” is longer than ${LIMITS.groupName} characters.`
  const seen = new Set<string>()
  for (const name of names) {
    const key = name.toLowerCase()
    if (seen.has(key)) return `The group “${name}” is listed twice.`
    seen.add(key)
  }
  return null
}
