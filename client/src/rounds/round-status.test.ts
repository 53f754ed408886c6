// The sealed round's states: progress while open or closed, results only once revealed.
import { describe, expect, it } from 'vitest'
import { revealedResults, showsProgress, type RoundStatus } from './round-status'

describe('a sealed round', () => {
  it.each<[RoundStatus, boolean, string | null]>([
    ['setup', false, null],
    ['open', true, null],
    ['closed', true, null],
    ['revealed', false, 'results'],
  ])('when %s: progress shown %s, results %s', (status, progress, results) => {
    expect(showsProgress(status)).toBe(progress)
    expect(revealedResults(status, 'results')).toBe(results)
  })

  it('shows nothing as results when revealed without any', () => {
    expect(revealedResults('revealed', null)).toBeNull()
  })
})
