// Names of the Yjs documents of a workshop, as they appear in sync URLs.
import { participantIdSchema, workshopIdSchema } from '../schema/ids.js'
import type { DocRef } from '../schema/doc-ref.js'

/** Builds a document name: `<workshopId>/board`, `/control` or `/private/<participantId>`. */
export function docName(ref: DocRef): string {
  return ref.kind === 'private'
    ? `${ref.workshopId}/private/${ref.participantId}`
    : `${ref.workshopId}/${ref.kind}`
}

/** Parses a document name; null for anything that is not one of a workshop's documents. */
export function parseDocName(name: string): DocRef | null {
  const parts = name.split('/')
  const workshopId = workshopIdSchema.safeParse(parts[0])
  if (!workshopId.success) return null
  if (parts.length === 2 && (parts[1] === 'board' || parts[1] === 'control')) {
    return { workshopId: workshopId.data, kind: parts[1] }
  }
  if (parts.length === 3 && parts[1] === 'private') {
    const participantId = participantIdSchema.safeParse(parts[2])
    if (participantId.success) {
      return { workshopId: workshopId.data, kind: 'private', participantId: participantId.data }
    }
  }
  return null
}
