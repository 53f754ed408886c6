// The idea field's length line: the count, and the limit said once reached.
import { describe, expect, it } from 'vitest'
import { ideaLengthLine } from './idea-length'

describe('ideaLengthLine', () => {
  it.each([
    [0, '0 / 500', false],
    [123, '123 / 500', false],
    [499, '499 / 500', false],
    [500, '500 / 500', true],
  ])('%i characters read "%s" (full: %s)', (n, count, full) => {
    const line = ideaLengthLine(n, 500)
    expect(line.count).toBe(count)
    expect(line.full).toBe(full)
    expect(line.reached).toBe('That is the limit: an idea is at most 500 characters.')
  })
})
