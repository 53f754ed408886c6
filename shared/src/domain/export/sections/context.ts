// What every section builder gets: the record, the time zone, and figures computed once.
import type { WorkshopRecord } from '../../../schema/record.js'
import type { Block } from '../document.js'
import { ideaFigures, participantsByGroup, sessionTimes } from '../figures.js'

export interface SectionContext {
  readonly record: WorkshopRecord
  readonly timeZone: string
  /** A group's name by id (the id itself when the workshop has no such group). */
  groupName(id: string): string
  readonly people: ReturnType<typeof participantsByGroup>
  readonly ideas: ReturnType<typeof ideaFigures>
  readonly times: ReturnType<typeof sessionTimes>
}

/** One section of the document: later phases add an entry to the registry (sections/index.ts). */
export interface SectionSpec {
  readonly id: string
  readonly title: string
  build(ctx: SectionContext): Block[]
}

export function sectionContext(record: WorkshopRecord, timeZone: string): SectionContext {
  const names = new Map(record.workshop.groups.map((g) => [g.id, g.name]))
  return {
    record,
    timeZone,
    groupName: (id) => names.get(id) ?? id,
    people: participantsByGroup(record),
    ideas: ideaFigures(record),
    times: sessionTimes(record),
  }
}
