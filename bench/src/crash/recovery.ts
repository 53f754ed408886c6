// Crash recovery: a vote storm (every participant rewriting the dots in their private document)
// and board edits (clusters created, renamed, cards moved) run against the real server, which
// is SIGKILLed at seeded random moments and restarted on the same data folder and port. Observer
// clients record what the server sent them before each kill (broadcast follows storage, so all
// of it was stored); after the restart, fresh clients, before any writer reconnects and could
// send lost updates again, must hold all of it, with no item twice. At the end the writers
// resync, voting closes and the revealed counts must equal the count of the writers' ballots.
import * as Y from 'yjs'
import {
  countBallot,
  docName,
  itemKey,
  readBoard,
  readIdeas,
  readResults,
  readVoting,
  setVote,
  voteItems,
  type VotingSettings,
  type WorkshopId,
} from '@triage/shared'
import { SyncClient, readFresh, waitFor } from '../converge/client.js'
import { BoardEditor, CLUSTER_OPS, every } from '../converge/edits.js'
import { boardJson, missingFrom, sameStateVector, snapshotDoc, stableJson } from './doc-check.js'
import { createRng } from './rng.js'
import { ServerProcess, createWorkshop, votingAction, type Workshop } from './server-process.js'

export interface CrashOptions {
  readonly kills: number
  readonly seed: number
  /** Participants, each voting from their own private document. */
  readonly voters?: number
  /** Clients editing the board: the facilitator and this many minus one participants. */
  readonly boardWriters?: number
  readonly items?: number
  /** Time from the storm running (every client synced) to the kill, ms. */
  readonly killAfterMs?: readonly [number, number]
  /** Pause between two writes of one client, ms. */
  readonly writeEveryMs?: readonly [number, number]
  /** COMPACT_AFTER for the server: low, so that kills also hit compactions. */
  readonly compactAfter?: number
  /** How long a resync or a fresh read may take, ms. */
  readonly timeoutMs?: number
  readonly dataDir?: string
  readonly env?: Readonly<Record<string, string>>
  readonly log?: (line: string) => void
}

export interface KillRecord {
  readonly kill: number
  /** Time from the storm running to the SIGKILL, ms. */
  readonly atMs: number
  /** Update messages the observers received since the previous kill. */
  readonly updatesObserved: number
  /** Operations (struct clocks) the observers held at the kill, all documents together. */
  readonly opsObserved: number
  readonly deletesObserved: number
  readonly lostOps: number
  readonly lostDeletes: number
  /** Items on the board more than once (or missing), and clusters sharing a name. */
  readonly duplicated: number
  /** Spawn to "listening", ms. */
  readonly restartMs: number
  /** Spawn to every fresh client synced, ms. */
  readonly servingMs: number
  readonly problems: readonly string[]
}

export interface CrashReport {
  readonly seed: number
  readonly kills: readonly KillRecord[]
  readonly updatesObserved: number
  readonly lostOps: number
  readonly lostDeletes: number
  readonly duplicated: number
  /** Participants whose votes on the server differ from their own document at the end. */
  readonly voteMismatches: number
  /** Items whose revealed count differs from the count of the writers' ballots. */
  readonly tallyMismatches: number
  readonly totalDots: number
  readonly writes: number
  readonly refusals: Record<string, number>
  readonly resets: number
  /** The first start (spawn to "listening"), to compare the restarts with, ms. */
  readonly firstStartMs: number
  readonly restartMs: { readonly p50: number; readonly max: number }
  readonly servingMs: { readonly p50: number; readonly max: number }
  readonly problems: readonly string[]
  readonly ok: boolean
  readonly ms: number
}

const SETTINGS: VotingSettings = {
  dotBudget: 10,
  maxDotsPerItem: 3,
  anonymous: true,
  voteOn: 'ideas',
}

interface Observed {
  readonly label: string
  readonly docName: string
  readonly token: string
  readonly observer: SyncClient
  updates: number
}

/** Ideas on the board by text: every item must be there exactly once. */
function itemProblems(doc: Y.Doc, items: readonly string[]): number {
  const count = new Map<string, number>()
  for (const idea of readIdeas(doc)) count.set(idea.text, (count.get(idea.text) ?? 0) + 1)
  let bad = 0
  for (const text of items) if ((count.get(text) ?? 0) !== 1) bad++
  const names = new Map<string, number>()
  for (const c of readBoard(doc).clusters) names.set(c.name, (names.get(c.name) ?? 0) + 1)
  for (const n of names.values()) if (n > 1) bad += n - 1
  return bad
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN
}

export async function runCrashRecovery(options: CrashOptions): Promise<CrashReport> {
  const started = performance.now()
  const o = {
    voters: 8,
    boardWriters: 3,
    items: 12,
    killAfterMs: [200, 1500] as const,
    writeEveryMs: [5, 30] as const,
    compactAfter: 100,
    timeoutMs: 20_000,
    ...options,
  }
  const log = o.log ?? (() => {})
  const rng = createRng(o.seed)
  const server = new ServerProcess({
    ...(o.dataDir ? { dataDir: o.dataDir } : {}),
    env: { COMPACT_AFTER: String(o.compactAfter), ...o.env },
  })
  const clients: SyncClient[] = []
  const stops: (() => void)[] = []
  const kills: KillRecord[] = []
  const problems: string[] = []
  let writes = 0
  let voteMismatches = 0
  let tallyMismatches = 0
  let totalDots = 0
  let firstStartMs = NaN
  try {
    firstStartMs = (await server.start()).ms
    const items = Array.from({ length: o.items }, (_, i) => `Item ${i + 1}`)
    const workshop: Workshop = await createWorkshop(server.httpUrl, {
      participants: Math.max(o.voters, o.boardWriters - 1, 1),
      items,
    })
    await votingAction(server.httpUrl, workshop, 'open', SETTINGS)
    const wid = workshop.workshopId as WorkshopId
    const boardName = docName({ workshopId: wid, kind: 'board' })
    const controlName = docName({ workshopId: wid, kind: 'control' })
    const privateName = (i: number) =>
      docName({
        workshopId: wid,
        kind: 'private',
        participantId: workshop.participants[i]!.participantId,
      })
    const initialBoard = await readFresh(server.syncUrl, boardName, workshop.facilitatorToken)
    const keys = readIdeas(initialBoard).map((idea) => itemKey.idea(idea.id))
    const client = (name: string, token: string, reset = true) => {
      const c = new SyncClient({
        syncUrl: server.syncUrl,
        docName: name,
        token,
        resetOnRefusal: reset,
      })
      clients.push(c)
      return c
    }
    const p = workshop.participants
    const voters = Array.from({ length: o.voters }, (_, i) => client(privateName(i), p[i]!.token))
    const boardWriters = [
      client(boardName, workshop.facilitatorToken),
      ...Array.from({ length: o.boardWriters - 1 }, (_, i) => client(boardName, p[i]!.token)),
    ]
    // Another client of each document: a second device of the same participant for a private
    // document, a participant for the board and the control document (where the server writes
    // the progress counts). Observers never write.
    const observed: Observed[] = [
      { label: 'board', docName: boardName, token: p[p.length - 1]!.token },
      { label: 'control', docName: controlName, token: p[0]!.token },
      ...voters.map((_, i) => ({
        label: `private ${i + 1}`,
        docName: privateName(i),
        token: p[i]!.token,
      })),
    ].map((x) => {
      const entry: Observed = { ...x, observer: client(x.docName, x.token, false), updates: 0 }
      entry.observer.doc.on('update', () => entry.updates++)
      return entry
    })
    await Promise.all(clients.map((c) => c.whenSynced(o.timeoutMs)))
    /** Who wrote under a Yjs client id, for the report of a loss. */
    const labelOf = (id: number): string => {
      const v = voters.findIndex((c) => c.clientIds.includes(id))
      if (v >= 0) return `voter ${v + 1} (client ${id})`
      const b = boardWriters.findIndex((c) => c.clientIds.includes(id))
      if (b >= 0) return `${b === 0 ? 'the facilitator' : `board writer ${b + 1}`} (client ${id})`
      return `the server or another client (client ${id})`
    }

    // The storm runs from here to the end, through kills and restarts (offline writes included).
    voters.forEach((v, i) => {
      const r = rng.fork(`voter ${i}`)
      stops.push(
        every(r, o.writeEveryMs, () => {
          setVote(v.doc, r.pick(keys), r.int(0, SETTINGS.maxDotsPerItem))
          writes++
        }),
      )
    })
    boardWriters.forEach((w, i) => {
      const editor = new BoardEditor(rng.fork(`board ${i}`), `w${i}`, CLUSTER_OPS)
      stops.push(
        every(rng.fork(`board pace ${i}`), [o.writeEveryMs[0] * 3, o.writeEveryMs[1] * 3], () => {
          editor.edit(w.doc)
          writes++
        }),
      )
    })

    const killRng = rng.fork('kills')
    for (let k = 1; k <= o.kills; k++) {
      const atMs = killRng.int(o.killAfterMs[0], o.killAfterMs[1])
      // The kill moment: a random time into the storm.
      await new Promise((r) => setTimeout(r, atMs))
      await server.kill()
      // Whatever the observers still had in their sockets arrives before their close.
      await waitFor(
        observed.map((x) => x.observer),
        () => observed.every((x) => !x.observer.provider.wsconnected),
        o.timeoutMs,
        'observers see the connection drop',
      )
      const snapshots = observed.map((x) => ({
        ...x,
        doc: snapshotDoc(x.observer.doc),
        updates: x.updates,
      }))
      const updatesObserved = observed.reduce((n, x) => n + x.updates, 0)
      for (const x of observed) x.updates = 0
      // Nobody reconnects before the fresh clients have read what the server kept.
      for (const c of clients) c.pause()
      const mark = server.logMark()
      const { ms: restartMs } = await server.start()
      const freshStart = performance.now()
      let lostOps = 0
      let lostDeletes = 0
      let opsObserved = 0
      let deletesObserved = 0
      let duplicated = 0
      const killProblems: string[] = []
      const fresh = await Promise.all(
        snapshots.map((s) =>
          readFresh(server.syncUrl, s.docName, s.token, o.timeoutMs).catch((err: unknown) => {
            killProblems.push(`${s.label}: fresh read failed: ${(err as Error).message}`)
            return new Y.Doc()
          }),
        ),
      )
      const servingMs = performance.now() - freshStart + restartMs
      snapshots.forEach((s, i) => {
        const f = fresh[i]!
        const missing = missingFrom(s.doc, f)
        const all = missingFrom(s.doc, new Y.Doc())
        opsObserved += all.missingOps
        deletesObserved += all.missingDeletes
        lostOps += missing.missingOps
        lostDeletes += missing.missingDeletes
        if (missing.missingOps + missing.missingDeletes > 0) {
          const whose = [...missing.byClient].map(([id, n]) => `${n} of ${labelOf(id)}`).join(', ')
          killProblems.push(
            `${s.label}: ${missing.missingOps} ops (${whose || 'none'}) and ${missing.missingDeletes} deletions the observer had are gone`,
          )
        }
        if (s.label === 'board') {
          const bad = itemProblems(f, items)
          duplicated += bad
          if (bad > 0) killProblems.push(`board: ${bad} items not exactly once`)
        }
      })
      if (killProblems.length > 0) {
        const said = server
          .logSince(mark)
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.includes('listening on'))
          .join('\n')
        if (said) killProblems.push(`the restarted server said: ${said.slice(-3000)}`)
      }
      const record: KillRecord = {
        kill: k,
        atMs,
        updatesObserved,
        opsObserved,
        deletesObserved,
        lostOps,
        lostDeletes,
        duplicated,
        restartMs,
        servingMs,
        problems: killProblems,
      }
      kills.push(record)
      log(
        `kill ${k}/${o.kills} at ${atMs} ms: ${updatesObserved} updates observed, ${opsObserved} ops / ${deletesObserved} deletions held, lost ${lostOps} ops / ${lostDeletes} deletions, duplicated ${duplicated}; restart ${Math.round(restartMs)} ms, serving ${Math.round(servingMs)} ms`,
      )
      for (const line of killProblems) log(`  ${line}`)
      for (const c of clients) c.resume()
      await Promise.all(clients.map((c) => c.whenSynced(o.timeoutMs)))
    }

    // The end: writes stop, everyone resyncs, and what the server holds is what the writers hold.
    for (const stop of stops.splice(0)) stop()
    await waitFor(
      clients,
      () =>
        clients.every((c) => c.synced) &&
        boardWriters.every((w) => sameStateVector(w.doc, observed[0]!.observer.doc)) &&
        voters.every((v, i) => sameStateVector(v.doc, observed[2 + i]!.observer.doc)),
      o.timeoutMs,
      'writers and observers agree',
    ).catch((err: unknown) => problems.push((err as Error).message))
    const finalBoard = await readFresh(server.syncUrl, boardName, workshop.facilitatorToken)
    if (boardJson(finalBoard) !== boardJson(boardWriters[0]!.doc)) {
      problems.push('final: the board on the server differs from the writers’')
    }
    const dup = itemProblems(finalBoard, items)
    if (dup > 0) problems.push(`final: ${dup} items not exactly once`)
    const ballots: Record<string, unknown>[] = []
    for (let i = 0; i < voters.length; i++) {
      const mine = voters[i]!.doc.getMap('votes').toJSON()
      ballots.push(mine)
      const f = await readFresh(server.syncUrl, privateName(i), p[i]!.token)
      if (stableJson(f.getMap('votes').toJSON()) !== stableJson(mine)) voteMismatches++
    }
    if (voteMismatches > 0)
      problems.push(`final: ${voteMismatches} participants' votes differ on the server`)

    // Sealed and counted by the server, against the count of the writers' own ballots.
    await votingAction(server.httpUrl, workshop, 'close')
    await votingAction(server.httpUrl, workshop, 'reveal')
    const control = await readFresh(server.syncUrl, controlName, workshop.facilitatorToken)
    const results = readResults(control)
    const rules = {
      budget: SETTINGS.dotBudget,
      cap: SETTINGS.maxDotsPerItem,
      items: voteItems(readBoard(finalBoard), readVoting(control, null).settings.voteOn).map(
        (i) => i.key,
      ),
    }
    const expected = new Map<string, number>()
    for (const b of ballots) {
      for (const [key, n] of Object.entries(countBallot(b, rules)))
        expected.set(key, (expected.get(key) ?? 0) + n)
    }
    if (!results) {
      problems.push('final: no results after the reveal')
    } else {
      totalDots = results.totalDots
      for (const item of results.items) {
        if (item.total !== (expected.get(item.key) ?? 0)) tallyMismatches++
      }
      const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0)
      if (results.totalDots !== expectedTotal) {
        problems.push(
          `final: ${results.totalDots} dots revealed, the ballots count ${expectedTotal}`,
        )
      }
      if (tallyMismatches > 0) problems.push(`final: ${tallyMismatches} items counted differently`)
    }
    log(
      `final: ${writes} writes; votes differing ${voteMismatches}, items counted differently ${tallyMismatches}, ${totalDots} dots revealed`,
    )
  } finally {
    for (const stop of stops) stop()
    for (const c of clients) c.destroy()
    await server.stop()
  }
  const refusals: Record<string, number> = {}
  let resets = 0
  for (const c of clients) {
    resets += c.resets
    for (const [reason, n] of c.refusals) refusals[reason] = (refusals[reason] ?? 0) + n
  }
  const sum = (f: (k: KillRecord) => number) => kills.reduce((n, k) => n + f(k), 0)
  const report = {
    seed: o.seed,
    kills,
    updatesObserved: sum((k) => k.updatesObserved),
    lostOps: sum((k) => k.lostOps),
    lostDeletes: sum((k) => k.lostDeletes),
    duplicated: sum((k) => k.duplicated),
    voteMismatches,
    tallyMismatches,
    totalDots,
    writes,
    refusals,
    resets,
    firstStartMs,
    restartMs: {
      p50: median(kills.map((k) => k.restartMs)),
      max: Math.max(...kills.map((k) => k.restartMs)),
    },
    servingMs: {
      p50: median(kills.map((k) => k.servingMs)),
      max: Math.max(...kills.map((k) => k.servingMs)),
    },
    problems: [...kills.flatMap((k) => k.problems.map((p) => `kill ${k.kill}: ${p}`)), ...problems],
    ms: performance.now() - started,
  }
  return { ...report, ok: report.problems.length === 0 && kills.length === o.kills }
}
