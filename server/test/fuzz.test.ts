// The protocol fuzzer against a real server on port 0: a few thousand random and mutated frames
// through authenticated connections of every role, while honest stock providers edit the same
// workshop. The server stays up, honest clients are never disconnected by someone else's frames,
// they converge with a fresh client, and every document loads after a restart on the same data.
// The long run (100,000 frames) is `pnpm --filter @triage/bench fuzz` (see bench/src/fuzz/cli.ts).
import { describe, expect, it } from 'vitest'
import { fuzzTable } from '../../bench/src/fuzz/report.js'
import { runFuzz, type FuzzReport, type FuzzTarget } from '../../bench/src/fuzz/run-fuzz.js'
import { startServer, tempDir, type TestServer } from './helpers.js'

const ENV = {
  // The fuzzer measures the protocol, not the rate limiter.
  WS_MESSAGES_PER_SECOND: '100000',
  WS_MESSAGE_BURST: '1000000',
  JOIN_PER_MINUTE: '100000',
  CREATE_PER_MINUTE: '100000',
}

/** This process's server as a fuzz target, with its error-level log lines. */
async function inProcessTarget(): Promise<FuzzTarget> {
  const dataDir = tempDir()
  const errors: string[] = []
  const logStream = {
    write(line: string) {
      // pino: 50 error, 60 fatal.
      if (/"level":(50|60)/.test(line)) errors.push(line.trim())
    },
  }
  let server: TestServer = await startServer(ENV, dataDir, 0, { logStream })
  return {
    get httpUrl() {
      return server.url
    },
    async alive() {
      try {
        const res = await fetch(server.url + '/healthz', { signal: AbortSignal.timeout(5000) })
        return res.ok
      } catch {
        return false
      }
    },
    rssMiB: () => process.memoryUsage().rss / 2 ** 20,
    errorLines: () => errors.slice(),
    async restart() {
      await server.close()
      server = await startServer(ENV, dataDir, 0, { logStream })
    },
  }
}

function summary(r: FuzzReport): string {
  const lines = r.findings
    .slice(0, 10)
    .map((f) => `  - at frame ${f.atFrame}: ${f.what}: ${f.detail}`)
  return [
    `seed ${r.seed}: ${r.frames} frames in ${r.seconds.toFixed(1)} s`,
    `crashes ${r.crashes}, honest disconnections ${r.honestDisconnections}, honest errors ${r.honestErrors}, ` +
      `not converged ${r.notConverged}, failing to load ${r.documentsFailingToLoad}/${r.documents}, ` +
      `content lost in restart ${r.documentsLosingContent}, action failures ${r.actionFailures}, ` +
      `server errors ${r.serverErrors}`,
    ...lines,
  ].join('\n')
}

describe('protocol fuzzer', () => {
  it.each([1, 2, 3])(
    'seed %i: 1,000 frames through every role leave the server, honest clients and documents intact',
    async (seed) => {
      const target = await inProcessTarget()
      const report = await runFuzz(target, {
        seed,
        frames: 1000,
        syncTimeoutMs: 5000,
        answerTimeoutMs: 5000,
        reveals: 1,
      })
      const text = summary(report)
      // FUZZ_REPORT=1 prints the figures of each seed.
      if (process.env.FUZZ_REPORT) console.log(fuzzTable(report))
      expect(report.frames, text).toBe(1000)
      expect(report.crashes, text).toBe(0)
      expect(report.honestDisconnections, text).toBe(0)
      expect(report.honestErrors, text).toBe(0)
      expect(report.honestRefusals, text).toBe(0)
      expect(report.notConverged, text).toBe(0)
      expect(report.documentsFailingToLoad, text).toBe(0)
      expect(report.documentsLosingContent, text).toBe(0)
      expect(report.actionFailures, text).toBe(0)
      expect(report.serverErrors, text).toBe(0)
      expect(report.fuzzUnsafeClocks, text).toBe(0)
      // Every kind of frame was sent, and some of what the fuzzer wrote was accepted (so it
      // also reached what happens after an update is applied, stored and broadcast).
      expect(Object.keys(report.framesByKind).length, text).toBe(8)
      expect(report.fuzzAccepted, text).toBeGreaterThan(0)
    },
    // About 5 s each on an idle 2-core machine; the margin is for a machine busy with more.
    60_000,
  )
})
