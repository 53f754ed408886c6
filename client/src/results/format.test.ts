// Result number formats: percentages, dot counts and turnout lines.
import { describe, expect, it } from 'vitest'
import { dotCount, percent, turnoutLine } from './format'

describe('percent', () => {
  it.each([
    [0, '0.0%'],
    [1, '100.0%'],
    [3 / 7, '42.9%'],
    [0.5, '50.0%'],
    [0.12345, '12.3%'],
    // Rounds half up at one decimal, not to the float below it.
    [0.0005, '0.1%'],
    [1 / 3, '33.3%'],
    [Number.NaN, '0.0%'],
    [-0.2, '0.0%'],
    [1.5, '100.0%'],
  ])('%d → %s', (share, text) => expect(percent(share)).toBe(text))
})

describe('dotCount', () => {
  it.each([
    [0, '0 dots'],
    [1, '1 dot'],
    [2, '2 dots'],
  ])('%i → %s', (n, text) => expect(dotCount(n)).toBe(text))
})

describe('turnoutLine', () => {
  it('names the group and both counts', () => {
    expect(turnoutLine({ name: 'Surgeons', voters: 3, members: 4 })).toBe('3 of 4 Surgeons voted')
    expect(turnoutLine({ name: 'Nurses', voters: 0, members: 0 })).toBe('0 of 0 Nurses voted')
  })
})
