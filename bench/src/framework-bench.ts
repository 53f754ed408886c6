// Benchmark "framework" (issue 12): sensitivity of a weighted ranking for 50 items × 8 criteria ×
// 10,000 samples (goal ≤ 150 ms), and the weighted ranking and one-way intervals (goal ≤ 5 ms),
// with the shared package's pure functions, in one Node process as the server would run them.
// Run: pnpm --filter @triage/bench exec node --import tsx src/framework-bench.ts
//      (BENCH_FRAMEWORK_RUNS=n timed runs, default 20)
import { cpus, loadavg, totalmem } from 'node:os'
import {
  analyseSensitivity,
  createRandom,
  fitConcentration,
  nearestThreshold,
  oneWayStability,
  rankAcceptability,
  valueMatrix,
  weightShares,
  weightedRanking,
  type Criterion,
  type ScoreTable,
  type Weights,
} from '@triage/shared'

const RUNS = Number(process.env.BENCH_FRAMEWORK_RUNS ?? 20)
const ITEMS = 50
const CRITERIA = 8
const SAMPLES = 10_000
const TOP_N = 3

// A workshop's worth of data from a fixed seed: 1–5 scores (two cost criteria), 12 proposals.
const random = createRandom(2026)
const criteria: Criterion[] = Array.from({ length: CRITERIA }, (_, j) => ({
  id: `c${j}`,
  name: `Criterion ${j + 1}`,
  direction: j >= CRITERIA - 2 ? 'cost' : 'benefit',
  scale: { min: 1, max: 5 },
}))
const items = Array.from({ length: ITEMS }, (_, i) => ({ key: `i${i}`, label: `Item ${i + 1}` }))
const scores: ScoreTable = Object.fromEntries(
  items.map((it) => [it.key, Object.fromEntries(criteria.map((c) => [c.id, random.int(1, 5)]))]),
)
const proposals: Weights[] = Array.from({ length: 12 }, () =>
  Object.fromEntries(criteria.map((c) => [c.id, random.int(2, 25)])),
)
const weights: Weights = Object.fromEntries(
  criteria.map((c) => [c.id, proposals.reduce((s, p) => s + p[c.id]!, 0) / proposals.length]),
)
const keys = items.map((i) => i.key)

function time(fn: () => unknown): number[] {
  for (let i = 0; i < 3; i++) fn()
  const out: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    fn()
    out.push(performance.now() - t)
  }
  return out
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1))

const w = weightShares(criteria, weights)
const values = valueMatrix(keys, criteria, scores)
const concentration = fitConcentration(
  w,
  proposals.map((p) => criteria.map((c) => p[c.id]!)),
)
const rows: [string, number[], number | null][] = [
  [
    `SMAA-2 rank acceptability (${ITEMS} × ${CRITERIA} × ${SAMPLES.toLocaleString('en')})`,
    time(() =>
      rankAcceptability({ values, m: CRITERIA, weights: w, concentration, topN: TOP_N, seed: 1 }),
    ),
    150,
  ],
  [
    'whole sensitivity (SMAA + intervals + sentences)',
    time(() =>
      analyseSensitivity({ items, criteria, weights, scores, proposals, topN: TOP_N, seed: 1 }),
    ),
    150,
  ],
  ['weighted ranking', time(() => weightedRanking(keys, criteria, weights, scores)), 5],
  [
    'one-way intervals (all criteria) + thresholds of the top 3',
    time(() => {
      oneWayStability(values, CRITERIA, w, TOP_N)
      for (let x = 0; x < TOP_N; x++) nearestThreshold(values, CRITERIA, w, TOP_N, x)
    }),
    5,
  ],
]

const cpu = cpus()
console.log(
  `Machine: ${cpu.length} CPUs, ${cpu[0]?.model ?? 'unknown'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load ${loadavg()[0]!.toFixed(1)}`,
)
console.log(`Concentration fitted to the proposals: ${concentration.toFixed(1)}\n`)
console.log('| Measure | n | median ms | max ms | goal | |')
console.log('| --- | --: | --: | --: | --- | --- |')
for (const [name, samples, goal] of rows) {
  const m = median(samples)
  const x = Math.max(...samples)
  const verdict = goal === null ? '' : x <= goal ? 'met' : m <= goal ? 'median only' : 'MISSED'
  console.log(
    `| ${name} | ${samples.length} | ${fmt(m)} | ${fmt(x)} | ${goal === null ? '' : `≤ ${goal} ms`} | ${verdict} |`,
  )
}
