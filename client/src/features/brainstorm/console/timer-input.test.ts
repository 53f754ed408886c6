// The "Minutes" field: whole and decimal minutes become seconds; nonsense gets a message.
import { describe, expect, it } from 'vitest'
import { parseTimerMinutes } from './timer-input'

describe('parseTimerMinutes', () => {
  it.each([
    ['5', 300],
    [' 1 ', 60],
    ['0.5', 30],
    ['0,5', 30],
    ['0.1', 6],
    ['60', 3600],
    ['2.25', 135],
  ])('%s minutes → %i seconds', (raw, seconds) => {
    expect(parseTimerMinutes(raw)).toEqual({ ok: true, seconds })
  })

  it.each(['', 'abc', '0', '-1', '0.05', '61', 'Infinity', '1e9'])('refuses %j', (raw) => {
    const result = parseTimerMinutes(raw)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/from 0.1 to 60/)
  })
})
