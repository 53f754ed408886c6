// Unit tests of the access table (DESIGN.md): who may read and write which document, and how
// the board lock and the brainstorm timer change it.
import { describe, expect, it } from 'vitest'
import type { DocRef } from '../schema/doc-ref.js'
import { participantIdSchema, workshopIdSchema } from '../schema/ids.js'
import { documentAccess, type Access, type Identity } from './access.js'

const workshop = workshopIdSchema.parse('workshop-0001')
const otherWorkshop = workshopIdSchema.parse('workshop-0002')
const ada = participantIdSchema.parse('participant-ada')
const bob = participantIdSchema.parse('participant-bob')

const identities = {
  facilitator: { workshopId: workshop, role: 'facilitator' },
  participant: { workshopId: workshop, role: 'participant', participantId: ada },
  'other participant': { workshopId: workshop, role: 'participant', participantId: bob },
  'other workshop facilitator': { workshopId: otherWorkshop, role: 'facilitator' },
  viewer: { workshopId: workshop, role: 'viewer' },
  'other workshop viewer': { workshopId: otherWorkshop, role: 'viewer' },
  // Same participant id, but minted for another workshop.
  'other workshop participant': {
    workshopId: otherWorkshop,
    role: 'participant',
    participantId: ada,
  },
} satisfies Record<string, Identity>

const docs = {
  control: { workshopId: workshop, kind: 'control' },
  board: { workshopId: workshop, kind: 'board' },
  "participant's private": { workshopId: workshop, kind: 'private', participantId: ada },
} satisfies Record<string, DocRef>

type Who = keyof typeof identities
type Which = keyof typeof docs

/** [who, document, unlocked board, locked board] — the DESIGN.md table. */
const table: [Who, Which, Access, Access][] = [
  ['facilitator', 'control', 'write', 'write'],
  ['facilitator', 'board', 'write', 'write'],
  ['facilitator', "participant's private", 'none', 'none'],
  ['participant', 'control', 'read', 'read'],
  ['participant', 'board', 'write', 'read'],
  ['participant', "participant's private", 'write', 'write'],
  ['other participant', 'control', 'read', 'read'],
  ['other participant', 'board', 'write', 'read'],
  ['other participant', "participant's private", 'none', 'none'],
  ['viewer', 'control', 'read', 'read'],
  ['viewer', 'board', 'read', 'read'],
  ['viewer', "participant's private", 'none', 'none'],
  ['other workshop viewer', 'control', 'none', 'none'],
  ['other workshop viewer', 'board', 'none', 'none'],
  ['other workshop viewer', "participant's private", 'none', 'none'],
  ['other workshop facilitator', 'control', 'none', 'none'],
  ['other workshop facilitator', 'board', 'none', 'none'],
  ['other workshop facilitator', "participant's private", 'none', 'none'],
  ['other workshop participant', 'control', 'none', 'none'],
  ['other workshop participant', 'board', 'none', 'none'],
  ['other workshop participant', "participant's private", 'none', 'none'],
]

describe('documentAccess', () => {
  it('has a row for every identity and document', () => {
    expect(table).toHaveLength(Object.keys(identities).length * Object.keys(docs).length)
  })

  it.each(table)('%s on %s: %s unlocked, %s locked', (who, which, unlocked, locked) => {
    expect(documentAccess(identities[who], docs[which], { boardLocked: false })).toBe(unlocked)
    expect(documentAccess(identities[who], docs[which], { boardLocked: true })).toBe(locked)
  })
})

describe('documentAccess when input is closed (a stop timer ran out)', () => {
  /** Only the participant's own private document changes: it becomes read-only. */
  const closed = (who: Who, which: Which, access: Access): Access =>
    who === 'participant' && which === "participant's private" ? 'read' : access

  it.each(table)('%s on %s', (who, which, unlocked, locked) => {
    for (const [boardLocked, open] of [
      [false, unlocked],
      [true, locked],
    ] as const) {
      expect(documentAccess(identities[who], docs[which], { boardLocked, inputClosed: true })).toBe(
        closed(who, which, open),
      )
      expect(
        documentAccess(identities[who], docs[which], { boardLocked, inputClosed: false }),
      ).toBe(open)
    }
  })

  it('leaves the participant able to read their drafts', () => {
    expect(
      documentAccess(identities.participant, docs["participant's private"], {
        boardLocked: false,
        inputClosed: true,
      }),
    ).toBe('read')
  })
})
