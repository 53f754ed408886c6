// Crash recovery (issue 18): the real server, SIGKILLed three times at seeded random moments of
// a vote storm and board edits and restarted on the same data folder and port, still serves
// every update another client had received before each kill, with no item twice, and at the end
// the revealed counts equal the count of the writers' own ballots. The logic lives in
// bench/src/crash/ (its CLI runs 20 kills: `pnpm --filter @triage/bench run crash`).
// The second test pins the invariant the kills probe, at the room: nothing reaches a peer,
// sync answers included, before it is stored.
import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Identity, WorkshopId } from '@triage/shared'
import { missingFrom } from '../../bench/src/crash/doc-check.js'
import { runCrashRecovery } from '../../bench/src/crash/recovery.js'
import { encodeSyncStep1, encodeUpdateMessage, MSG_SYNC } from '../src/sync/protocol.js'
import { Room } from '../src/sync/room.js'
import { tempDir } from './helpers.js'

/** The update a sync message carries (step 2 or update), or null for anything else. */
function carriedUpdate(message: Uint8Array): Uint8Array | null {
  const d = decoding.createDecoder(message)
  if (decoding.readVarUint(d) !== MSG_SYNC) return null
  if (decoding.readVarUint(d) === 0) return null // step 1
  return decoding.readVarUint8Array(d)
}

describe('crash recovery', () => {
  it('loses nothing another client received and duplicates nothing across 3 SIGKILLs', async () => {
    const report = await runCrashRecovery({
      kills: 3,
      seed: 1,
      dataDir: tempDir(),
      voters: 6,
      killAfterMs: [150, 700],
    })
    expect(report.problems).toEqual([])
    expect(report.kills).toHaveLength(3)
    // The storm was on: every kill had updates the observers had received to check.
    for (const k of report.kills) expect(k.opsObserved).toBeGreaterThan(0)
    expect(report.updatesObserved).toBeGreaterThan(0)
    expect(report.lostOps).toBe(0)
    expect(report.lostDeletes).toBe(0)
    expect(report.duplicated).toBe(0)
    expect(report.voteMismatches).toBe(0)
    expect(report.tallyMismatches).toBe(0)
    expect(report.totalDots).toBeGreaterThan(0)
    expect(report.ok).toBe(true)
  }, 180_000)

  it('sends a peer nothing that is not stored yet, also in the answer to a sync step 1', async () => {
    // The store: a write completes only when the test lets it, so updates arrive mid-write.
    const stored = new Y.Doc()
    const writes: (() => void)[] = []
    const room = new Room(
      'w/board',
      {
        persist: (updates) =>
          new Promise<null>((resolve) =>
            writes.push(() => {
              for (const u of updates) Y.applyUpdate(stored, u)
              resolve(null)
            }),
          ),
        compact: async (snapshot) => Y.applyUpdate(stored, snapshot),
        authorize: () => null,
        onEmpty: () => {},
        onFatal: (err) => {
          throw err
        },
      },
      1000,
    )
    room.load([])
    const identity: Identity = { role: 'facilitator', workshopId: 'w' as WorkshopId }
    const early: string[] = []
    const observerDoc = new Y.Doc()
    const writer = { identity, send: () => {}, close: () => {} }
    const observer = {
      identity,
      send: (message: Uint8Array) => {
        const update = carriedUpdate(message)
        if (!update) return
        const got = new Y.Doc()
        Y.applyUpdate(got, update)
        const lost = missingFrom(got, stored)
        if (lost.missingOps + lost.missingDeletes > 0) {
          early.push(`${lost.missingOps} ops, ${lost.missingDeletes} deletions not yet stored`)
        }
        Y.applyUpdate(observerDoc, update)
      },
      close: () => {},
    }
    room.join(writer)
    room.join(observer)
    const source = new Y.Doc()
    const edits: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => edits.push(u))
    let n = 0
    const edit = () => {
      source.getMap('m').set(`k${n++}`, n)
      room.receive(writer, encodeUpdateMessage(edits.shift()!))
    }
    // One event-loop turn: the room gathers a batch per turn before writing it.
    const turn = () => new Promise((r) => setImmediate(r))

    edit()
    await turn()
    // The observer (re)connects while a write is on its way, and edits keep arriving, each
    // while the write before it has not completed.
    room.receive(observer, encodeSyncStep1(new Y.Doc()))
    for (let i = 0; i < 6; i++) {
      edit()
      writes.shift()?.()
      await turn()
      await turn()
    }
    while (writes.length > 0) {
      writes.shift()!()
      await turn()
      await turn()
    }
    expect(early).toEqual([])
    // And everything did arrive once stored.
    expect(observerDoc.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON())
    room.destroy(1001, 'done')
  })
})
