// Participants per stakeholder group, for the projector.
import type { Group, RosterEntry } from '@triage/shared'

export interface GroupCount {
  readonly id: string
  readonly name: string
  readonly joined: number
  readonly online: number
}

/** Counts per workshop group, in the workshop's order; unknown groups are counted as "Other". */
export function countByGroup(
  groups: readonly Group[],
  roster: Readonly<Record<string, RosterEntry>>,
  online: ReadonlySet<string>,
): GroupCount[] {
  const counts = new Map(groups.map((g) => [g.id, { joined: 0, online: 0 }]))
  const other = { joined: 0, online: 0 }
  for (const [id, entry] of Object.entries(roster)) {
    const c = counts.get(entry.group) ?? other
    c.joined++
    if (online.has(id)) c.online++
  }
  const result = groups.map((g) => ({ id: g.id, name: g.name, ...counts.get(g.id)! }))
  if (other.joined > 0) result.push({ id: 'other', name: 'Other', ...other })
  return result
}
