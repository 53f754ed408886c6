// The projector's brainstorm count: drafts only, summed, with the right plural.
import { describe, expect, it } from 'vitest'
import { draftCount, draftedLine } from './brainstorm-count'

describe('draftCount', () => {
  it('sums drafts and leaves revealed ideas out', () => {
    expect(draftCount({})).toBe(0)
    expect(
      draftCount({
        a: { drafts: 2, revealed: 5, dots: 0 },
        b: { drafts: 3, revealed: 0, dots: 0 },
      }),
    ).toBe(5)
  })
})

describe('draftedLine', () => {
  it.each([
    [0, 'No drafts waiting to be revealed'],
    [1, '1 idea drafted, not yet revealed'],
    [2, '2 ideas drafted, not yet revealed'],
  ])('%i → %s', (n, text) => expect(draftedLine(n)).toBe(text))
})
