// Presence (issue 18, finding 9, and what held): an awareness client id belongs to the identity
// that used it first, also after that member's connection dropped, and every state carries the
// identity the server knows.
import { describe, expect, it } from 'vitest'
import {
  attack,
  awarenessMessage,
  newClientId,
  scene,
  serving,
  snapshot,
  stock,
  unchanged,
  untilAwareness,
  whenSynced,
  type Attacker,
  type Honest,
} from './attack-kit.js'

type State = Record<string, unknown> & {
  user?: { name?: string }
  identity?: { role?: string; participantId?: string | null }
}
const stateOf = (client: Honest, id: number) =>
  client.provider.awareness.getStates().get(id) as State | undefined

/**
 * Mallory announces her own presence and waits until `watcher` sees it: the server sends
 * awareness changes in order, so whatever it accepted from her before has reached `watcher` too.
 */
async function ownPresence(a: Attacker, watcher: Honest, marker: string): Promise<number> {
  const own = newClientId()
  a.send(awarenessMessage([{ clientId: own, clock: 1, state: { user: { name: marker } } }]))
  await untilAwareness(watcher, (states) => states.has(own), `${watcher.label} to see ${marker}`)
  return own
}

describe('presence', () => {
  it("keeps a dropped member's awareness id from another participant, and shows the member again when they reconnect", async () => {
    const s = await scene()
    const hana = s.live.hanaControl
    const fac = s.live.facControl
    const id = hana.doc.clientID
    hana.provider.awareness.setLocalState({ user: { name: 'Hana' } })
    await untilAwareness(fac, (st) => st.has(id), 'the facilitator to see Hana')
    const before = await snapshot(s)
    hana.provider.disconnect()
    await untilAwareness(fac, (st) => !st.has(id), 'Hana to be gone')
    // Finding 9: Mallory claims Hana's id, with Hana's name, while Hana is away.
    const a = await attack(s, s.doc.control)
    a.send(
      awarenessMessage([{ clientId: id, clock: 1000, state: { user: { name: 'Hana' }, x: 1 } }]),
    )
    await ownPresence(a, fac, 'Mallory')
    expect(stateOf(fac, id), "the facilitator sees no one under Hana's id").toBeUndefined()
    const fresh = stock(s.server, s.doc.control, s.w.facilitatorToken, 'a fresh console')
    await whenSynced(fresh)
    await untilAwareness(fresh, (st) => st.size > 0, 'a fresh console to get presence')
    expect(stateOf(fresh, id), "a fresh console sees no one under Hana's id").toBeUndefined()
    fresh.destroy()
    // Hana comes back with her id: she shows, as herself.
    hana.provider.connect()
    await whenSynced(hana)
    await untilAwareness(
      fac,
      (st) => (st.get(id) as State | undefined)?.identity?.participantId === s.hana.participantId,
      'Hana to show again after she reconnects',
    )
    expect(stateOf(fac, id)).toMatchObject({
      user: { name: 'Hana' },
      identity: { role: 'participant', participantId: s.hana.participantId },
    })
    await unchanged(s, before)
    await serving(s)
  })

  it("ignores states for a connected member's awareness id, and stamps every state with the sender's identity", async () => {
    const s = await scene()
    const hana = s.live.hanaControl
    const fac = s.live.facControl
    hana.provider.awareness.setLocalState({ user: { name: 'Hana' } })
    await untilAwareness(fac, (st) => st.has(hana.doc.clientID), 'the facilitator to see Hana')
    const before = await snapshot(s)
    const a = await attack(s, s.doc.control)
    a.send(
      awarenessMessage([
        { clientId: hana.doc.clientID, clock: 1000, state: { user: { name: 'Hana (away)' } } },
      ]),
    )
    const own = newClientId()
    a.send(
      awarenessMessage([
        {
          clientId: own,
          clock: 1,
          state: { user: { name: 'Facilitator' }, identity: { role: 'facilitator' } },
        },
      ]),
    )
    await untilAwareness(fac, (st) => st.has(own), "the facilitator to see Mallory's state")
    expect(stateOf(fac, hana.doc.clientID)?.user?.name).toBe('Hana')
    expect(stateOf(fac, own)?.identity).toEqual({
      role: 'participant',
      participantId: s.mallory.participantId,
    })
    await unchanged(s, before)
    await serving(s)
  })
})
