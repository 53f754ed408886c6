// Convergence (issue 18): six stock providers edit the board through a TCP proxy that delays,
// stalls, half-opens and cuts connections (never altering a byte), the facilitator locking and
// unlocking the board in some runs; after healing, every client and a fresh one hold the same
// document with nothing pending, and so does a fresh client after a server restart. The logic
// lives in bench/src/converge/ (its CLI runs 1,000 seeds: `pnpm --filter @triage/bench run
// converge`).
import { describe, expect, it } from 'vitest'
import { runSuite, summarise } from '../../bench/src/converge/run.js'
import { tempDir } from './helpers.js'

const RUNS = [
  { seed: 1, lock: false },
  { seed: 2, lock: true },
  { seed: 3, lock: false },
  { seed: 4, lock: true },
  { seed: 5, lock: true },
]

describe('convergence', () => {
  it('converges after healing in every seeded run, with and without lock/unlock', async () => {
    const report = await runSuite({
      runs: RUNS,
      concurrency: 3,
      restartEvery: 0,
      dataDir: tempDir(),
      chaosMs: 2000,
      settleTimeoutMs: 15_000,
    })
    const summary = summarise(report.results)
    expect(summary.failedSeeds).toEqual([])
    expect(summary.converged).toBe(RUNS.length)
    // After the restart a fresh client got every run's board back, nothing pending.
    expect(summary.serverCopyOk).toBe(RUNS.length)
    // The proxy did misbehave, and the locked board did refuse participants (who reset).
    expect(summary.proxy.cuts).toBeGreaterThan(0)
    expect(summary.proxy.delayedChunks).toBeGreaterThan(0)
    const boardRefusals = Object.entries(summary.refusals)
      .filter(([reason]) => reason.startsWith('board:'))
      .reduce((n, [, count]) => n + count, 0)
    expect(boardRefusals).toBeGreaterThan(0)
    expect(summary.resets).toBeGreaterThan(0)
  }, 90_000)
})
