import { describe, expect, it } from 'vitest'
import { ProgressWaits, stormSchedule } from './ratings-storm-model.js'

describe('stormSchedule', () => {
  it('has every phone rate every item once, in order, inside the window', () => {
    const taps = stormSchedule(5, 4, 30_000, 7)
    expect(taps).toHaveLength(20)
    for (let phone = 0; phone < 5; phone++) {
      const own = taps.filter((t) => t.phone === phone)
      expect(own.map((t) => t.item).sort()).toEqual([0, 1, 2, 3])
      const byItem = [...own].sort((a, b) => a.item - b.item)
      for (let i = 1; i < byItem.length; i++) {
        expect(byItem[i]!.impactAt).toBeGreaterThanOrEqual(byItem[i - 1]!.impactAt)
      }
    }
    for (const t of taps) {
      expect(t.impactAt).toBeGreaterThanOrEqual(0)
      expect(t.effortAt - t.impactAt).toBeGreaterThanOrEqual(150)
      expect(t.effortAt).toBeLessThan(30_000)
    }
    expect(taps.map((t) => t.impactAt)).toEqual(
      [...taps.map((t) => t.impactAt)].sort((a, b) => a - b),
    )
  })

  it('is the same for the same seed', () => {
    expect(stormSchedule(3, 3, 1_000, 1)).toEqual(stormSchedule(3, 3, 1_000, 1))
    expect(stormSchedule(3, 3, 1_000, 1)).not.toEqual(stormSchedule(3, 3, 1_000, 2))
  })
})

describe('ProgressWaits', () => {
  it('times each rating to the first count that covers it', () => {
    const w = new ProgressWaits()
    w.sent(0, 1, 100)
    w.sent(0, 2, 150)
    w.sent(1, 1, 120)
    expect(w.seen(0, 1, 180)).toEqual([80])
    expect(w.lost).toBe(2)
    // A count that skips ahead covers every rating at or below it.
    w.sent(0, 3, 200)
    expect(w.seen(0, 3, 260)).toEqual([110, 60])
    expect(w.seen(0, 3, 300)).toEqual([])
    expect(w.lost).toBe(1)
  })

  it('counts what is never seen as lost, and ignores other phones and lower counts', () => {
    const w = new ProgressWaits()
    w.sent(2, 5, 0)
    expect(w.seen(2, 4, 10)).toEqual([])
    expect(w.seen(3, 9, 10)).toEqual([])
    expect(w.lost).toBe(1)
  })
})
