// Updates that cost the server time out of all proportion to their size (the hang of the long
// fuzzer run): Yjs places an item by scanning from the neighbours it names, walks a map key's
// whole history for a value that names no current one, copies the rest of an item at every cut,
// and walks every struct of every deletion range. Each case here was accepted before the work
// bound (seconds of work for the room, on every apply and on every load); each is refused now,
// the honest members see nothing of it, and the server keeps serving and loads the document.
import { describe, it } from 'vitest'
import { boardNotes } from '@triage/shared'
import {
  attack,
  encodeUpdate,
  newClientId,
  refused,
  replica,
  restart,
  scene,
  serving,
  snapshot,
  unchanged,
  updateOf,
  type StructSpec,
} from './attack-kit.js'

describe('updates that would take the server too long to apply', () => {
  it('refuses ten thousand board values for one key that name no current value (each would walk the whole key history), and the board still loads after a restart', async () => {
    const s = await scene({}, { durable: true })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    const structs: StructSpec[] = Array.from({ length: 10_000 }, (_, i) => ({
      item: { parent: 'scratch', parentSub: 'k', content: { any: [i] } },
    }))
    a.sendUpdate(encodeUpdate([{ client: newClientId(), clock: 0, structs }]))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
    // Nothing of it was stored either: the board loads as it was (serving wrote to it).
    const served = await snapshot(s)
    await restart(s)
    await unchanged(s, served)
    await serving(s)
  })

  it('refuses a thousand board items cutting one long text from right to left, each naming the end as its right neighbour', async () => {
    const s = await scene()
    const a = await attack(s, s.doc.board)
    // An honest edit first: one long run of text, a single struct on the server.
    const client = newClientId()
    const doc = await replica(s, s.doc.board, client)
    const text = 'x'.repeat(4000)
    a.sendUpdate(updateOf(doc, (d) => boardNotes(d).insert(0, text)))
    await a.roundTrip()
    const before = await snapshot(s)
    // Right to left: each lands in front of the ones before it, which Yjs then scans again.
    const structs: StructSpec[] = Array.from({ length: 1000 }, (_, i) => ({
      item: { origin: { client, clock: text.length - 2 - 2 * i }, content: { string: 'y' } },
    }))
    a.sendUpdate(encodeUpdate([{ client, clock: text.length, structs }]))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })

  it("refuses, on one's own private document, ten thousand deletion ranges over the same two thousand structs", async () => {
    const s = await scene()
    const a = await attack(s, s.doc.malloryPrivate)
    const client = newClientId()
    // Two thousand structs (one per key), then all of them deleted: ordinary updates.
    const structs: StructSpec[] = Array.from({ length: 2000 }, (_, i) => ({
      item: { parent: 'scratch', parentSub: `k${i}`, content: { any: [i] } },
    }))
    a.sendUpdate(encodeUpdate([{ client, clock: 0, structs }]))
    a.sendUpdate(encodeUpdate([], [{ client, ranges: [[0, 2000]] }]))
    await a.roundTrip()
    const before = await snapshot(s)
    const again = Array.from({ length: 10_000 }, (): [number, number] => [0, 2000])
    a.sendUpdate(encodeUpdate([], [{ client, ranges: again }]))
    await refused(a)
    await unchanged(s, before)
    await serving(s)
  })
})
