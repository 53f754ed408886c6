// One convergence run: six stock providers (the facilitator and five participants) edit the
// board through a misbehaving proxy, the facilitator perhaps locking and unlocking it; then the
// proxy heals and every client, and a fresh one, must hold the same document with nothing
// pending. And a suite: many seeded runs on one real server, restarted every so many runs to
// check its stored copy of every run's board.
import * as Y from 'yjs'
import { docName, isBoardLocked, setBoardLocked, type WorkshopId } from '@triage/shared'
import { boardJson, hasPending, missingFrom, sameStateVector } from '../crash/doc-check.js'
import { createRng } from '../crash/rng.js'
import { ServerProcess, createWorkshop } from '../crash/server-process.js'
import { SyncClient, readFresh, waitFor } from './client.js'
import { ALL_BOARD_OPS, BoardEditor, every } from './edits.js'
import { DEFAULT_FAULTS, FaultyProxy, type FaultProfile, type ProxyStats } from './proxy.js'

export interface ServerEndpoint {
  readonly httpUrl: string
  readonly syncUrl: string
  readonly hostPort: { readonly host: string; readonly port: number }
}

export interface RunSpec {
  readonly seed: number
  /** Whether the facilitator locks and unlocks the board during the run. */
  readonly lock: boolean
}

export interface RunOptions {
  readonly participants?: number
  readonly items?: number
  /** How long the clients edit through the misbehaving proxy (ms). */
  readonly chaosMs?: number
  /** Pause between two edits of one client (ms). */
  readonly editEveryMs?: readonly [number, number]
  /** Pause between two lock toggles of the facilitator (ms). */
  readonly lockEveryMs?: readonly [number, number]
  /** How long after healing the documents may take to agree (ms). */
  readonly settleTimeoutMs?: number
  readonly faults?: FaultProfile
  /** Passed to every client's reset-on-refusal (0: every refusal resets). */
  readonly resetThrottleMs?: number
  /** Participants also hold the control document, read-only, as phones do (default true). */
  readonly participantControl?: boolean
}

const DEFAULTS = {
  participants: 5,
  items: 8,
  chaosMs: 2000,
  editEveryMs: [20, 150] as const,
  lockEveryMs: [150, 700] as const,
  settleTimeoutMs: 20_000,
}

export interface FinalState {
  readonly workshopId: string
  readonly token: string
  readonly stateVector: Uint8Array
  readonly json: string
}

export interface RunResult {
  readonly seed: number
  readonly lock: boolean
  readonly converged: boolean
  /** What did not hold, when it did not converge. */
  readonly problems: string[]
  readonly edits: number
  readonly lockToggles: number
  readonly refusals: Record<string, number>
  readonly resets: number
  readonly proxy: ProxyStats
  /** From healing to agreement with a fresh client (ms), or NaN. */
  readonly settleMs: number
  readonly final: FinalState | null
  /** Whether a fresh client after a server restart got the same board (null: not checked). */
  serverCopy: boolean | null
}

function describeClient(label: string, c: SyncClient, reference: Y.Doc): string {
  const lacking = missingFrom(reference, c.doc)
  const extra = missingFrom(c.doc, reference)
  const parts = [
    `${label}: ${c.synced ? 'synced' : c.provider.wsconnected ? 'connected' : 'disconnected'}`,
    `lacks ${lacking.missingOps} ops/${lacking.missingDeletes} deletions of the fresh copy`,
    `has ${extra.missingOps} ops/${extra.missingDeletes} deletions it lacks`,
  ]
  if (hasPending(c.doc)) parts.push('PENDING')
  return parts.join(', ')
}

/** One seeded run against a running server; never throws for a divergence, only reports it. */
export async function runOnce(
  server: ServerEndpoint,
  spec: RunSpec,
  options: RunOptions = {},
): Promise<RunResult> {
  const o = { ...DEFAULTS, ...options }
  const rng = createRng(spec.seed)
  const items = Array.from({ length: o.items }, (_, i) => `Idea ${i + 1} of run ${spec.seed}`)
  const workshop = await createWorkshop(server.httpUrl, { participants: o.participants, items })
  const wid = workshop.workshopId as WorkshopId
  const boardName = docName({ workshopId: wid, kind: 'board' })
  const controlName = docName({ workshopId: wid, kind: 'control' })
  const proxy = new FaultyProxy(server.hostPort, rng.fork('proxy'), o.faults ?? DEFAULT_FAULTS)
  await proxy.listen()

  const tokens = [workshop.facilitatorToken, ...workshop.participants.map((p) => p.token)]
  const labels = ['facilitator', ...workshop.participants.map((_, i) => `participant ${i + 1}`)]
  const clientOptions = { resetThrottleMs: o.resetThrottleMs ?? 0 }
  const board = tokens.map(
    (token) =>
      new SyncClient({ syncUrl: proxy.syncUrl, docName: boardName, token, ...clientOptions }),
  )
  const control = new SyncClient({
    syncUrl: proxy.syncUrl,
    docName: controlName,
    token: workshop.facilitatorToken,
    ...clientOptions,
  })
  // Phones read the control document too (the lock flag, the phase): read-only connections.
  const readers =
    o.participantControl === false
      ? []
      : workshop.participants.map(
          (p) =>
            new SyncClient({
              syncUrl: proxy.syncUrl,
              docName: controlName,
              token: p.token,
              ...clientOptions,
            }),
        )
  const all = [...board, control, ...readers]
  const stops: (() => void)[] = []
  let edits = 0
  let lockToggles = 0
  let settleMs = NaN
  let final: FinalState | null = null
  const problems: string[] = []
  try {
    await Promise.all(all.map((c) => c.whenSynced()))
    proxy.startFaults()
    board.forEach((client, i) => {
      const editor = new BoardEditor(rng.fork(`editor ${i}`), `e${i}`, ALL_BOARD_OPS)
      stops.push(
        every(rng.fork(`pace ${i}`), o.editEveryMs, () => {
          editor.edit(client.doc)
          edits++
        }),
      )
    })
    if (spec.lock) {
      stops.push(
        every(rng.fork('lock'), o.lockEveryMs, () => {
          setBoardLocked(control.doc, !isBoardLocked(control.doc))
          lockToggles++
        }),
      )
    }
    // The run's length: a duration, not an event.
    await new Promise((r) => setTimeout(r, o.chaosMs))
    for (const stop of stops.splice(0)) stop()
    if (isBoardLocked(control.doc)) setBoardLocked(control.doc, false)
    const healedAt = performance.now()
    proxy.heal()

    const agree = () =>
      all.every((c) => c.synced && !hasPending(c.doc)) &&
      board.every((c) => sameStateVector(c.doc, board[0]!.doc)) &&
      board.every((c) => boardJson(c.doc) === boardJson(board[0]!.doc)) &&
      readers.every((c) => sameStateVector(c.doc, control.doc)) &&
      !isBoardLocked(control.doc)
    const deadline = healedAt + o.settleTimeoutMs
    let fresh: Y.Doc | null = null
    let freshControl: Y.Doc | null = null
    for (;;) {
      const left = deadline - performance.now()
      let agreed = true
      try {
        await waitFor(all, agree, Math.max(1, left), 'clients agree')
      } catch {
        agreed = false
      }
      // Fresh clients straight to the server (not through the proxy): what anyone joining gets.
      fresh = await readFresh(server.syncUrl, boardName, workshop.facilitatorToken)
      freshControl = await readFresh(server.syncUrl, controlName, workshop.facilitatorToken)
      const same =
        agreed &&
        !hasPending(fresh) &&
        !hasPending(freshControl) &&
        sameStateVector(fresh, board[0]!.doc) &&
        boardJson(fresh) === boardJson(board[0]!.doc) &&
        sameStateVector(freshControl, control.doc) &&
        !isBoardLocked(freshControl)
      if (same) {
        settleMs = performance.now() - healedAt
        break
      }
      if (!agreed || performance.now() >= deadline) {
        problems.push(agreed ? 'clients agree but a fresh client differs' : 'no agreement')
        break
      }
      // The clients agreed on a state the server had already moved past: wait for the change.
      let changed = false
      const offs = all.map((c) => c.onChange(() => (changed = true)))
      try {
        await waitFor(all, () => changed, Math.max(1, deadline - performance.now()), 'a change')
      } catch {
        problems.push('clients agree but a fresh client differs')
        break
      } finally {
        for (const off of offs) off()
      }
    }
    if (problems.length > 0 && fresh && freshControl) {
      if (hasPending(fresh))
        problems.push('fresh board client: PENDING (the server holds parked structs)')
      if (hasPending(freshControl)) problems.push('fresh control client: PENDING')
      if (isBoardLocked(freshControl)) problems.push('the board is still locked on the server')
      board.forEach((c, i) => {
        if (
          !sameStateVector(c.doc, fresh!) ||
          boardJson(c.doc) !== boardJson(fresh!) ||
          hasPending(c.doc) ||
          !c.synced
        ) {
          problems.push(describeClient(labels[i]!, c, fresh!))
        }
      })
      if (!sameStateVector(control.doc, freshControl) || !control.synced) {
        problems.push(describeClient('facilitator control', control, freshControl))
      }
      readers.forEach((c, i) => {
        if (!sameStateVector(c.doc, freshControl!) || !c.synced || hasPending(c.doc)) {
          problems.push(describeClient(`participant ${i + 1} control`, c, freshControl!))
        }
      })
    }
    if (fresh && problems.length === 0) {
      final = {
        workshopId: wid,
        token: workshop.facilitatorToken,
        stateVector: Y.encodeStateVector(fresh),
        json: boardJson(fresh),
      }
    }
  } finally {
    for (const stop of stops) stop()
    for (const c of all) c.destroy()
    await proxy.close()
  }
  // Refusals by document and reason ("board: read-only", "control: read-only", …).
  const refusals: Record<string, number> = {}
  let resets = 0
  for (const c of all) {
    resets += c.resets
    const kind = c === control || readers.includes(c) ? 'control' : 'board'
    for (const [reason, n] of c.refusals) {
      const key = `${kind}: ${reason}`
      refusals[key] = (refusals[key] ?? 0) + n
    }
  }
  return {
    seed: spec.seed,
    lock: spec.lock,
    converged: problems.length === 0,
    problems,
    edits,
    lockToggles,
    refusals,
    resets,
    proxy: { ...proxy.stats },
    settleMs,
    final,
    serverCopy: null,
  }
}

/** Whether the server, after a restart, still serves each run's final board, with nothing pending. */
export async function checkServerCopies(
  server: ServerEndpoint,
  results: readonly RunResult[],
): Promise<void> {
  for (const r of results) {
    if (!r.final) continue
    const name = docName({ workshopId: r.final.workshopId as WorkshopId, kind: 'board' })
    try {
      const fresh = await readFresh(server.syncUrl, name, r.final.token)
      r.serverCopy =
        !hasPending(fresh) &&
        Buffer.from(Y.encodeStateVector(fresh)).equals(Buffer.from(r.final.stateVector)) &&
        boardJson(fresh) === r.final.json
      if (!r.serverCopy) r.problems.push('after a server restart, a fresh client got another board')
    } catch (err) {
      r.serverCopy = false
      r.problems.push(`after a server restart: ${(err as Error).message}`)
    }
  }
}

export interface SuiteOptions extends RunOptions {
  readonly runs: readonly RunSpec[]
  /** Runs at once (each with its own workshop and proxy). */
  readonly concurrency?: number
  /** Restart the server after this many runs and check their stored boards (0: only at the end). */
  readonly restartEvery?: number
  /** Data folder for the server (a temporary one when not given). */
  readonly dataDir?: string
  readonly env?: Readonly<Record<string, string>>
  readonly onRun?: (result: RunResult, done: number) => void
}

export interface SuiteReport {
  readonly results: readonly RunResult[]
  readonly restarts: number
  readonly ms: number
}

/** Many runs against one real server process, restarted between batches. */
export async function runSuite(options: SuiteOptions): Promise<SuiteReport> {
  const started = performance.now()
  const server = new ServerProcess({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.env ? { env: options.env } : {}),
  })
  const results: RunResult[] = []
  let restarts = 0
  try {
    await server.start()
    const batchSize =
      options.restartEvery && options.restartEvery > 0 ? options.restartEvery : options.runs.length
    for (let at = 0; at < options.runs.length; at += batchSize) {
      const batch = options.runs.slice(at, at + batchSize)
      const batchResults: RunResult[] = []
      let next = 0
      const worker = async () => {
        while (next < batch.length) {
          const spec = batch[next++]!
          let result: RunResult
          try {
            result = await runOnce(server, spec, options)
          } catch (err) {
            result = failedRun(spec, err)
          }
          batchResults.push(result)
          results.push(result)
          options.onRun?.(result, results.length)
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker))
      await server.terminate()
      await server.start()
      restarts++
      await checkServerCopies(server, batchResults)
    }
  } finally {
    await server.stop()
  }
  return { results, restarts, ms: performance.now() - started }
}

function failedRun(spec: RunSpec, err: unknown): RunResult {
  return {
    seed: spec.seed,
    lock: spec.lock,
    converged: false,
    problems: [`run failed: ${(err as Error).stack ?? String(err)}`],
    edits: 0,
    lockToggles: 0,
    refusals: {},
    resets: 0,
    proxy: {
      connections: 0,
      chunks: 0,
      bytes: 0,
      delayedChunks: 0,
      stalls: 0,
      halfOpens: 0,
      cuts: 0,
      bytesReleasedAtHeal: 0,
    },
    settleMs: NaN,
    final: null,
    serverCopy: null,
  }
}

/** The lock decision of a seed when runs are chosen by seed alone (`share` of them lock). */
export function lockForSeed(seed: number, share: number): boolean {
  return createRng(seed).fork('lock decision').chance(share)
}

export interface SuiteSummary {
  readonly runs: number
  readonly converged: number
  readonly lockRuns: number
  readonly lockConverged: number
  readonly serverCopyChecked: number
  readonly serverCopyOk: number
  readonly failedSeeds: readonly { seed: number; lock: boolean; problems: readonly string[] }[]
  readonly refusals: Record<string, number>
  readonly resets: number
  readonly edits: number
  readonly proxy: ProxyStats
  readonly settleP50: number
  readonly settleMax: number
}

export function summarise(results: readonly RunResult[]): SuiteSummary {
  const refusals: Record<string, number> = {}
  const proxy: ProxyStats = {
    connections: 0,
    chunks: 0,
    bytes: 0,
    delayedChunks: 0,
    stalls: 0,
    halfOpens: 0,
    cuts: 0,
    bytesReleasedAtHeal: 0,
  }
  let resets = 0
  let edits = 0
  for (const r of results) {
    resets += r.resets
    edits += r.edits
    for (const [k, n] of Object.entries(r.refusals)) refusals[k] = (refusals[k] ?? 0) + n
    for (const k of Object.keys(proxy) as (keyof ProxyStats)[]) proxy[k] += r.proxy[k]
  }
  const settle = results
    .map((r) => r.settleMs)
    .filter((ms) => Number.isFinite(ms))
    .sort((a, b) => a - b)
  const ok = (r: RunResult) => r.converged && r.serverCopy !== false
  return {
    runs: results.length,
    converged: results.filter(ok).length,
    lockRuns: results.filter((r) => r.lock).length,
    lockConverged: results.filter((r) => r.lock && ok(r)).length,
    serverCopyChecked: results.filter((r) => r.serverCopy !== null).length,
    serverCopyOk: results.filter((r) => r.serverCopy === true).length,
    failedSeeds: results
      .filter((r) => !ok(r))
      .map((r) => ({ seed: r.seed, lock: r.lock, problems: r.problems })),
    refusals,
    resets,
    edits,
    proxy,
    settleP50: settle.length ? settle[Math.floor((settle.length - 1) / 2)]! : NaN,
    settleMax: settle.length ? settle[settle.length - 1]! : NaN,
  }
}
