// Attacks on the connection itself (issue 18, finding 4, and what held): unauthenticated
// sockets, what they may send before they are in, caps per token and per address, tokens and
// documents they do not open, path tricks, oversize frames, floods and foreign origins.
import { describe, expect, it } from 'vitest'
import { CLOSE } from '@triage/shared'
import { rawConnect, syncStep1 } from '../raw-client.js'
import {
  HANA_DRAFT,
  attack,
  closedWith,
  queryAwareness,
  scene,
  serving,
  snapshot,
  tcpWebSocket,
  unchanged,
  within,
  type Attacker,
} from './attack-kit.js'

describe('connections', () => {
  it('closes an unauthenticated socket with 4401 and cuts it within a second, though it never answers the close and keeps sending', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const t = tcpWebSocket(s.server, `/sync/${s.doc.board}?token=${'A'.repeat(32)}`, {}, false)
    expect(await within(t.status, 'the upgrade answer')).toBe(101)
    // A megabyte at once, then a steady trickle, never a close frame in answer (finding 4).
    const chunk = new Uint8Array(16 * 1024)
    for (let i = 0; i < 64; i++) t.send(chunk)
    const trickle = setInterval(() => t.send(chunk), 10)
    try {
      // The server cuts it 1 s after its close frame; ws alone would wait 30 s. The margin is
      // for a loaded CI machine.
      const elapsed = await within(t.ended, 'the server to drop the socket', 10_000)
      expect(t.closeCode(), 'the close code').toBe(CLOSE.unauthorized)
      expect(elapsed, 'ms from the upgrade until the socket is gone').toBeLessThan(10_000)
    } finally {
      clearInterval(trickle)
    }
    expect(t.messages, 'nothing of the document is sent').toEqual([])
    await unchanged(s, before)
    await serving(s)
  })

  it('closes with 4400 a socket that sends more than 64 messages before it is authenticated', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const release = s.faults.holdAuth()
    const raw = rawConnect(s.server, s.doc.board, s.mallory.token)
    try {
      await within(raw.opened, 'the upgrade')
      for (let i = 0; i < 65; i++) raw.send(queryAwareness())
      await closedWith(raw, CLOSE.badMessage)
    } finally {
      release()
    }
    expect(raw.frames, 'nothing is sent to it').toEqual([])
    await unchanged(s, before)
    await serving(s)
  })

  it('closes with 4400 a socket that sends more than 64 KiB before it is authenticated', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const release = s.faults.holdAuth()
    const raw = rawConnect(s.server, s.doc.board, s.mallory.token)
    try {
      await within(raw.opened, 'the upgrade')
      raw.send(new Uint8Array(40 * 1024))
      raw.send(new Uint8Array(40 * 1024))
      await closedWith(raw, CLOSE.badMessage)
    } finally {
      release()
    }
    expect(raw.frames, 'nothing is sent to it').toEqual([])
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses the connection of one token beyond MAX_CONNECTIONS_PER_TOKEN with 4430', async () => {
    const s = await scene({ MAX_CONNECTIONS_PER_TOKEN: '8' }, { freshRetriesBusy: true })
    const before = await snapshot(s)
    const held: Attacker[] = []
    for (let i = 0; i < 8; i++) held.push(await attack(s, s.doc.board))
    const extra = rawConnect(s.server, s.doc.control, s.mallory.token)
    await closedWith(extra, CLOSE.tooManyConnections)
    expect(extra.frames, 'nothing is sent to the extra connection').toEqual([])
    // The connections within the cap keep working.
    await Promise.all(held.map((a) => a.roundTrip()))
    expect(held.every((a) => a.isOpen())).toBe(true)
    for (const a of held) a.ws.terminate()
    await Promise.all(held.map((a) => a.closed))
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses the connection from one address beyond MAX_CONNECTIONS_PER_ADDRESS with 4430', async () => {
    // Six honest connections are open; Mallory takes the other six.
    const s = await scene({ MAX_CONNECTIONS_PER_ADDRESS: '12' }, { freshRetriesBusy: true })
    const before = await snapshot(s)
    const held: Attacker[] = []
    for (let i = 0; i < 6; i++) held.push(await attack(s, s.doc.board))
    const extra = rawConnect(s.server, s.doc.board, s.mallory.token)
    await closedWith(extra, CLOSE.tooManyConnections)
    expect(extra.frames, 'nothing is sent to the extra connection').toEqual([])
    for (const a of held) a.ws.terminate()
    await Promise.all(held.map((a) => a.closed))
    await unchanged(s, before)
    await serving(s)
  })

  it("refuses another workshop's tokens on this workshop's documents", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const tries = [
      rawConnect(s.server, s.doc.board, s.olu.token),
      rawConnect(s.server, s.doc.control, s.other.facilitatorToken),
      rawConnect(s.server, s.doc.hanaPrivate, s.other.facilitatorToken),
      rawConnect(s.server, s.doc.otherBoard, s.mallory.token),
    ]
    for (const raw of tries) {
      await closedWith(raw, CLOSE.forbidden)
      expect(raw.frames).toEqual([])
    }
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a missing, unknown or malformed token with 4401', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const tries = [
      rawConnect(s.server, s.doc.board, undefined),
      rawConnect(s.server, s.doc.board, 'A'.repeat(32)),
      rawConnect(s.server, s.doc.control, `${s.mallory.token}'--`),
      rawConnect(s.server, s.doc.control, ''),
    ]
    for (const raw of tries) {
      await closedWith(raw, CLOSE.unauthorized)
      expect(raw.frames).toEqual([])
    }
    await unchanged(s, before)
    await serving(s)
  })

  it("refuses another participant's private document, and the facilitator's access to any private document", async () => {
    const s = await scene()
    const before = await snapshot(s)
    const tries = [
      rawConnect(s.server, s.doc.hanaPrivate, s.mallory.token),
      rawConnect(s.server, s.doc.hanaPrivate, s.w.facilitatorToken),
      rawConnect(s.server, s.doc.malloryPrivate, s.w.facilitatorToken),
    ]
    for (const raw of tries) {
      await closedWith(raw, CLOSE.forbidden)
      expect(raw.frames).toEqual([])
      expect(raw.saw(HANA_DRAFT)).toBe(false)
    }
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses path tricks in document names', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const w = s.w.workshopId
    const hana = s.hana.participantId
    const mallory = s.mallory.participantId
    const token = `?token=${s.mallory.token}`
    const paths = [
      `/sync/${w}/private/${mallory}/../${hana}${token}`,
      `/sync/${w}/private/${mallory}/%2e%2e/${hana}${token}`,
      `/sync/${w}/private/${mallory}%2F..%2F${hana}${token}`,
      `/sync/${w}/board/../private/${hana}${token}`,
      `/sync/${w}/private//${hana}${token}`,
      `/sync/${w}/private/${hana}%00${token}`,
      `/sync/${w}/private/${hana}/${token}`,
      `/sync/%2e%2e/${w}/private/${hana}${token}`,
      `/sync/${w}%2Fprivate%2F${hana}${token}`,
      `/sync/${w}/private/${hana}?token=${s.hana.token.slice(0, 10)}&token=${s.mallory.token}`,
      `/sync/${s.other.workshopId}/../${w}/private/${hana}${token}`,
    ]
    await Promise.all(
      paths.map(async (path) => {
        const t = tcpWebSocket(s.server, path)
        const status = await within(t.status, `the answer to ${path}`)
        if (status === 101) {
          const code = await within(t.closeFrame, `${path} to be closed`)
          expect([CLOSE.unauthorized, CLOSE.forbidden, CLOSE.notFound], path).toContain(code)
        } else {
          expect(status, path).toBeGreaterThanOrEqual(400)
        }
        expect(t.messages, `what ${path} received`).toEqual([])
      }),
    )
    await unchanged(s, before)
    await serving(s)
  })

  it('closes only the connection that sends an oversize frame, with 1009', async () => {
    const s = await scene({ MAX_FRAME_BYTES: String(64 * 1024) })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.board)
    a.send(new Uint8Array(100 * 1024))
    await closedWith(a, 1009)
    await unchanged(s, before)
    await serving(s)
  })

  it('closes only the connection that floods messages, with 4429', async () => {
    const s = await scene({ WS_MESSAGES_PER_SECOND: '30', WS_MESSAGE_BURST: '60' })
    const before = await snapshot(s)
    const a = await attack(s, s.doc.control)
    for (let i = 0; i < 300; i++) a.send(syncStep1())
    await closedWith(a, CLOSE.rateLimited)
    await unchanged(s, before)
    await serving(s)
  })

  it('refuses a websocket upgrade from a foreign Origin with 403', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const t = tcpWebSocket(s.server, `/sync/${s.doc.board}?token=${s.mallory.token}`, {
      Origin: 'http://evil.example',
    })
    expect(await within(t.status, 'the upgrade answer')).toBe(403)
    expect(t.messages).toEqual([])
    await unchanged(s, before)
    await serving(s)
  })
})
