import { describe, expect, it } from 'vitest'
import { ProgressWaits, ratedCounts, stormSchedule } from './ratings-storm-model.js'

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

  it("gives every tap the count of the phone's items whose effort tap is at or before it", () => {
    const taps = stormSchedule(20, 20, 30_000, 11)
    for (const t of taps) {
      const own = taps.filter((o) => o.phone === t.phone && o.effortAt <= t.effortAt)
      expect(t.count).toBe(own.length)
    }
    // With 20 items in 30 s some effort taps cross the next item's, as in the storm.
    expect(taps.some((t) => t.count !== t.item + 1)).toBe(true)
  })

  it('is the same for the same seed', () => {
    expect(stormSchedule(3, 3, 1_000, 1)).toEqual(stormSchedule(3, 3, 1_000, 1))
    expect(stormSchedule(3, 3, 1_000, 1)).not.toEqual(stormSchedule(3, 3, 1_000, 2))
  })
})

describe('ratedCounts', () => {
  it("counts a phone's items complete at each effort tap, not the item's place", () => {
    const tap = (phone: number, item: number, impactAt: number, effortAt: number) => ({
      phone,
      item,
      impactAt,
      effortAt,
    })
    // Phone 0 taps item 1's effort (at 300) before item 0's (at 500): item 1 makes the count 1,
    // item 0 makes it 2. Phone 1 rates in order; its taps never count towards phone 0's.
    expect(
      ratedCounts([
        tap(0, 0, 0, 500),
        tap(1, 0, 50, 200),
        tap(0, 1, 100, 300),
        tap(1, 1, 250, 400),
        tap(0, 2, 600, 700),
      ]).map((t) => [t.phone, t.item, t.count]),
    ).toEqual([
      [0, 0, 2],
      [1, 0, 1],
      [0, 1, 1],
      [1, 1, 2],
      [0, 2, 3],
    ])
  })

  it('breaks a tie in effort time by the order of the taps given', () => {
    const counts = ratedCounts([
      { phone: 0, item: 0, impactAt: 0, effortAt: 300 },
      { phone: 0, item: 1, impactAt: 10, effortAt: 300 },
    ]).map((t) => t.count)
    expect(counts).toEqual([1, 2])
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
