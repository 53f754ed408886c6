// The harness's statistics: nearest-rank percentiles, the sample store, the ramp verdict.
import { describe, expect, it } from 'vitest'
import { Samples, largestPassing, percentile, ratio } from './stats.js'
import { plan, rng } from './workloads.js'

describe('percentile', () => {
  const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1)
  it.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0, 1],
  ])('p%d of 1..100 is %d', (p, expected) => {
    expect(percentile(oneToHundred, p)).toBe(expected)
  })

  it('takes the nearest rank, not an interpolation', () => {
    expect(percentile([10, 20, 30, 40], 50)).toBe(20)
    expect(percentile([10, 20, 30, 40], 51)).toBe(30)
    expect(percentile([7], 99)).toBe(7)
  })

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN()
  })
})

describe('Samples', () => {
  it('sorts numerically and grows past its first buffer', () => {
    const s = new Samples()
    for (let i = 3000; i >= 1; i--) s.push(i)
    const summary = s.summary()
    expect(summary.count).toBe(3000)
    expect(summary.p50).toBe(1500)
    expect(summary.p99).toBe(2970)
    expect(summary.max).toBe(3000)
    expect(summary.mean).toBe(1500.5)
  })

  it('sorts as numbers, not as text', () => {
    const s = new Samples()
    for (const v of [100, 9, 25]) s.push(v)
    expect(s.summary().p50).toBe(25)
  })

  it('summarises nothing as NaN', () => {
    expect(new Samples().summary().p95).toBeNaN()
  })
})

describe('largestPassing', () => {
  it('stops at the first step over the limit, even if a later one passes', () => {
    const steps = [
      { clients: 100, p95: 10, lost: 0 },
      { clients: 200, p95: 240, lost: 0 },
      { clients: 300, p95: 260, lost: 0 },
      { clients: 400, p95: 100, lost: 0 },
    ]
    expect(largestPassing(steps, 250)).toBe(200)
  })

  it('fails a step that lost updates or measured nothing', () => {
    expect(largestPassing([{ clients: 100, p95: 5, lost: 1 }], 250)).toBeNull()
    expect(largestPassing([{ clients: 100, p95: NaN, lost: 0 }], 250)).toBeNull()
  })
})

describe('ratio', () => {
  it('divides, and shows a dash when a side is missing', () => {
    expect(ratio(3, 2)).toBe('1.50×')
    expect(ratio(NaN, 2)).toBe('–')
    expect(ratio(1, 0)).toBe('–')
  })
})

describe('workload schedules', () => {
  it('are the same for the same seed', () => {
    expect(plan('vote', 20, 7).events).toEqual(plan('vote', 20, 7).events)
    expect(rng(1)()).not.toBe(rng(2)())
  })

  it('vote: every client writes 5 dots within 10 s, in time order', () => {
    const p = plan('vote', 50)
    expect(p.events).toHaveLength(250)
    const times = p.events.map((e) => e.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(Math.max(...times)).toBeLessThan(10_000)
    for (let c = 0; c < 50; c++) {
      expect(p.events.filter((e) => e.client === c)).toHaveLength(5)
    }
  })

  it('drag: five movers at 20 Hz for 10 s', () => {
    const writes = plan('drag', 100).events
    expect(new Set(writes.map((e) => e.client))).toEqual(new Set([0, 1, 2, 3, 4]))
    expect(writes).toHaveLength(5 * 200)
  })

  it('reconnect: every client but the writer drops and comes back', () => {
    const events = plan('reconnect', 10).events
    expect(events.filter((e) => e.kind === 'drop')).toHaveLength(9)
    expect(events.filter((e) => e.kind === 'connect')).toHaveLength(9)
    for (const e of events) if (e.kind === 'connect') expect(e.at).toBeGreaterThan(1000)
  })
})
