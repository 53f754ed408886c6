// Quotas per document (issue 18, finding 7): an update that would take a document past its size
// or its number of writers is refused, the writer is told why and disconnected (4413), and
// everyone else goes on as before.
import { describe, expect, it } from 'vitest'
import { CLOSE, boardNotes } from '@triage/shared'
import {
  attack,
  closedWith,
  encodeUpdate,
  newClientId,
  refused,
  replica,
  rootMapItem,
  scene,
  serving,
  snapshot,
  unchanged,
  updateOf,
} from './attack-kit.js'

describe('quotas', () => {
  it('refuses an update that would take the board past MAX_DOC_BYTES, with "This board is full" and 4413', async () => {
    const s = await scene({ MAX_DOC_BYTES: '16384' })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'x'.repeat(20_000))))
    const [reason] = await refused(a)
    expect(reason).toMatch(/^This board is full/)
    await closedWith(a, CLOSE.documentFull)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses an update that would take a private document past MAX_PRIVATE_DOC_BYTES, with "This document is full" and 4413', async () => {
    const s = await scene({ MAX_PRIVATE_DOC_BYTES: '4096' })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.malloryPrivate)
    const r = await replica(s, s.doc.malloryPrivate)
    a.sendUpdate(
      updateOf(r, (d) => d.getMap('drafts').set('big', { text: 'x'.repeat(5000), createdAt: 1 })),
    )
    const [reason] = await refused(a)
    expect(reason).toMatch(/^This document is full/)
    await closedWith(a, CLOSE.documentFull)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses an update that would take the control document past MAX_DOC_BYTES, even from the facilitator', async () => {
    const s = await scene({ MAX_DOC_BYTES: '16384' })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.control, s.w.facilitatorToken)
    const r = await replica(s, s.doc.control)
    a.sendUpdate(updateOf(r, (d) => d.getMap('scratch').set('pad', 'x'.repeat(20_000))))
    const [reason] = await refused(a)
    expect(reason).toMatch(/^This document is full/)
    await closedWith(a, CLOSE.documentFull)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses an update that would bring the board past MAX_DOC_CLIENTS distinct writers', async () => {
    // The facilitator and Hana have written the board (and the server, if it counts itself):
    // eight more ids pass eight.
    const s = await scene({ MAX_DOC_CLIENTS: '8' })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    a.sendUpdate(
      encodeUpdate(
        Array.from({ length: 8 }, (_, i) =>
          rootMapItem(newClientId(), 'clusters', `k${i}`, { name: `n${i}`, createdAt: i }),
        ),
      ),
    )
    const [reason] = await refused(a)
    expect(reason).toMatch(/^This board is full/)
    await closedWith(a, CLOSE.documentFull)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses an update that would give one participant more than MAX_CLIENTS_PER_IDENTITY client ids', async () => {
    const s = await scene({ MAX_CLIENTS_PER_IDENTITY: '3' })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    a.sendUpdate(
      encodeUpdate(
        Array.from({ length: 4 }, (_, i) =>
          rootMapItem(newClientId(), 'clusters', `k${i}`, { name: `n${i}`, createdAt: i }),
        ),
      ),
    )
    const [reason] = await refused(a)
    expect(reason).toMatch(/^This board is full/)
    await closedWith(a, CLOSE.documentFull)
    await unchanged(s, before)
    await serving(s)
  })
})
