// A phone that loses its network does not close its socket: the server's pings find it. A
// socket that leaves its pings unanswered is cut within seconds, and its presence goes with it,
// so the console shows that phone offline (issue 14: within 5 s, not after TCP time-outs).
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { docName, type WorkshopId } from '@triage/shared'
import { within } from './attacks/attack-kit.js'
import {
  connect,
  createWorkshop,
  joinWorkshop,
  onCleanup,
  startServer,
  synced,
  type Client,
} from './helpers.js'

/** A websocket that never answers pings: a phone whose network has gone. */
class SilentSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { autoPong: false })
  }
}

function presentIds(watcher: Client): number[] {
  return [...watcher.provider.awareness.getStates().keys()].filter(
    (id) => id !== watcher.doc.clientID,
  )
}

describe('liveness', () => {
  it('cuts a socket that stops answering pings, and its presence with it', async () => {
    const server = await startServer()
    const w = await createWorkshop(server, ['Surgeons'])
    const dana = await joinWorkshop(server, w.joinCode, 'Dana', 'g1')
    const name = docName({ workshopId: w.workshopId as WorkshopId, kind: 'control' })
    const watcher = connect(server, name, w.facilitatorToken)
    await synced(watcher)

    const doc = new Y.Doc()
    const silent = new WebsocketProvider(server.wsUrl + '/sync', name, doc, {
      params: { token: dana.token },
      WebSocketPolyfill: SilentSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    onCleanup(() => {
      silent.destroy()
      doc.destroy()
    })
    silent.awareness.setLocalStateField('participantId', dana.participantId)
    await within(
      new Promise<void>((resolve) => {
        const check = () => presentIds(watcher).includes(doc.clientID) && resolve()
        watcher.provider.awareness.on('change', check)
        check()
      }),
      'Dana to be present',
    )

    // Her socket answers no ping: the server cuts it (1006: no closing handshake) and her
    // presence leaves every other device.
    const cut = within(
      new Promise<number>((resolve) => {
        silent.on('connection-close', (event: { code: number } | null) =>
          resolve(event?.code ?? -1),
        )
      }),
      'the silent socket to be cut',
      10_000,
    )
    const gone = within(
      new Promise<void>((resolve) => {
        const check = () => !presentIds(watcher).includes(doc.clientID) && resolve()
        watcher.provider.awareness.on('change', check)
      }),
      'Dana’s presence to go',
      10_000,
    )
    expect(await cut).toBe(1006)
    await gone
    // The facilitator's own socket answers its pings and stays.
    expect(watcher.provider.wsconnected).toBe(true)
  })
})
