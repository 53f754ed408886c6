// The sync endpoint with stock y-websocket providers: convergence and the per-document rules.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CLOSE,
  boardNotes,
  docName,
  parseDocName,
  readControl,
  setBoardLocked,
  setPhase,
  type WorkshopId,
} from '@triage/shared'
import {
  closeCode,
  connect,
  createWorkshop,
  joinWorkshop,
  startServer,
  synced,
  until,
  type Client,
  type TestServer,
} from './helpers.js'
import { rawConnect, syncStep1, updateMessage, type RawClient } from './raw-client.js'

const board = (workshopId: WorkshopId) => docName({ workshopId, kind: 'board' })
const control = (workshopId: WorkshopId) => docName({ workshopId, kind: 'control' })

/** Server-side view of a document, read from the room in memory. */
function serverDoc<T>(server: TestServer, name: string, fn: (doc: Y.Doc) => T): Promise<T> {
  return server.app.rooms.read(parseDocName(name)!, fn)
}

/** Resolves once every update the server accepted for the document is stored and sent. */
async function flushed(server: TestServer, name: string): Promise<void> {
  const lease = await server.app.rooms.acquire(parseDocName(name)!)
  await lease.room.flushed()
  lease.release()
}

/** Sends sync step 1 and waits for the step-2 answer, which queues behind every pending send. */
function roundTrip(raw: RawClient): Promise<void> {
  return new Promise((resolve) => {
    const from = raw.frames.length
    const check = () => {
      if (raw.frames.slice(from).some((f) => f[0] === 0 && f[1] === 1)) resolve()
      else raw.ws.once('message', check)
    }
    raw.send(syncStep1())
    check()
  })
}

/** Resolves once `watcher` sees an awareness state from `sender` carrying `marker`. */
async function barrier(sender: Client, watcher: Client, marker: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const check = () => {
      for (const state of watcher.provider.awareness.getStates().values()) {
        if ((state as { marker?: string }).marker === marker) {
          watcher.provider.awareness.off('change', check)
          resolve()
          return
        }
      }
    }
    watcher.provider.awareness.on('change', check)
    sender.provider.awareness.setLocalStateField('marker', marker)
    check()
  })
}

async function setup() {
  const server = await startServer()
  const w = await createWorkshop(server)
  const a = await joinWorkshop(server, w.joinCode, 'Dana', 'g1')
  const b = await joinWorkshop(server, w.joinCode, 'Eli', 'g2')
  return { server, w, a, b }
}

describe('sync endpoint', () => {
  it('makes two providers converge on the board', async () => {
    const { server, w, a } = await setup()
    const f = connect(server, board(w.workshopId), w.facilitatorToken)
    const p = connect(server, board(w.workshopId), a.token)
    await Promise.all([synced(f), synced(p)])
    boardNotes(f.doc).insert(0, 'left ')
    boardNotes(p.doc).insert(0, 'right ')
    await until(f.doc, () => boardNotes(f.doc).length === 11, 'both edits at the facilitator')
    await until(p.doc, () => boardNotes(p.doc).length === 11, 'both edits at the participant')
    expect(boardNotes(f.doc).toString()).toBe(boardNotes(p.doc).toString())
  })

  it('does not apply, persist or broadcast a participant change to control', async () => {
    const { server, w, a } = await setup()
    const f = connect(server, control(w.workshopId), w.facilitatorToken)
    const p = connect(server, control(w.workshopId), a.token)
    await Promise.all([synced(f), synced(p)])
    setPhase(p.doc, 'decide')
    expect(readControl(p.doc).phase).toBe('decide')
    await barrier(p, f, 'after-phase')
    expect(await serverDoc(server, control(w.workshopId), (d) => readControl(d).phase)).toBe(
      'setup',
    )
    const stored = new Y.Doc()
    for (const u of await server.app.store.loadDocument(control(w.workshopId)))
      Y.applyUpdate(stored, u)
    expect(readControl(stored).phase).toBe('setup')
    // The facilitator's own change does go through, and the facilitator never saw 'decide'.
    setPhase(f.doc, 'brainstorm')
    await until(p.doc, () => readControl(p.doc).log.some((e) => e.text === 'Phase: brainstorm'))
    expect(readControl(f.doc).phase).toBe('brainstorm')
    expect(readControl(f.doc).log.map((e) => e.text)).toEqual(['Phase: brainstorm'])
  })

  it('keeps participants from writing a locked board, and lets them again when unlocked', async () => {
    const { server, w, a } = await setup()
    const fc = connect(server, control(w.workshopId), w.facilitatorToken)
    const pc = connect(server, control(w.workshopId), a.token)
    const fb = connect(server, board(w.workshopId), w.facilitatorToken)
    const pb = connect(server, board(w.workshopId), a.token)
    await Promise.all([synced(fc), synced(pc), synced(fb), synced(pb)])
    setBoardLocked(fc.doc, true)
    // Messages of one connection are handled in order: once its awareness is seen, so is the lock.
    await barrier(fc, pc, 'locked')
    boardNotes(pb.doc).insert(0, 'sneaky')
    await barrier(pb, fb, 'after-sneaky')
    expect(await serverDoc(server, board(w.workshopId), (d) => boardNotes(d).toString())).toBe('')
    setBoardLocked(fc.doc, false)
    const fresh = connect(server, board(w.workshopId), a.token)
    await synced(fresh)
    boardNotes(fresh.doc).insert(0, 'allowed')
    await until(fb.doc, () => boardNotes(fb.doc).toString() === 'allowed', 'unlocked edit')
  })

  it.each([
    ["another participant's private document", 'other', CLOSE.forbidden],
    ['a private document, as the facilitator', 'facilitator', CLOSE.forbidden],
    ['a document of another workshop', 'otherWorkshop', CLOSE.forbidden],
    ['without a token', 'none', CLOSE.unauthorized],
    ['with an unknown token', 'bogus', CLOSE.unauthorized],
    ['a name that is no document', 'badName', CLOSE.notFound],
  ] as const)('refuses %s', async (_label, kase, expected) => {
    const { server, w, a, b } = await setup()
    const other = await createWorkshop(server)
    const cases = {
      other: [
        docName({ workshopId: w.workshopId, kind: 'private', participantId: b.participantId }),
        a.token,
      ],
      facilitator: [
        docName({ workshopId: w.workshopId, kind: 'private', participantId: a.participantId }),
        w.facilitatorToken,
      ],
      otherWorkshop: [board(other.workshopId), w.facilitatorToken],
      none: [board(w.workshopId), undefined],
      bogus: [board(w.workshopId), 'A'.repeat(32)],
      badName: [`${w.workshopId}/secrets`, w.facilitatorToken],
    } as const
    const [name, token] = cases[kase]
    const raw = rawConnect(server, name, token)
    expect(await raw.closed).toBe(expected)
    expect(raw.frames).toEqual([])
  })

  it('lets a participant open their own private document', async () => {
    const { server, w, a } = await setup()
    const name = docName({
      workshopId: w.workshopId,
      kind: 'private',
      participantId: a.participantId,
    })
    const p = connect(server, name, a.token)
    await synced(p)
    p.doc.getMap('drafts').set('d1', 'mine')
    const again = connect(server, name, a.token)
    await synced(again)
    await until(again.doc, () => again.doc.getMap('drafts').get('d1') === 'mine')
  })

  it("never sends a participant's private content on any other connection", async () => {
    const { server, w, a, b } = await setup()
    const marker = 'PRIVATE-7f3a9c'
    const watchers = [
      rawConnect(server, control(w.workshopId), w.facilitatorToken),
      rawConnect(server, board(w.workshopId), w.facilitatorToken),
      rawConnect(server, control(w.workshopId), b.token),
      rawConnect(server, board(w.workshopId), b.token),
      rawConnect(
        server,
        docName({ workshopId: w.workshopId, kind: 'private', participantId: b.participantId }),
        b.token,
      ),
    ]
    await Promise.all(watchers.map((r) => r.opened))
    for (const r of watchers) r.send(syncStep1())
    const name = docName({
      workshopId: w.workshopId,
      kind: 'private',
      participantId: a.participantId,
    })
    const p = connect(server, name, a.token)
    await synced(p)
    p.doc.getMap('drafts').set('d1', marker)
    p.provider.awareness.setLocalStateField('note', marker)
    const again = connect(server, name, a.token)
    await synced(again)
    await barrier(p, again, 'drafted')
    await flushed(server, name)
    const stored = new Y.Doc()
    for (const u of await server.app.store.loadDocument(name)) Y.applyUpdate(stored, u)
    expect(stored.getMap('drafts').get('d1')).toBe(marker)
    await Promise.all(watchers.map(roundTrip))
    for (const r of watchers) {
      expect(r.frames.length).toBeGreaterThan(0)
      expect(r.saw(marker)).toBe(false)
    }
  })

  it('closes only the connection that sends an oversize frame', async () => {
    const server = await startServer({ MAX_FRAME_BYTES: String(64 * 1024) })
    const w = await createWorkshop(server)
    const good = connect(server, board(w.workshopId), w.facilitatorToken)
    await synced(good)
    const bad = rawConnect(server, board(w.workshopId), w.facilitatorToken)
    await bad.opened
    bad.send(new Uint8Array(100 * 1024))
    expect(await bad.closed).toBe(1009)
    const other = connect(server, board(w.workshopId), w.facilitatorToken)
    await synced(other)
    boardNotes(good.doc).insert(0, 'still here')
    await until(other.doc, () => boardNotes(other.doc).toString() === 'still here')
  })

  it('closes a connection that sends malformed or too many messages', async () => {
    const server = await startServer({ WS_MESSAGES_PER_SECOND: '5', WS_MESSAGE_BURST: '10' })
    const w = await createWorkshop(server)
    const garbage = rawConnect(server, board(w.workshopId), w.facilitatorToken)
    await garbage.opened
    garbage.send(new Uint8Array([0, 2, 200, 1, 2, 3]))
    expect(await garbage.closed).toBe(CLOSE.badMessage)
    const flood = rawConnect(server, board(w.workshopId), w.facilitatorToken)
    await flood.opened
    for (let i = 0; i < 30; i++) flood.send(syncStep1())
    expect(await flood.closed).toBe(CLOSE.rateLimited)
  })

  it('refuses an upgrade from a foreign Origin, and accepts its own host and PUBLIC_URL', async () => {
    const server = await startServer({ PUBLIC_URL: 'http://triage.example:8080' })
    const w = await createWorkshop(server)
    const host = new URL(server.url).host
    const foreign = rawConnect(server, board(w.workshopId), w.facilitatorToken, {
      origin: 'http://evil.example',
    })
    await expect(foreign.opened).rejects.toThrow('HTTP 403')
    const own = rawConnect(server, board(w.workshopId), w.facilitatorToken, {
      origin: `http://${host}`,
    })
    await own.opened
    const pub = rawConnect(server, board(w.workshopId), w.facilitatorToken, {
      origin: 'http://triage.example:8080',
    })
    await pub.opened
  })

  it("stamps awareness with the server's identity and ignores other connections' client ids", async () => {
    const { server, w, a, b } = await setup()
    const pa = connect(server, control(w.workshopId), a.token)
    const pb = connect(server, control(w.workshopId), b.token)
    await Promise.all([synced(pa), synced(pb)])
    pa.provider.awareness.setLocalState({
      user: { name: 'Dana' },
      identity: { role: 'facilitator' },
    })
    await barrier(pa, pb, 'stamped')
    const seen = pb.provider.awareness.getStates().get(pa.doc.clientID) as Record<string, unknown>
    expect(seen.identity).toEqual({ role: 'participant', participantId: a.participantId })
    // B forges an update for A's client id: the server drops it.
    const forged = new Y.Doc()
    forged.clientID = pa.doc.clientID
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness')
    const fake = new Awareness(forged)
    fake.setLocalState({ user: { name: 'Forged' } })
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { name: 'Forged' }, n: i })
    const rawB = rawConnect(server, control(w.workshopId), b.token)
    await rawB.opened
    const { createEncoder, writeVarUint, writeVarUint8Array, toUint8Array } =
      await import('lib0/encoding')
    const e = createEncoder()
    writeVarUint(e, 1)
    writeVarUint8Array(e, encodeAwarenessUpdate(fake, [forged.clientID]))
    rawB.send(toUint8Array(e))
    await barrier(pb, pa, 'after-forgery')
    const state = pa.provider.awareness.getStates().get(pa.doc.clientID) as {
      user: { name: string }
    }
    expect(state.user.name).toBe('Dana')
    fake.destroy()
  })

  it('closes open connections with 4410 when the workshop is deleted', async () => {
    const { server, w, a } = await setup()
    const p = connect(server, board(w.workshopId), a.token)
    await synced(p)
    const code = closeCode(p)
    const res = await fetch(`${server.url}/api/workshops/${w.workshopId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.facilitatorToken}` },
    })
    expect(res.status).toBe(204)
    expect(await code).toBe(CLOSE.gone)
    expect(await server.app.store.loadDocument(board(w.workshopId))).toEqual([])
  })

  it('keeps tokens out of the request log', async () => {
    const lines: string[] = []
    const server = await startServer({ LOG_LEVEL: 'info' }, undefined, 0, {
      logStream: { write: (line) => lines.push(line) },
    })
    const w = await createWorkshop(server)
    const c = connect(server, board(w.workshopId), w.facilitatorToken)
    await synced(c)
    expect(lines.some((l) => l.includes(`/sync/${w.workshopId}/board`))).toBe(true)
    expect(lines.some((l) => l.includes(w.facilitatorToken))).toBe(false)
  })

  it('raw update over the wire from a read-only member is refused with a permission notice', async () => {
    const { server, w, a } = await setup()
    const raw = rawConnect(server, control(w.workshopId), a.token)
    await raw.opened
    const evil = new Y.Doc()
    setPhase(evil, 'decide')
    raw.send(updateMessage(Y.encodeStateAsUpdate(evil)))
    await new Promise<void>((resolve) => {
      const check = () => (raw.saw('read-only') ? resolve() : raw.ws.once('message', check))
      check()
    })
    expect(await serverDoc(server, control(w.workshopId), (d) => readControl(d).phase)).toBe(
      'setup',
    )
  })
})
