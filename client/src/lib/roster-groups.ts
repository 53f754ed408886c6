// The roster arranged by stakeholder group, with who is online, for the facilitator's list.
import type { Group, RosterEntry } from '@triage/shared'

export interface RosterMember {
  readonly id: string
  readonly name: string
  readonly online: boolean
}

export interface RosterGroup {
  readonly id: string
  readonly name: string
  readonly members: readonly RosterMember[]
  readonly onlineCount: number
}

const byName = (a: RosterMember, b: RosterMember) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id)

/**
 * One entry per workshop group, in the workshop's order, each listing its members by name.
 * Members whose group is not (or no longer) one of the workshop's come last under "Other".
 */
export function groupRoster(
  groups: readonly Group[],
  roster: Readonly<Record<string, RosterEntry>>,
  online: ReadonlySet<string>,
): RosterGroup[] {
  const buckets = new Map<string, RosterMember[]>(groups.map((g) => [g.id, []]))
  const other: RosterMember[] = []
  for (const [id, entry] of Object.entries(roster)) {
    const member = { id, name: entry.name, online: online.has(id) }
    ;(buckets.get(entry.group) ?? other).push(member)
  }
  const result = groups.map((g) => summarise(g.id, g.name, buckets.get(g.id) ?? []))
  if (other.length > 0) result.push(summarise('other', 'Other', other))
  return result
}

function summarise(id: string, name: string, members: RosterMember[]): RosterGroup {
  return {
    id,
    name,
    members: members.sort(byName),
    onlineCount: members.filter((m) => m.online).length,
  }
}
