// Every refusal leads to a reset: at once, or when two seconds since the last one are up.
import { describe, expect, it } from 'vitest'
import { planReset, RESET_INTERVAL_MS, type ResetPlan } from './reset-plan'

describe('planReset', () => {
  it.each<[string, number, number | null, boolean, ResetPlan]>([
    ['first refusal ever', 10_000, null, false, { kind: 'now' }],
    ['long after the last reset', 10_000, 5_000, false, { kind: 'now' }],
    ['exactly two seconds after', 12_000, 10_000, false, { kind: 'now' }],
    ['a second refusal 1 ms after a reset', 10_001, 10_000, false, { kind: 'later', delay: 1999 }],
    ['half-way through the interval', 11_000, 10_000, false, { kind: 'later', delay: 1000 }],
    ['one already waits', 10_500, 10_000, true, { kind: 'scheduled' }],
    ['one already waits, even long after', 99_000, 10_000, true, { kind: 'scheduled' }],
    ['the clock went backwards', 5_000, 10_000, false, { kind: 'later', delay: 2000 }],
  ])('%s', (_, now, lastReset, scheduled, plan) => {
    expect(planReset(now, lastReset, scheduled)).toEqual(plan)
  })

  it('never ignores a refusal: without a pending reset it plans one within the interval', () => {
    for (let last = 0; last <= 3 * RESET_INTERVAL_MS; last += 37) {
      for (let now = last; now <= last + 3 * RESET_INTERVAL_MS; now += 53) {
        const plan = planReset(now, last, false)
        if (plan.kind === 'scheduled') throw new Error('a refusal was dropped')
        const at = plan.kind === 'now' ? now : now + plan.delay
        // Never sooner than the interval after the last reset, and never later than needed.
        expect(at).toBe(Math.max(now, last + RESET_INTERVAL_MS))
      }
    }
  })
})
