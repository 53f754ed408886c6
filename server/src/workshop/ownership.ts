// Who wrote an idea, provable by the server alone. An idea's id and its tag are keyed hashes
// of the author's participant id: no device, the facilitator's included, can link an anonymous
// idea to its author, while the server can check a deletion in constant time without a lookup.
import { createHmac, timingSafeEqual } from 'node:crypto'

const LENGTH = 22 // base64url characters: 132 bits

export class Ownership {
  constructor(private readonly key: Uint8Array) {}

  private mac(...parts: string[]): string {
    return createHmac('sha256', this.key)
      .update(parts.join('\n'))
      .digest('base64url')
      .slice(0, LENGTH)
  }

  /** The board id of a participant's draft: the same on every reveal, so a retry adds nothing twice. */
  ideaId(workshopId: string, participantId: string, draftId: string): string {
    return this.mac('idea', workshopId, participantId, draftId)
  }

  /** The tag stored on the idea, proving authorship to the server. */
  tag(workshopId: string, participantId: string, ideaId: string): string {
    return this.mac('owner', workshopId, participantId, ideaId)
  }

  /** Whether `tag` proves that this participant wrote the idea. */
  owns(workshopId: string, participantId: string, ideaId: string, tag: string | null): boolean {
    if (tag === null || tag.length !== LENGTH) return false
    const expected = Buffer.from(this.tag(workshopId, participantId, ideaId))
    const given = Buffer.from(tag)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
}
