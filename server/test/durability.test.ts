// What the server accepted survives: a SIGKILL of the real process, and compaction on restart.
import { spawn, type ChildProcess } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { boardNotes, docName, parseDocName, readControl, setPhase } from '@triage/shared'
import {
  connect,
  createWorkshop,
  joinWorkshop,
  onCleanup,
  startServer,
  synced,
  tempDir,
  until,
  type TestServer,
} from './helpers.js'

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Starts the real entry point as a child process; resolves with its URL once it listens. */
async function spawnServer(
  dataDir: string,
  port = 0,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STATIC_DIR: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  onCleanup(() => {
    child.kill('SIGKILL')
  })
  const url = await new Promise<string>((resolvePromise, reject) => {
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const m = /listening on (http:\/\/\S+)/.exec(out)
      if (m) resolvePromise(m[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)))
  })
  return { child, url }
}

const asTestServer = (url: string, dataDir: string) =>
  ({ url, wsUrl: url.replace(/^http/, 'ws'), dataDir }) as TestServer

describe('durability', () => {
  it('serves every accepted update after kill -9 and a restart on the same data folder', async () => {
    const dataDir = tempDir()
    const first = await spawnServer(dataDir)
    const s1 = asTestServer(first.url, dataDir)
    const w = await createWorkshop(s1)
    const p = await joinWorkshop(s1, w.joinCode, 'Dana')
    const boardName = docName({ workshopId: w.workshopId, kind: 'board' })
    const controlName = docName({ workshopId: w.workshopId, kind: 'control' })
    const writer = connect(s1, boardName, w.facilitatorToken)
    const reader = connect(s1, boardName, p.token)
    const fc = connect(s1, controlName, w.facilitatorToken)
    await Promise.all([synced(writer), synced(reader), synced(fc)])
    for (let i = 0; i < 50; i++)
      boardNotes(writer.doc).insert(boardNotes(writer.doc).length, `${i};`)
    setPhase(fc.doc, 'cluster')
    const expected = boardNotes(writer.doc).toString()
    // Broadcast follows storage: once another client has it, the server had stored it.
    await until(reader.doc, () => boardNotes(reader.doc).toString() === expected, 'broadcast')
    const pc = connect(s1, controlName, p.token)
    await synced(pc)
    await until(pc.doc, () => readControl(pc.doc).phase === 'cluster', 'phase broadcast')
    for (const c of [writer, reader, fc, pc]) c.provider.disconnect()
    first.child.kill('SIGKILL')
    await new Promise((r) => first.child.once('exit', r))

    const second = await spawnServer(dataDir)
    const s2 = asTestServer(second.url, dataDir)
    const after = connect(s2, boardName, p.token)
    const ctl = connect(s2, controlName, p.token)
    await Promise.all([synced(after), synced(ctl)])
    expect(boardNotes(after.doc).toString()).toBe(expected)
    expect(readControl(ctl.doc).phase).toBe('cluster')
    expect(readControl(ctl.doc).roster[p.participantId]?.name).toBe('Dana')
    // Two server processes start here; a loaded CI machine needs more than the default.
  }, 90_000)

  it('compacts the update log into a snapshot and loads it back', async () => {
    const dataDir = tempDir()
    const s1 = await startServer({ COMPACT_AFTER: '20' }, dataDir)
    const w = await createWorkshop(s1)
    const boardName = docName({ workshopId: w.workshopId, kind: 'board' })
    const a = connect(s1, boardName, w.facilitatorToken)
    const b = connect(s1, boardName, w.facilitatorToken)
    await Promise.all([synced(a), synced(b)])
    for (let i = 0; i < 60; i++) boardNotes(a.doc).insert(0, 'x')
    await until(b.doc, () => boardNotes(b.doc).length === 60)
    // Compaction is queued behind the writes; wait for the room's queue, not a broadcast.
    const lease = await s1.app.rooms.acquire(parseDocName(boardName)!)
    await lease.room.flushed()
    lease.release()
    const stored = await s1.app.store.loadDocument(boardName)
    // 61 updates were stored (migration + 60 edits); compaction folded most into a snapshot.
    // The threshold is soft: a burst read in one tick is appended before the snapshot runs.
    expect(stored.length).toBeLessThan(61)
    a.provider.destroy()
    b.provider.destroy()
    await s1.close()
    const s2 = await startServer({}, dataDir)
    expect((await s2.app.store.loadDocument(boardName)).length).toBe(1)
    const c = connect(s2, boardName, w.facilitatorToken)
    await synced(c)
    expect(boardNotes(c.doc).length).toBe(60)
  })

  it('unloads a document a grace period after its last connection leaves', async () => {
    const server = await startServer({ ROOM_GRACE_MS: '20' })
    const w = await createWorkshop(server)
    const ref = { workshopId: w.workshopId, kind: 'board' } as const
    const c = connect(server, docName(ref), w.facilitatorToken)
    await synced(c)
    expect(server.app.rooms.isLoaded(ref)).toBe(true)
    c.provider.destroy()
    await expect
      .poll(() => server.app.rooms.isLoaded(ref), { interval: 10, timeout: 3000 })
      .toBe(false)
    // The board released the control document it held for the lock flag.
    await expect.poll(() => server.app.rooms.loaded, { interval: 10, timeout: 3000 }).toBe(0)
  })
})
