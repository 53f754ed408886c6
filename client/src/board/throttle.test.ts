// The presence throttle: immediate first message, bounded rate, last value kept.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createThrottle } from './throttle'

describe('createThrottle', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('sends the first value at once and the latest one after the interval', () => {
    const sent: number[] = []
    const t = createThrottle(50, (v: number) => sent.push(v))
    t.push(1)
    t.push(2)
    t.push(3)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(49)
    expect(sent).toEqual([1])
    vi.advanceTimersByTime(1)
    expect(sent).toEqual([1, 3])
    vi.advanceTimersByTime(200)
    expect(sent).toEqual([1, 3])
  })

  it('keeps to 20 messages a second under a stream of moves', () => {
    const sent: number[] = []
    const t = createThrottle(50, (v: number) => sent.push(v))
    for (let i = 0; i < 1000; i++) {
      t.push(i)
      vi.advanceTimersByTime(1)
    }
    expect(sent.length).toBeLessThanOrEqual(21)
    vi.advanceTimersByTime(50)
    expect(sent.at(-1)).toBe(999)
  })

  it('now() sends at once and drops what was pending', () => {
    const sent: (number | null)[] = []
    const t = createThrottle<number | null>(50, (v) => sent.push(v))
    t.push(1)
    t.push(2)
    t.now(null)
    vi.advanceTimersByTime(100)
    expect(sent).toEqual([1, null])
  })
})
