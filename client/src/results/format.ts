// How result numbers read: a share as a percentage, dot counts, and turnout per group.

/** 0.4286 → "42.9%": a share (0–1) as a percentage with one decimal. */
export function percent(share: number): string {
  const value = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0
  return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
}

/** "1 dot", "0 dots", "7 dots". */
export function dotCount(n: number): string {
  return n === 1 ? '1 dot' : `${n} dots`
}

/** "3 of 4 Surgeons voted": who in a stakeholder group placed at least one counted dot. */
export function turnoutLine(group: {
  readonly name: string
  readonly voters: number
  readonly members: number
}): string {
  return `${group.voters} of ${group.members} ${group.name} voted`
}
